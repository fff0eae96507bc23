import { resolve } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { generate } from "otplib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { addWorkingDays, todayIso } from "../domain/calendar";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { statusAnswer } from "./openapi";
import { createAccount } from "./staff/accounts";
import { makeUser, signIn, type Signed } from "../../test/setup/staff-users";
import type { ComplaintStore } from "./storage/complaint-store";
import { runStaffCommand } from "../../scripts/staff";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };
const A = "example-borough";
const B = "northmoor";

async function sendComplaint(app: FastifyInstance, councilId: string, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/complaints",
    headers: json,
    payload: { ...structuredClone(fixture), id: crypto.randomUUID(), councilId, ...overrides },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string; statusToken: string }>();
}

const event = (reference: string, s: Signed, body: unknown): InjectOptions => ({
  method: "POST",
  url: `/api/v1/staff/complaints/${reference}/events`,
  headers: s.change,
  payload: JSON.stringify(body),
});

const today = () => todayIso(new Date());

describe.each(testStores())("the staff API: $name", ({ open }) => {
  let store: ComplaintStore;
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const opened = await open();
    store = opened.store;
    cleanup = opened.cleanup;
    app = await buildApp({ store, councils });
  });

  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  describe("setting up an account", () => {
    it("checks the link, takes a password of 12 or more, confirms the first code and gives recovery codes once", async () => {
      const made = await createAccount(store.sql, { councilId: A, email: "New@Example.gov.uk", role: "officer" });
      const token = made.setupToken;
      const check = await app.inject({ method: "POST", url: "/api/v1/staff/setup/check", headers: json, payload: { token } });
      expect(check.statusCode).toBe(200);
      expect(check.json()).toMatchObject({ email: "new@example.gov.uk", councilId: A, role: "officer" });

      const short = await app.inject({ method: "POST", url: "/api/v1/staff/setup/password", headers: json, payload: { token, password: "elevenchars" } });
      expect(short.statusCode).toBe(400);
      expect(short.json().fields).toEqual([{ field: "password", key: "staff:problems.passwordTooShort" }]);

      const started = await app.inject({ method: "POST", url: "/api/v1/staff/setup/password", headers: json, payload: { token, password: "twelve chars" } });
      expect(started.statusCode).toBe(200);
      const { secret, otpauthUri } = started.json<{ secret: string; otpauthUri: string }>();
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      expect(otpauthUri).toContain(secret);

      const wrong = await app.inject({ method: "POST", url: "/api/v1/staff/setup/confirm", headers: json, payload: { token, code: "000000" } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().fields).toEqual([{ field: "code", key: "staff:problems.codeWrong" }]);

      const confirmed = await app.inject({
        method: "POST",
        url: "/api/v1/staff/setup/confirm",
        headers: json,
        payload: { token, code: await generate({ secret }) },
      });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json().recoveryCodes).toHaveLength(10);

      const again = await app.inject({ method: "POST", url: "/api/v1/staff/setup/check", headers: json, payload: { token } });
      expect(again.statusCode).toBe(404);
      expect(again.json().error).toBe("setup-not-found");
    });

    it("two invitations for one email at once make one account", async () => {
      const results = await Promise.allSettled([
        createAccount(store.sql, { councilId: A, email: "twice@example.gov.uk", role: "officer" }),
        createAccount(store.sql, { councilId: A, email: "Twice@example.gov.uk", role: "officer" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r) => r.status === "rejected");
      expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "email-taken" });
    });

    it("refuses an expired link and malformed bodies", async () => {
      const made = await createAccount(store.sql, { councilId: A, email: "old@example.gov.uk", role: "officer" }, new Date(Date.now() - 25 * 3600_000));
      const expired = await app.inject({ method: "POST", url: "/api/v1/staff/setup/check", headers: json, payload: { token: made.setupToken } });
      expect(expired.statusCode).toBe(404);
      const extra = await app.inject({ method: "POST", url: "/api/v1/staff/setup/check", headers: json, payload: { token: made.setupToken, admin: true } });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().fields).toEqual([{ field: "admin", key: "staff:problems.unknownField" }]);
    });

    it("the command prints a one-time set-up link and refuses an unknown council", async () => {
      const lines: string[] = [];
      const opened = await open();
      try {
        const code = await runStaffCommand(
          ["add", "--council", B, "--email", "cli@northmoor.gov.uk", "--role", "manager"],
          { DATABASE_URL: opened.url, PUBLIC_URL: "https://complaints.example" },
          (l) => lines.push(l),
        );
        expect(code).toBe(0);
        expect(lines.join("\n")).toMatch(/https:\/\/complaints\.example\/staff\/setup#token=[A-Za-z0-9_-]{43}/);
        const bad = await runStaffCommand(["add", "--council", "atlantis", "--email", "x@y.gov.uk", "--role", "manager"], { DATABASE_URL: opened.url }, (l) =>
          lines.push(l),
        );
        expect(bad).toBe(2);
      } finally {
        await opened.cleanup();
      }
    });
  });

  describe("signing in", () => {
    it("gives the same answer for a wrong email and a wrong password", async () => {
      const user = await makeUser(app, store, A, "officer");
      const wrongPassword = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in",
        headers: json,
        payload: { email: user.email, password: "not the password" },
      });
      const wrongEmail = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in",
        headers: json,
        payload: { email: "nobody@example.gov.uk", password: user.password },
      });
      expect(wrongPassword.statusCode).toBe(401);
      expect(wrongEmail.statusCode).toBe(401);
      expect(wrongEmail.body).toBe(wrongPassword.body);
    });

    it("signs in with a TOTP code once, sets an HttpOnly SameSite=Strict cookie, and a code cannot be reused", async () => {
      const user = await makeUser(app, store, A, "officer");
      // The set-up used this 30-second step's code: the next step's is accepted (clock drift) and is new.
      const code = await generate({ secret: user.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const first = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
      const { challenge } = first.json<{ challenge: string }>();
      const wrong = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in/second-factor",
        headers: json,
        payload: { challenge, code: "123456" === code ? "654321" : "123456" },
      });
      expect(wrong.statusCode).toBe(401);
      const again = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
      const ok = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in/second-factor",
        headers: json,
        payload: { challenge: again.json().challenge, code },
      });
      expect(ok.statusCode).toBe(200);
      const setCookie = String(ok.headers["set-cookie"]);
      expect(setCookie).toMatch(/^speakup-staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
      expect(ok.json()).toMatchObject({ staff: { email: user.email, role: "officer", councilId: A }, csrfToken: expect.any(String) });

      const replay = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
      const replayed = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in/second-factor",
        headers: json,
        payload: { challenge: replay.json().challenge, code },
      });
      expect(replayed.statusCode).toBe(401);
    });

    it("a recovery code works once", async () => {
      const user = await makeUser(app, store, A, "officer");
      const code = user.recoveryCodes[0] ?? "";
      await signIn(app, user);
      const first = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
      const reused = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in/second-factor",
        headers: json,
        payload: { challenge: first.json().challenge, recoveryCode: code },
      });
      expect(reused.statusCode).toBe(401);
    });

    it("over HTTPS the cookie is __Host- and Secure", async () => {
      const proxied = await buildApp({ store, councils, settings: { trustProxy: true } });
      try {
        const user = await makeUser(proxied, store, A, "officer");
        const https = { ...json, "x-forwarded-proto": "https" };
        const first = await proxied.inject({
          method: "POST",
          url: "/api/v1/staff/sign-in",
          headers: https,
          payload: { email: user.email, password: user.password },
        });
        const ok = await proxied.inject({
          method: "POST",
          url: "/api/v1/staff/sign-in/second-factor",
          headers: https,
          payload: { challenge: first.json().challenge, recoveryCode: user.recoveryCodes[0] },
        });
        expect(String(ok.headers["set-cookie"])).toMatch(/^__Host-speakup-staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      } finally {
        await proxied.close();
      }
    });

    it("backs off after 5 failures for the account, with Retry-After", async () => {
      const user = await makeUser(app, store, A, "officer");
      const attempt = () =>
        app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: "wrong password!" } });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
      // Even the right password waits: the account is being guessed.
      const right = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
      expect(right.statusCode).toBe(429);
    });
  });

  describe("sessions", () => {
    it("401 without a session, 403 for a change without the CSRF token", async () => {
      const user = await makeUser(app, store, A, "manager");
      const { reference } = await sendComplaint(app, A);
      for (const [method, url] of [
        ["GET", "/api/v1/staff/session"],
        ["GET", "/api/v1/staff/complaints"],
        ["GET", `/api/v1/staff/complaints/${reference}`],
        ["POST", `/api/v1/staff/complaints/${reference}/events`],
        ["GET", "/api/v1/staff/audit"],
        ["GET", "/api/v1/staff/accounts"],
        ["POST", "/api/v1/staff/accounts"],
        ["POST", "/api/v1/staff/sign-out"],
      ] as const) {
        const response = await app.inject({ method, url, headers: json, ...(method === "POST" ? { payload: "{}" } : {}) });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        expect(response.json().error).toBe("not-signed-in");
      }
      const s = await signIn(app, user);
      const noToken = await app.inject({
        method: "POST",
        url: `/api/v1/staff/complaints/${reference}/events`,
        headers: { ...json, cookie: s.cookie },
        payload: { type: "acknowledged", date: today() },
      });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error).toBe("csrf-missing");
      const wrongToken = await app.inject({
        method: "POST",
        url: `/api/v1/staff/complaints/${reference}/events`,
        headers: { ...s.change, "x-csrf-token": "x".repeat(43) },
        payload: { type: "acknowledged", date: today() },
      });
      expect(wrongToken.statusCode).toBe(403);
      const staffEvents = await store.sql.all("SELECT id FROM staff_events");
      expect(staffEvents).toEqual([]);
    });

    it("ends after 30 minutes idle and after 12 hours, and at sign out", async () => {
      const user = await makeUser(app, store, A, "officer");
      const s = await signIn(app, user);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: s.headers })).statusCode).toBe(200);
      await store.sql.run("UPDATE staff_sessions SET last_seen_at = $1", [new Date(Date.now() - 31 * 60_000).toISOString()]);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: s.headers })).statusCode).toBe(401);

      const t = await signIn(app, user);
      await store.sql.run("UPDATE staff_sessions SET expires_at = $1", [new Date(Date.now() - 1000).toISOString()]);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: t.headers })).statusCode).toBe(401);

      const u = await signIn(app, user);
      const out = await app.inject({ method: "POST", url: "/api/v1/staff/sign-out", headers: u.change, payload: "{}" });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: u.headers })).statusCode).toBe(401);
    });

    it("sign out everywhere ends every session of the account", async () => {
      const user = await makeUser(app, store, A, "officer");
      const laptop = await signIn(app, user);
      const desk = await signIn(app, user);
      expect((await app.inject({ method: "POST", url: "/api/v1/staff/sign-out-everywhere", headers: desk.change, payload: "{}" })).statusCode).toBe(204);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: laptop.headers })).statusCode).toBe(401);
    });
  });

  describe("inbox, case and isolation across two councils", () => {
    it("lists only the council's complaints, newest first, marked new, with filters, search and pages", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const first = await sendComplaint(app, A);
      const second = await sendComplaint(app, A);
      const other = await sendComplaint(app, B);
      const s = await signIn(app, officer);
      const list = await app.inject({ method: "GET", url: "/api/v1/staff/complaints", headers: s.headers });
      expect(list.statusCode).toBe(200);
      const body = list.json<{ items: Array<Record<string, unknown>>; total: number }>();
      expect(body.total).toBe(2);
      expect(body.items.map((i) => i.reference).sort()).toEqual([first.reference, second.reference].sort());
      expect(body.items.map((i) => i.reference)).not.toContain(other.reference);
      expect(body.items[0]).toMatchObject({
        role: "young-person",
        route: "statutory",
        stage: 1,
        state: "new",
        isNew: true,
        overdue: false,
        nextDue: { what: "reply", date: addWorkingDays(today(), 10) },
      });

      const paged = await app.inject({ method: "GET", url: "/api/v1/staff/complaints?pageSize=1&page=2", headers: s.headers });
      expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(paged.json().items).toHaveLength(1);

      const search = await app.inject({
        method: "GET",
        url: `/api/v1/staff/complaints?q=${encodeURIComponent(first.reference.slice(0, 7).toLowerCase())}`,
        headers: s.headers,
      });
      expect(search.json().items.map((i: { reference: string }) => i.reference)).toContain(first.reference);
      const otherSearch = await app.inject({ method: "GET", url: `/api/v1/staff/complaints?q=${other.reference}`, headers: s.headers });
      expect(otherSearch.json().total).toBe(0);

      expect((await app.inject({ method: "GET", url: "/api/v1/staff/complaints?state=replied", headers: s.headers })).json().total).toBe(0);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/complaints?stage=1&route=statutory&state=new", headers: s.headers })).json().total).toBe(2);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/complaints?overdue=true", headers: s.headers })).json().total).toBe(0);
    });

    it("puts complaints whose sender said someone may be in danger first, whatever their age, and says each one's language (issues 16, 14)", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const danger = await sendComplaint(app, A, { saysInDanger: true, language: "ar" });
      const safe = await sendComplaint(app, A, { saysInDanger: false });
      const newest = await sendComplaint(app, A);
      const s = await signIn(app, officer);
      const list = await app.inject({ method: "GET", url: "/api/v1/staff/complaints", headers: s.headers });
      const items = list.json<{ items: Array<{ reference: string; saysInDanger: boolean; language: string | null }> }>().items;
      // Sent first (the oldest), yet first; the others keep newest first among themselves.
      expect(items.map((i) => [i.reference, i.saysInDanger])[0]).toEqual([danger.reference, true]);
      expect(
        items
          .slice(1)
          .map((i) => i.reference)
          .sort(),
      ).toEqual([safe.reference, newest.reference].sort());
      expect(items.slice(1).every((i) => !i.saysInDanger)).toBe(true);
      expect(items[0]?.language).toBe("ar");
      // Still first once a staff event rewrote its inbox row, and with a filter.
      await app.inject(event(danger.reference, s, { type: "acknowledged", date: today() }));
      const filtered = await app.inject({ method: "GET", url: "/api/v1/staff/complaints?stage=1", headers: s.headers });
      expect(filtered.json().items[0]).toMatchObject({ reference: danger.reference, saysInDanger: true });
    });

    it.each([
      ["stage=9", "stage"],
      ["state=lost", "state"],
      ["overdue=yes", "overdue"],
      ["route=moon", "route"],
      ["page=0", "page"],
      ["pageSize=1000", "pageSize"],
      ["q=%3Cscript%3E", "q"],
      ["colour=red", "colour"],
    ])("refuses ?%s naming %s", async (query, field) => {
      const s = await signIn(app, await makeUser(app, store, A, "officer"));
      const response = await app.inject({ method: "GET", url: `/api/v1/staff/complaints?${query}`, headers: s.headers });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it("opens the council's own case with everything sent; another council's reference answers exactly like an unknown one", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const own = await sendComplaint(app, A);
      const other = await sendComplaint(app, B);
      const s = await signIn(app, officer);
      const opened = await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${own.reference}`, headers: s.headers });
      expect(opened.statusCode).toBe(200);
      expect(opened.headers["cache-control"]).toBe("no-store");
      const body = opened.json();
      expect(body.complaint.whatHappened.text).toBe(fixture.whatHappened.text);
      expect(body.progress).toMatchObject({ stage: 1, state: "new" });

      const foreign = await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${other.reference}`, headers: s.headers });
      const unknown = await app.inject({ method: "GET", url: "/api/v1/staff/complaints/SU-2222-2222", headers: s.headers });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).toBe(unknown.body);
      const foreignEvent = await app.inject(event(other.reference, s, { type: "acknowledged", date: today() }));
      expect(foreignEvent.statusCode).toBe(404);
      expect(foreignEvent.body).toBe(unknown.body);

      const list = await app.inject({ method: "GET", url: "/api/v1/staff/complaints", headers: s.headers });
      expect(list.json().items[0]).toMatchObject({ reference: own.reference, isNew: false });
    });
  });

  describe("recording events", () => {
    it("acknowledges, agrees more time, records the reply; the phone sees dates, not notes", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const sent = await sendComplaint(app, A);
      const s = await signIn(app, officer);
      const ack = await app.inject(event(sent.reference, s, { type: "acknowledged", date: today(), note: "Rang the young person's advocate" }));
      expect(ack.statusCode).toBe(201);
      expect(ack.json()).toMatchObject({ event: { type: "acknowledged", recordedBy: { email: officer.email } }, progress: { state: "open" } });

      const newDue = addWorkingDays(today(), 15);
      const more = await app.inject(
        event(sent.reference, s, { type: "more-time-agreed", date: today(), stage: 1, newDueDate: newDue, reason: "We need to talk to two teams" }),
      );
      expect(more.statusCode).toBe(201);
      expect(more.json().progress.nextDue).toMatchObject({ what: "reply", date: newDue });

      const tooLong = await app.inject(
        event(sent.reference, s, { type: "more-time-agreed", date: today(), stage: 1, newDueDate: addWorkingDays(today(), 21), reason: "x" }),
      );
      expect(tooLong.statusCode).toBe(409);
      expect(tooLong.json()).toMatchObject({ error: "event-refused", fields: [{ field: "newDueDate", key: "staff:problems.beyondMaximum" }] });

      const replied = await app.inject(event(sent.reference, s, { type: "replied", date: today(), stage: 1, outcome: "partly-upheld" }));
      expect(replied.statusCode).toBe(201);
      expect(replied.json().progress).toMatchObject({ state: "replied", nextDue: null });

      const status = await app.inject({ method: "GET", url: `/api/v1/complaints/${sent.reference}`, headers: { authorization: `Bearer ${sent.statusToken}` } });
      const phone = status.json();
      expect(phone.staffEvents).toEqual([
        { type: "acknowledged", date: today() },
        { type: "more-time-agreed", date: today(), stage: 1, newDueDate: newDue },
        { type: "replied", date: today(), stage: 1, outcome: "partly-upheld" },
      ]);
      expect(phone.events).toContainEqual({ type: "stage1-response", date: today() });
      expect(statusAnswer.safeParse(phone).success).toBe(true);
      expect(status.body).not.toMatch(/advocate|two teams|@/);

      const inbox = await app.inject({ method: "GET", url: "/api/v1/staff/complaints?state=replied", headers: s.headers });
      expect(inbox.json().total).toBe(1);

      // The phone asks for Stage 2 after the reply: the inbox shows it.
      const escalation = await app.inject({
        method: "POST",
        url: `/api/v1/complaints/${sent.reference}/escalations`,
        headers: { ...json, authorization: `Bearer ${sent.statusToken}` },
        payload: { id: crypto.randomUUID(), schemaVersion: 1, toStage: 2, why: "The reply missed the point.", submittedAt: new Date().toISOString() },
      });
      expect(escalation.statusCode).toBe(201);
      const atStage2 = await app.inject({ method: "GET", url: "/api/v1/staff/complaints?stage=2", headers: s.headers });
      expect(atStage2.json().items).toEqual([expect.objectContaining({ reference: sent.reference, stage: 2, state: "open" })]);
    });

    it.each<[string, Record<string, unknown>, number, string, string]>([
      ["a panel before a Stage 3 request", { type: "panel-date-set", panelOn: "2099-01-01" }, 409, "type", "staff:problems.needsStage3Request"],
      [
        "a reply dated before the complaint arrived",
        { type: "replied", date: "2020-01-01", stage: 1, outcome: "upheld" },
        409,
        "date",
        "staff:problems.beforeReceived",
      ],
      ["an unknown type", { type: "teleported" }, 400, "type", "staff:problems.invalid"],
      ["an unknown field", { type: "acknowledged", colour: "red" }, 400, "colour", "staff:problems.unknownField"],
      ["a wrong type of value", { type: "replied", stage: "one", outcome: "upheld" }, 400, "stage", "staff:problems.invalid"],
      ["a date that does not exist", { type: "acknowledged", date: "2026-02-30" }, 400, "date", "staff:problems.dateFormat"],
    ])("refuses %s naming the field, storing nothing", async (_name, body, status, field, key) => {
      const officer = await makeUser(app, store, A, "officer");
      const sent = await sendComplaint(app, A);
      const s = await signIn(app, officer);
      const response = await app.inject(event(sent.reference, s, { date: today(), ...body }));
      expect(response.statusCode).toBe(status);
      expect(response.json().fields).toContainEqual({ field, key });
      expect(await store.sql.all("SELECT id FROM staff_events")).toEqual([]);
    });

    it("records the Ombudsman's interest after the complaint is closed; the report counts it and the phone is not shown it", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const sent = await sendComplaint(app, A);
      const s = await signIn(app, officer);
      expect((await app.inject(event(sent.reference, s, { type: "closed", date: today() }))).statusCode).toBe(201);
      const afterClosed = await app.inject(event(sent.reference, s, { type: "acknowledged", date: today() }));
      expect(afterClosed.json()).toMatchObject({ fields: [{ field: "type", key: "staff:problems.finished" }] });
      const ombudsman = await app.inject(event(sent.reference, s, { type: "ombudsman-referral", date: today(), note: "LGSCO enquiry 26 001 234" }));
      expect(ombudsman.statusCode).toBe(201);
      expect(ombudsman.json().progress).toMatchObject({ state: "closed" });
      const again = await app.inject(event(sent.reference, s, { type: "ombudsman-referral", date: today() }));
      expect(again.json()).toMatchObject({ fields: [{ field: "type", key: "staff:problems.alreadyRecorded" }] });

      const status = await app.inject({ method: "GET", url: `/api/v1/complaints/${sent.reference}`, headers: { authorization: `Bearer ${sent.statusToken}` } });
      expect(status.json().staffEvents).toEqual([{ type: "closed", date: today() }]);
      expect(statusAnswer.safeParse(status.json()).success).toBe(true);

      const manager = await signIn(app, await makeUser(app, store, A, "manager"));
      const report = await app.inject({ method: "GET", url: `/api/v1/staff/report?from=${today()}&to=${today()}`, headers: manager.headers });
      expect(report.json().report).toMatchObject({ total: 1, ombudsman: 1 });
    });

    it("a correction supersedes the earlier event, which stays", async () => {
      const officer = await makeUser(app, store, A, "officer");
      const sent = await sendComplaint(app, A);
      const s = await signIn(app, officer);
      const first = (await app.inject(event(sent.reference, s, { type: "replied", date: today(), stage: 1, outcome: "upheld" }))).json().event;
      const fix = await app.inject(event(sent.reference, s, { type: "replied", date: today(), stage: 1, outcome: "not-upheld", supersedes: first.id }));
      expect(fix.statusCode).toBe(201);
      const twice = await app.inject(event(sent.reference, s, { type: "replied", date: today(), stage: 1, outcome: "resolved", supersedes: first.id }));
      expect(twice.statusCode).toBe(409);
      const opened = (await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${sent.reference}`, headers: s.headers })).json();
      expect(opened.events.map((e: { outcome: string; counts: boolean }) => [e.outcome, e.counts])).toEqual([
        ["upheld", false],
        ["not-upheld", true],
      ]);
    });
  });

  describe("managers: staff accounts and the audit trail", () => {
    it("a manager invites and removes the council's staff; an officer cannot; removal ends the sessions", async () => {
      const manager = await makeUser(app, store, A, "manager");
      const officer = await makeUser(app, store, A, "officer");
      const otherManager = await makeUser(app, store, B, "manager");
      const m = await signIn(app, manager);
      const o = await signIn(app, officer);

      const invited = await app.inject({
        method: "POST",
        url: "/api/v1/staff/accounts",
        headers: m.change,
        payload: { email: "Fresh@Example.gov.uk", role: "officer" },
      });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toMatchObject({
        account: { email: "fresh@example.gov.uk", status: "invited" },
        setupLink: expect.stringMatching(/\/staff\/setup#token=/),
      });
      const duplicate = await app.inject({
        method: "POST",
        url: "/api/v1/staff/accounts",
        headers: m.change,
        payload: { email: "fresh@example.gov.uk", role: "officer" },
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().fields).toEqual([{ field: "email", key: "staff:problems.emailTaken" }]);
      const badRole = await app.inject({
        method: "POST",
        url: "/api/v1/staff/accounts",
        headers: m.change,
        payload: { email: "x@example.gov.uk", role: "admin" },
      });
      expect(badRole.statusCode).toBe(400);

      const listed = await app.inject({ method: "GET", url: "/api/v1/staff/accounts", headers: m.headers });
      expect(listed.json().accounts.map((a: { email: string }) => a.email)).toEqual(
        expect.arrayContaining([manager.email, officer.email, "fresh@example.gov.uk"]),
      );
      expect(listed.json().accounts.map((a: { email: string }) => a.email)).not.toContain(otherManager.email);

      expect((await app.inject({ method: "GET", url: "/api/v1/staff/accounts", headers: o.headers })).statusCode).toBe(403);
      expect(
        (await app.inject({ method: "POST", url: "/api/v1/staff/accounts", headers: o.change, payload: { email: "y@example.gov.uk", role: "manager" } }))
          .statusCode,
      ).toBe(403);
      expect((await app.inject({ method: "DELETE", url: `/api/v1/staff/accounts/${manager.id}`, headers: o.remove })).statusCode).toBe(403);

      expect((await app.inject({ method: "DELETE", url: `/api/v1/staff/accounts/${otherManager.id}`, headers: m.remove })).statusCode).toBe(404);
      expect((await app.inject({ method: "DELETE", url: `/api/v1/staff/accounts/${manager.id}`, headers: m.remove })).statusCode).toBe(409);
      expect((await app.inject({ method: "DELETE", url: `/api/v1/staff/accounts/${officer.id}`, headers: m.remove })).statusCode).toBe(204);
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: o.headers })).statusCode).toBe(401);
      const gone = await app.inject({
        method: "POST",
        url: "/api/v1/staff/sign-in",
        headers: json,
        payload: { email: officer.email, password: officer.password },
      });
      expect(gone.statusCode).toBe(401);
    });

    it("records every view and change, readable by the council's managers only", async () => {
      const manager = await makeUser(app, store, A, "manager");
      const officer = await makeUser(app, store, A, "officer");
      const otherManager = await makeUser(app, store, B, "manager");
      const sent = await sendComplaint(app, A);
      const o = await signIn(app, officer);
      await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${sent.reference}`, headers: o.headers });
      await app.inject(event(sent.reference, o, { type: "acknowledged", date: today() }));
      const m = await signIn(app, manager);
      const exported = await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${sent.reference}/export`, headers: o.headers });
      expect(exported.headers["content-disposition"]).toBe(`attachment; filename="${sent.reference}.json"`);
      expect(exported.json().reference).toBe(sent.reference);
      const trail = await app.inject({ method: "GET", url: `/api/v1/staff/audit?reference=${sent.reference}`, headers: m.headers });
      expect(trail.statusCode).toBe(200);
      expect(trail.json().items.map((i: { action: string; staff: { email: string }; detail?: string }) => [i.action, i.staff.email, i.detail ?? null])).toEqual(
        [
          ["export", officer.email, null],
          ["record-event", officer.email, "acknowledged"],
          ["view", officer.email, null],
        ],
      );
      expect((await app.inject({ method: "GET", url: "/api/v1/staff/audit", headers: o.headers })).statusCode).toBe(403);
      const other = await signIn(app, otherManager);
      const theirs = await app.inject({ method: "GET", url: `/api/v1/staff/audit?reference=${sent.reference}`, headers: other.headers });
      expect(theirs.json().total).toBe(0);
    });
  });
});

const postgres = testStores().find((s) => s.name === "postgres");

describe.runIf(postgres !== undefined)("two server processes on one PostgreSQL database share sessions", () => {
  it("signs in through one and acts through the other", async () => {
    const blank = await postgres!.blank();
    const { openStore } = await import("./storage/open-store");
    const storeOne = await openStore(blank.url);
    const storeTwo = await openStore(blank.url);
    const one = await buildApp({ store: storeOne, councils });
    const two = await buildApp({ store: storeTwo, councils });
    try {
      const user = await makeUser(one, storeOne, A, "officer");
      const sent = await sendComplaint(one, A);
      const s = await signIn(one, user);
      const acted = await two.inject(event(sent.reference, s, { type: "acknowledged", date: today() }));
      expect(acted.statusCode).toBe(201);
      await one.inject({ method: "POST", url: "/api/v1/staff/sign-out", headers: s.change, payload: "{}" });
      expect((await two.inject({ method: "GET", url: "/api/v1/staff/session", headers: s.headers })).statusCode).toBe(401);
    } finally {
      await one.close();
      await two.close();
      await storeOne.close();
      await storeTwo.close();
      await blank.cleanup();
    }
  });
});
