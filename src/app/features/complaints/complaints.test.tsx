import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fixture from "../../../../test/fixtures/complaint.valid.json";
import { addWorkingDays, todayIso } from "../../../domain/calendar";
import { complaintSchema } from "../../../domain/complaint";
import { parseCouncilSettings } from "../../../domain/council";
import { db, type SentRecord } from "../../lib/db";
import { formatLongDate } from "../../lib/format-date";
import { outboxRepository } from "../../lib/outbox-repository";
import { pinRepository } from "../../lib/pin-repository";
import { lock } from "../../lib/pin-session";
import { exampleBorough, renderAt } from "../../../../test/setup/render-app";

const council = exampleBorough;
const outbox = outboxRepository();
const complaint = complaintSchema.parse({ ...fixture, id: "7c1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });
const today = todayIso(new Date());

/** A complaint this phone sent on `receivedOn`, with or without a status token. */
async function sentOn(receivedOn: string, token?: string): Promise<SentRecord> {
  const record: SentRecord = {
    id: complaint.id,
    schemaVersion: 1,
    reference: "SU-7KQ4-M9XD",
    councilId: council.id,
    receivedOn,
    receivedAt: `${receivedOn}T10:00:00.000Z`,
    payload: complaint,
    endpoint: "/api/v1/complaints",
    ...(token ? { statusToken: token } : {}),
  };
  await db.sent.put(record);
  return record;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  // No server in these tests: every request fails as if offline.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Your complaints", () => {
  it("says when nothing has been sent from this phone, with a way to start", async () => {
    renderAt("/complaints");
    expect(await screen.findByText("You have not sent a complaint from this phone yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Start a complaint" })).toHaveAttribute("href", "/");
  });

  it("shows a complaint the council rejected with what to do, and deletes a waiting one only after Yes", async () => {
    await outbox.queue("d1", complaint, "/api/v1/complaints");
    await outbox.settle(complaint.id, { kind: "rejected", status: 400, error: "invalid-complaint", fields: [] });
    renderAt("/complaints");
    const list = await screen.findByTestId("outbox-list");
    expect(within(list).getByText("The council could not accept this.")).toBeInTheDocument();
    expect(within(list).getByText(/Open your draft, check your answers and send it again/)).toBeInTheDocument();
    expect(within(list).getByRole("button", { name: /^Try again\s*Complaint to Example Borough Council$/ })).toBeInTheDocument();

    await userEvent.click(within(list).getByRole("link", { name: /^Delete\s*Complaint to Example Borough Council$/ }));
    await screen.findByRole("heading", { name: "Are you sure you want to delete this?" });
    await userEvent.click(screen.getByRole("link", { name: "No, keep it" }));
    await screen.findByTestId("outbox-list");
    expect(await db.outbox.count()).toBe(1);

    await userEvent.click(screen.getByRole("link", { name: /^Delete\s*Complaint to Example Borough Council$/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Yes, delete it" }));
    expect(await screen.findByText("Deleted. It was not sent.")).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
  });

  it('lets the person send again or delete a complaint left "sending" by a page that closed mid-send', async () => {
    const anHourAgo = new Date(Date.now() - 60 * 60_000);
    await outbox.queue("d1", complaint, "/api/v1/complaints", anHourAgo);
    // The page that began this try was closed an hour ago, before the council answered, and
    // another tab holds the senders' lease (frozen in the background), so no send run comes.
    await outbox.markSending(complaint.id, anHourAgo);
    await db.settings.put({ key: "outboxLease", value: { owner: "another-tab", until: Date.now() + 60 * 60_000 } });
    renderAt("/complaints");
    const list = await screen.findByTestId("outbox-list");
    expect(await within(list).findByText(/^Sending stopped before the council answered/)).toBeInTheDocument();

    await userEvent.click(within(list).getByRole("button", { name: /^Send now\s*Complaint to Example Borough Council$/ }));
    // Due again at once, for whichever tab sends.
    expect(await within(list).findByText("Waiting to send.")).toBeInTheDocument();
    expect(await outbox.get(complaint.id)).toMatchObject({ state: "waiting" });

    // Left "sending" again the same way.
    await db.outbox.update(complaint.id, { state: "sending", lastTriedAt: anHourAgo.toISOString() });
    expect(await within(list).findByText(/^Sending stopped before the council answered/)).toBeInTheDocument();
    await userEvent.click(await within(list).findByRole("link", { name: /^Delete\s*Complaint to Example Borough Council$/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Yes, delete it" }));
    expect(await screen.findByText("Deleted. It was not sent.")).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
  });

  it("says when something saved here cannot be read, keeps it, and still lists the rest (issue 11)", async () => {
    await sentOn(today);
    const unreadable = { id: "from-another-version", schemaVersion: 9, reference: "SU-7KQ4-M9XE", receivedAt: "2026-11-20T10:00:00.000Z" };
    await db.sent.put(unreadable as never);
    renderAt("/complaints");
    const notice = await screen.findByRole("region", { name: "Something saved on this phone could not be opened" });
    expect(within(notice).getByRole("link", { name: "Go to your drafts" })).toHaveAttribute("href", "/drafts");
    expect(within(await screen.findByTestId("sent-list")).getByText("Reference SU-7KQ4-M9XD")).toBeInTheDocument();
    expect(await db.sent.get("from-another-version")).toEqual(unreadable);
  });

  it("says nothing about unreadable records when there are none", async () => {
    await sentOn(today);
    renderAt("/complaints");
    await screen.findByTestId("sent-list");
    expect(screen.queryByTestId("set-aside")).not.toBeInTheDocument();
  });

  it("lists a sent complaint with its reference and stage, linking to where it is", async () => {
    await sentOn(today);
    renderAt("/complaints");
    const list = await screen.findByTestId("sent-list");
    expect(within(list).getByText("Reference SU-7KQ4-M9XD")).toBeInTheDocument();
    expect(within(list).getByText("Stage 1: the council looks at your complaint")).toBeInTheDocument();
    expect(within(list).getByRole("link", { name: /^See where it is and what happens next\s*for complaint SU-7KQ4-M9XD$/ })).toHaveAttribute(
      "href",
      "/complaints/SU-7KQ4-M9XD",
    );
  });
});

describe("one sent complaint", () => {
  it("gives the council's reply date from its timescales, and how long there is to ask for Stage 2", async () => {
    await sentOn(today);
    renderAt("/complaints/SU-7KQ4-M9XD");
    await screen.findByRole("heading", { name: "Complaint SU-7KQ4-M9XD" });
    const target = addWorkingDays(today, council.timescales.stage1TargetWorkingDays);
    expect(screen.getByTestId("reply-by")).toHaveTextContent(`The council should reply by ${formatLongDate(target, "en-GB")}.`);
    expect(screen.getByTestId("ask-by")).toHaveTextContent("ask for Stage 2. Ask within 20 working days of getting the reply.");
    expect(screen.getByText(/This phone cannot check this complaint with the council/)).toBeInTheDocument();
    // Without the token the request could never be sent: the council's number instead of a form.
    expect(screen.queryByRole("link", { name: "I'm not happy with the reply" })).not.toBeInTheDocument();
    expect(screen.getByText(/This phone can't send the request for you/)).toBeInTheDocument();
  });

  it("at Stage 3, says which step is late (the panel meeting), not a reply date still to come", async () => {
    const record = await sentOn("2025-09-01", "t".repeat(43));
    await db.sent.put({
      ...record,
      escalations: [
        { id: crypto.randomUUID(), toStage: 2, requestedOn: "2025-10-01", replyReceivedOn: "2025-09-25", why: "a" },
        { id: crypto.randomUUID(), toStage: 3, requestedOn: "2025-12-01", replyReceivedOn: "2025-11-28", why: "b" },
      ],
    });
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByRole("heading", { name: "The council is late" })).toBeInTheDocument();
    expect(screen.getByTestId("stage")).toHaveTextContent("Stage 3: a review panel");
    expect(screen.getByText(/^The panel meets to talk about your complaint: this should have happened by /)).toBeInTheDocument();
    // Late for months with no reply: the Ombudsman step, with its number (said once, not twice).
    expect(screen.getByTestId("ombudsman-step")).toBeInTheDocument();
    expect(screen.queryByText(/If the council still does not reply, the Ombudsman can help/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "0300 061 0614" })).toHaveAttribute("href", "tel:03000610614");
    // Stage 3 is the last: there is no next stage to offer.
    expect(screen.queryByRole("link", { name: "I've had a reply from the council" })).not.toBeInTheDocument();
  });

  it("says plainly when a request for the next stage was refused, and lets the person ask again", async () => {
    const sent = await sentOn(today, "t".repeat(43));
    const request = { id: crypto.randomUUID(), schemaVersion: 1 as const, toStage: 2, why: "x", submittedAt: new Date().toISOString() };
    await outbox.queueEscalation(sent, request);
    await outbox.settleEscalation(request.id, { kind: "rejected", status: 409, error: "stage-not-next", fields: [] });
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByText("The council could not accept your request for Stage 2.", undefined, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See why, and what you can do" })).toHaveAttribute("href", "/complaints");
    cleanup();
    renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    expect(await screen.findByLabelText("Why are you not happy with the reply?")).toBeInTheDocument();
  });

  it("says plainly when the council is late, with what to do, and lets the person say a reply came", async () => {
    await sentOn("2026-01-05", "t".repeat(43));
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByRole("heading", { name: "The council is late" })).toBeInTheDocument();
    expect(screen.getByText(/Ask the council when you will get an answer/)).toBeInTheDocument();
    expect(screen.getByText(/tell the Ombudsman it is taking too long/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "0300 061 0614" })).toHaveAttribute("href", "tel:03000610614");
    expect(screen.getByRole("link", { name: "I've had a reply from the council" })).toHaveAttribute("href", "/complaints/SU-7KQ4-M9XD/next-stage");
    expect(screen.queryByRole("link", { name: "I'm not happy with the reply" })).not.toBeInTheDocument();
  });

  it("shows the Ombudsman step when the council has gone silent long after its dates (issue 15)", async () => {
    await sentOn("2026-01-05");
    renderAt("/complaints/SU-7KQ4-M9XD");
    const step = await screen.findByTestId("ombudsman-step");
    expect(within(step).getByRole("heading", { name: "Going to the Ombudsman" })).toBeInTheDocument();
    expect(within(step).getByText(/it still has not/)).toBeInTheDocument();
    expect(within(step).getByText(/a court has already dealt with/)).toBeInTheDocument();
    expect(within(step).getByRole("link", { name: "0300 061 0614" })).toHaveAttribute("href", "tel:03000610614");
    const latest = addWorkingDays("2026-01-05", council.timescales.stage1MaxWorkingDays);
    const [year, month, day] = latest.split("-");
    expect(within(step).getByTestId("ombudsman-by")).toHaveTextContent(
      `Contact the Ombudsman by ${formatLongDate(`${Number(year) + 1}-${month}-${day}`, "en-GB")}`,
    );
  });

  it("shows no Ombudsman step while the council still has time", async () => {
    await sentOn(today);
    renderAt("/complaints/SU-7KQ4-M9XD");
    await screen.findByTestId("stage");
    expect(screen.queryByTestId("ombudsman-step")).toBeNull();
  });

  it("shows a sent complaint's name, and the copy and the access code only with a token (issue 15)", async () => {
    await db.sent.put({ ...(await sentOn(today, "t".repeat(43))), label: "J.R.: a decision", accessCode: "7KQ4M9XD3HPW2RTA" });
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByText("Your name for it: J.R.: a decision")).toBeInTheDocument();
    expect(screen.getByTestId("access-code")).toHaveTextContent("7KQ4 M9XD 3HPW 2RTA");
    expect(screen.getByRole("link", { name: "Save a copy of what you sent" })).toHaveAttribute("href", "/complaints/SU-7KQ4-M9XD/copy");
    expect(screen.getByRole("button", { name: "Make a new access code" })).toBeInTheDocument();
  });

  it("says when another device has taken over following the complaint, with the way back (decision 015)", async () => {
    await sentOn(today, "t".repeat(43));
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ error: "not-found", message: "x" }), { status: 404 })),
    );
    renderAt("/complaints/SU-7KQ4-M9XD");
    const said = await screen.findByTestId("followed-elsewhere");
    expect(said).toHaveTextContent("It may be followed on another device now.");
    expect(within(said).getByRole("link", { name: "Check a complaint" })).toHaveAttribute("href", "/check");
  });

  it.each([
    ["young-person", true],
    ["care-leaver", true],
    ["parent", false],
    ["foster-carer", false],
    ["advocate", false],
  ] as const)("asking for the next stage, a %s is told an advocate is free: %s (issue 15)", async (role, told) => {
    await db.sent.put({ ...(await sentOn(today, "t".repeat(43))), payload: { ...complaint, role } });
    renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    // The page’s code loads cold for the first case of the table: more than findByText’s 1 s default on a busy machine.
    await screen.findByText(/You can ask for the next stage if you are not happy/, undefined, { timeout: 5_000 });
    expect(screen.queryByText(/An advocate can help you with this/) !== null).toBe(told);
  });

  it("says too many tries plainly, with when to try again (429)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ error: "too-many-requests", message: "x" }), { status: 429, headers: { "Retry-After": "600" } })),
    );
    renderAt("/check");
    await userEvent.type(await screen.findByLabelText("Reference number"), "SU-7KQ4-M9XD");
    await userEvent.type(screen.getByLabelText("Access code"), "7KQ4 M9XD 3HPW 2RTA");
    await userEvent.click(screen.getByRole("button", { name: "Check the complaint" }));
    const summary = await screen.findByRole("heading", { name: "There is a problem" });
    expect(summary.parentElement).toHaveTextContent(/There have been too many tries\. Try again after \d{1,2}:\d{2}(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4}\./);
  });

  it("offline, says it could not check and shows what it knew, with Check now", async () => {
    await sentOn(today, "t".repeat(43));
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByText("You're offline, so this is what we knew last time.")).toBeInTheDocument();
    expect(screen.getByText("We have not been able to check with the council yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check now" })).toBeEnabled();
  });

  it("says when it cannot find the complaint on this phone", async () => {
    renderAt("/complaints/SU-AAAA-BBBB");
    expect(await screen.findByRole("heading", { name: "We can't find that complaint on this phone" })).toBeInTheDocument();
  });
});

