import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReadAloud } from "./read-aloud";

/** Records what would be said; the test ends an utterance by calling its `onend`. */
class FakeUtterance {
  lang = "";
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

function fakeSpeech() {
  const spoken: FakeUtterance[] = [];
  const synth = {
    speak: vi.fn((utterance: FakeUtterance) => {
      spoken.push(utterance);
    }),
    cancel: vi.fn(),
  };
  vi.stubGlobal("speechSynthesis", synth);
  vi.stubGlobal("SpeechSynthesisUtterance", FakeUtterance);
  return { synth, spoken };
}

function renderPage() {
  const router = createMemoryRouter(
    [
      {
        path: "/",
        element: (
          <main>
            <ReadAloud />
            <h1>What happens after I complain</h1>
            <p>
              The council should reply by <strong>Thursday 17 December 2026</strong>.
            </p>
            <p>
              <a href="/words">Change</a>
              <span className="visually-hidden"> secret words for screen readers</span>
            </p>
            <p data-no-read="">Not for reading</p>
            <ul>
              <li>First thing</li>
              <li>Second thing</li>
            </ul>
            <Link to="/other">Next page</Link>
          </main>
        ),
      },
      { path: "/other", element: <h1>Another page</h1> },
    ],
    { initialEntries: ["/"] },
  );
  const view = render(<RouterProvider router={router} />);
  return { router, ...view };
}

afterEach(() => {
  // Unmount first: a reading still going is stopped through the fake, before the fake goes.
  cleanup();
  vi.unstubAllGlobals();
});

describe("Read this page to me", () => {
  it("shows nothing where the browser cannot speak", async () => {
    expect("speechSynthesis" in window).toBe(false);
    renderPage();
    await screen.findByRole("heading", { name: "What happens after I complain" });
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("reads the main text in the app's language, one piece per block, leaving out hidden text", async () => {
    const { spoken } = fakeSpeech();
    renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Read this page to me" }));
    expect(spoken.map((u) => u.text)).toEqual([
      "What happens after I complain",
      "The council should reply by Thursday 17 December 2026.",
      "Change",
      "First thing",
      "Second thing",
      "Next page",
    ]);
    expect(spoken.every((u) => u.lang === "en-GB")).toBe(true);
    const all = spoken.map((u) => u.text).join(" ");
    expect(all).not.toMatch(/secret words|Not for reading|Read this page to me/);
  });

  it("becomes Stop reading while it speaks, and goes back when the last piece has been read", async () => {
    const { spoken } = fakeSpeech();
    renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Read this page to me" }));
    expect(screen.getByRole("button", { name: "Stop reading" })).toBeInTheDocument();
    // Only the last piece ending finishes the reading.
    expect(spoken[0]!.onend).toBeNull();
    act(() => spoken.at(-1)!.onend?.());
    expect(screen.getByRole("button", { name: "Read this page to me" })).toBeInTheDocument();
  });

  it("stops speaking when Stop reading is pressed", async () => {
    const { synth, spoken } = fakeSpeech();
    renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Read this page to me" }));
    synth.cancel.mockClear();
    await userEvent.click(screen.getByRole("button", { name: "Stop reading" }));
    expect(synth.cancel).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Read this page to me" })).toBeInTheDocument();
    // Reading again, then a late end event from the stopped reading: the new reading carries on.
    const stale = spoken.at(-1)!;
    await userEvent.click(screen.getByRole("button", { name: "Read this page to me" }));
    act(() => stale.onend?.());
    expect(screen.getByRole("button", { name: "Stop reading" })).toBeInTheDocument();
  });

  it("stops speaking when the page changes", async () => {
    const { synth } = fakeSpeech();
    const { router } = renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Read this page to me" }));
    synth.cancel.mockClear();
    await userEvent.click(screen.getByRole("link", { name: "Next page" }));
    await screen.findByRole("heading", { name: "Another page" });
    expect(router.state.location.pathname).toBe("/other");
    expect(synth.cancel).toHaveBeenCalledOnce();
  });

  it("stops speaking when it goes away", async () => {
    const { synth } = fakeSpeech();
    const { unmount } = renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Read this page to me" }));
    synth.cancel.mockClear();
    unmount();
    expect(synth.cancel).toHaveBeenCalledOnce();
  });

  it("does not cancel anything when it goes away without having spoken", async () => {
    const { synth } = fakeSpeech();
    const { unmount } = renderPage();
    await screen.findByRole("button", { name: "Read this page to me" });
    unmount();
    expect(synth.cancel).not.toHaveBeenCalled();
  });
});

describe("ReadAloud in another language (issue 14)", () => {
  afterEach(async () => {
    cleanup();
    const { default: i18next } = await import("i18next");
    await act(() => i18next.changeLanguage("en-GB"));
    vi.unstubAllGlobals();
  });

  const voice = (lang: string, name = lang) => ({ lang, name, localService: true, default: false, voiceURI: name }) as SpeechSynthesisVoice;

  it("reads with a voice for the language on screen", async () => {
    const { synth, spoken } = fakeSpeech();
    Object.assign(synth, { getVoices: () => [voice("en-GB"), voice("ar-SA", "Arabic")] });
    const { default: i18next } = await import("i18next");
    await act(() => i18next.changeLanguage("ar"));
    renderPage();
    await userEvent.click(screen.getByRole("button", { name: "Read this page to me" }));
    expect(spoken[0]?.lang).toBe("ar");
    expect((spoken[0] as unknown as { voice: SpeechSynthesisVoice }).voice.name).toBe("Arabic");
  });

  it("says plainly when the device has no voice for it, and reads nothing", async () => {
    const { synth, spoken } = fakeSpeech();
    Object.assign(synth, { getVoices: () => [voice("en-GB"), voice("fr-FR")] });
    const { default: i18next } = await import("i18next");
    await act(() => i18next.changeLanguage("ti"));
    renderPage();
    await userEvent.click(screen.getByRole("button", { name: "Read this page to me" }));
    expect(spoken).toEqual([]);
    expect(screen.getByRole("status")).toHaveTextContent("This phone has no voice for this language");
  });
});
