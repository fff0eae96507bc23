import { DeleteEverythingPage } from "../features/settings/delete-everything-page";
import { PinOfferPage } from "../features/settings/pin-offer-page";
import { SetPinPage } from "../features/settings/set-pin-page";
import { SettingsPage } from "../features/settings/settings-page";
import { UnlockPage } from "../features/settings/unlock-page";

/** /settings */
export function SettingsRoute() {
  return <SettingsPage />;
}

/** /settings/pin */
export function SetPinRoute() {
  return <SetPinPage />;
}

/** /unlock?next=/complaint/what-happened */
export function UnlockRoute() {
  return <UnlockPage />;
}

/** /settings/delete-everything */
export function DeleteEverythingRoute() {
  return <DeleteEverythingPage />;
}

/** /settings/shared-phone?next=/complaint/situation — the once-per-device PIN offer in the journey. */
export function PinOfferRoute() {
  return <PinOfferPage />;
}
