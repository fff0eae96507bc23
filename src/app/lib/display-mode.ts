/**
 * Running from the home screen (an installed app): the standard display-mode query, and iOS
 * Safari's own flag, which it sets instead. Browsers are most willing to keep an installed app's
 * data, and an installed app needs no "add to home screen" message.
 */
export function runningInstalled(): boolean {
  const standalone = typeof matchMedia === "function" && matchMedia("(display-mode: standalone)").matches;
  const iosStandalone = typeof navigator !== "undefined" && (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || iosStandalone;
}
