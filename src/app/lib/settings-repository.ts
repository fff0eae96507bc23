import { councilSettingsSchema } from "../../domain/council";
import { db, type SpeakUpDatabase } from "./db";
import { draftRepository } from "./draft-repository";

const COUNCIL_KEY = "councilId";

/** A stored council id is re-parsed on load with the same rule as the settings files (style.md rule 6). */
const storedCouncilIdSchema = councilSettingsSchema.shape.id;

/** Choices remembered on this device, in the IndexedDB `settings` table. */
export function settingsRepository(database: SpeakUpDatabase = db) {
  const drafts = draftRepository(database);

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
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
