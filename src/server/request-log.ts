import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { REFERENCE_ALPHABET } from "../domain/complaint";

/*
 * What the server writes to its log. A complaint is a child's account of their care: no log line,
 * at any level, holds its text, a status token, database error detail (PostgreSQL's `where` and
 * `detail` quote the row), or a reference (it leads to one child). One line per request at `info`.
 */

const REFERENCE_IN_URL = new RegExp(`SU-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}`, "gi");

/** The URL as logged: its path with any reference hidden, and no query string. */
export function redactUrl(url: string): string {
  return (url.split("?")[0] ?? "").replace(REFERENCE_IN_URL, "SU-****-****");
}

/**
 * An error as logged: its kind, code and where in the code it happened, never its message or
 * fields (a database's message can quote the value it refused; `where` and `detail` quote the row).
 */
export function errorForLog(error: unknown): { type: string; message: string; stack: string; code?: string | number } {
  const e = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; code?: unknown; stack?: unknown };
  const frames =
    typeof e.stack === "string"
      ? e.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 8)
      : [];
  return {
    type: typeof e.name === "string" ? e.name : typeof error,
    message: "(not logged: it may quote what was sent)",
    stack: frames.map((line) => line.trim()).join("\n"),
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: e.code } : {}),
  };
}

export interface LogSettings {
  level: string;
  /** Where lines go; standard output when absent. Tests pass a stream to read them. */
  stream?: { write(line: string): void };
}

/** Fastify's logger options: pino at `level`, with serialisers that keep only what is safe. */
export function loggerOptions(settings: LogSettings | false | undefined): FastifyServerOptions["logger"] {
  if (!settings) return false;
  return {
    level: settings.level,
    ...(settings.stream ? { stream: settings.stream } : {}),
    serializers: {
      // Fastify's own lines (and any `{ req }` a plugin logs) get the method and redacted path only.
      req: (request: { method?: string; url?: string }) => ({ method: request.method, url: redactUrl(request.url ?? "") }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      err: errorForLog,
    },
  };
}

/**
 * Fastify's per-request lines, replaced: none when a request comes in (Fastify's holds the full
 * URL), one concise line when it has been answered, and an error line only for a server fault.
 */
export class ConciseRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info({ method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
  }

  override defaultErrorLog(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ err: error }, "request failed");
  }
}
