import { StoreConfigError } from "./storage/complaint-store";

/*
 * The limits that keep one bad client from taking the server down (issue 10), with the settings
 * that change them. Defaults are far beyond what a person on a phone needs: a real complaint is a
 * few kilobytes sent in well under a second, even on a poor connection.
 */

export interface RateLimit {
  /** How many requests in the window. */
  max: number;
  /** The window, in seconds. */
  windowSeconds: number;
}

export interface ServerSettings {
  /** All the request's headers must arrive within this. */
  headersTimeoutSeconds: number;
  /** The whole request, headers and body, must arrive within this; a stalled body is cut with a 408. */
  requestTimeoutSeconds: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutSeconds: number;
  /** A connection on which nothing at all happens is closed after this. */
  idleTimeoutSeconds: number;
  /** Connections open at once, in total; more are refused by the operating system's queue. */
  maxConnections: number;
  /** Connections open at once from one address; 0 for no limit (behind a proxy every client has its address). */
  maxConnectionsPerAddress: number;
  /**
   * Whose X-Forwarded-For to believe, as Fastify's trustProxy: false, true, addresses and ranges
   * (comma-separated), or a function (TRUST_PROXY=<n> trusts the nearest n hops).
   */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** New complaints from one address. */
  complaintsPerAddress: RateLimit;
  /** Status checks and next-stage requests from one address. */
  statusPerAddress: RateLimit;
  /** Status checks and next-stage requests for one reference, from every address together. */
  statusPerReference: RateLimit;
  /** Staff sign-in and set-up requests from one address (besides the back-off after failures). */
  staffSignInPerAddress: RateLimit;
  /** Check a complaint (reference + access code) from one address (docs/decisions/015). */
  checksPerAddress: RateLimit;
  /** Check a complaint for one reference, from every address together. */
  checksPerReference: RateLimit;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  headersTimeoutSeconds: 10,
  requestTimeoutSeconds: 25,
  keepAliveTimeoutSeconds: 5,
  idleTimeoutSeconds: 60,
  maxConnections: 10_000,
  maxConnectionsPerAddress: 256,
  trustProxy: false,
  complaintsPerAddress: { max: 60, windowSeconds: 600 },
  statusPerAddress: { max: 300, windowSeconds: 600 },
  statusPerReference: { max: 60, windowSeconds: 600 },
  staffSignInPerAddress: { max: 100, windowSeconds: 600 },
  checksPerAddress: { max: 30, windowSeconds: 3600 },
  checksPerReference: { max: 10, windowSeconds: 3600 },
};

type Env = Record<string, string | undefined>;

function whole(env: Env, name: string, fallback: number, min: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new StoreConfigError(`${name} "${value}" is not a whole number of at least ${min}.`);
  }
  return number;
}

function rate(env: Env, name: string, fallback: RateLimit): RateLimit {
  return { max: whole(env, `${name}_MAX`, fallback.max, 1), windowSeconds: whole(env, `${name}_WINDOW_SECONDS`, fallback.windowSeconds, 1) };
}

