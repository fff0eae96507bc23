import type { Complaint } from "../../domain/complaint";

/**
 * The staff API (docs/staff-api.md), every address in one place. The session cookie is HttpOnly
 * and the browser sends it; the page keeps only the CSRF token, in memory, and sends it with every
 * change (`x-csrf-token`).
 */

export type StaffRole = "officer" | "manager";

export interface StaffSession {
  staff: { id: string; email: string; role: StaffRole; councilId: string; councilName: string };
  /** How long the council keeps a closed complaint; null: not set, so nothing is deleted. */
  retention: { value: number; unit: "years" | "months" } | null;
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
}

export interface FieldProblem {
  field: string;
  key: string;
}

export interface NextDue {
  what: "acknowledgement" | "reply" | "panel" | "panel-report" | "final-response";
  date: string;
}

export const complaintStates = ["new", "open", "replied", "withdrawn", "moved", "closed"] as const;
export type ComplaintState = (typeof complaintStates)[number];
export const complaintRoutes = ["statutory", "council-decides", "local-procedure", "elsewhere"] as const;
export type ComplaintRoute = (typeof complaintRoutes)[number];

export interface InboxItem {
  reference: string;
  receivedAt: string;
  receivedOn: string;
  role?: string | null;
  route: ComplaintRoute;
  procedure: "statutory" | "local";
  stage: number;
  lastStage: number;
  state: ComplaintState;
  nextDue: NextDue | null;
  overdue: boolean;
  dueSoon: boolean;
  isNew: boolean;
  /** The sender said someone may be in danger (issue 16): these come first. */
  saysInDanger: boolean;
  /** The language it was written in; null: not recorded. */
  language: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Progress {
  stage: number;
  lastStage: number;
  state: ComplaintState;
  nextDue: NextDue | null;
  overdue: boolean;
  dueSoon: boolean;
  route: ComplaintRoute;
  procedure: "statutory" | "local";
}

export interface StaffEvent {
  id: string;
  type: string;
  date: string;
  recordedAt: string;
  recordedBy?: { id: string; email: string } | null;
  source?: "phone" | "staff";
  supersedes?: string;
  /** The later event that corrects this one, if any. */
  supersededBy?: string | null;
  /** Whether the rules count it (not superseded). */
  counts?: boolean;
  note?: string;
  [field: string]: unknown;
}

export interface Escalation {
  id: string;
  toStage: number;
  receivedAt: string;
  why?: string;
  wantNow?: string | null;
  replyReceivedOn?: string | null;
}

/** One notification of a case (issue 13): where it goes and how it is going. */
export interface Delivery {
  id: string;
  event: "complaint.received" | "escalation.received";
  kind: "email" | "webhook";
  receiver: string;
  urgent: boolean;
  state: "pending" | "sending" | "delivered" | "failed";
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  error: string | null;
}

export interface CaseRecord {
  reference: string;
  receivedAt: string;
  councilId: string;
  complaint: Complaint;
  escalations: Escalation[];
  events: StaffEvent[];
  progress: Progress;
  /** Absent from a server from before notifications. */
  deliveries?: Delivery[];
}

export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  status: "invited" | "active";
  createdAt: string;
}

export interface AuditItem {
  at: string;
  staff: { id: string; email: string } | null;
  action: string;
  reference?: string;
  detail?: string;
}

/** An answer other than 2xx, in the API's one error shape. */
export class StaffApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = "StaffApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken: string | undefined;

