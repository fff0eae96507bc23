import { DEVICE_KEYS } from "./storage-keys";

/** Remove every localStorage key Speak Up writes, and nobody else's. Never throws. */
export function forgetDeviceKeys(): void {
  try {
    for (const key of Object.values(DEVICE_KEYS)) window.localStorage.removeItem(key);
  } catch {
    // Storage turned off: there is nothing to remove.
  }
}