function trustProxy(value: string | undefined): ServerSettings["trustProxy"] {
  if (value === undefined || value.trim() === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

/** The settings from the environment (README, "Running it safely"); a bad value stops the start with its name. */
export function settingsFromEnv(env: Env): ServerSettings {
  const d = DEFAULT_SETTINGS;
  const settings: ServerSettings = {
    headersTimeoutSeconds: whole(env, "HEADERS_TIMEOUT_SECONDS", d.headersTimeoutSeconds, 1),
    requestTimeoutSeconds: whole(env, "REQUEST_TIMEOUT_SECONDS", d.requestTimeoutSeconds, 1),
    keepAliveTimeoutSeconds: whole(env, "KEEP_ALIVE_TIMEOUT_SECONDS", d.keepAliveTimeoutSeconds, 1),
    idleTimeoutSeconds: whole(env, "IDLE_TIMEOUT_SECONDS", d.idleTimeoutSeconds, 1),
    maxConnections: whole(env, "MAX_CONNECTIONS", d.maxConnections, 1),
    maxConnectionsPerAddress: whole(env, "MAX_CONNECTIONS_PER_ADDRESS", d.maxConnectionsPerAddress, 0),
    trustProxy: trustProxy(env.TRUST_PROXY),
    complaintsPerAddress: rate(env, "RATE_LIMIT_COMPLAINTS", d.complaintsPerAddress),
    statusPerAddress: rate(env, "RATE_LIMIT_STATUS", d.statusPerAddress),
    statusPerReference: rate(env, "RATE_LIMIT_REFERENCE", d.statusPerReference),
    staffSignInPerAddress: rate(env, "RATE_LIMIT_STAFF_SIGN_IN", d.staffSignInPerAddress),
    checksPerAddress: rate(env, "RATE_LIMIT_CHECKS", d.checksPerAddress),
    checksPerReference: rate(env, "RATE_LIMIT_CHECKS_REFERENCE", d.checksPerReference),
  };
  if (settings.headersTimeoutSeconds > settings.requestTimeoutSeconds) {
    throw new StoreConfigError("HEADERS_TIMEOUT_SECONDS must not be more than REQUEST_TIMEOUT_SECONDS: the headers are part of the request.");
  }
  return settings;
}

/** How the deployment sends notifications (issue 13; README, "Connecting a council's case system"). */
export interface NotificationSettings {
  /** The mail server; needed when any council names email addresses. */
  smtp?: { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string };
  /** The staff area's address, for the link to a case in an email (e.g. https://speakup.example.gov.uk/staff). */
  staffBaseUrl?: string;
  /** Each council's webhook secret, by council id, from WEBHOOK_SECRET_<COUNCIL_ID>. */
  webhookSecrets: Map<string, string>;
  /** A receiver that has not answered in this long is given up on for this attempt. */
  timeoutSeconds: number;
  /** A claim not settled in this long (the process died) is taken again. */
  leaseSeconds: number;
  /** How often the worker looks for due deliveries. */
  pollMilliseconds: number;
  /** The first retry's wait; each next one doubles, up to `maxRetrySeconds`. */
  firstRetrySeconds: number;
  maxRetrySeconds: number;
  /** How long to keep trying before a delivery is marked failed (at least 24). */
  retryHours: number;
}

/** WEBHOOK_SECRET_ and the council id in capitals, dashes as underscores: WEBHOOK_SECRET_EXAMPLE_BOROUGH. */
export function webhookSecretName(councilId: string): string {
  return `WEBHOOK_SECRET_${councilId.toUpperCase().replace(/-/g, "_")}`;
}

const MIN_SECRET_LENGTH = 32;

function webAddress(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreConfigError(`${name} "${value}" is not a web address such as https://speakup.example.gov.uk/staff.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new StoreConfigError(`${name} must start with https://.`);
  return value.replace(/\/+$/, "");
}

/**
 * The notification settings from the environment, checked against what the councils ask for: a
 * council that names email addresses needs SMTP_HOST, SMTP_FROM and STAFF_BASE_URL; one with a
 * webhook needs its WEBHOOK_SECRET_<ID>. A problem stops the start with the setting's name.
 */
export function notificationSettingsFromEnv(
  env: Env,
  councils: ReadonlyMap<string, { id: string; notifications?: { email?: string[]; webhook?: { url: string } } }>,
): NotificationSettings {
  const wantsEmail = [...councils.values()].filter((c) => c.notifications?.email?.length);
  const host = env.SMTP_HOST?.trim();
  let smtp: NotificationSettings["smtp"];
  if (host) {
    const secure = env.SMTP_SECURE?.trim().toLowerCase() ?? "";
    if (!["", "true", "false"].includes(secure)) throw new StoreConfigError(`SMTP_SECURE "${env.SMTP_SECURE}" must be true or false.`);
    const port = whole(env, "SMTP_PORT", secure === "true" ? 465 : 587, 1);
    if (port > 65535) throw new StoreConfigError(`SMTP_PORT "${env.SMTP_PORT}" is not a port number (1–65535).`);
    const from = env.SMTP_FROM?.trim();
    if (!from || !/^[^\s@]+@[^\s@]+$/.test(from.replace(/^.*<(.*)>$/, "$1"))) {
      throw new StoreConfigError(`SMTP_FROM must be the address notifications come from, such as speak-up@example.gov.uk.`);
    }
    const user = env.SMTP_USER?.trim() || undefined;
    const pass = env.SMTP_PASS || undefined;
    if (Boolean(user) !== Boolean(pass)) throw new StoreConfigError("SMTP_USER and SMTP_PASS must be set together (or neither).");
    smtp = { host, port, secure: secure === "true", from, ...(user ? { user } : {}), ...(pass ? { pass } : {}) };
  }
  const staffBaseUrl = webAddress(env, "STAFF_BASE_URL");
  if (wantsEmail.length > 0 && !smtp) {
    throw new StoreConfigError(
      `SMTP_HOST is not set, but ${wantsEmail.map((c) => c.id).join(", ")} send notifications by email (notifications.email). Set SMTP_HOST and SMTP_FROM.`,
    );
  }
  if (wantsEmail.length > 0 && !staffBaseUrl) {
    throw new StoreConfigError(
      "STAFF_BASE_URL is not set: notification emails link to the case in the staff area (for example https://speakup.example.gov.uk/staff).",
    );
  }
  const webhookSecrets = new Map<string, string>();
  for (const council of councils.values()) {
    if (!council.notifications?.webhook) continue;
    const name = webhookSecretName(council.id);
    const secret = env[name] ?? "";
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new StoreConfigError(
        `${name} is ${secret ? `shorter than ${MIN_SECRET_LENGTH} characters` : "not set"}, but ${council.id} has a webhook (notifications.webhook). ` +
          `Set it to a long random secret shared with the council's case system (for example: openssl rand -hex 32).`,
      );
    }
    webhookSecrets.set(council.id, secret);
  }
  const settings: NotificationSettings = {
    smtp,
    staffBaseUrl,
    webhookSecrets,
    timeoutSeconds: whole(env, "DELIVERY_TIMEOUT_SECONDS", 10, 1),
    leaseSeconds: whole(env, "DELIVERY_LEASE_SECONDS", 120, 1),
    pollMilliseconds: whole(env, "DELIVERY_POLL_MILLISECONDS", 1000, 10),
    firstRetrySeconds: whole(env, "DELIVERY_FIRST_RETRY_SECONDS", 30, 1),
    maxRetrySeconds: whole(env, "DELIVERY_MAX_RETRY_SECONDS", 3600, 1),
    retryHours: whole(env, "DELIVERY_RETRY_HOURS", 24, 24),
  };
  if (settings.leaseSeconds <= settings.timeoutSeconds) {
    throw new StoreConfigError("DELIVERY_LEASE_SECONDS must be more than DELIVERY_TIMEOUT_SECONDS: a claim must outlast the attempt it is for.");
  }
  return settings;
}
