import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { ExitThisPage } from "./exit-this-page";

/**
 * Every page: skip link, Exit this page, one <main>. After a client-side navigation focus moves to
 * the main heading, so keyboard and screen-reader users start at the top of the new page.
 */
export function Layout() {
  const { t } = useTranslation("common");
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t("skipLink")}
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__name">
            {t("appName")}
          </Link>
          <ExitThisPage />
        </div>
      </header>
      <div className="width-container">
        <main id="main-content" className="main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p className="footer__text">{t("footer.privacy")}</p>
        </div>
      </footer>
    </>
  );
}
