import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import * as z from "zod";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { ChoicesField } from "../../components/form-fields";
import { useDocumentTitle } from "../../components/use-document-title";

const FIELD_ID = "councilId";
const REQUIRED = "start:councilPage.errors.required";

/** The form's schema: one of the councils offered. The error is an i18n key, not a sentence. */
function councilChoiceSchema(ids: readonly string[]) {
  return z.object({
    councilId: z.string({ error: REQUIRED }).refine((id) => ids.includes(id), { error: REQUIRED }),
  });
}

type CouncilChoiceForm = z.infer<ReturnType<typeof councilChoiceSchema>>;

export interface CouncilPageProps {
  councils: readonly { id: string; name: string }[];
  /**
   * The council chosen on this device, selected when the page opens. The default council is not
   * pre-selected (GOV.UK: never pre-select a radio), so nobody sends a complaint to it by accident.
   */
  chosenId: string | undefined;
  choose: (id: string) => Promise<void>;
}

/** /council — "Which council is your complaint about?": one question, radios, Back and Continue to the start. */
export function CouncilPage({ councils, chosenId, choose }: CouncilPageProps) {
  const { t } = useTranslation("start");
  const navigate = useNavigate();
  const [saveFailed, setSaveFailed] = useState(false);
  const schema = useMemo(() => councilChoiceSchema(councils.map((c) => c.id)), [councils]);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<CouncilChoiceForm>({
    resolver: zodResolver(schema),
    defaultValues: { councilId: chosenId },
    shouldFocusError: false,
  });
  const chosen = useWatch({ control, name: "councilId" });

  const fieldError = errors.councilId?.message;
  const error = fieldError ? t(fieldError) : saveFailed ? t("councilPage.errors.saveFailed") : undefined;
  const errorItems: ErrorItem[] = error ? [{ fieldId: FIELD_ID, message: error }] : [];
  const title = t("councilPage.title");
  useDocumentTitle(title, errorItems.length > 0);

  const onValid = async ({ councilId }: CouncilChoiceForm) => {
    setSaveFailed(false);
    try {
      await choose(councilId);
    } catch {
      setSaveFailed(true);
      return;
    }
    navigate("/");
  };

  return (
    <>
      <BackLink to="/" />
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <ChoicesField
          id={FIELD_ID}
          legend={title}
          hint={t("councilPage.hint")}
          error={error}
          asHeading
          type="radio"
          chosen={chosen ? [chosen] : []}
          options={councils.map((council) => ({ value: council.id, label: council.name }))}
          inputProps={() => register("councilId")}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {t("common:continue")}
        </button>
      </form>
    </>
  );
}
