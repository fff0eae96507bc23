import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchStatus, postComplaint, postNewAccessCode } from "./api-client";
import type { Complaint } from "../../domain/complaint";

/*
 * The phone parses every answer with the schemas the server's OpenAPI document is made from
 * (src/domain/api-answers.ts), so an answer the server could never give is not taken as good.
 */

const answer = (body: unknown, status = 201) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
const TOKEN = "a".repeat(43);

afterEach(() => vi.unstubAllGlobals());

describe("the API client reads the server's answers with the domain's schemas", () => {
  const complaint = { id: "00000000-0000-4000-8000-000000000001" } as Complaint;

  it("takes a stored complaint's reference, token and access code", async () => {
    vi.stubGlobal(
      "fetch",
      answer({ id: complaint.id, reference: "SU-7KQ4-M9XD", receivedAt: "2026-12-01T10:00:00.000Z", statusToken: TOKEN, accessCode: "ABCD2345EFGH6789" }),
    );
    expect(await postComplaint("/api/v1/complaints", complaint)).toEqual({
      kind: "accepted",
      reference: "SU-7KQ4-M9XD",
      receivedAt: "2026-12-01T10:00:00.000Z",
      statusToken: TOKEN,
      accessCode: "ABCD2345EFGH6789",
    });
  });

  it("refuses a reference with letters a reference never has (0, O, 1, I), which the old pattern let through", async () => {
    vi.stubGlobal("fetch", answer({ id: complaint.id, reference: "SU-0O1I-M9XD", receivedAt: "2026-12-01T10:00:00.000Z", statusToken: TOKEN }));
    expect(await postComplaint("/api/v1/complaints", complaint)).toMatchObject({ kind: "server" });
  });

  it("refuses an access code outside its alphabet", async () => {
    vi.stubGlobal("fetch", answer({ reference: "SU-7KQ4-M9XD", accessCode: "ABCD0000EFGH1111" }, 200));
    expect(await postNewAccessCode("/api/v1/complaints", "SU-7KQ4-M9XD", TOKEN)).toMatchObject({ kind: "server" });
  });

  it("reads a status from a server from before the staff area, with no staff events", async () => {
    vi.stubGlobal(
      "fetch",
      answer({ reference: "SU-7KQ4-M9XD", procedure: "statutory", stage: 1, lastStage: 3, events: [], checkedAt: "2026-12-01T10:00:00.000Z" }, 200),
    );
    expect(await fetchStatus("/api/v1/complaints", "SU-7KQ4-M9XD", TOKEN)).toMatchObject({ kind: "ok", status: { stage: 1, staffEvents: [] } });
  });
});
