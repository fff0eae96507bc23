import nodemailer from "nodemailer";
import type { CouncilSettings } from "../../domain/council";
import type { NotificationSettings } from "../server-settings";
import type { ComplaintStore } from "../storage/complaint-store";
import type { SqlRow } from "../storage/sql";
import { claimDueDeliveries, settleDelivery, type Delivery, type Outcome, type PlannedDelivery } from "./delivery-store";
import { emailFor, signature, webhookBody, type Notice } from "./messages";

/** The receivers a council's settings name, for one arrival (the stores write them with it). */
export function plannedDeliveries(council: CouncilSettings | undefined, urgent: boolean): PlannedDelivery[] {
  const n = council?.notifications;
  if (!n) return [];
  return [
    ...(n.email ?? []).map((receiver) => ({ kind: "email" as const, receiver, urgent })),
    ...(n.webhook ? [{ kind: "webhook" as const, receiver: n.webhook.url, urgent }] : []),
  ];
}

/** Did the person say someone may be in danger now (issue 16)? Read from the stored body. */
export function saysInDanger(body: string): boolean {
  try {
    return (JSON.parse(body) as { saysInDanger?: unknown }).saysInDanger === true;
  } catch {
    return false;
  }
}

export interface WorkerTiming {
  timeoutMs: number;
  leaseMs: number;
  pollMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** How long from the arrival (or a resend) to keep retrying before marking it failed. */
  retryForMs: number;
}

export function timingFrom(settings: NotificationSettings): WorkerTiming {
  return {
    timeoutMs: settings.timeoutSeconds * 1000,
    leaseMs: settings.leaseSeconds * 1000,
    pollMs: settings.pollMilliseconds,
    firstRetryMs: settings.firstRetrySeconds * 1000,
    maxRetryMs: settings.maxRetrySeconds * 1000,
    retryForMs: settings.retryHours * 3_600_000,
  };
}

export interface WorkerOptions {
  store: ComplaintStore;
  councils: ReadonlyMap<string, CouncilSettings>;
  settings: NotificationSettings;
  /** Overrides `timingFrom(settings)` (tests: short waits). */
  timing?: Partial<WorkerTiming>;
  /** The clock (tests: one they move by hand). */
  now?: () => Date;
  /** One line per attempt: the delivery's id, kind and outcome, never a body or an address. */
  log?: (line: string) => void;
  batchSize?: number;
}

/** When the next try is due after `attempts` failed ones, or undefined when the time for retries is over. */
export function nextAttempt(delivery: Pick<Delivery, "attempts" | "retryFrom">, now: Date, timing: WorkerTiming): Date | undefined {
  const giveUpAt = new Date(delivery.retryFrom).getTime() + timing.retryForMs;
  if (now.getTime() >= giveUpAt) return undefined;
  const wait = Math.min(timing.firstRetryMs * 2 ** Math.max(0, delivery.attempts - 1), timing.maxRetryMs);
  // The last try is at the end of the retry time, so it is never cut short.
  return new Date(Math.min(now.getTime() + wait, giveUpAt));
}

/**
 * Sends the outbox (docs/decisions/018): claims due deliveries, sends each, and settles it as
 * delivered, due again later (exponential back-off) or failed once the retry time is over. At least
 * once: a process killed mid-send leaves a claim that is taken again when its lease runs out, so
 * a receiver may see a delivery twice; the idempotency key lets it record it once.
 */
