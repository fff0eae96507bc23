import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { ExitThisPage } from "./exit-this-page";
import { ReadAloud } from "./read-aloud";

/** The element a `#fragment` points to inside main (e.g. `/words#advocate`), if there is one. */
function fragmentTarget(hash: string, main: HTMLElement | null): HTMLElement | null {
  if (hash.length < 2 || !main) return null;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  return target && main.contains(target) ? target : null;
}

/**
 * Every page: skip link, Exit this page, links to the help pages, one <main> that starts with
 * "Read this page to me". After a client-side navigation focus moves to the main heading, so
 * keyboard and screen-reader users start at the top of the new page; a link to a `#fragment`
 * (`/words#advocate`) moves focus to that element instead, as the browser would on a real page.
 */
export function Layout() {
  const { t } = useTranslation("common");
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    const target = fragmentTarget(location.hash, mainRef.current);
    if (firstRender.current) {
      firstRender.current = false;
      if (!target) return;
    }
    const focusable = target ?? mainRef.current?.querySelector<HTMLElement>("h1");
    if (focusable) {
      focusable.setAttribute("tabindex", "-1");
      focusable.focus({ preventScroll: false });
    }
    if (!target) window.scrollTo(0, 0);
  }, [location.pathname, location.hash]);

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
      <nav className="help-nav" aria-label={t("info:nav.label")}>
        <ul className="width-container help-nav__list">
          <li>
            <Link to="/what-happens">{t("info:nav.whatHappens")}</Link>
          </li>
          <li>
            <Link to="/words">{t("info:nav.words")}</Link>
          </li>
        </ul>
      </nav>
      <div className="width-container">
        <main id="main-content" className="main" ref={mainRef} tabIndex={-1}>
          <ReadAloud />
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
