import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorSummary } from "../../app/components/error-summary";
import { TextInputField } from "../../app/components/form-fields";
import { useStaffTitle } from "../components/staff-layout";
import { staffApi, StaffApiError } from "../lib/staff-api";
import { safeNext, useStaffSession } from "../lib/staff-session";
import type { FieldErrors } from "../lib/form-problems";

type Step = { name: "password" } | { name: "code"; challenge: string; recovery: boolean };

/** Why sign-in failed, in the words for the field the person is on. Wrong email and wrong password look the same. */
function failureKey(error: unknown, step: Step["name"]): string {
  if (error instanceof StaffApiError) {
    if (error.status === 429) return "signIn.errors.tooMany";
    if (error.status === 401) return step === "password" ? "signIn.errors.failed" : "signIn.errors.codeFailed";
    if (error.status === 400) return step === "password" ? "signIn.errors.failed" : "signIn.errors.codeFormat";
  }
  return "problems.server";
}

/** Sign in: email and password, then a 6-digit code from the authenticator app or a recovery code. */
export function SignInPage() {
  const { t } = useTranslation("staff");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setSession } = useStaffSession();
  const [step, setStep] = useState<Step>({ name: "password" });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const hasErrors = Object.keys(errors).length > 0;
  useStaffTitle(step.name === "password" ? t("signIn.title") : t("signIn.codeTitle"), hasErrors);
  const ended = params.get("ended") === "1";

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setAttempt((n) => n + 1);
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = t("signIn.errors.emailRequired");
    if (!password) missing.password = t("signIn.errors.passwordRequired");
    if (Object.keys(missing).length > 0) return fail(missing);
    setBusy(true);
    try {
      const { challenge } = await staffApi.signIn(email.trim(), password);
      setErrors({});
      setPassword("");
      setStep({ name: "code", challenge, recovery: false });
    } catch (error) {
      fail({ email: t(failureKey(error, "password")) });
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== "code") return;
    const value = code.replace(/\s+/g, "");
    if (!step.recovery && !/^\d{6}$/.test(value)) return fail({ code: t("signIn.errors.codeFormat") });
    if (step.recovery && value.length === 0) return fail({ code: t("signIn.errors.recoveryRequired") });
    setBusy(true);
    try {
      const session = await staffApi.secondFactor(step.challenge, step.recovery ? { recoveryCode: value } : { code: value });
      setSession(session);
      void navigate(safeNext(params.get("next")), { replace: true });
    } catch (error) {
      // The challenge lasts 5 minutes: when it has gone, start again with the password.
      if (error instanceof StaffApiError && error.status === 401 && error.code !== "sign-in-failed") {
        setStep({ name: "password" });
        fail({ email: t("signIn.errors.startAgain") });
      } else fail({ code: t(failureKey(error, "code")) });
    } finally {
      setBusy(false);
    }
  };

  if (step.name === "password") {
    return (
      <>
        <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ fieldId: field, message }))} attempt={attempt} />
        {ended && !hasErrors ? (
          <div className="notice" role="status">
            <p className="body">{t("signIn.ended")}</p>
          </div>
        ) : null}
        <h1 className="heading-l">{t("signIn.title")}</h1>
        <form noValidate onSubmit={(event) => void submitPassword(event)}>
          <TextInputField
            id="email"
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextInputField
            id="password"
            label={t("signIn.password")}
            type="password"
            autoComplete="current-password"
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("signIn.continue")}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ fieldId: field, message }))} attempt={attempt} />
      <h1 className="heading-l">{t("signIn.codeTitle")}</h1>
      <form noValidate onSubmit={(event) => void submitCode(event)}>
        {step.recovery ? (
          <TextInputField
            id="code"
            label={t("signIn.recoveryCode")}
            hint={t("signIn.recoveryHint")}
            autoComplete="off"
            spellCheck={false}
            width="medium"
            value={code}
            error={errors.code}
            onChange={(event) => setCode(event.target.value)}
          />
        ) : (
          <TextInputField
            id="code"
            label={t("signIn.code")}
            hint={t("signIn.codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            width="short"
            value={code}
            error={errors.code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t("signIn.signIn")}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCode("");
              setErrors({});
              setStep({ ...step, recovery: !step.recovery });
            }}
          >
            {step.recovery ? t("signIn.useCode") : t("signIn.useRecovery")}
          </button>
        </div>
      </form>
    </>
  );
}

/** After signing out: where to go next. */
export function SignedOutPage() {
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  useStaffTitle(t("signedOut.title"));
  return (
    <>
      <h1 className="heading-l">{t("signedOut.title")}</h1>
      <p className="body">{params.get("everywhere") === "1" ? t("signedOut.everywhere") : t("signedOut.body")}</p>
      <p className="body">
        <a href="/staff/sign-in">{t("signedOut.signIn")}</a>
      </p>
    </>
  );
}
