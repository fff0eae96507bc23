import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "../../domain/council";
import { notificationSettingsFromEnv, webhookSecretName } from "../server-settings";

const SECRET = "x".repeat(32);
const emailCouncil = new Map([["north-x", { id: "north-x", notifications: { email: ["team@example.gov.uk"] } }]]);
const hookCouncil = new Map([["north-x", { id: "north-x", notifications: { webhook: { url: "https://cases.example.gov.uk/in" } } }]]);
const mail = { SMTP_HOST: "smtp.example.gov.uk", SMTP_FROM: "speak-up@example.gov.uk", STAFF_BASE_URL: "https://s.example.gov.uk/staff" };

describe("notification settings (issue 13): a bad one names the setting at start-up", () => {
  it("needs nothing when no council asks to be told", () => {
    expect(notificationSettingsFromEnv({}, new Map([["a", { id: "a" }]]))).toMatchObject({ smtp: undefined, retryHours: 24 });
  });

  it.each([
    [{}, /SMTP_HOST is not set, but north-x/],
    [{ ...mail, SMTP_FROM: "" }, /SMTP_FROM/],
    [{ ...mail, STAFF_BASE_URL: "" }, /STAFF_BASE_URL is not set/],
    [{ ...mail, STAFF_BASE_URL: "not an address" }, /STAFF_BASE_URL "not an address" is not a web address/],
    [{ ...mail, SMTP_PORT: "seventy" }, /SMTP_PORT "seventy"/],
    [{ ...mail, SMTP_PORT: "70000" }, /SMTP_PORT "70000"/],
    [{ ...mail, SMTP_SECURE: "yes" }, /SMTP_SECURE "yes" must be true or false/],
    [{ ...mail, SMTP_USER: "u" }, /SMTP_USER and SMTP_PASS/],
    [{ ...mail, DELIVERY_RETRY_HOURS: "2" }, /DELIVERY_RETRY_HOURS "2" is not a whole number of at least 24/],
    [{ ...mail, DELIVERY_LEASE_SECONDS: "5", DELIVERY_TIMEOUT_SECONDS: "10" }, /DELIVERY_LEASE_SECONDS must be more than/],
  ])("email settings %o", (env, message) => {
    expect(() => notificationSettingsFromEnv(env, emailCouncil)).toThrow(message);
  });

  it("takes each council's webhook secret from WEBHOOK_SECRET_<ID>, and refuses a missing or short one", () => {
    expect(webhookSecretName("birmingham-childrens-trust")).toBe("WEBHOOK_SECRET_BIRMINGHAM_CHILDRENS_TRUST");
    expect(() => notificationSettingsFromEnv({}, hookCouncil)).toThrow(/WEBHOOK_SECRET_NORTH_X is not set, but north-x has a webhook/);
    expect(() => notificationSettingsFromEnv({ WEBHOOK_SECRET_NORTH_X: "short" }, hookCouncil)).toThrow(/shorter than 32 characters/);
    expect(notificationSettingsFromEnv({ WEBHOOK_SECRET_NORTH_X: SECRET }, hookCouncil).webhookSecrets.get("north-x")).toBe(SECRET);
  });

  it("accepts a webhook only at https://, or http:// on this machine, in the council's settings", () => {
    const base = {
      id: "x-y",
      name: "X",
      shortName: "X",
      contact: { phone: "0300 123 4567" },
      emergency: { childrensServices: "0300 123 4567", outOfHours: "0300 123 4567" },
      advocacy: [{ name: "A" }],
      privacyNotice: "https://x.gov.uk/p",
    };
    const parse = (url: string) => councilSettingsSchema.safeParse({ ...base, notifications: { webhook: { url } } });
    expect(parse("https://cases.example.gov.uk/hook").success).toBe(true);
    expect(parse("http://127.0.0.1:8081/hook").success).toBe(true);
    expect(parse("http://localhost/hook").success).toBe(true);
    const plain = parse("http://cases.example.gov.uk/hook");
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.path).toEqual(["notifications", "webhook", "url"]);
    expect(councilSettingsSchema.safeParse({ ...base, notifications: { email: ["not-an-email"] } }).error?.issues[0]?.path).toEqual([
      "notifications",
      "email",
      0,
    ]);
  });
});
