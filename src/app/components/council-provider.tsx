import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { CouncilIndex, CouncilSettings } from "../../domain/council";
import { hasStoredData } from "../lib/stored-data";
import { yieldToBrowser } from "../lib/yield-to-browser";

/** A council this deployment offers, as listed in `public/councils/index.json`. */
export type CouncilChoice = CouncilIndex["councils"][number];

export type CouncilState =
  | {
      status: "loading";
      /**
       * The deployment's default council, known before the page first draws (it is written into
       * every page by the pre-renderer). Pages drawn at build time (the start page, What happens
       * after I complain) show it while the council chosen on this device is read, so they hydrate
       * without a mismatch; every other page waits for the real one.
       */
      preview?: CouncilSettings;
    }
  | {
      status: "ready";
      council: CouncilSettings;
      councils: readonly CouncilChoice[];
      /** The council the person chose on this device, or undefined while the default is in use. */
      chosenId: string | undefined;
      /** Remember this council on the device, move the current draft to it, and use its settings. */
      chooseCouncil: (id: string) => Promise<void>;
    }
  | { status: "error"; retry: () => void };

type Loaded =
  { status: "loading" } | { status: "ready"; council: CouncilSettings; councils: readonly CouncilChoice[]; chosenId: string | undefined } | { status: "error" };

const CouncilContext = createContext<CouncilState>({ status: "loading" });

/**
 * Loaded with the first page that needs a council, not with the app: they bring zod and Dexie,
 * which the start page does not need to draw (first-load budget, issue 9).
 */
async function councilModules() {
  const settingsModule = await storelessCouncilModules();
  // One after the other, each run in a task of its own: together (zod and the council schema, the
  // drafts' and complaints' schemas, then Dexie and the stores) they were one long task just after
  // hydrating.
  await import("../../domain/draft");
  await yieldToBrowser();
  const repositoryModule = await import("../lib/settings-repository");
  await yieldToBrowser();
  return { ...settingsModule, settings: repositoryModule.settingsRepository() };
}

/** The council files and their schema, without the stores: enough for a device with nothing stored. */
async function storelessCouncilModules() {
  const settingsModule = await import("../lib/council-settings");
  await yieldToBrowser();
  return settingsModule;
}

/**
 * The index, then the council chosen on this device, falling back to the index's default. When it
 * is the council the page was drawn with (`preview`), that very object, so pages that draw from it
 * (memo) are not drawn again for nothing just after hydrating (issue 9). A device with nothing
 * stored (a first visit) has chosen no council, so the stores are not loaded to ask.
 */
async function loadChosenCouncil(preview: CouncilSettings | undefined, built: BuiltCouncilFiles | undefined): Promise<Extract<Loaded, { status: "ready" }>> {
  const stored = await hasStoredData();
  const { councilToUse, loadCouncil, loadCouncilIndex, sameSettings, settings } =
    stored === false ? { ...(await storelessCouncilModules()), settings: undefined } : await councilModules();
  // A device that cannot read IndexedDB still gets the default council rather than an error.
  const [index, storedId] = await Promise.all([
    loadCouncilIndex(built && { source: built.index, parsed: built.index }),
    settings?.chosenCouncilId().catch(() => undefined),
  ]);
  const id = councilToUse(index, storedId);
  const loaded = await loadCouncil(id, preview && built ? { source: built.councilSource, parsed: preview } : undefined);
  const council = preview && sameSettings(loaded, preview) ? preview : loaded;
  return { status: "ready", council, councils: index.councils, chosenId: id === storedId ? id : undefined };
}

/**
 * The files the page was built with (first-render-data): the default council's file as served, and
 * the council index (which the schema leaves as it is). When the device fetches the same files,
 * their settings are used as the build parsed them, without loading the schema.
 */
export interface BuiltCouncilFiles {
  councilSource: unknown;
  index: CouncilIndex;
}

/**
 * Loads the council's settings once for the whole app; pages read them with `useCouncil`.
 * Tests pass `initial` (and optionally `councils`) to skip loading; choosing still works then.
 */
export function CouncilProvider({
  children,
  initial,
  councils,
  preview,
  built,
}: {
  children: ReactNode;
  initial?: CouncilSettings;
  councils?: readonly CouncilChoice[];
  /** The default council's settings, shown by pre-rendered pages until the chosen one is read. */
  preview?: CouncilSettings;
  /** The files `preview` was built from (with `preview`). */
  built?: BuiltCouncilFiles;
}) {
  const [loaded, setLoaded] = useState<Loaded>(
    initial
      ? { status: "ready", council: initial, councils: councils ?? [{ id: initial.id, name: initial.name }], chosenId: undefined }
      : { status: "loading" },
  );
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setLoaded({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    loadChosenCouncil(preview, built)
      .then((result) => {
        if (!cancelled) setLoaded(result);
      })
      .catch(() => {
        if (!cancelled) setLoaded({ status: "error" });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, initial, preview, built]);

  const offered = loaded.status === "ready" ? loaded.councils : undefined;
  const chooseCouncil = useCallback(
    async (id: string) => {
      if (!offered?.some((choice) => choice.id === id)) throw new Error(`Council ${id} is not offered here`);
      const { loadCouncil, settings } = await councilModules();
      // Load first: a council whose settings cannot be read is never remembered or given a draft.
      const council = await loadCouncil(id);
      await settings.chooseCouncil(id);
      setLoaded((current) => (current.status === "ready" ? { ...current, council, chosenId: id } : current));
    },
    [offered],
  );

  const value = useMemo<CouncilState>(() => {
    if (loaded.status === "ready") return { ...loaded, chooseCouncil };
    if (loaded.status === "error") return { status: "error", retry };
    return preview ? { status: "loading", preview } : loaded;
  }, [loaded, chooseCouncil, retry, preview]);

  return <CouncilContext.Provider value={value}>{children}</CouncilContext.Provider>;
}

export function useCouncil(): CouncilState {
  return useContext(CouncilContext);
}
