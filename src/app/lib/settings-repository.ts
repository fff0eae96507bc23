import "../../domain/zod-config";
import * as z from "zod";
import { COUNCIL_ID } from "../../domain/council-id";
import { db, type SpeakUpDatabase } from "./db";
import { draftRepository } from "./draft-repository";
import { pinRepository } from "./pin-repository";
import { SETTING_KEYS } from "./storage-keys";

const COUNCIL_KEY = SETTING_KEYS.council;
const STORAGE_PERSISTENCE_KEY = SETTING_KEYS.storagePersistence;
const PIN_OFFERED_KEY = SETTING_KEYS.pinOffered;

/** A stored council id is re-parsed on load with the same rule as the settings files (style.md rule 6). */
const storedCouncilIdSchema = z.string().regex(COUNCIL_ID);

/**
 * What the browser said when asked to keep this device's data (`navigator.storage.persist()`),
 * so it is asked once per device. App-only (the server never sees it), so the schema lives here.
 */
export const storagePersistenceSettingSchema = z.object({
  answer: z.enum(["persisted", "denied"]),
  askedAt: z.iso.datetime(),
  /** Asked from the app on the home screen: browsers often say yes only then. */
  askedInstalled: z.boolean(),
  /** The person hid "Add Speak Up to your home screen". */
  noticeDismissed: z.boolean(),
});
export type StoragePersistenceSetting = z.infer<typeof storagePersistenceSettingSchema>;

/** Choices remembered on this device, in the IndexedDB `settings` table. */
export function settingsRepository(database: SpeakUpDatabase = db) {
  const drafts = draftRepository(database);
  const pins = pinRepository(database);

  return {
    /** The council chosen on this device, or undefined when none was chosen or the record is unreadable. */
    async chosenCouncilId(): Promise<string | undefined> {
      const parsed = storedCouncilIdSchema.safeParse((await database.settings.get(COUNCIL_KEY))?.value);
      return parsed.success ? parsed.data : undefined;
    },

    /**
     * Remember the council and move the current draft (if any) to it, in one transaction: the
     * council shown on the start page and the one the complaint goes to never disagree.
     */
    async chooseCouncil(councilId: string): Promise<void> {
      const id = storedCouncilIdSchema.parse(councilId);
      await database.transaction("rw", database.settings, database.drafts, async () => {
        await database.settings.put({ key: COUNCIL_KEY, value: id });
        await drafts.changeCurrentCouncil(id);
      });
    },

    /** What the browser said about keeping data on this device, or undefined when never asked (or unreadable). */
    async storagePersistence(): Promise<StoragePersistenceSetting | undefined> {
      const parsed = storagePersistenceSettingSchema.safeParse((await database.settings.get(STORAGE_PERSISTENCE_KEY))?.value);
      return parsed.success ? parsed.data : undefined;
    },

    /** Whether to ask "Does anyone else use this phone?": once per device, and never once a PIN is set. */
    async shouldOfferPinLock(): Promise<boolean> {
      if ((await database.settings.get(PIN_OFFERED_KEY))?.value === true) return false;
      return !(await pins.isEnabled());
    },

    /** The offer was shown: it is not shown again on this device (until Delete everything). */
    async rememberPinOffered(): Promise<void> {
      await database.settings.put({ key: PIN_OFFERED_KEY, value: true });
    },

    async rememberStoragePersistence(setting: StoragePersistenceSetting): Promise<void> {
      await database.settings.put({ key: STORAGE_PERSISTENCE_KEY, value: storagePersistenceSettingSchema.parse(setting) });
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
