/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" only in the end-to-end build: adds the pseudo-languages (lib/pseudo-locale.ts). */
  readonly VITE_PSEUDO_LOCALES?: string;
}
