import { draftRecordSchema, DRAFT_SCHEMA_VERSION, type DraftAnswers, type DraftRecord } from "../../domain/draft";
import { db, type SpeakUpDatabase } from "./db";

export type LoadedDraft =
  | { status: "ok"; draft: DraftRecord }
  /** Stored by an older or broken version: kept, never dropped, and shown as "needs checking". */
  | { status: "needs-checking"; id: string; raw: unknown };

const CURRENT_DRAFT_KEY = "currentDraftId";

/** Drafts in IndexedDB. Every record is re-parsed on load (style.md rule 6). */
export function draftRepository(database: SpeakUpDatabase = db) {
  function parse(raw: unknown): LoadedDraft | undefined {
    if (raw === undefined) return undefined;
    const result = draftRecordSchema.safeParse(raw);
    if (result.success) return { status: "ok", draft: result.data };
    const id = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : "unknown";
    return { status: "needs-checking", id, raw };
  }

  return {
    async create(councilId: string, now: Date = new Date()): Promise<DraftRecord> {
      const timestamp = now.toISOString();
      const draft: DraftRecord = {
        id: crypto.randomUUID(),
        schemaVersion: DRAFT_SCHEMA_VERSION,
        councilId,
        answers: {},
        createdAt: timestamp,
        updatedAt: timestamp,
      };
      await database.transaction("rw", database.drafts, database.settings, async () => {
        await database.drafts.add(draft);
        await database.settings.put({ key: CURRENT_DRAFT_KEY, value: draft.id });
      });
      return draft;
    },

    async get(id: string): Promise<LoadedDraft | undefined> {
      return parse(await database.drafts.get(id));
    },

    /** The draft the person was last working on, if it still exists. */
    async current(): Promise<LoadedDraft | undefined> {
      const setting = await database.settings.get(CURRENT_DRAFT_KEY);
      if (typeof setting?.value !== "string") return undefined;
      return parse(await database.drafts.get(setting.value));
    },

    async setCurrent(id: string): Promise<void> {
      await database.settings.put({ key: CURRENT_DRAFT_KEY, value: id });
    },

    /**
     * Send the current draft to another council (the person changed their council). A draft that
     * needs checking is changed too, so when it is fixed it still goes where the person chose.
     * Returns the id of the draft changed, or undefined when there is no current draft.
     */
    async changeCurrentCouncil(councilId: string, now: Date = new Date()): Promise<string | undefined> {
      return database.transaction("rw", database.drafts, database.settings, async () => {
        const setting = await database.settings.get(CURRENT_DRAFT_KEY);
        if (typeof setting?.value !== "string") return undefined;
        const changed = await database.drafts.update(setting.value, { councilId, updatedAt: now.toISOString() });
        return changed > 0 ? setting.value : undefined;
      });
    },

    /**
     * Merge changed answers into the stored draft field by field, inside one transaction, so two tabs
     * editing different fields never overwrite each other (last write wins per field).
     * `undefined` in the patch clears that answer.
     */
    async saveAnswers(id: string, patch: Partial<DraftAnswers>, step?: string, now: Date = new Date()): Promise<void> {
      await database.transaction("rw", database.drafts, async () => {
        const stored = await database.drafts.get(id);
        if (!stored) throw new Error(`Draft ${id} is not on this device any more`);
        const cleared = new Set(Object.keys(patch).filter((key) => patch[key as keyof DraftAnswers] === undefined));
        const answers = Object.fromEntries(
          Object.entries({ ...stored.answers, ...patch }).filter(([key]) => !cleared.has(key)),
        );
        await database.drafts.put({
          ...stored,
          answers: answers as DraftAnswers,
          step: step ?? stored.step,
          updatedAt: now.toISOString(),
        });
      });
    },

    async remove(id: string): Promise<void> {
      await database.drafts.delete(id);
    },
  };
}

export type DraftRepository = ReturnType<typeof draftRepository>;