export class DeliveryWorker {
  private readonly timing: WorkerTiming;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly mailer: nodemailer.Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: WorkerOptions) {
    this.timing = { ...timingFrom(options.settings), ...options.timing };
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    const smtp = options.settings.smtp;
    this.mailer = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? "" } } : {}),
          connectionTimeout: this.timing.timeoutMs,
          greetingTimeout: this.timing.timeoutMs,
          socketTimeout: this.timing.timeoutMs,
        })
      : undefined;
  }

  /** Claim and send one batch; how many were tried. */
  async runOnce(): Promise<number> {
    const claimed = await claimDueDeliveries(this.options.store.sql, this.now(), this.timing.leaseMs, this.options.batchSize ?? 20);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  /** Look for due deliveries every `pollMs` until `stop`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      let tried = 0;
      this.running = (async () => {
        try {
          tried = await this.runOnce();
        } catch (error) {
          // The database was away for a moment: try again next time round.
          this.log(`deliveries: could not claim (${(error as { code?: string }).code ?? (error as Error).name})`);
        }
      })();
      await this.running;
      if (!this.stopped) this.timer = setTimeout(() => void loop(), tried > 0 ? 0 : this.timing.pollMs);
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  /** Stop looking; waits for attempts in flight (each bounded by the time-out). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private async attempt(delivery: Delivery): Promise<void> {
    let outcome: Outcome;
    try {
      const error = await this.send(delivery);
      if (error === undefined) outcome = { kind: "delivered" };
      else {
        const at = nextAttempt(delivery, this.now(), this.timing);
        outcome = at ? { kind: "retry", at, error } : { kind: "failed", error };
      }
    } catch (error) {
      const at = nextAttempt(delivery, this.now(), this.timing);
      const reason = `could not send (${(error as Error).name})`;
      outcome = at ? { kind: "retry", at, error: reason } : { kind: "failed", error: reason };
    }
    const settled = await settleDelivery(this.options.store.sql, delivery.id, delivery.attempts, outcome, this.now()).catch(() => false);
    this.log(
      `delivery ${delivery.id} (${delivery.kind}) attempt ${delivery.attempts}: ${outcome.kind}` +
        `${outcome.kind === "delivered" ? "" : ` (${outcome.error})`}${settled ? "" : " [claim had moved on]"}`,
    );
  }

  /** Send once; undefined when the receiver took it, else a short reason (a status code, a time-out). */
  private async send(delivery: Delivery): Promise<string | undefined> {
    const sql = this.options.store.sql;
    const [complaint] = await sql.all<SqlRow>("SELECT reference, council_id, body, received_at FROM complaints WHERE id = $1", [delivery.complaintId]);
    if (!complaint) return "the complaint is no longer stored";
    const councilId = String(complaint.council_id);
    const council = this.options.councils.get(councilId);
    const parse = (body: unknown) => (typeof body === "string" ? (JSON.parse(body) as unknown) : body);
    let receivedAt = String(complaint.received_at);
    let payload: { complaint: unknown } | { escalation: unknown } = { complaint: parse(complaint.body) };
    let toStage: number | undefined;
    if (delivery.escalationId) {
      const [escalation] = await sql.all<SqlRow>("SELECT to_stage, body, received_at FROM escalations WHERE id = $1", [delivery.escalationId]);
      if (!escalation) return "the request is no longer stored";
      receivedAt = String(escalation.received_at);
      toStage = Number(escalation.to_stage);
      payload = { escalation: parse(escalation.body) };
    }
    const notice: Notice = {
      event: delivery.event,
      idempotencyKey: delivery.idempotencyKey,
      reference: String(complaint.reference),
      council: { id: councilId, name: council?.name ?? councilId },
      receivedAt,
      urgent: delivery.urgent,
      ...(toStage === undefined ? {} : { toStage }),
    };
    return delivery.kind === "email" ? this.sendEmail(delivery, notice) : this.sendWebhook(delivery, notice, payload, councilId);
  }

  private async sendEmail(delivery: Delivery, notice: Notice): Promise<string | undefined> {
    const smtp = this.options.settings.smtp;
    if (!this.mailer || !smtp) return "no mail server set (SMTP_HOST)";
    const { subject, text } = emailFor(notice, this.options.settings.staffBaseUrl ?? "");
    try {
      await this.mailer.sendMail({
        from: smtp.from,
        to: delivery.receiver,
        subject,
        text,
        priority: notice.urgent ? "high" : "normal",
        headers: { "Speak-Up-Idempotency-Key": delivery.idempotencyKey },
        messageId: `<${delivery.idempotencyKey}@speak-up>`,
      });
      return undefined;
    } catch (error) {
      const e = error as { responseCode?: number; code?: string };
      return e.responseCode ? `SMTP ${e.responseCode}` : `mail server: ${e.code ?? "no answer"}`;
    }
  }

  private async sendWebhook(
    delivery: Delivery,
    notice: Notice,
    payload: { complaint: unknown } | { escalation: unknown },
    councilId: string,
  ): Promise<string | undefined> {
    const secret = this.options.settings.webhookSecrets.get(councilId);
    if (!secret) return "no webhook secret set";
    const body = webhookBody(notice, payload);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    try {
      const response = await fetch(delivery.receiver, {
        method: "POST",
        // A redirect is an answer, not a new address to send the complaint to.
        redirect: "manual",
        signal: AbortSignal.timeout(this.timing.timeoutMs),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Speak-Up-Notifications",
          "Idempotency-Key": delivery.idempotencyKey,
          "Speak-Up-Event": notice.event,
          "Speak-Up-Timestamp": String(timestamp),
          "Speak-Up-Signature": signature(secret, timestamp, body),
        },
        body,
      });
      // The answer's body is never read or kept: it may say anything.
      void response.body?.cancel().catch(() => {});
      return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string } };
      if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer in ${this.timing.timeoutMs / 1000} s`;
      return `could not connect (${e.cause?.code ?? e.name ?? "error"})`;
    }
  }
}
