import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CouncilSettings } from "../../../domain/council";
import { BackLink } from "../../components/back-link";
import { LoadingPage } from "../../components/status-pages";
import { useDocumentTitle } from "../../components/use-document-title";
import { fetchCopy, type CopyResult } from "../../lib/api-client";
import { DEFAULT_ENDPOINT, type SentRecord } from "../../lib/db";
import { complaintPath } from "./complaints-page";
import { copyDocument } from "./copy-text";
import { tryAgainWords } from "./try-again";

export const copyPath = (reference: string) => `${complaintPath(reference)}/copy`;

/**
 * /complaints/:reference/copy — Save a copy: exactly what was sent, fetched from the server with
 * this device's status token (the phone does not keep what was written, decision 008), laid out
 * to print, and as a PDF made on the phone when asked (copy-pdf.ts, loaded only then).
 */
export function CopyPage({ sent, council }: { sent: SentRecord; council: CouncilSettings }) {
  const { t, i18n } = useTranslation("complaints");
  const [result, setResult] = useState<CopyResult | undefined>(undefined);
  const [pdf, setPdf] = useState<"idle" | "making" | "made" | "made-missing" | "failed">("idle");
  useDocumentTitle(t("copy.title"));

  useEffect(() => {
    if (!sent.statusToken) return;
    const controller = new AbortController();
    void fetchCopy(sent.endpoint ?? DEFAULT_ENDPOINT, sent.reference, sent.statusToken, controller.signal).then((r) => {
      if (!controller.signal.aborted) setResult(r);
    });
    return () => controller.abort();
  }, [sent.endpoint, sent.reference, sent.statusToken]);

  if (!sent.statusToken) {
    return (
      <>
        <BackLink to={complaintPath(sent.reference)} />
        <h1 className="heading-l">{t("copy.title")}</h1>
        <p className="body">{t("copy.cannot")}</p>
      </>
    );
  }
  if (result === undefined) return <LoadingPage />;
  if (result.kind !== "ok") {
    return (
      <>
        <BackLink to={complaintPath(sent.reference)} />
        <h1 className="heading-l">{t("copy.title")}</h1>
        <p className="body notice notice--error" role="status">
          {result.kind === "not-found" ? t("copy.notFound") : tryAgainWords(t, result, i18n.language)}
        </p>
      </>
    );
  }

  const doc = copyDocument(result.copy, sent, council, t, i18n.language);
  const download = async () => {
    setPdf("making");
    try {
      const { copyPdf, copyTextOf, loadPdfFonts } = await import("./copy-pdf");
      const note = t("copy.pdfUnsupported");
      const { bytes, replacedAny } = await copyPdf(doc, note, await loadPdfFonts(copyTextOf(doc, note)), i18n.dir(i18n.language));
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/pdf" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `speak-up-${sent.reference}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      // Letters no embedded font has (emoji…) are drawn as "?" in the PDF: say so here, where the
      // browser draws them, not only inside the PDF (decision 021).
      setPdf(replacedAny ? "made-missing" : "made");
    } catch {
      setPdf("failed");
    }
  };

  return (
    <>
      <div className="no-print">
        <BackLink to={complaintPath(sent.reference)} />
      </div>
      <article className="copy" data-testid="copy">
        <h1 className="heading-l">{doc.title}</h1>
        <p className="body notice notice--error">
          <strong>{doc.warning}</strong>
        </p>
        {doc.sections.map((section) => (
          <section key={section.heading}>
            <h2 className="heading-m">{section.heading}</h2>
            {section.lines.every((line) => line.label) ? (
              <dl className="copy__list">
                {section.lines.map((line, i) => (
                  <div key={`${line.label}-${i}`} className="copy__row">
                    <dt className="copy__label">{line.label}</dt>
                    <dd className="copy__value">{line.text}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              section.lines.map((line, i) => (
                <p key={i} className="body copy__value">
                  {line.text}
                </p>
              ))
            )}
          </section>
        ))}
      </article>
      <div className="no-print">
        <h2 className="heading-m">{t("copy.keepHeading")}</h2>
        <div role="status">
          {pdf === "made" ? <p className="body notice">{t("copy.pdfMade")}</p> : null}
          {pdf === "made-missing" ? (
            <p className="body notice notice--error">
              {t("copy.pdfMade")} {t("copy.pdfUnsupported")}
            </p>
          ) : null}
          {pdf === "failed" ? <p className="body notice notice--error">{t("copy.pdfFailed")}</p> : null}
        </div>
        <div className="button-group">
          <button type="button" className="button" disabled={pdf === "making"} onClick={() => void download()}>
            {t("copy.download")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t("copy.print")}
          </button>
        </div>
      </div>
    </>
  );
}
