/**
 * Fonts a phone may lack, self-hosted (no other origin) and fetched only when their language is
 * chosen: Ethiopic script for Tigrinya (Noto Sans Ethiopic, the Ethiopic subset only, regular and
 * bold). styles.css names the family for `html[lang="ti"]`.
 */
let ethiopic: Promise<unknown> | undefined;

export function loadEthiopicFont(): Promise<unknown> {
  ethiopic ??= Promise.all([import("@fontsource/noto-sans-ethiopic/ethiopic-400.css"), import("@fontsource/noto-sans-ethiopic/ethiopic-700.css")]).catch(
    (error: unknown) => {
      ethiopic = undefined;
      throw error;
    },
  );
  return ethiopic;
}
