import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import * as z from "zod";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { ChoicesField, TextInputField } from "../../components/form-fields";
import { useDocumentTitle } from "../../components/use-document-title";
import { pinSchema } from "../../lib/pin-crypto";
import { pinRepository } from "../../lib/pin-repository";
import { safeNext } from "./safe-next";

const pins = pinRepository();

const setPinSchema = z
  .object({
    pin: pinSchema,
    pinAgain: z.string().min(1, "settings:errors.pin.againRequired"),
    showLabels: z.enum(["yes", "no"], { error: "settings:errors.pin.showLabelsRequired" }),
  })
  .refine((values) => values.pin === values.pinAgain, { path: ["pinAgain"], message: "settings:errors.pin.mismatch" });
type SetPinValues = z.input<typeof setPinSchema>;

const FIELDS = ["pin", "pinAgain", "showLabels"] as const;

/**
 * Set a PIN: every draft on this device is sealed with a key made from it. From the offer in the
 * journey (`?next=`) it goes back to the journey; from Settings, back to Settings.
 */
export function SetPinPage() {
  const { t } = useTranslation("settings");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<SetPinValues>({ resolver: zodResolver(setPinSchema), defaultValues: { pin: "", pinAgain: "" }, shouldFocusError: false });
  const showLabels = useWatch({ control, name: "showLabels" });
  const errorItems: ErrorItem[] = FIELDS.flatMap((name) => {
    const message = errors[name]?.message;
    return message ? [{ fieldId: `field-${name}`, message: t(message) }] : [];
  });
  const errorFor = (name: (typeof FIELDS)[number]) => errorItems.find((e) => e.fieldId === `field-${name}`)?.message;
  useDocumentTitle(t("setPin.title"), errorItems.length > 0);

  const onValid = async (values: SetPinValues) => {
    await pins.enable(values.pin, values.showLabels === "yes");
    navigate(next ?? "/settings?pin=set", { replace: true });
  };

  return (
    <>
      <BackLink to={next ? `/settings/shared-phone?next=${encodeURIComponent(next)}` : "/settings"} />
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <h1 className="heading-l">{t("setPin.title")}</h1>
      <p className="warning-text">{t("setPin.warning")}</p>
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <TextInputField
          id="field-pin"
          label={t("setPin.pinLabel")}
          hint={t("setPin.pinHint")}
          error={errorFor("pin")}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          width="short"
          {...register("pin")}
        />
        <TextInputField
          id="field-pinAgain"
          label={t("setPin.againLabel")}
          error={errorFor("pinAgain")}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          width="short"
          {...register("pinAgain")}
        />
        <ChoicesField
          id="field-showLabels"
          legend={t("setPin.showLabels.label")}
          hint={t("setPin.showLabels.hint")}
          error={errorFor("showLabels")}
          type="radio"
          chosen={showLabels ? [showLabels] : []}
          options={(["yes", "no"] as const).map((value) => ({ value, label: t(`setPin.showLabels.options.${value}.label`) }))}
          inputProps={() => register("showLabels")}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t("setPin.working") : t("setPin.submit")}
        </button>
      </form>
    </>
  );
}
