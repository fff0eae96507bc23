import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AccessCode } from "../../components/access-code";
import { postNewAccessCode, type AccessCodeResult } from "../../lib/api-client";
import { DEFAULT_ENDPOINT, type SentRecord } from "../../lib/db";
import { outboxRepository } from "../../lib/outbox-repository";
import { tryAgainWords } from "./try-again";

const repository = outboxRepository();

/**
 * "Make a new access code": for when someone else may have seen it. The old code stops working at
 * once; the new one is shown and kept on this phone like the first (decision 015).
 */
export function ChangeAccessCode({
  sent,
  showNewCode = true,
}: {
  sent: SentRecord;
  /** False where the page already shows the kept code, live. */ showNewCode?: boolean;
}) {
  const { t, i18n } = useTranslation("complaints");
  const [state, setState] = useState<"idle" | "busy" | AccessCodeResult>("idle");
  if (!sent.statusToken) return null;
  const token = sent.statusToken;

  const change = async () => {
    setState("busy");
    const result = await postNewAccessCode(sent.endpoint ?? DEFAULT_ENDPOINT, sent.reference, token);
    if (result.kind === "ok") await repository.saveAccessCode(sent.id, result.accessCode).catch(() => {});
    setState(result);
  };

  const problem = typeof state === "object" && state.kind !== "ok" ? tryAgainWords(t, state, i18n.language) : undefined;
  return (
    <section aria-labelledby="change-code-heading">
      <h2 className="heading-m" id="change-code-heading">
        {t("accessCode.changeHeading")}
      </h2>
      <p className="body">{t("accessCode.changeBody")}</p>
      <div role="status">
        {typeof state === "object" && state.kind === "ok" ? (
          <>
            <p className="body notice">{t("accessCode.changed")}</p>
            {showNewCode ? <AccessCode code={state.accessCode} /> : null}
          </>
        ) : null}
        {problem ? <p className="body notice notice--error">{problem}</p> : null}
      </div>
      <button type="button" className="button button--secondary" disabled={state === "busy"} onClick={() => void change()}>
        {t("accessCode.change")}
      </button>
    </section>
  );
}
