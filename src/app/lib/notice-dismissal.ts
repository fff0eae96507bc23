/**
 * "Not now" on a message about this device (add to home screen) hides it on this device for 30
 * days (issue 9: calm banners). Kept in localStorage, which is read synchronously once the page is
 * on screen; it holds only a date, never anything the person wrote. A browser that refuses
 * localStorage simply shows the message again on the next visit.
 */

import { DEVICE_KEYS } from "./storage-keys";

export const NOTICE_HIDDEN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The one key this module writes (storage-keys.ts, so "Delete everything" removes it). */
export const HOME_SCREEN_NOTICE_KEY = DEVICE_KEYS.homeScreenNoticeHiddenAt;

/** Whether the notice was hidden less than 30 days before `now`. */
export function noticeHidden(key: string = HOME_SCREEN_NOTICE_KEY, now: number = Date.now()): boolean {
  try {
    const hiddenAt = Number(window.localStorage.getItem(key));
    return Number.isFinite(hiddenAt) && hiddenAt > 0 && now - hiddenAt < NOTICE_HIDDEN_DAYS * DAY_MS && hiddenAt <= now;
  } catch {
    return false;
  }
}

/** Hide the notice on this device from `now` for 30 days. Never throws. */
export function hideNotice(key: string = HOME_SCREEN_NOTICE_KEY, now: number = Date.now()): void {
  try {
    window.localStorage.setItem(key, String(now));
  } catch {
    // Private windows may refuse: the notice is then hidden for this visit only.
  }
}
