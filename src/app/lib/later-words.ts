import check from "../../../locales/en-GB/check.json";
import complaints from "../../../locales/en-GB/complaints.json";
import confirmation from "../../../locales/en-GB/confirmation.json";
import drafts from "../../../locales/en-GB/drafts.json";
import eligibility from "../../../locales/en-GB/eligibility.json";
import settings from "../../../locales/en-GB/settings.json";
import timeline from "../../../locales/en-GB/timeline.json";
import validation from "../../../locales/en-GB/validation.json";
import wizard from "../../../locales/en-GB/wizard.json";

/** The words the start and help pages do not need, loaded in one chunk by `loadLaterWords` (i18n.ts). */
export const laterWords = { check, complaints, confirmation, drafts, eligibility, settings, timeline, validation, wizard } as const;