describe("what the council recorded (the status from the server)", () => {
  /** A sent complaint with a token, whose status check answers with `staffEvents` and the timeline events the server worked out. */
  async function withStatus(receivedOn: string, events: object[], staffEvents: object[]) {
    await sentOn(receivedOn, "t".repeat(43));
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json({
          reference: "SU-7KQ4-M9XD",
          councilId: council.id,
          receivedAt: `${receivedOn}T10:00:00.000Z`,
          receivedOn,
          procedure: "statutory",
          stage: 1,
          lastStage: 3,
          events: [{ type: "received", date: receivedOn }, ...events],
          staffEvents,
          checkedAt: new Date().toISOString(),
        }),
      ),
    );
  }

  it("says when the council replied and what it said, counts the Stage 2 window from that day, and never says late", async () => {
    const receivedOn = "2026-01-05";
    const repliedOn = "2026-03-02";
    await withStatus(receivedOn, [{ type: "stage1-response", date: repliedOn }], [{ type: "replied", date: repliedOn, stage: 1, outcome: "partly-upheld" }]);
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByTestId("replied")).toHaveTextContent(`The council replied on ${formatLongDate(repliedOn, "en-GB")}.`);
    expect(screen.getByText("The council agreed with part of your complaint.")).toBeInTheDocument();
    const askBy = addWorkingDays(repliedOn, council.timescales.stage2RequestWindow.value);
    expect(screen.getByTestId("ask-by")).toHaveTextContent(`ask for Stage 2 by ${formatLongDate(askBy, "en-GB")}`);
    expect(screen.queryByRole("heading", { name: "The council is late" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "I'm not happy with the reply" })).toHaveAttribute("href", "/complaints/SU-7KQ4-M9XD/next-stage");

    // Asking for Stage 2 then needs no reply date: the council's own is used.
    cleanup();
    renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    expect(await screen.findByText(`The council replied on ${formatLongDate(repliedOn, "en-GB")}.`)).toBeInTheDocument();
    expect(screen.queryByLabelText("When did you get the council's reply?")).not.toBeInTheDocument();
  });

  it("shows more time agreed with its new date instead of the first one", async () => {
    const receivedOn = today;
    const until = addWorkingDays(receivedOn, 20);
    await withStatus(receivedOn, [{ type: "stage1-extended", date: today, until }], [{ type: "more-time-agreed", date: today, stage: 1, newDueDate: until }]);
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByTestId("more-time")).toHaveTextContent(`It should now reply by ${formatLongDate(until, "en-GB")}.`);
    expect(screen.queryByTestId("reply-by")).not.toBeInTheDocument();
    // No reply yet: the next stage is offered only once the person says a reply came.
    expect(screen.queryByRole("link", { name: "I'm not happy with the reply" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "I've had a reply from the council" })).toBeInTheDocument();
  });

  it("says when the complaint was closed, and offers no next stage", async () => {
    await withStatus(today, [], [{ type: "closed", date: today }]);
    renderAt("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByTestId("ended")).toHaveTextContent(`The council closed your complaint on ${formatLongDate(today, "en-GB")}.`);
    expect(screen.queryByTestId("ask-by")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /I've had a reply|I'm not happy/ })).not.toBeInTheDocument();
  });

  it("without a reply recorded, asking for the next stage needs the date the reply came", async () => {
    await sentOn(today, "t".repeat(43));
    renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    await userEvent.type(await screen.findByLabelText("Why are you not happy with the reply?"), "Not fair");
    await userEvent.click(screen.getByRole("button", { name: "Send my request" }));
    expect(await screen.findByRole("link", { name: "Enter the date you got the reply" })).toHaveAttribute("href", "#field-replyReceivedOn");
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("Complaint sent", () => {
  it("uses the council the complaint went to, not the one chosen since (Change council)", async () => {
    const northmoorFile = (await import("../../../../test/fixtures/councils/northmoor.json")).default;
    const northmoor = parseCouncilSettings("northmoor.json", northmoorFile);
    await db.sent.put({ ...(await sentOn(today)), councilId: northmoor.id });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url === "/councils/northmoor.json" ? new Response(JSON.stringify(northmoorFile)) : Promise.reject(new TypeError("Failed to fetch")),
      ),
    );
    renderAt("/complaint/sent/SU-7KQ4-M9XD", exampleBorough);
    await screen.findByRole("heading", { name: "Complaint sent" });
    expect(screen.getByText("Northmoor County Council will look at your complaint.")).toBeInTheDocument();
    // Northmoor tells a person within 5 working days (test/fixtures/councils/northmoor.json); Example Borough has no such step.
    const acknowledgeBy = addWorkingDays(today, 5);
    expect(screen.getByText(`The council should tell you it has your complaint by ${formatLongDate(acknowledgeBy, "en-GB")}.`)).toBeInTheDocument();
    expect(screen.getByText(/^Northmoor Advocacy for Children/)).toBeInTheDocument();
    expect(screen.queryByText(/Example Borough/)).not.toBeInTheDocument();
  });
});

