/*
 * Every key Speak Up keeps on a device, in one place (issue 11), so two modules never spell the
 * same one twice and "Delete everything" can remove them all. No window here: the service worker
 * imports it too. The values are what earlier versions wrote and must not change: a new spelling
 * would forget a person's PIN or language.
 */

/** The IndexedDB database (db.ts) that holds drafts, the outbox, sent complaints and the settings below. */
export const DB_NAME = "speak-up";

/** Rows of the IndexedDB `settings` table (db.ts), cleared with the rest of IndexedDB. */
export const SETTING_KEYS = {
  /** The council the person chose. */
  council: "councilId",
  /** The draft Carry on opens. */
  currentDraft: "currentDraftId",
  /** The PIN-sealed key (pin-crypto.ts); its presence means a PIN is set. */
  pinVault: "pinVault",
  /** Whether draft labels show while locked (decision 005). */
  pinShowLabels: "pinShowLabels",
  /** The PIN offer was shown once. */
  pinOffered: "pinOffered",
  /** What the browser said when asked to keep storage (decision 004). */
  storagePersistence: "storagePersistence",
  /** Which page or worker is sending the outbox now (outbox-sync.ts). */
  outboxLease: "outboxLease",
} as const;

/**
 * localStorage, read synchronously before the first render. Nothing the person wrote: a language
 * code and a date. Removed by "Delete everything" (`forgetDeviceKeys`, device-keys.ts).
 */
export const DEVICE_KEYS = {
  language: "speak-up.language",
  homeScreenNoticeHiddenAt: "speak-up:home-screen-notice-hidden-at",
} as const;

/** sessionStorage, this tab only: the tab left through Exit this page (exit-state.ts). */
export const TAB_KEYS = {
  exited: "speakup:exited",
} as const;
