import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import * as z from "zod";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { TextInputField } from "../../components/form-fields";
import { useDocumentTitle } from "../../components/use-document-title";
import { pinSchema, WrongPinError } from "../../lib/pin-crypto";
import { pinRepository } from "../../lib/pin-repository";
import { safeNext } from "./safe-next";

const pins = pinRepository();
const unlockSchema = z.object({ pin: pinSchema });
type UnlockValues = z.input<typeof unlockSchema>;

/** Enter the PIN to open the drafts. A wrong PIN says so and reveals nothing. */
export function UnlockPage() {
  const { t } = useTranslation("settings");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<UnlockValues>({ resolver: zodResolver(unlockSchema), defaultValues: { pin: "" }, shouldFocusError: false });
  const message = errors.pin?.message;
  const errorItems: ErrorItem[] = message ? [{ fieldId: "field-pin", message: t(message) }] : [];
  useDocumentTitle(t("unlock.title"), errorItems.length > 0);

  const onValid = async ({ pin }: UnlockValues) => {
    try {
      await pins.unlock(pin);
      navigate(safeNext(params.get("next")) ?? "/", { replace: true });
    } catch (error) {
      if (!(error instanceof WrongPinError)) throw error;
      setError("pin", { message: "settings:errors.pin.wrong" });
    }
  };

  return (
    <>
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <h1 className="heading-l">{t("unlock.title")}</h1>
        <p className="body">{t("unlock.body")}</p>
        <TextInputField
          id="field-pin"
          label={t("unlock.label")}
          error={errorItems[0]?.message}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          width="short"
          {...register("pin")}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t("unlock.working") : t("unlock.submit")}
        </button>
      </form>
      <details className="details">
        <summary className="details__summary">{t("unlock.forgot")}</summary>
        <div className="details__text">
          <p className="body">{t("unlock.forgotBody")}</p>
          <p className="body">
            <Link to="/settings/delete-everything">{t("unlock.forgotLink")}</Link>
          </p>
        </div>
      </details>
    </>
  );
}
