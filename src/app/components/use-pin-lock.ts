import { useLiveQuery } from "dexie-react-hooks";
import { useSyncExternalStore } from "react";
import { pinRepository } from "../lib/pin-repository";
import { getKey, subscribe } from "../lib/pin-session";

const pins = pinRepository();

export interface PinLockState {
  /** undefined while loading. */
  enabled: boolean | undefined;
  /** The key is in memory (always false when the lock is off). */
  unlocked: boolean;
}

/** Whether a PIN is set on this device (live across tabs) and whether this tab holds the key. */
export function usePinLock(): PinLockState {
  const enabled = useLiveQuery(() => pins.isEnabled(), []);
  const unlocked = useSyncExternalStore(subscribe, () => getKey() !== undefined);
  return { enabled, unlocked };
}
