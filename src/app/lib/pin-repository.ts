import "../../domain/zod-config";
import Dexie from "dexie";
import * as z from "zod";
import { draftAnswersSchema } from "../../domain/draft";
import { db, type SpeakUpDatabase, type StoredDraft } from "./db";
import { createPinVault, open, pinVaultSchema, seal, unlockVault, type PinVault } from "./pin-crypto";
import { getKey, lock, setKey } from "./pin-session";
import { SETTING_KEYS } from "./storage-keys";

const VAULT_KEY = SETTING_KEYS.pinVault;
const SHOW_LABELS_KEY = SETTING_KEYS.pinShowLabels;

/** What a sealed draft holds: everything the person typed, and the label unless it is shown while locked. */
export const sealedContentSchema = z.object({
  answers: draftAnswersSchema,
  label: z.string().max(60).optional(),
});
export type SealedContent = z.infer<typeof sealedContentSchema>;

/** Thrown when a draft must be read or written while the app is locked. */
export class LockedError extends Error {
  constructor() {
    super("Speak Up is locked: enter the PIN first");
    this.name = "LockedError";
  }
}

/** Seal a draft's content with the key, keeping the label outside only when the person chose that. */
export async function sealDraft(
  key: CryptoKey,
  draft: StoredDraft & { answers: NonNullable<StoredDraft["answers"]> },
  showLabel: boolean,
): Promise<StoredDraft> {
  const { answers, label, ...rest } = draft;
  const content: SealedContent = showLabel || label === undefined ? { answers } : { answers, label };
  const sealed = await seal(key, content);
  return { ...rest, ...(showLabel && label !== undefined ? { label } : {}), labelShownWhenLocked: showLabel, sealed };
}

/** Open a sealed draft into its plain form (answers and label), or throw when the content doesn't parse. */
export async function openDraft(key: CryptoKey, draft: StoredDraft): Promise<StoredDraft> {
  if (!draft.sealed) return draft;
  const content = sealedContentSchema.parse(await open(key, draft.sealed));
  const label = content.label ?? draft.label;
  const opened: StoredDraft = { ...draft, answers: content.answers };
  delete opened.sealed;
  delete opened.labelShownWhenLocked;
  delete opened.label;
  return { ...opened, ...(label !== undefined ? { label } : {}) };
}

/**
 * The optional PIN lock (drafts issue): the vault (salt, iterations and a sealed check value, never
 * the PIN) lives in `settings`; the key lives only in memory (pin-session.ts).
 */
export function pinRepository(database: SpeakUpDatabase = db) {
  async function vault(): Promise<PinVault | undefined> {
    const parsed = pinVaultSchema.safeParse((await database.settings.get(VAULT_KEY))?.value);
    return parsed.success ? parsed.data : undefined;
  }

  async function showLabels(): Promise<boolean> {
    return (await database.settings.get(SHOW_LABELS_KEY))?.value === true;
  }

  return {
    vault,
    showLabels,

    async isEnabled(): Promise<boolean> {
      return (await vault()) !== undefined;
    },

    /** Turn the lock on: derive a key from the PIN, seal every draft, store the vault, keep the key in memory. */
    async enable(pin: string, labelsShownWhenLocked: boolean): Promise<void> {
      const { vault: created, key } = await createPinVault(pin);
      await database.transaction("rw", database.drafts, database.settings, async () => {
        const drafts = await database.drafts.toArray();
        for (const draft of drafts) {
          if (draft.sealed || !draft.answers) continue;
          // Crypto is not IndexedDB: waitFor keeps the transaction open, so no save slips in between.
          const sealed = await Dexie.waitFor(sealDraft(key, { ...draft, answers: draft.answers }, labelsShownWhenLocked));
          await database.drafts.put(sealed);
        }
        await database.settings.put({ key: VAULT_KEY, value: created });
        await database.settings.put({ key: SHOW_LABELS_KEY, value: labelsShownWhenLocked });
      });
      setKey(key);
    },

    /** Check the PIN and keep the key in memory. Throws WrongPinError for a wrong PIN. */
    async unlock(pin: string): Promise<void> {
      const stored = await vault();
      if (!stored) return;
      setKey(await unlockVault(stored, pin));
    },

    /** Turn the lock off (needs the app unlocked): every draft is opened and stored plain again. */
    async disable(): Promise<void> {
      const key = getKey();
      if (!key) throw new LockedError();
      await database.transaction("rw", database.drafts, database.settings, async () => {
        const drafts = await database.drafts.toArray();
        for (const draft of drafts) {
          if (!draft.sealed) continue;
          await database.drafts.put(await Dexie.waitFor(openDraft(key, draft)));
        }
        await database.settings.delete(VAULT_KEY);
        await database.settings.delete(SHOW_LABELS_KEY);
      });
      lock();
    },

    /** "Delete everything on this device": every draft, the outbox, sent complaints, settings and the key. */
    async deleteEverything(): Promise<void> {
      lock();
      await database.transaction("rw", database.tables, async () => {
        await Promise.all(database.tables.map((table) => table.clear()));
      });
    },
  };
}

export type PinRepository = ReturnType<typeof pinRepository>;
