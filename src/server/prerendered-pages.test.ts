import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "../../test/setup/stores";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const [sqlite] = testStores();

/** Pages drawn at build time, found by address (scripts/prerender.ts writes prerendered.json). */
describe("pre-rendered pages", () => {
  let staticDir: string;
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), "speak-up-static-"));
    writeFileSync(join(staticDir, "index.html"), "<p>start</p>");
    writeFileSync(join(staticDir, "shell.html"), "<p>shell</p>");
    writeFileSync(join(staticDir, "what-happens.html"), "<p>what happens</p>");
    mkdirSync(join(staticDir, "complaint"));
    writeFileSync(join(staticDir, "complaint/who.html"), "<p>who is filling this in</p>");
    writeFileSync(join(staticDir, "secret.txt"), "not a page");
    writeFileSync(
      join(staticDir, "prerendered.json"),
      JSON.stringify({
        pages: {
          "/": "index.html",
          "/what-happens": "what-happens.html",
          "/complaint/who": "complaint/who.html",
          "/sneaky": "../secret.txt",
          "/also": "secret.txt",
        },
        shell: "shell.html",
      }),
    );
    if (!sqlite) throw new Error("no SQLite store");
    const opened = await sqlite.open();
    cleanup = opened.cleanup;
    app = await buildApp({ store: opened.store, councils, staticDir });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it.each([
    ["/what-happens", "<p>what happens</p>"],
    // A page in a folder (the first question) is found like any other.
    ["/complaint/who", "<p>who is filling this in</p>"],
    // Every other page address gets the shell, which the app draws over.
    ["/complaint/safety", "<p>shell</p>"],
    // Only .html files are pages: a listed name that is anything else is ignored.
    ["/sneaky", "<p>shell</p>"],
    ["/also", "<p>shell</p>"],
  ])("GET %s answers 200 with its page", async (url, body) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toBe(body);
  });

  it("answers HEAD for a page in a folder like GET", async () => {
    const response = await app.inject({ method: "HEAD", url: "/complaint/who" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
  });
});
