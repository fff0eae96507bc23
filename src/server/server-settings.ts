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
  };
  if (settings.headersTimeoutSeconds > settings.requestTimeoutSeconds) {
    throw new StoreConfigError("HEADERS_TIMEOUT_SECONDS must not be more than REQUEST_TIMEOUT_SECONDS: the headers are part of the request.");
  }
  return settings;
}
