import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import * as z from "zod";
import type { DraftRecord } from "../../../domain/draft";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { TextInputField } from "../../components/form-fields";
import { LoadFailedPage, LoadingPage } from "../../components/status-pages";
import { useDocumentTitle } from "../../components/use-document-title";
import { DRAFT_LABEL_MAX_LENGTH, draftRepository } from "../../lib/draft-repository";
import { DraftNotFound } from "./draft-not-found";
import { DRAFTS_PATH, useDraft } from "./use-drafts";

const repository = draftRepository();
const FIELD_ID = "draft-label";

/** The form's schema; the limit is the draft schema's, and the error is an i18n key. */
const renameSchema = z.object({
  label: z.string().trim().max(DRAFT_LABEL_MAX_LENGTH, { error: "drafts:rename.errors.tooLong" }),
});
type RenameForm = z.infer<typeof renameSchema>;

/** /drafts/:id/rename — "What would you like to call this draft?" */
export function RenameDraftPage({ id }: { id: string }) {
  const state = useDraft(id);
  if (state.status === "loading") return <LoadingPage />;
  if (state.status === "error") return <LoadFailedPage />;
  if (state.status === "missing" || state.entry.status !== "ok") return <DraftNotFound />;
  return <RenameDraftForm draft={state.entry.draft} />;
}

function RenameDraftForm({ draft }: { draft: DraftRecord }) {
  const { t } = useTranslation("drafts");
  const navigate = useNavigate();
  const [saveFailed, setSaveFailed] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<RenameForm>({
    resolver: zodResolver(renameSchema),
    defaultValues: { label: draft.label ?? "" },
    shouldFocusError: false,
  });

  const fieldError = errors.label?.message;
  const error = fieldError ? t(fieldError, { max: DRAFT_LABEL_MAX_LENGTH }) : saveFailed ? t("rename.errors.saveFailed") : undefined;
  const errorItems: ErrorItem[] = error ? [{ fieldId: FIELD_ID, message: error }] : [];
  const title = t("rename.title");
  useDocumentTitle(title, errorItems.length > 0);

  const onValid = async ({ label }: RenameForm) => {
    setSaveFailed(false);
    try {
      await repository.rename(draft.id, label);
    } catch {
      setSaveFailed(true);
      return;
    }
    navigate(DRAFTS_PATH);
  };

  return (
    <>
      <BackLink to={DRAFTS_PATH} />
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <TextInputField
          id={FIELD_ID}
          label={title}
          hint={t("rename.hint")}
          error={error}
          asHeading
          width="medium"
          type="text"
          autoComplete="off"
          spellCheck={false}
          {...register("label")}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {t("common:continue")}
        </button>
      </form>
    </>
  );
}
