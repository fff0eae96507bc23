import { Suspense, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useOutlet } from "react-router";
import { hasExited, subscribeToExit } from "../lib/exit-state";
import { loadLaterWords } from "../lib/i18n";
import { getKey, lock, subscribe } from "../lib/pin-session";
import { CarryOnPage } from "./carry-on-page";
import { Deferred } from "./deferred";
import { PageHydrated } from "./first-render";
import { LanguagePickerPlaceholder, loadLanguagePicker } from "./language-picker-placeholder";
import { ExitThisPage } from "./exit-this-page";
import { CopyableTextProvider } from "./storage-warning";

// Loaded once the page is on screen (components/deferred.tsx): each shows nothing on a first render.
const loadStorageWarning = () => import("./storage-problem").then((module) => module.StorageWarning);
const loadReadAloud = () => Promise.all([import("./read-aloud"), loadLaterWords("language")]).then(([module]) => module.ReadAloud);
// Their words come with them (not in the first page's download: issue 9's budget).
const loadUpdatePrompt = () => Promise.all([import("./update-prompt"), loadLaterWords("pwa")]).then(([module]) => module.UpdatePrompt);
const loadInstallHint = () => Promise.all([import("./install-hint"), loadLaterWords("pwa")]).then(([module]) => module.InstallHint);
const loadUnreviewedNotice = () => Promise.all([import("./language-picker"), loadLaterWords("language")]).then(([module]) => module.UnreviewedNotice);
/**
 * Keeps Read this page to me's place (its own words, unseen), so nothing in the help links moves
 * or wraps when the button appears.
 */
function ReadAloudPlaceholder() {
  const { t } = useTranslation("common");
  return (
    <div className="read-aloud read-aloud--pending" data-no-read="" aria-hidden="true">
      <span className="button button--secondary read-aloud__button">{t("readAloud.start")}</span>
    </div>
  );
}

/**
 * The app runs on this page, the page itself included (hydrated or drawn): Exit this page leaves
 * without a history entry, Shift counts, and the page's answers are saved. Last inside the page's
 * boundary, so its effect runs once that is hydrated. End-to-end tests wait for this before acting
 * on a pre-rendered page.
 */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset.appReady = "";
  }, []);
  return null;
}

/** The element a `#fragment` points to inside main (e.g. `/words#advocate`), if there is one. */
function fragmentTarget(hash: string, main: HTMLElement | null): HTMLElement | null {
  if (hash.length < 2 || !main) return null;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  return target && main.contains(target) ? target : null;
}

/*
 * The layout's parts are components of their own, not one long render: React draws (and hydrates)
 * a component at a time and lets the browser in between, so the layout's words are never one long
 * task on a cheap phone (issue 9).
 */

function Header() {
  const { t } = useTranslation("common");
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
          <ExitThisPage onExit={lock} />
        </div>
      </header>
    </>
  );
}

function HelpNav() {
  const { t } = useTranslation("common");
  return (
    <nav className="help-nav" aria-label={t("nav.label")}>
      <ul className="width-container help-nav__list">
        <li>
          <Link to="/what-happens">{t("nav.whatHappens")}</Link>
        </li>
        <li>
          <Link to="/words">{t("nav.words")}</Link>
        </li>
        <li>
          <Link to="/complaints">{t("nav.complaints")}</Link>
        </li>
        {/* Beside the help links rather than above the page, so a phone's first screen keeps the question. */}
        <li className="help-nav__read-aloud">
          <Deferred load={loadReadAloud} placeholder={<ReadAloudPlaceholder />} />
        </li>
      </ul>
    </nav>
  );
}

function Footer() {
  const { t } = useTranslation("common");
  const { pathname } = useLocation();
  return (
    <footer className="footer">
      <div className="width-container">
        <p className="footer__text">{t("footer.privacy")}</p>
        <ul className="footer__links" aria-label={t("footer.label")}>
          <li>
            <Link to="/privacy">{t("nav.privacy")}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t("nav.accessibility")}</Link>
          </li>
          <li>
            <Link to="/settings">{t("nav.settings")}</Link>
          </li>
        </ul>
        {/* The start page has its own, beside its other choices. */}
        {pathname === "/" ? null : <Deferred load={loadLanguagePicker} placeholder={<LanguagePickerPlaceholder />} />}
      </div>
    </footer>
  );
}

/** Focus a page's heading (or the element its address names), so a screen reader starts there. */
function focusHeading(element: HTMLElement): void {
  element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: false });
}

