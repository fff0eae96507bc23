import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ErrorSummary } from "../../app/components/error-summary";
import { TextInputField } from "../../app/components/form-fields";
import { LoadFailed, LoadingMessage, useStaffTitle } from "../components/staff-layout";
import { TotpQrCode } from "../components/totp-qr-code";
import { errorsFromApi, type FieldErrors } from "../lib/form-problems";
import { staffApi, StaffApiError, type StaffRole } from "../lib/staff-api";

export const PASSWORD_MIN_LENGTH = 12;

/** The set-up token, from the link's fragment (`#token=…`): a fragment never reaches a server log. */
function tokenFrom(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? undefined;
}

/** A TOTP secret in groups of 4, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

type Stage =
  | { name: "checking" }
  | { name: "invalid" }
  | { name: "failed" }
  | { name: "password"; email: string; councilName: string; role: StaffRole }
  | { name: "enrol"; email: string; secret: string; otpauthUri: string }
  | { name: "done"; recoveryCodes: string[] };

/** Set up an account from the one-time link: a password (12 characters or more), the authenticator app, then the recovery codes, shown once. */
export function SetupPage() {
  const { t, i18n } = useTranslation("staff");
  const location = useLocation();
  const [token] = useState(() => tokenFrom(location.hash));
  const [stage, setStage] = useState<Stage>(() => (token ? { name: "checking" } : { name: "invalid" }));
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [checkAttempt, setCheckAttempt] = useState(0);
  const hasErrors = Object.keys(errors).length > 0;

  const titles: Record<Stage["name"], string> = {
    checking: t("setup.title"),
    invalid: t("setup.invalidTitle"),
    failed: t("setup.title"),
    password: t("setup.passwordTitle"),
    enrol: t("setup.enrolTitle"),
    done: t("setup.doneTitle"),
  };
  useStaffTitle(titles[stage.name], hasErrors);

  useEffect(() => {
    if (!token) return;
    let current = true;
    staffApi.setupCheck(token).then(
      (account) => {
        if (current) setStage({ name: "password", email: account.email, councilName: account.councilName, role: account.role });
      },
      (error: unknown) => {
        if (current) setStage(error instanceof StaffApiError && error.status === 404 ? { name: "invalid" } : { name: "failed" });
      },
    );
    return () => {
      current = false;
    };
  }, [token, checkAttempt]);

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setAttempt((n) => n + 1);
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (stage.name !== "password" || !token) return;
    if ([...password].length < PASSWORD_MIN_LENGTH) return fail({ password: t("setup.errors.passwordTooShort", { count: PASSWORD_MIN_LENGTH }) });
    if (confirm !== password) return fail({ confirm: t("setup.errors.passwordsDiffer") });
    setBusy(true);
    try {
      const enrolment = await staffApi.setupPassword(token, password);
      setErrors({});
      setStage({ name: "enrol", email: stage.email, secret: enrolment.secret, otpauthUri: enrolment.otpauthUri });
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 404) setStage({ name: "invalid" });
      else if (error instanceof StaffApiError && error.status < 500) fail(errorsFromApi(error, ["password"], "password", t, i18n, "problems.server"));
      else fail({ password: t("problems.server") });
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (stage.name !== "enrol" || !token) return;
    const value = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(value)) return fail({ code: t("signIn.errors.codeFormat") });
    setBusy(true);
    try {
      const { recoveryCodes } = await staffApi.setupConfirm(token, value);
      setErrors({});
      setStage({ name: "done", recoveryCodes });
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 404) setStage({ name: "invalid" });
      else if (error instanceof StaffApiError && error.status < 500) fail(errorsFromApi(error, ["code"], "code", t, i18n, "signIn.errors.codeFailed"));
      else fail({ code: t("problems.server") });
    } finally {
      setBusy(false);
    }
  };

  const summary = <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ fieldId: field, message }))} attempt={attempt} />;

  switch (stage.name) {
    case "checking":
      return <LoadingMessage />;
    case "failed":
      return (
        <>
          <h1 className="heading-l">{t("setup.title")}</h1>
          <LoadFailed
            retry={() => {
              setStage({ name: "checking" });
              setCheckAttempt((n) => n + 1);
            }}
          />
        </>
      );
    case "invalid":
      return (
        <>
          <h1 className="heading-l">{t("setup.invalidTitle")}</h1>
          <p className="body">{t("setup.invalidBody")}</p>
        </>
      );
    case "password":
      return (
        <>
          {summary}
          <h1 className="heading-l">{t("setup.passwordTitle")}</h1>
          <p className="body">{t("setup.forAccount", { email: stage.email, council: stage.councilName })}</p>
          <form noValidate onSubmit={(event) => void submitPassword(event)}>
            <input type="text" name="username" autoComplete="username" value={stage.email} readOnly hidden />
            <TextInputField
              id="password"
              label={t("setup.password")}
              hint={t("setup.passwordHint", { count: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              value={password}
              error={errors.password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <TextInputField
              id="confirm"
              label={t("setup.confirm")}
              type="password"
              autoComplete="new-password"
              value={confirm}
              error={errors.confirm}
              onChange={(event) => setConfirm(event.target.value)}
            />
            <button type="submit" className="button" disabled={busy}>
              {t("setup.continue")}
            </button>
          </form>
        </>
      );
    case "enrol":
      return (
        <>
          {summary}
          <h1 className="heading-l">{t("setup.enrolTitle")}</h1>
          <p className="body">{t("setup.enrolIntro")}</p>
          <ol className="list list--numbered">
            <li>{t("setup.enrolStepApp")}</li>
            <li>
              {t("setup.enrolStepScan")}
              <p>
                <TotpQrCode uri={stage.otpauthUri} />
              </p>
              <p className="staff-secret">
                <code data-testid="totp-secret">{groupSecret(stage.secret)}</code>
              </p>
              <p className="body">
                <a href={stage.otpauthUri}>{t("setup.otpauthLink")}</a>
              </p>
            </li>
            <li>{t("setup.enrolStepCode")}</li>
          </ol>
          <form noValidate onSubmit={(event) => void submitCode(event)}>
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
            <button type="submit" className="button" disabled={busy}>
              {t("setup.confirmCode")}
            </button>
          </form>
        </>
      );
    case "done":
      return (
        <>
          <h1 className="heading-l">{t("setup.doneTitle")}</h1>
          <p className="body">{t("setup.recoveryIntro")}</p>
          <div className="warning-text">
            <p className="body">{t("setup.recoveryWarning")}</p>
          </div>
          <ul className="staff-recovery-codes" aria-label={t("setup.recoveryLabel")}>
            {stage.recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <code>{recoveryCode}</code>
              </li>
            ))}
          </ul>
          <p className="body">
            <Link to="/sign-in" className="button">
              {t("setup.goToSignIn")}
            </Link>
          </p>
        </>
      );
  }
}
