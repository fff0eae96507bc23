import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";

/*
 * The API's one error shape, `{ error, message }`, for the answers Node and Fastify give before a
 * route runs: a request cut off by a time limit, headers too large, a request Node cannot parse, an
 * Expect header it cannot meet, a URL the router refuses. Their own bodies differ and some echo the URL.
 */

export interface ErrorBody {
  error: string;
  message: string;
}

/** What Node's HTTP parser and timers report, as the API answers it. */
export function clientErrorAnswer(code: string | undefined): { status: number; body: ErrorBody } {
  switch (code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 408,
        body: { error: "request-timeout", message: "The request took too long to arrive. Check the connection and send it again." },
      };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, body: { error: "headers-too-large", message: "The request's headers are too large." } };
    default:
      return { status: 400, body: { error: "bad-request", message: "The request is not valid HTTP." } };
  }
}

/** A whole HTTP/1.1 response written straight to the socket, closing it after. */
export function rawResponse(status: number, body: ErrorBody, headers: Record<string, string> = {}): string {
  const json = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(json)}`,
    "Cache-Control: no-store",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    "Connection: close",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${json}`;
}

/** Fastify's clientErrorHandler: answer in the API's shape when the socket can still take it. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, body } = clientErrorAnswer(error.code);
  socket.end(rawResponse(status, body));
}

/** Fastify's frameworkErrors: a URL the router refuses (malformed, or a part too long). Never echoes the URL. */
export function answerFrameworkError(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void reply.code(414).send({ error: "url-too-long", message: "The address is too long." } satisfies ErrorBody);
    return;
  }
  void reply.code(400).send({ error: "bad-url", message: "The address is not a valid URL." } satisfies ErrorBody);
}

/** Node's checkExpectation: only `Expect: 100-continue` is understood (RFC 9110 §10.1.1). */
export function answerExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({ error: "expectation-failed", message: "Only Expect: 100-continue is supported." } satisfies ErrorBody);
  response.writeHead(417, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  response.end(body);
}
