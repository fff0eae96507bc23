import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { CouncilSettings } from "../domain/council";
import { answerClientError, answerExpectation, answerFrameworkError } from "./client-errors";
import { limitConnections } from "./connection-limits";
import { BODY_LIMIT_BYTES, BodyError, parseJsonBody } from "./json-body";
import { openApiDocument } from "./openapi";
import { RateLimitedError, rateLimiters } from "./rate-limits";
import { ConciseRequestLog, loggerOptions, type LogSettings } from "./request-log";
import { accessCodeRoutes } from "./routes/access-codes";
import { complaintStatusRoutes } from "./routes/complaint-status";
import { complaintRoutes } from "./routes/complaints";
import { staffAuthRoutes } from "./routes/staff-auth";
import { staffCaseRoutes } from "./routes/staff-cases";
import { staffReportRoutes } from "./routes/staff-reports";
import { DEFAULT_SETTINGS, type ServerSettings } from "./server-settings";
import type { ComplaintStore } from "./storage/complaint-store";

export interface AppOptions {
  store: ComplaintStore;
  councils: Map<string, CouncilSettings>;
  /** The built app (dist/). When absent only the API is served. */
  staticDir?: string;
  /** The log level (and, in tests, where lines go); no logging when absent. */
  logger?: LogSettings | false;
  /** Time limits, connection limits and rate limits; DEFAULT_SETTINGS for any left out. */
  settings?: Partial<ServerSettings>;
}

/**
 * Content-Security-Policy: the app talks to its own origin and its councils' APIs only
 * (privacy standard: no analytics, fonts or scripts from elsewhere).
 */