/**
 * Every page: skip link, Exit this page, links to the help pages and "Read this page to me", one
 * <main> that starts with a warning when saving on this device is not working, then the page, and
 * last the messages about this device (a new version, add to home screen). After a
 * client-side navigation focus moves to the main heading, so keyboard and screen-reader users
 * start at the top of the new page; a link to a `#fragment` (`/words#advocate`) moves focus to
 * that element instead, as the browser would on a real page.
 *
 * After Exit this page, and until Carry on, main holds only the neutral Carry on page (nothing
 * typed, no answers) whatever the address; Carry on then shows that address's page.
 */
export function Layout() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const navigate = useNavigate();
  // The page itself: null for a moment while a page's module is still loading (router.tsx lazy).
  const outlet = useOutlet();
  const pageShown = outlet !== null;
  // Locked while drawn at build time: no key exists there, and hydration must agree.
  const unlocked = useSyncExternalStore(
    subscribe,
    () => getKey() !== undefined,
    () => false,
  );
  const wasUnlocked = useRef(unlocked);
  // Pre-rendered pages hydrate as not exited, then switch: they hold no one's words either way.
  const exited = useSyncExternalStore(subscribeToExit, hasExited, () => false);
  const wasExited = useRef(exited);

  // Carry on: start at the top of main. Not its heading, which may still be loading (a draft).
  useEffect(() => {
    const carriedOn = wasExited.current && !exited;
    wasExited.current = exited;
    if (carriedOn) mainRef.current?.focus();
  }, [exited]);

  // When the app locks (5 minutes hidden) while a draft is open, its text leaves the screen too.
  useEffect(() => {
    const justLocked = wasUnlocked.current && !unlocked;
    wasUnlocked.current = unlocked;
    if (justLocked && /^\/(complaint\/(?!sent\/)|complaints|drafts)/.test(location.pathname)) {
      void navigate(`/unlock?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [unlocked, location.pathname, location.search, navigate]);

  // Before the browser paints the new page (and before anything else reacts to it), so focus never
  // lands on the link that was pressed after the new page is shown.
  useLayoutEffect(() => {
    // Nothing to focus until the page is drawn; its first drawing counts as the first render.
    if (!pageShown) return;
    const target = fragmentTarget(location.hash, mainRef.current);
    if (firstRender.current) {
      firstRender.current = false;
      if (!target) return;
    }
    const main = mainRef.current;
    const focusable = target ?? main?.querySelector<HTMLElement>("h1");
    if (focusable) focusHeading(focusable);
    if (!target) window.scrollTo(0, 0);
    if (focusable || !main) return;
    // The page still says it is loading (its draft being read, its code arriving): its heading,
    // once drawn, unless the person has moved focus somewhere themselves by then. Focus then is
    // where the navigation left it: on the page (the button pressed is gone) or on the link pressed
    // in the header or footer.
    const leftOn = document.activeElement;
    const focusWhenDrawn = new MutationObserver(() => {
      const heading = main.querySelector<HTMLElement>("h1");
      if (!heading) return;
      focusWhenDrawn.disconnect();
      const now = document.activeElement;
      if (!now || now === leftOn || now === document.body || now === main) focusHeading(heading);
    });
    focusWhenDrawn.observe(main, { childList: true, subtree: true });
    return () => focusWhenDrawn.disconnect();
  }, [location.pathname, location.hash, pageShown]);

  return (
    <>
      <Header />
      <HelpNav />
      <div className="width-container">
        <main id="main-content" className="main" ref={mainRef} tabIndex={-1}>
          <CopyableTextProvider>
            <Deferred load={loadStorageWarning} />
            <Deferred load={loadUnreviewedNotice} />
            {/*
              A boundary of its own: React hydrates the page in a render and commit after the
              layout's, so neither is one long task on a cheap phone (issue 9). Nothing in it
              suspends once drawn (main.tsx loads the page's module first), so it never shows its
              empty fallback.
            */}
            <Suspense fallback={null}>
              {exited ? <CarryOnPage /> : outlet}
              <PageHydrated />
              <AppReady />
            </Suspense>
            {/* After the page's own content, so neither moves the question when it appears. */}
            <Deferred load={loadUpdatePrompt} />
            <Deferred load={loadInstallHint} />
          </CopyableTextProvider>
        </main>
      </div>
      <Footer />
    </>
  );
}
