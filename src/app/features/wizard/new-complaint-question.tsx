import { memo, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CouncilSettings } from "../../../domain/council";
import { DRAFT_SCHEMA_VERSION, type DraftRecord } from "../../../domain/draft";
import { NEW_COMPLAINT_ID, newComplaintSaver } from "./new-complaint-saver";
import { QuestionPage } from "./question-page";
import type { StepDefinition } from "./steps";

/**
 * The first question as it draws before it is answered: the same on every device, so it is drawn
 * at build time (src/app/prerender.tsx) and on screen before the drafts store has answered.
 * StepPage keeps this one component on screen while the draft is read, when there is none, and
 * for a draft that has not answered it, so nothing chosen in the meantime is lost: `draft` arrives
 * once it is known, and answers then go straight to it. Memoised: just after hydrating, StepPage
 * draws again as it learns it was hydrated, that there is no draft and the council; none of that
 * changes this question, which is the costliest part of the page to draw (issue 9).
 */
export const NewComplaintQuestion = memo(function NewComplaintQuestion({
  step,
  council,
  draft,
}: {
  step: StepDefinition;
  council: CouncilSettings;
  draft?: DraftRecord;
}) {
  const { t } = useTranslation("wizard");
  const [saver] = useState(() => newComplaintSaver(council.id));
  // A draft made by the first answer is for the council on screen when it is saved.
  useEffect(() => saver.setCouncil(council.id), [saver, council.id]);
  const placeholder = useMemo<DraftRecord>(
    () => ({
      id: NEW_COMPLAINT_ID,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      councilId: council.id,
      answers: {},
      // Never shown or stored: the draft made by the first answer has its own dates.
      createdAt: "1970-01-01T00:00:00.000Z",
      updatedAt: "1970-01-01T00:00:00.000Z",
    }),
    [council.id],
  );
  return (
    <>
      {/* Only where JavaScript is off: the question was drawn at build time, saving it needs the app. */}
      <noscript>
        <p className="body">{t("noScript")}</p>
      </noscript>
      <QuestionPage step={step} draft={draft ?? placeholder} council={council} saver={draft ? undefined : saver} />
    </>
  );
});