/** Kept in memory only: a new tab asks for the session (and its token) again. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const BASE = "/api/v1/staff";

async function request<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new StaffApiError(0, "network", "The server could not be reached.");
  }
  if (response.status === 204) return undefined as T;
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const shape = (data ?? {}) as { error?: unknown; message?: unknown; fields?: unknown };
    const fields = Array.isArray(shape.fields)
      ? shape.fields.filter(
          (f): f is FieldProblem =>
            typeof f === "object" && f !== null && typeof (f as FieldProblem).field === "string" && typeof (f as FieldProblem).key === "string",
        )
      : [];
    const retry = Number(response.headers.get("retry-after"));
    throw new StaffApiError(
      response.status,
      typeof shape.error === "string" ? shape.error : "error",
      typeof shape.message === "string" ? shape.message : response.statusText,
      fields,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return data as T;
}

/** The inbox's filters, as the URL and the API both spell them. */
export interface InboxQuery {
  stage?: string;
  state?: string;
  overdue?: string;
  dueSoon?: string;
  route?: string;
  q?: string;
  page?: string;
}

function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const staffApi = {
  setupCheck: (token: string) =>
    request<{ email: string; councilId: string; councilName: string; role: StaffRole; expiresAt: string }>("POST", "/setup/check", { token }),
  setupPassword: (token: string, password: string) => request<{ secret: string; otpauthUri: string }>("POST", "/setup/password", { token, password }),
  setupConfirm: (token: string, code: string) => request<{ recoveryCodes: string[] }>("POST", "/setup/confirm", { token, code }),
  signIn: (email: string, password: string) => request<{ challenge: string; expiresAt: string }>("POST", "/sign-in", { email, password }),
  secondFactor: (challenge: string, answer: { code: string } | { recoveryCode: string }) =>
    request<StaffSession>("POST", "/sign-in/second-factor", { challenge, ...answer }),
  session: () => request<StaffSession>("GET", "/session"),
  signOut: () => request<undefined>("POST", "/sign-out"),
  signOutEverywhere: () => request<undefined>("POST", "/sign-out-everywhere"),
  inbox: (query: InboxQuery) => request<Page<InboxItem>>("GET", `/complaints${queryString({ ...query })}`),
  complaint: (reference: string) => request<CaseRecord>("GET", `/complaints/${encodeURIComponent(reference)}`),
  recordEvent: (reference: string, event: Record<string, unknown>) =>
    request<{ event: StaffEvent; progress: Progress }>("POST", `/complaints/${encodeURIComponent(reference)}/events`, event),
  accounts: () => request<{ accounts: StaffAccount[] }>("GET", "/accounts"),
  invite: (email: string, role: StaffRole) =>
    request<{ account: StaffAccount; setupLink: string; setupExpiresAt: string }>("POST", "/accounts", { email, role }),
  resendDelivery: (reference: string, id: string) =>
    request<{ delivery: Delivery }>("POST", `/complaints/${encodeURIComponent(reference)}/deliveries/${encodeURIComponent(id)}/resend`),
  removeAccount: (id: string) => request<undefined>("DELETE", `/accounts/${encodeURIComponent(id)}`),
  report: (range: { from: string; to: string }) => request<ReportAnswer>("GET", `/report${queryString(range)}`),
  audit: (query: { reference?: string; page?: string }) => request<Page<AuditItem>>("GET", `/audit${queryString(query)}`),
};

/** The annual report's counts (GET /report; decision 019). */
export interface ReportAnswer {
  councilId: string;
  from: string;
  to: string;
  report: {
    total: number;
    stages: Record<string, number>;
    who: Record<string, number>;
    about: Record<string, number>;
    route: Record<string, number>;
    outcomes: Record<string, Record<string, number>>;
    timescales: Record<string, { metWithoutExtraTime: number; metWithExtraTime: number; notMet: number }>;
    stage3Steps: Record<"panel" | "panelReport" | "finalResponse", { onTime: number; late: number }>;
    advocacy: { offered: number; taken: number; alreadyHad: number };
    moved: { otherProcedure: number; otherOrganisation: number };
    withdrawn: number;
    ombudsman: number;
  };
}

/** Where a file downloads from: exports (complaints, events) and the report as CSV. The browser sends the cookie. */
export function downloadUrl(what: "complaints" | "events" | "report", range: { from: string; to: string }, format: "csv" | "json"): string {
  const path = what === "report" ? "/report" : `/exports/${what}`;
  return `${BASE}${path}${queryString({ ...range, format })}`;
}
