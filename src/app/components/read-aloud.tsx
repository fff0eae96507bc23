import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/** Elements whose text starts a new piece of speech, so headings and list items are not run together. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LEGEND",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);

/** Never read: not text (scripts, styles), or what someone typed (it may be overheard). */
const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG", "INPUT", "TEXTAREA", "SELECT"]);

function skipped(element: Element): boolean {
  return (
    SKIPPED.has(element.tagName.toUpperCase()) ||
    element.hasAttribute("data-no-read") ||
    element.hasAttribute("hidden") ||
    element.getAttribute("aria-hidden") === "true" ||
    element.classList.contains("visually-hidden")
  );
}

/**
 * The visible text of `root` as pieces of speech, one per block (heading, paragraph, list item…).
 * Skips elements marked `data-no-read` (the button itself), `.visually-hidden` text (written for
 * screen readers, which say it anyway) and hidden elements. Short pieces also dodge Chrome cutting
 * off long utterances.
 */
export function readableChunks(root: Element): string[] {
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) chunks.push(text);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      current += node.textContent ?? "";
      return;
    }
    if (!(node instanceof Element) || skipped(node)) return;
    const block = BLOCKS.has(node.tagName.toUpperCase());
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  root.childNodes.forEach(walk);
  flush();
  return chunks;
}

/**
 * The device's voice for `language` ("ar" finds "ar-SA"), `undefined` when the device lists
 * voices and none speaks it (it must not read Arabic words with an English voice), or `null`
 * when the device does not list its voices (yet): then the browser picks one for `lang`.
 */
export function voiceFor(language: string, voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null | undefined {
  if (voices.length === 0) return null;
  const base = language.toLowerCase().split("-")[0];
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace("_", "-").split("-")[0] === base);
  return (
    matching.find((voice) => voice.lang.toLowerCase().replace("_", "-") === language.toLowerCase()) ??
    matching.find((voice) => voice.localService) ??
    matching[0]
  );
}

function speechAvailable(): boolean {
  return typeof window !== "undefined" && Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === "function";
}

/**
 * "Read this page to me": reads the page's <main> text aloud with the browser's own voice, in the
 * app's language, and becomes "Stop reading" while it speaks. Renders nothing where the browser
 * cannot speak. Stops when the page changes or the button goes away, so it never reads an old page.
 */
export function ReadAloud() {
  const { t, i18n } = useTranslation("common");
  const { pathname } = useLocation();
  // Drawn only in the browser (the layout loads it once the page is on screen, keeping its place).
  const [available] = useState(speechAvailable);
  const [speaking, setSpeaking] = useState(false);
  // The language on screen has no voice on this device (said plainly, instead of reading).
  const [noVoice, setNoVoice] = useState<string | undefined>(undefined);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Each reading gets a number, so a late "end" event from a stopped reading changes nothing.
  const reading = useRef(0);
  const speakingRef = useRef(false);

  const stop = useCallback(() => {
    reading.current += 1;
    if (speakingRef.current) {
      speakingRef.current = false;
      window.speechSynthesis.cancel();
    }
    setSpeaking(false);
  }, []);

  // A new page, or leaving: stop reading. The cleanup runs before the next page's effect and on unmount.
  useEffect(() => stop, [pathname, stop]);

  const language = i18n.language;

  if (!available) return null;

  const start = () => {
    const main = buttonRef.current?.closest("main") ?? document.querySelector("main");
    const chunks = main ? readableChunks(main) : [];
    if (chunks.length === 0) return;
    const synth = window.speechSynthesis;
    const voice = voiceFor(language, typeof synth.getVoices === "function" ? synth.getVoices() : []);
    if (voice === undefined) {
      setNoVoice(language);
      return;
    }
    setNoVoice(undefined);
    // Clear anything left queued (Chrome sometimes keeps a stuck queue after a reload).
    synth.cancel();
    reading.current += 1;
    const id = reading.current;
    const finished = () => {
      if (reading.current !== id) return;
      speakingRef.current = false;
      setSpeaking(false);
    };
    chunks.forEach((text, index) => {
      const utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = language;
      if (voice) utterance.voice = voice;
      if (index === chunks.length - 1) utterance.onend = finished;
      utterance.onerror = finished;
      synth.speak(utterance);
    });
    speakingRef.current = true;
    setSpeaking(true);
  };

  return (
    <div className="read-aloud" data-no-read="">
      <button ref={buttonRef} type="button" className="button button--secondary read-aloud__button" onClick={speaking ? stop : start}>
        {speaking ? t("readAloud.stop") : t("readAloud.start")}
      </button>
      <p className="read-aloud__no-voice" role="status">
        {noVoice === language ? t("language:noVoice") : null}
      </p>
    </div>
  );
}
