import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorSummary } from "../../app/components/error-summary";
import { ChoicesField, TextInputField } from "../../app/components/form-fields";
import { TableScroll } from "../components/table-scroll";
import { LoadFailed, LoadingMessage, NotAllowed, StaffNotFound, useStaffTitle } from "../components/staff-layout";
import { errorsFromApi, type FieldErrors } from "../lib/form-problems";
import { staffApi, StaffApiError, type StaffRole } from "../lib/staff-api";
import { useSessionEnded, useStaffSession } from "../lib/staff-session";
import { formatDay, formatTime } from "../lib/staff-format";
import { useLoad } from "../lib/use-load";

/** Managers: the council's staff accounts, with invite and remove. */
export function TeamPage() {
  const { t } = useTranslation("staff");
  const { session } = useStaffSession();
  const [accounts, retry] = useLoad(() => staffApi.accounts(), "accounts");
  useStaffTitle(t("team.title"));
  if (accounts.status === "not-allowed" || session?.staff.role !== "manager") return <NotAllowed />;
  return (
    <>
      <h1 className="heading-l">{t("team.title")}</h1>
      <p className="body">
        <Link to="/team/invite" className="button">
          {t("team.invite")}
        </Link>
      </p>
      {accounts.status === "loading" ? <LoadingMessage /> : null}
      {accounts.status === "error" || accounts.status === "not-found" ? <LoadFailed retry={retry} /> : null}
      {accounts.status === "ready" ? (
        <TableScroll label={t("team.caption")}>
          <table className="staff-table">
            <caption className="visually-hidden">{t("team.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("team.columns.email")}</th>
                <th scope="col">{t("team.columns.role")}</th>
                <th scope="col">{t("team.columns.status")}</th>
                <th scope="col">{t("team.columns.added")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("team.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">{account.email}</th>
                  <td>{t(`team.roles.${account.role}`)}</td>
                  <td>{t(`team.status.${account.status}`)}</td>
                  <td>{formatDay(account.createdAt.slice(0, 10))}</td>
                  <td>
                    {account.id === session.staff.id ? (
                      t("team.you")
                    ) : (
                      <Link to={`/team/${account.id}/remove`} state={{ email: account.email }}>
                        {t("team.remove")} <span className="visually-hidden">{account.email}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

/** Managers: invite someone; the set-up link is shown once, to pass on. */
export function InvitePage() {
  const { t, i18n } = useTranslation("staff");
  const sessionEnded = useSessionEnded();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole | "">("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [invited, setInvited] = useState<{ email: string; link: string; expiresAt: string } | undefined>();
  const [forbidden, setForbidden] = useState(false);
  const hasErrors = Object.keys(errors).length > 0;
  useStaffTitle(invited ? t("invite.doneTitle") : t("invite.title"), hasErrors);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = t("invite.errors.emailRequired");
    if (!role) missing.role = t("invite.errors.roleRequired");
    if (Object.keys(missing).length > 0 || !role) return fail(missing);
    setBusy(true);
    try {
      const result = await staffApi.invite(email.trim(), role);
      setErrors({});
      setInvited({ email: result.account.email, link: result.setupLink, expiresAt: result.setupExpiresAt });
    } catch (error) {
      if (sessionEnded(error)) return;
      if (error instanceof StaffApiError && error.code === "not-allowed") setForbidden(true);
      else if (error instanceof StaffApiError && error.status === 409 && error.code === "email-taken") fail({ email: t("invite.errors.emailTaken") });
      else if (error instanceof StaffApiError && error.status === 403) fail({ email: t("problems.csrf") });
      else if (error instanceof StaffApiError && error.status < 500) fail(errorsFromApi(error, ["email", "role"], "email", t, i18n, "problems.fieldGeneric"));
      else fail({ email: t("problems.server") });
    } finally {
      setBusy(false);
    }
  };
  if (forbidden) return <NotAllowed />;
  if (invited) {
    return (
      <>
        <div className="panel">
          <h1 className="panel__title">{t("invite.doneTitle")}</h1>
          <p className="panel__body">{t("invite.doneFor", { email: invited.email })}</p>
        </div>
        <p className="body">{t("invite.linkIntro", { time: formatTime(invited.expiresAt) })}</p>
        <p className="staff-secret">
          <code data-testid="setup-link">{invited.link}</code>
        </p>
        <p className="body">{t("invite.linkOnce")}</p>
        <p className="body">
          <Link to="/team">{t("invite.backToTeam")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary
        errors={["email", "role"].filter((f) => errors[f]).map((f) => ({ fieldId: f === "role" ? "role" : "email", message: errors[f] ?? "" }))}
        attempt={attempt}
      />
      <h1 className="heading-l">{t("invite.title")}</h1>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInputField
          id="email"
          label={t("invite.email")}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <ChoicesField
          id="role"
          legend={t("invite.role")}
          error={errors.role}
          type="radio"
          options={(["officer", "manager"] as const).map((value) => ({ value, label: t(`team.roles.${value}`), hint: t(`invite.roleHints.${value}`) }))}
          chosen={[role]}
          inputProps={(value) => ({ name: "role", checked: role === value, onChange: () => setRole(value as StaffRole) })}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("invite.submit")}
        </button>
      </form>
    </>
  );
}

/** Managers: remove an account, after a confirmation; its sessions end at once. */
export function RemoveAccountPage() {
  const { t } = useTranslation("staff");
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const sessionEnded = useSessionEnded();
  const [accounts, retry] = useLoad(() => staffApi.accounts(), "accounts");
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useStaffTitle(t("remove.title"), problem !== undefined);
  if (accounts.status === "loading") return <LoadingMessage />;
  if (accounts.status === "not-allowed") return <NotAllowed />;
  if (accounts.status !== "ready") return <LoadFailed retry={retry} />;
  const account = accounts.data.accounts.find((item) => item.id === id);
  if (!account) return <StaffNotFound />;
  const remove = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await staffApi.removeAccount(account.id);
      void navigate("/team");
    } catch (error) {
      if (sessionEnded(error)) return;
      if (error instanceof StaffApiError && error.code === "cannot-remove-self") setProblem(t("remove.notYourself"));
      else if (error instanceof StaffApiError && error.status === 403) setProblem(t(error.code === "csrf-missing" ? "problems.csrf" : "notAllowed.body"));
      else setProblem(t("problems.server"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {problem ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">{t("errorSummaryTitle")}</h2>
          <p className="body">{problem}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("remove.title")}</h1>
      <p className="body">{t("remove.body", { email: account.email })}</p>
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void remove()}>
          {t("remove.confirm")}
        </button>
        <Link to="/team">{t("remove.cancel")}</Link>
      </div>
    </>
  );
}
