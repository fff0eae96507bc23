import Dexie from "dexie";
import { draftRecordSchema, DRAFT_SCHEMA_VERSION, type DraftAnswers, type DraftRecord } from "../../domain/draft";
import { db, type SpeakUpDatabase, type StoredDraft } from "./db";
import { LockedError, openDraft, sealDraft } from "./pin-repository";
import { getKey } from "./pin-session";
import { SETTING_KEYS } from "./storage-keys";

export type LoadedDraft =
  | { status: "ok"; draft: DraftRecord }
  /** Stored by an older or broken version: kept, never dropped, and shown as "needs checking". */
  | { status: "needs-checking"; id: string; raw: unknown }
  /** Sealed with a PIN: only what the person chose to show while locked is readable. */
  | { status: "locked"; id: string; updatedAt: string; label?: string };

/** The longest label a person can give a draft (the draft schema's limit). */
export const DRAFT_LABEL_MAX_LENGTH = draftRecordSchema.shape.label.unwrap().maxLength ?? 60;

const CURRENT_DRAFT_KEY = SETTING_KEYS.currentDraft;
const VAULT_KEY = SETTING_KEYS.pinVault;
const SHOW_LABELS_KEY = SETTING_KEYS.pinShowLabels;

function isSealed(raw: unknown): raw is StoredDraft & { sealed: object } {
  return typeof raw === "object" && raw !== null && "sealed" in raw && typeof raw.sealed === "object" && raw.sealed !== null;
}

/** Drafts in IndexedDB. Every record is re-parsed on load (style.md rule 6). */
export function draftRepository(database: SpeakUpDatabase = db) {
  function parse(raw: unknown): LoadedDraft | undefined {
    if (raw === undefined) return undefined;
    const result = draftRecordSchema.safeParse(raw);
    if (result.success) return { status: "ok", draft: result.data };
    const id = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : "unknown";
    return { status: "needs-checking", id, raw };
  }

  /** Parse a stored record, opening it with the PIN key when it is sealed (or saying it is locked). */
  async function load(raw: unknown): Promise<LoadedDraft | undefined> {
    if (!isSealed(raw)) return parse(raw);
    const key = getKey();
    if (!key) {
      const label = raw.labelShownWhenLocked && typeof raw.label === "string" ? raw.label : undefined;
      return { status: "locked", id: String(raw.id), updatedAt: String(raw.updatedAt), ...(label !== undefined ? { label } : {}) };
    }
    try {
      return parse(await openDraft(key, raw));
    } catch {
      // Sealed with another key, or damaged: kept and shown as "needs checking", never dropped.
      return { status: "needs-checking", id: String(raw.id), raw };
    }
  }

  /**
   * Write a draft in plain form: sealed when a PIN is set (inside the caller's transaction, which
   * must include drafts and settings; crypto runs through Dexie.waitFor to keep it open).
   */
  async function write(draft: StoredDraft): Promise<void> {
    const pinSet = (await database.settings.get(VAULT_KEY)) !== undefined;
    if (!pinSet) {
      await database.drafts.put(draft);
      return;
    }
    const key = getKey();
    if (!key) throw new LockedError();
    const showLabels = (await database.settings.get(SHOW_LABELS_KEY))?.value === true;
    await database.drafts.put(await Dexie.waitFor(sealDraft(key, { ...draft, answers: draft.answers ?? {} }, showLabels)));
  }

  /** Read one stored draft in plain form inside a transaction (throws when locked or unreadable). */
  async function readPlain(id: string): Promise<StoredDraft> {
    const stored = await database.drafts.get(id);
    if (!stored) throw new Error(`Draft ${id} is not on this device any more`);
    if (!stored.sealed) return stored;
    const key = getKey();
    if (!key) throw new LockedError();
    return Dexie.waitFor(openDraft(key, stored));
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
        await write(draft);
        await database.settings.put({ key: CURRENT_DRAFT_KEY, value: draft.id });
      });
      return draft;
    },

    async get(id: string): Promise<LoadedDraft | undefined> {
      return load(await database.drafts.get(id));
    },

    /** The draft the person was last working on, if it still exists. */
    async current(): Promise<LoadedDraft | undefined> {
      const setting = await database.settings.get(CURRENT_DRAFT_KEY);
      if (typeof setting?.value !== "string") return undefined;
      return load(await database.drafts.get(setting.value));
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
      await database.transaction("rw", database.drafts, database.settings, async () => {
        const stored = await readPlain(id);
        const cleared = new Set(Object.keys(patch).filter((key) => patch[key as keyof DraftAnswers] === undefined));
        const answers = Object.fromEntries(Object.entries({ ...stored.answers, ...patch }).filter(([key]) => !cleared.has(key)));
        await write({
          ...stored,
          answers: answers as DraftAnswers,
          step: step ?? stored.step,
          updatedAt: now.toISOString(),
        });
      });
    },

    /**
     * Every draft on this device, the most recently changed first (by the `updatedAt` index). A record
     * the index leaves out (an older version's record with no `updatedAt`) comes last, never dropped.
     */
    async list(): Promise<LoadedDraft[]> {
      const records = await database.transaction("r", database.drafts, async () => {
        const indexed = await database.drafts.orderBy("updatedAt").reverse().toArray();
        if ((await database.drafts.count()) === indexed.length) return indexed;
        const seen = new Set(indexed.map((draft) => draft.id));
        const unindexed = (await database.drafts.toArray()).filter((draft) => !seen.has(draft.id));
        return [...indexed, ...unindexed];
      });
      return (await Promise.all(records.map((raw) => load(raw)))).flatMap((loaded) => loaded ?? []);
    },

    /** Whether a draft with this id is on this device, whatever state it is in (sealed, needs checking). */
    async has(id: string): Promise<boolean> {
      return (await database.drafts.where("id").equals(id).count()) > 0;
    },

    /** How many drafts are on this device, whatever state they are in. */
    async count(): Promise<number> {
      return database.drafts.count();
    },

    /**
     * Give a draft a label the person chooses (e.g. the child's initials). It is trimmed; an empty
     * label clears it. The last-changed time stays as it was, so renaming does not reorder the list.
     */
    async rename(id: string, label: string): Promise<void> {
      const trimmed = label.trim();
      if (trimmed.length > DRAFT_LABEL_MAX_LENGTH) throw new RangeError(`A draft label is at most ${DRAFT_LABEL_MAX_LENGTH} characters`);
      await database.transaction("rw", database.drafts, database.settings, async () => {
        const stored = await readPlain(id);
        const renamed: typeof stored = { ...stored, label: trimmed };
        if (!trimmed) delete renamed.label;
        await write(renamed);
      });
    },

    /** Delete a draft for good. If it was the current draft, there is no current draft any more. */
    async remove(id: string): Promise<void> {
      await database.transaction("rw", database.drafts, database.settings, async () => {
        await database.drafts.delete(id);
        const setting = await database.settings.get(CURRENT_DRAFT_KEY);
        if (setting?.value === id) await database.settings.delete(CURRENT_DRAFT_KEY);
      });
    },
  };
}

export type DraftRepository = ReturnType<typeof draftRepository>;