describe("asking for the next stage", () => {
  it("asks why, warns when the time to ask has passed but still sends, and queues one request", async () => {
    await sentOn("2026-01-05", "t".repeat(43));
    const router = renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    await screen.findByRole("heading", { name: "Ask for Stage 2" });
    await userEvent.click(screen.getByRole("button", { name: "Send my request" }));
    const summary = await screen.findByRole("heading", { name: "There is a problem" });
    expect(summary).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Tell us why you are not happy with the reply" })).toHaveAttribute("href", "#field-why");

    await userEvent.type(screen.getByLabelText("Why are you not happy with the reply?"), "They did not talk to me");
    await userEvent.type(screen.getByLabelText("When did you get the council's reply?"), "2026-02-02");
    expect(await screen.findByTestId("window")).toHaveTextContent(/You are asking after .* You can still send it/);
    await userEvent.click(screen.getByRole("button", { name: "Send my request" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/complaints/SU-7KQ4-M9XD"));
    expect(await screen.findByText(/Your request for Stage 2 is saved on this phone/)).toBeInTheDocument();
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: "escalation",
      reference: "SU-7KQ4-M9XD",
      payload: { toStage: 2, why: "They did not talk to me", replyReceivedOn: "2026-02-02" },
    });
  });

  it("refuses a reply date in the future, naming the problem, and keeps what was typed", async () => {
    await sentOn("2026-01-05", "t".repeat(43));
    renderAt("/complaints/SU-7KQ4-M9XD/next-stage");
    await userEvent.type(await screen.findByLabelText("Why are you not happy with the reply?"), "Not fair");
    await userEvent.type(screen.getByLabelText("When did you get the council's reply?"), "2099-01-01");
    await userEvent.click(screen.getByRole("button", { name: "Send my request" }));
    expect(await screen.findByRole("link", { name: /must be today or before today/ })).toHaveAttribute("href", "#field-replyReceivedOn");
    expect(screen.getByLabelText("Why are you not happy with the reply?")).toHaveValue("Not fair");
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("with a PIN on a shared phone", () => {
  it("opens Your complaints, a complaint, Ask for the next stage and Complaint sent only after unlocking", async () => {
    await sentOn(today, "t".repeat(43));
    await pinRepository().enable("4827", false);
    lock();
    for (const path of ["/complaints", "/complaints/SU-7KQ4-M9XD", "/complaints/SU-7KQ4-M9XD/next-stage", "/complaint/sent/SU-7KQ4-M9XD"]) {
      const router = renderAt(path);
      await waitFor(() => expect(router.state.location.pathname).toBe("/unlock"));
      expect(router.state.location.search).toBe(`?next=${encodeURIComponent(path)}`);
      expect(screen.queryByText(/SU-7KQ4-M9XD/)).not.toBeInTheDocument();
      cleanup();
    }
    const router = renderAt("/complaints");
    await userEvent.type(await screen.findByLabelText(/PIN/), "4827");
    await userEvent.click(screen.getByRole("button", { name: /Unlock/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/complaints"));
    expect(await screen.findByText("Reference SU-7KQ4-M9XD")).toBeInTheDocument();
    lock();
  });
});