export function contentSecurityPolicy(councils: Map<string, CouncilSettings>): string {
  const apiOrigins = new Set<string>();
  for (const council of councils.values()) {
    const endpoint = council.submission.endpoint;
    if (!endpoint.startsWith("/")) apiOrigins.add(new URL(endpoint).origin);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${[...apiOrigins].map((o) => ` ${o}`).join("")}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The pages drawn at build time (scripts/prerender.ts writes dist/prerendered.json): each address's
 * HTML file, and the shell every other page address gets. An app built before pre-rendering has
 * only index.html, which then serves every address as before.
 */
interface PrerenderedPages {
  pages: Map<string, string>;
  shell: string;
}

function readPrerenderedPages(staticDir: string): PrerenderedPages {
  const file = join(staticDir, "prerendered.json");
  if (!existsSync(file)) return { pages: new Map(), shell: "index.html" };
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { pages?: Record<string, string>; shell?: string };
  const pages = new Map(
    Object.entries(parsed.pages ?? {}).filter(([, name]) => /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\.html$/.test(name) && existsSync(join(staticDir, name))),
  );
  const shell = parsed.shell && existsSync(join(staticDir, parsed.shell)) ? parsed.shell : "index.html";
  return { pages, shell };
}

/** Build the server: the submission API and, when built, the app itself. Starting it is index.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Time limits on every connection (issue 10): without them a body that never finishes holds
    // its connection, and its open file, for ever.
    connectionTimeout: settings.idleTimeoutSeconds * 1000,
    keepAliveTimeout: settings.keepAliveTimeoutSeconds * 1000,
    requestTimeout: settings.requestTimeoutSeconds * 1000,
    http: {
      headersTimeout: settings.headersTimeoutSeconds * 1000,
      // How often Node looks for requests past their time: its default of 30 s would double the limit.
      connectionsCheckingInterval: 1000,
    },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // Fastify's two lines per request hold the full URL: one redacted line instead.
    logController: new ConciseRequestLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Trust no proxy headers by default; deployments behind a proxy set TRUST_PROXY.
    trustProxy: settings.trustProxy,
  });
  limitConnections(app.server, { total: settings.maxConnections, perAddress: settings.maxConnectionsPerAddress });
  app.server.on("checkExpectation", answerExpectation);

  app.removeAllContentTypeParsers();
  // Fastify matches this against the header as it re-serialises it, with parameter values quoted:
  // `application/json; charset=utf-8` arrives here as `application/json; charset="utf-8"`.
  app.addContentTypeParser(/^application\/json(;\s*charset="?utf-8"?)?$/i, { parseAs: "string" }, (request, body, done) => {
    try {
      // Nothing here decompresses: a gzip body would be read as broken JSON, or an uncompressed one
      // labelled gzip as if it were not.
      const encoding = request.headers["content-encoding"];
      if (encoding !== undefined && encoding.trim().toLowerCase() !== "identity") {
        throw new BodyError(415, "unsupported-content-encoding", "Send the body uncompressed, without Content-Encoding.");
      }
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  const csp = contentSecurityPolicy(options.councils);
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("Content-Security-Policy", csp);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof RateLimitedError) {
      return reply.code(429).send({ error: "too-many-requests", message: error.message });
    }
    if (error instanceof BodyError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message });
    }
    const e = error as { statusCode?: number; code?: string; message?: string };
    const status = e.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known: Record<string, [string, string]> = {
        FST_ERR_CTP_BODY_TOO_LARGE: ["body-too-large", `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB.`],
        FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported-media-type", "Send the complaint with Content-Type: application/json."],
        FST_ERR_CTP_EMPTY_JSON_BODY: ["empty-body", "The request body is empty. Send the complaint as JSON."],
        FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["bad-content-length", "The Content-Length header does not match the body."],
      };
      const [code, message] = known[e.code ?? ""] ?? ["bad-request", e.message ?? "Bad request"];
      return reply.code(status).send({ error: code, message });
    }
    request.log.error({ err: error }, "request failed");
    return reply
      .code(500)
      .send({ error: "server-error", message: "Something went wrong on our side. Your complaint is safe on your device; try again later." });
  });

  // Built once: the schemas do not change while the server runs.
  const openApi = openApiDocument();
  app.get("/api/v1/openapi.json", async () => openApi);

  app.get("/api/v1/health", async (_request, reply) => {
    try {
      await options.store.ping();
      return { status: "ok", store: options.store.kind };
    } catch {
      return reply.code(503).send({ status: "unavailable", store: options.store.kind });
    }
  });

  const limits = await rateLimiters(app, settings);
  complaintRoutes(app, options.store, options.councils, limits.newComplaint);
  complaintStatusRoutes(app, options.store, options.councils, limits.complaintStatus);
  staffAuthRoutes(app, options.store, options.councils, limits.staffSignIn);
  staffCaseRoutes(app, options.store, options.councils);
  staffReportRoutes(app, options.store, options.councils);
  accessCodeRoutes(app, options.store, limits);

  const staticDir = options.staticDir;
  const built = staticDir !== undefined && existsSync(join(staticDir, "index.html"));
  const prerendered = built ? readPrerenderedPages(staticDir) : undefined;
  const staffHtml = built && existsSync(join(staticDir, "staff/index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: false,
      // Brotli or gzip copies made at build time (vite-plugin-compression2), chosen by Accept-Encoding,
      // with Vary: Accept-Encoding; the plain file for a client that accepts neither.
      preCompressed: true,
      // Source maps are kept out of dist/ by the build; this keeps any that slip in from being sent.
      allowedPath: (pathName) => !pathName.endsWith(".map") && pathName !== "/prerendered.json",
      setHeaders(res, path) {
        // Hashed assets never change; everything else (pages, service worker, manifest, settings) is revalidated.
        if (path.includes(`${join(staticDir, "assets")}`) || path.includes(`${join(staticDir, "staff", "assets")}`)) {
          res.header("Cache-Control", "public, max-age=31536000, immutable");
        } else if (path.startsWith(`${join(staticDir, "staff")}`)) {
          res.header("Cache-Control", "no-store");
        } else {
          res.header("Cache-Control", "no-cache");
        }
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // A page address never names a file (no dot in its last part): a missing file is a 404, not the shell.
    const isPage = (request.method === "GET" || request.method === "HEAD") && prerendered && !path.startsWith("/api/") && !/\.[^/]*$/.test(path);
    if (isPage && staffHtml && (path === "/staff" || path.startsWith("/staff/"))) {
      // The staff area's own page (built into dist/staff/ by scripts/staff-build.ts) for every
      // /staff address; never kept by a browser or a proxy, never served by the service worker.
      reply.header("Cache-Control", "no-store");
      return reply.sendFile("staff/index.html");
    }
    if (isPage) {
      // Pre-rendered pages by address; every other client-side route gets the shell, which the
      // router draws. HEAD answers with the same headers (Fastify sends no body for HEAD).
      reply.header("Cache-Control", "no-cache");
      return reply.sendFile(prerendered.pages.get(path) ?? prerendered.shell);
    }
    return reply.code(404).send({ error: "not-found", message: `No such address: ${request.method} ${path}` });
  });

  return app;
}
