import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { storageProblemStore, type StorageProblem } from "../lib/storage-health";
import { useTextSource, type TextSource } from "./storage-warning";

type CopyState = "idle" | "copied" | "nothing" | "fallback";

/** Copies with the Clipboard API; where that is missing or refused, shows the text selected in a box to copy by hand. */
function CopyWhatYouWrote({ getText }: { getText: TextSource }) {
  const { t } = useTranslation("storage");
  const [state, setState] = useState<CopyState>("idle");
  const [fallbackText, setFallbackText] = useState("");
  // Bumped on every fallback, so pressing the button again selects the text again.
  const [fallbackShown, setFallbackShown] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (fallbackShown === 0) return;
    textareaRef.current?.focus();
    textareaRef.current?.select();
  }, [fallbackShown]);

  const copy = async () => {
    const text = getText();
    if (text.trim() === "") {
      setState("nothing");
      return;
    }
    try {
      // Missing outside secure contexts and in some in-app browsers; may also be refused.
      if (typeof navigator.clipboard?.writeText !== "function") throw new Error("No clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setFallbackText(text);
      setState("fallback");
      setFallbackShown((n) => n + 1);
    }
  };

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {t("copy.button")}
      </button>
      <p className="body" role="status">
        {state === "copied" ? t("copy.copied") : state === "nothing" ? t("copy.nothing") : ""}
      </p>
      {state === "fallback" ? (
        <div className="form-group">
          <label className="label" htmlFor={`${id}-text`}>
            {t("copy.fallbackLabel")}
          </label>
          <div className="hint" id={`${id}-hint`}>
            {t("copy.fallbackHint")}
          </div>
          <textarea ref={textareaRef} id={`${id}-text`} className="textarea" rows={8} readOnly value={fallbackText} aria-describedby={`${id}-hint`} />
        </div>
      ) : null}
    </>
  );
}

export function ProblemWarning({ problem, getText }: { problem: Exclude<StorageProblem, "none">; getText: TextSource | undefined }) {
  const { t } = useTranslation("storage");
  const headingId = useId();
  const text = {
    unavailable: { heading: t("unavailable.heading"), body: t("unavailable.body"), keep: t("unavailable.keep") },
    "quota-full": { heading: t("quotaFull.heading"), body: t("quotaFull.body"), keep: t("quotaFull.keep") },
    failed: { heading: t("failed.heading"), body: t("failed.body"), keep: t("failed.keep") },
  }[problem];
  return (
    <section className="notice notice--error" aria-labelledby={headingId} data-storage-problem={problem}>
      {/* Said at once by screen readers, without moving focus away from what the person is typing. */}
      <div role="alert">
        <h2 className="heading-s" id={headingId}>
          {text.heading}
        </h2>
        <p className="body">{text.body}</p>
        <p className="body">{text.keep}</p>
      </div>
      {getText ? <CopyWhatYouWrote getText={getText} /> : null}
    </section>
  );
}

/**
 * The top of <main>: a warning while saving on this device is not working (what is typed is kept
 * only while the page is open, with a button to copy it). It follows something the person did
 * (typing), so it may push the page down. The home-screen notice is InstallHint's. Loaded once
 * the page is on screen (layout.tsx), so neither it nor the storage checks are part of the first
 * page's JavaScript (issue 9's budget); a problem found before then is shown as it loads.
 */
export function StorageWarning() {
  const problem = useSyncExternalStore(storageProblemStore.subscribe, storageProblemStore.getSnapshot, () => "none" as const);
  const getText = useTextSource();
  return problem !== "none" ? <ProblemWarning problem={problem} getText={getText} /> : null;
}
