import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/*
 * Real receivers for the notification tests (issue 13): an SMTP server (smtp-server) and an HTTP
 * server (node:http) that records each idempotency key once, as a council's case system should.
 */

export interface ReceivedHook {
  headers: IncomingMessage["headers"];
  rawBody: string;
}

export type HookMode = "ok" | "error" | "hang" | "redirect";

export class WebhookReceiver {
  /** Every request, in order (a delivery may be seen more than once). */
  readonly seen: ReceivedHook[] = [];
  /** What the case system keeps: one entry per idempotency key. */
  readonly recorded = new Map<string, ReceivedHook>();
  mode: HookMode = "ok";
  /** In mode "ok", answer each request after this long (a busy case system). */
  delayMs = 0;
  private held: ServerResponse[] = [];
  private server: Server | undefined;
  port = 0;

  async listen(port = 0): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const hook = { headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") };
        if (request.url !== "/hook") {
          response.writeHead(404).end();
          return;
        }
        this.seen.push(hook);
        const key = String(request.headers["idempotency-key"]);
        if (!this.recorded.has(key)) this.recorded.set(key, hook);
        if (this.mode === "hang") this.held.push(response);
        else if (this.mode === "error") response.writeHead(503, { "content-type": "text/html" }).end("<h1>Down for maintenance</h1>");
        else if (this.mode === "redirect") response.writeHead(302, { location: `http://127.0.0.1:${this.port}/elsewhere` }).end();
        else if (this.delayMs > 0) setTimeout(() => response.writeHead(204).end(), this.delayMs);
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** Answer the requests being held (mode "hang"). */
  release(): void {
    for (const response of this.held.splice(0)) if (!response.destroyed) response.writeHead(204).end();
  }

  async close(): Promise<void> {
    this.release();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export async function startSmtpServer(): Promise<{ port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
