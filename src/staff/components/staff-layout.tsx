import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { staffApi, StaffApiError } from "../lib/staff-api";
import { useSessionEnded, useStaffSession } from "../lib/staff-session";

/** GOV.UK pattern: the page title repeats the heading, with "Error: " first when the page shows errors. */
export function useStaffTitle(title: string, hasErrors = false): void {
  const { t } = useTranslation("staff");
  useEffect(() => {
    const full = t("pageTitle", { title });
    document.title = hasErrors ? `${t("errorPrefix")} ${full}` : full;
  }, [t, title, hasErrors]);
}

/** Focus the page's heading after a client-side navigation, so keyboard and screen-reader users start at the top. */
function useFocusHeadingOnNavigate(main: React.RefObject<HTMLElement | null>): void {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }, [location.pathname, main]);
}

function SignOutButtons() {
  const { t } = useTranslation("staff");
  const navigate = useNavigate();
  const { setSession } = useStaffSession();
  const sessionEnded = useSessionEnded();
  const [failed, setFailed] = useState(false);
  const signOut = async (everywhere: boolean) => {
    setFailed(false);
    try {
      await (everywhere ? staffApi.signOutEverywhere() : staffApi.signOut());
      void navigate(everywhere ? "/signed-out?everywhere=1" : "/signed-out");
      setSession(null);
    } catch (error) {
      // Already signed out (the session had ended): that is what they wanted.
      if (error instanceof StaffApiError && error.status === 401) {
        void navigate("/signed-out");
        setSession(null);
        return;
      }
      if (!sessionEnded(error)) setFailed(true);
    }
  };
  return (
    <>
      <li>
        <button type="button" className="link-button staff-nav__button" onClick={() => void signOut(false)}>
          {t("nav.signOut")}
        </button>
      </li>
      <li>
        <button type="button" className="link-button staff-nav__button" onClick={() => void signOut(true)}>
          {t("nav.signOutEverywhere")}
        </button>
      </li>
      {failed ? (
        <li role="alert" className="staff-nav__error">
          {t("nav.signOutFailed")}
        </li>
      ) : null}
    </>
  );
}

/** Every staff page: skip link, the header with the council's name and the navigation, one <main>. */
export function StaffLayout() {
  const { t } = useTranslation("staff");
  const { session } = useStaffSession();
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);
  useEffect(() => {
    document.documentElement.dataset.appReady = "";
  }, []);
  const staff = session?.staff;
  return (
    <>
      <a href="#main-content" className="skip-link">
        {t("skipLink")}
      </a>
      <header className="header staff-header">
        <div className="header__inner width-container staff-header__inner">
          <Link to="/" className="header__name">
            {t("serviceName")}
          </Link>
          {staff ? <p className="staff-header__who">{t("header.signedInAs", { email: staff.email, council: staff.councilName })}</p> : null}
        </div>
        {staff ? (
          <nav className="staff-nav width-container" aria-label={t("nav.label")}>
            <ul className="staff-nav__list">
              <li>
                <NavLink to="/" end>
                  {t("nav.inbox")}
                </NavLink>
              </li>
              {staff.role === "manager" ? (
                <>
                  <li>
                    <NavLink to="/team">{t("nav.team")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/audit">{t("nav.audit")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/exports">{t("nav.exports")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/report">{t("nav.report")}</NavLink>
                  </li>
                </>
              ) : null}
              <SignOutButtons />
            </ul>
          </nav>
        ) : null}
      </header>
      <div className="width-container">
        <main id="main-content" className="main" ref={main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}

/** The pages that need a session: asks for it (again after one ends), and sends anyone not signed in to sign in, keeping where they were. */
export function RequireSession() {
  const { t } = useTranslation("staff");
  const { session, setSession } = useStaffSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const here = location.pathname + location.search;
  useEffect(() => {
    if (session) return;
    let current = true;
    staffApi.session().then(
      (next) => {
        if (current) setSession(next);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof StaffApiError && error.status === 401) void navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
        else setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [session, setSession, navigate, here]);
  if (failed) {
    return (
      <>
        <h1 className="heading-l">{t("problems.serverTitle")}</h1>
        <p className="body">{t("problems.server")}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("tryAgain")}
        </button>
      </>
    );
  }
  if (!session) return <LoadingMessage />;
  return <Outlet />;
}

/** The one "not found" page: an unknown reference and another council's look exactly the same. */
export function StaffNotFound() {
  const { t } = useTranslation("staff");
  useStaffTitle(t("notFound.title"));
  return (
    <>
      <h1 className="heading-l">{t("notFound.title")}</h1>
      <p className="body">{t("notFound.body")}</p>
      <p className="body">
        <Link to="/">{t("notFound.inbox")}</Link>
      </p>
    </>
  );
}

/** Loading and failure, the same on every page. */
export function LoadingMessage() {
  const { t } = useTranslation("staff");
  return (
    <p className="loading" role="status">
      {t("loading")}
    </p>
  );
}

export function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation("staff");
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="heading-m">{t("problems.serverTitle")}</h2>
      <p className="body">{t("problems.server")}</p>
      <button type="button" className="button button--secondary" onClick={retry}>
        {t("tryAgain")}
      </button>
    </div>
  );
}

export function NotAllowed() {
  const { t } = useTranslation("staff");
  useStaffTitle(t("notAllowed.title"));
  return (
    <>
      <h1 className="heading-l">{t("notAllowed.title")}</h1>
      <p className="body">{t("notAllowed.body")}</p>
    </>
  );
}
