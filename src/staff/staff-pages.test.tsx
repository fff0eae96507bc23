import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeAll, describe, expect, it, vi } from "vitest";
import complaintFixture from "../../test/fixtures/complaint.valid.json";
import type { CaseRecord, InboxItem, StaffSession } from "./lib/staff-api";
import { StaffSessionProvider } from "./lib/staff-session";
import { addStaffWords } from "./lib/staff-words";
import { staffRoutes } from "./router";

beforeAll(() => addStaffWords());

const officer: StaffSession = {
  staff: {
    id: "11111111-1111-4111-8111-111111111111",
    email: "officer@example.gov.uk",
    role: "officer",
    councilId: "example-borough",
    councilName: "Example Borough Council",
  },
  retention: null,
  csrfToken: "csrf-token-1",
  expiresAt: "2026-12-01T21:30:00.000Z",
  idleExpiresAt: "2026-12-01T10:00:00.000Z",
};
const manager: StaffSession = { ...officer, staff: { ...officer.staff, role: "manager", email: "manager@example.gov.uk" } };

interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status: number; body?: unknown };

/** A fake staff API: each handler answers `METHOD /path` (query string included in `path` for the matcher). */
function fakeApi(handlers: Record<string, Answer | ((call: Call) => Answer)>): Call[] {
  const calls: Call[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    const call: Call = {
      method,
      path: `${url.pathname.replace("/api/v1/staff", "")}${url.search}`,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const handler = handlers[`${method} ${call.path}`] ?? handlers[`${method} ${url.pathname.replace("/api/v1/staff", "")}`];
    const answer = typeof handler === "function" ? handler(call) : (handler ?? { status: 404, body: { error: "not-found", message: "No such address" } });
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  return calls;
}

function renderStaff(path: string, given: StaffSession | null | "ask" = officer) {
  const session = given === "ask" ? undefined : given;
  const router = createMemoryRouter(staffRoutes, { initialEntries: [path] });
  render(
    <StaffSessionProvider initial={session}>
      <RouterProvider router={router} />
    </StaffSessionProvider>,
  );
  return router;
}

/** As renderStaff, with a way to take the page away again. */
function renderStaffWith(path: string, session: StaffSession) {
  const router = createMemoryRouter(staffRoutes, { initialEntries: [path] });
  return render(
    <StaffSessionProvider initial={session}>
      <RouterProvider router={router} />
    </StaffSessionProvider>,
  );
}

const item = (overrides: Partial<InboxItem> = {}): InboxItem => ({
  reference: "SU-7KQ4-M9XD",
  receivedAt: "2026-11-30T10:00:00.000Z",
  receivedOn: "2026-11-30",
  role: "young-person",
  route: "statutory",
  procedure: "statutory",
  stage: 1,
  lastStage: 3,
  state: "new",
  nextDue: { what: "acknowledgement", date: "2026-12-03" },
  overdue: false,
  dueSoon: true,
  isNew: true,
  saysInDanger: false,
  language: "en-GB",
  ...overrides,
});

const caseRecord = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  reference: "SU-7KQ4-M9XD",
  receivedAt: "2026-11-20T16:20:00.000Z",
  councilId: "example-borough",
  complaint: complaintFixture as CaseRecord["complaint"],
  escalations: [],
  events: [],
  progress: {
    stage: 1,
    lastStage: 3,
    state: "open",
    nextDue: { what: "reply", date: "2026-12-04" },
    overdue: true,
    dueSoon: false,
    route: "statutory",
    procedure: "statutory",
  },
  ...overrides,
});

describe("staff sign-in", () => {
  it("asks for the email and password, then the 6-digit code, and goes back to where the person was", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "POST /sign-in": { status: 200, body: { challenge: "challenge-1", expiresAt: "2026-12-01T10:05:00.000Z" } },
      "POST /sign-in/second-factor": { status: 200, body: officer },
      "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord() },
    });
    const router = renderStaff("/sign-in?next=%2Fcomplaints%2FSU-7KQ4-M9XD", null);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("heading", { name: "There is a problem" });
    expect(summary.parentElement).toHaveTextContent("Enter your email address");
    expect(summary.parentElement).toHaveTextContent("Enter your password");
    expect(calls).toHaveLength(0);

    await user.type(screen.getByLabelText("Email address"), "officer@example.gov.uk");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "Enter your security code" });
    await user.type(screen.getByLabelText("Security code"), "12345");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter the 6-digit code, like 123456", { selector: "a" })).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Security code"));
    await user.type(screen.getByLabelText("Security code"), "123 456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/complaints/SU-7KQ4-M9XD"));
    expect(calls.find((c) => c.path === "/sign-in")?.body).toEqual({ email: "officer@example.gov.uk", password: "correct horse battery" });
    expect(calls.find((c) => c.path === "/sign-in/second-factor")?.body).toEqual({ challenge: "challenge-1", code: "123456" });
  });

  it("says the same thing for a wrong email or password, and offers a recovery code at the second step", async () => {
    const user = userEvent.setup();
    let tries = 0;
    const calls = fakeApi({
      "POST /sign-in": () =>
        ++tries === 1 ? { status: 401, body: { error: "sign-in-failed", message: "No" } } : { status: 200, body: { challenge: "c2", expiresAt: "x" } },
      "POST /sign-in/second-factor": { status: 401, body: { error: "sign-in-failed", message: "No" } },
    });
    renderStaff("/sign-in", null);
    await user.type(screen.getByLabelText("Email address"), "someone@example.gov.uk");
    await user.type(screen.getByLabelText("Password"), "wrong password!!");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("The email address or password is not right", { selector: "a" })).toBeInTheDocument();
    // What was typed stays, so only the wrong part needs typing again.
    expect(screen.getByLabelText("Email address")).toHaveValue("someone@example.gov.uk");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "Enter your security code" });
    await user.click(screen.getByRole("button", { name: "Use a recovery code instead" }));
    await user.type(screen.getByLabelText("Recovery code"), "abcd-efgh-23");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("The code is not right, or it has already been used", { selector: "a" })).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ challenge: "c2", recoveryCode: "abcd-efgh-23" });
  });

  it("never follows a next= address outside the staff area", async () => {
    const user = userEvent.setup();
    fakeApi({
      "POST /sign-in": { status: 200, body: { challenge: "c", expiresAt: "x" } },
      "POST /sign-in/second-factor": { status: 200, body: officer },
      "GET /complaints": { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } },
    });
    const router = renderStaff("/sign-in?next=%2F%2Fevil.example", null);
    await user.type(screen.getByLabelText("Email address"), "a@example.gov.uk");
    await user.type(screen.getByLabelText("Password"), "a long password");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.type(await screen.findByLabelText("Security code"), "123456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });

  it("sends anyone without a session to sign in, keeping where they were", async () => {
    fakeApi({ "GET /session": { status: 401, body: { error: "not-signed-in", message: "Sign in" } } });
    const router = renderStaff("/complaints/SU-7KQ4-M9XD", "ask");
    await screen.findByRole("heading", { name: "Sign in" });
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/complaints/SU-7KQ4-M9XD")}`);
  });

  it("signs out, and signs out everywhere, with the CSRF token", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "GET /complaints": { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } },
      "POST /sign-out-everywhere": { status: 204 },
    });
    renderStaff("/");
    await screen.findByText("There are no complaints yet.");
    await user.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    expect(await screen.findByRole("heading", { name: "You have signed out" })).toBeInTheDocument();
    expect(screen.getByText(/every computer and browser/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/sign-out-everywhere")?.headers["x-csrf-token"]).toBe("csrf-token-1");
    expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
  });
});

describe("staff account set-up", () => {
  it("checks the link, sets a password of 12 or more characters, shows the key to type, then the recovery codes once", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "POST /setup/check": {
        status: 200,
        body: { email: "new@example.gov.uk", councilId: "example-borough", councilName: "Example Borough Council", role: "officer", expiresAt: "x" },
      },
      "POST /setup/password": {
        status: 200,
        body: { secret: "JBSWY3DPEHPK3PXPJBSWY3DP", otpauthUri: "otpauth://totp/Speak%20Up:new?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Speak%20Up" },
      },
      "POST /setup/confirm": { status: 200, body: { recoveryCodes: ["aaaa-bbbb-cc", "dddd-eeee-ff"] } },
    });
    renderStaff("/setup#token=setup-token-1", null);
    await screen.findByRole("heading", { name: "Choose a password" });
    expect(screen.getByText("For new@example.gov.uk at Example Borough Council.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Password"), "elevenchars");
    await user.type(screen.getByLabelText("Type the password again"), "elevenchars");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Enter a password of at least 12 characters", { selector: "a" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Password"), "!");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("The two passwords are not the same", { selector: "a" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Type the password again"), "!");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "Set up your authenticator app" });
    expect(screen.getByTestId("totp-secret")).toHaveTextContent("JBSW Y3DP EHPK 3PXP JBSW Y3DP");
    const qr = screen.getByRole("img", { name: "QR code for your authenticator app" });
    expect(qr.querySelector("path")?.getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByRole("link", { name: /open this key/ })).toHaveAttribute("href", expect.stringMatching(/^otpauth:\/\/totp\//));
    await user.type(screen.getByLabelText("Security code"), "654321");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    await screen.findByRole("heading", { name: "Save your recovery codes" });
    expect(
      within(screen.getByRole("list", { name: "Recovery codes" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["aaaa-bbbb-cc", "dddd-eeee-ff"]);
    expect(calls.map((c) => c.body)).toEqual([
      { token: "setup-token-1" },
      { token: "setup-token-1", password: "elevenchars!" },
      { token: "setup-token-1", code: "654321" },
    ]);
  });

  it("shows the server's own problem with a field (a wrong code), and a used or old link plainly", async () => {
    const user = userEvent.setup();
    fakeApi({
      "POST /setup/check": { status: 200, body: { email: "n@example.gov.uk", councilId: "x", councilName: "X", role: "officer", expiresAt: "x" } },
      "POST /setup/password": { status: 200, body: { secret: "ABCDEFGH", otpauthUri: "otpauth://totp/x?secret=ABCDEFGH" } },
      "POST /setup/confirm": {
        status: 400,
        body: { error: "invalid-request", message: "Wrong", fields: [{ field: "code", key: "staff:problems.codeWrong" }] },
      },
    });
    renderStaff("/setup#token=t", null);
    await user.type(await screen.findByLabelText("Password"), "twelve chars");
    await user.type(screen.getByLabelText("Type the password again"), "twelve chars");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.type(await screen.findByLabelText("Security code"), "000000");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByText(/The code is not right. Enter the 6-digit code/, { selector: "a" })).toBeInTheDocument();
  });

  it("says a link with no token does not work", async () => {
    fakeApi({});
    renderStaff("/setup", null);
    expect(await screen.findByRole("heading", { name: "This set-up link does not work" })).toBeInTheDocument();
  });
});

describe("the inbox", () => {
  it("lists each complaint with who, route, stage, state and next due, new and due soon in words", async () => {
    fakeApi({
      "GET /complaints": {
        status: 200,
        body: {
          items: [
            item(),
            item({
              reference: "SU-AAAA-BBBB",
              isNew: false,
              role: "parent",
              state: "open",
              overdue: true,
              dueSoon: false,
              nextDue: { what: "reply", date: "2026-11-25" },
            }),
          ],
          page: 1,
          pageSize: 25,
          total: 2,
        },
      },
    });
    renderStaff("/");
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("SU-7KQ4-M9XD New");
    expect(rows[1]).toHaveTextContent("Child or young person");
    expect(rows[1]).toHaveTextContent("Statutory (Children Act)");
    expect(rows[1]).toHaveTextContent("Due soon: Acknowledgement by Thu 3 Dec 2026");
    expect(rows[2]).toHaveTextContent("Parent");
    expect(rows[2]).toHaveTextContent("Overdue: Reply by Wed 25 Nov 2026");
    expect(rows[2]).not.toHaveTextContent("New");
    expect(within(rows[1]!).getByRole("link", { name: "SU-7KQ4-M9XD" })).toHaveAttribute("href", "/complaints/SU-7KQ4-M9XD");
  });

  it("marks, in words, a complaint whose sender said someone may be in danger, and shows each complaint's language (issues 16, 14)", async () => {
    fakeApi({
      "GET /complaints": {
        status: 200,
        body: {
          items: [item({ reference: "SU-DDDD-EEEE", saysInDanger: true, language: "ar" }), item({ language: null, isNew: false })],
          page: 1,
          pageSize: 25,
          total: 2,
        },
      },
    });
    renderStaff("/");
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("columnheader", { name: "Language" })).toBeInTheDocument();
    const rows = within(table).getAllByRole("row");
    // The server puts it first; the page keeps its order and says why in words, not colour alone.
    expect(rows[1]).toHaveTextContent("SU-DDDD-EEEE May be in danger New");
    expect(rows[1]).toHaveTextContent("Arabic");
    expect(rows[2]).not.toHaveTextContent("May be in danger");
    expect(rows[2]).toHaveTextContent("Not recorded");
    expect(table).toHaveAccessibleName("Complaints to your council: anyone who may be in danger first, then newest first");
  });

  it("tells a manager plainly that nothing is deleted until the council sets retention, and how long when it has", async () => {
    fakeApi({ "GET /complaints": { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } } });
    const { unmount } = renderStaffWith("/", manager);
    expect(await screen.findByTestId("retention-notice")).toHaveTextContent(
      "Nothing is deleted: your council's settings do not say yet how long a closed complaint is kept",
    );
    unmount();
    renderStaffWith("/", { ...manager, retention: { value: 6, unit: "years" } });
    expect(await screen.findByTestId("retention-notice")).toHaveTextContent("A closed complaint is deleted 6 years after it was closed");
  });

  it("does not show officers the retention notice", async () => {
    fakeApi({ "GET /complaints": { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } } });
    renderStaff("/");
    await screen.findByText("There are no complaints yet.");
    expect(screen.queryByTestId("retention-notice")).toBeNull();
  });

  it("filters and searches through the address, and pages", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "GET /complaints": (call) => ({ status: 200, body: { items: [item()], page: call.path.includes("page=2") ? 2 : 1, pageSize: 25, total: 60 } }),
    });
    const router = renderStaff("/");
    await screen.findByRole("table");
    await user.type(screen.getByLabelText("Reference"), "su-7kq4");
    await user.selectOptions(screen.getByLabelText("Stage"), "2");
    await user.selectOptions(screen.getByLabelText("Route"), "council-decides");
    await user.click(screen.getByLabelText("Overdue only"));
    await user.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(calls.at(-1)?.path).toBe("/complaints?stage=2&route=council-decides&overdue=true&q=su-7kq4"));
    expect(router.state.location.search).toBe("?stage=2&route=council-decides&overdue=true&q=su-7kq4");
    await screen.findByText("Page 1 of 3");
    await user.click(screen.getByRole("link", { name: "Next page" }));
    await screen.findByText("Page 2 of 3");
    expect(calls.at(-1)?.path).toContain("page=2");
    expect(screen.getByLabelText("Reference")).toHaveValue("su-7kq4");
  });

  it("says when there are none, and when it could not load, with Try again", async () => {
    const user = userEvent.setup();
    let fail = true;
    fakeApi({
      "GET /complaints": () =>
        fail ? { status: 500, body: { error: "server-error", message: "x" } } : { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } },
    });
    renderStaff("/");
    expect(await screen.findByRole("alert")).toHaveTextContent("Sorry, there is a problem with the service");
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("There are no complaints yet.")).toBeInTheDocument();
  });

  it("goes back to sign in when the session has ended, keeping the filters", async () => {
    fakeApi({ "GET /complaints": { status: 401, body: { error: "not-signed-in", message: "x" } } });
    const router = renderStaff("/?state=new");
    await screen.findByRole("heading", { name: "Sign in" });
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/?state=new")}&ended=1`);
    expect(screen.getByText(/You have been signed out/)).toBeInTheDocument();
  });
});

describe("the case page", () => {
  it("shows what the person sent as text, in their own direction, with the child's own words first when someone acts for them", async () => {
    const complaint = {
      ...complaintFixture,
      role: "parent",
      representation: {
        childAgreement: "agrees",
        howChecked: "I asked her at tea",
        checkedOn: "2026-11-19",
        childsWords: "I want to see my brother <b>every week</b>",
      },
      whatHappened: { text: "<img src=x onerror=alert(1)>مرحبا They stopped contact." },
      contact: { method: "none" },
      adjustments: "Large print",
      saysInDanger: true,
      language: "ar",
    };
    fakeApi({ "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord({ complaint: complaint as CaseRecord["complaint"] }) } });
    renderStaff("/complaints/SU-7KQ4-M9XD");
    const childsView = await screen.findByRole("region", { name: "The child's view" });
    const sent = screen.getByRole("region", { name: "What they sent" });
    // The child's view comes before everything else they sent.
    expect(childsView.compareDocumentPosition(sent) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(childsView).getByText("The child knows about this complaint and agrees with it.")).toBeInTheDocument();
    const words = within(childsView).getByText("I want to see my brother <b>every week</b>");
    expect(words).toHaveAttribute("dir", "auto");
    expect(within(childsView).getByText("I asked her at tea")).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
    expect(within(sent).getByText("<img src=x onerror=alert(1)>مرحبا They stopped contact.")).toHaveAttribute("dir", "auto");
    expect(within(sent).getByText("Anonymous: they do not want to be contacted")).toBeInTheDocument();
    expect(within(sent).getByText("Large print")).toBeInTheDocument();
    // Written in Arabic: the team is told, so it can offer an interpreter (issue 14).
    expect(within(sent).getByText(/^Arabic\. They may need an interpreter/)).toBeInTheDocument();
    expect(screen.getByText(/The person said someone may be in danger now/)).toBeInTheDocument();
    expect(screen.getByText("Overdue:")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download this case as a file (JSON)" })).toHaveAttribute("href", "/api/v1/staff/complaints/SU-7KQ4-M9XD/export");
  });

  it("shows the timeline with dates, who recorded each event, and corrections", async () => {
    fakeApi({
      "GET /complaints/SU-7KQ4-M9XD": {
        status: 200,
        body: caseRecord({
          events: [
            {
              id: "e1",
              type: "acknowledged",
              date: "2026-11-23",
              recordedAt: "2026-11-23T09:00:00.000Z",
              recordedBy: { id: "s", email: "officer@example.gov.uk" },
            },
            {
              id: "e2",
              type: "more-time-agreed",
              date: "2026-11-30",
              stage: 1,
              newDueDate: "2026-12-18",
              reason: "Waiting for records",
              recordedAt: "2026-11-30T09:00:00.000Z",
              recordedBy: { id: "s", email: "officer@example.gov.uk" },
            },
            {
              id: "e3",
              type: "more-time-agreed",
              date: "2026-11-30",
              stage: 1,
              newDueDate: "2026-12-17",
              reason: "Typo",
              supersedes: "e2",
              recordedAt: "2026-11-30T10:00:00.000Z",
              recordedBy: { id: "s", email: "officer@example.gov.uk" },
            },
            { id: "p1", type: "stage-requested", stage: 2, date: "2026-12-01", source: "phone", recordedAt: "2026-12-01T08:00:00.000Z", recordedBy: null },
          ],
          escalations: [{ id: "p1", toStage: 2, receivedAt: "2026-12-01T08:00:00.000Z", why: "Nobody rang me back", wantNow: null, replyReceivedOn: null }],
        }),
      },
    });
    renderStaff("/complaints/SU-7KQ4-M9XD");
    const timeline = await screen.findByRole("region", { name: "What has happened" });
    const entries = within(timeline).getAllByRole("listitem");
    // The phone's request appears once, with what the person wrote, and cannot be "corrected" by staff.
    expect(entries.map((entry) => within(entry).getByRole("heading").textContent)).toEqual([
      "Complaint received",
      "Acknowledged",
      "More time agreed (corrected by a later entry)",
      "More time agreed",
      "Stage 2 asked for",
    ]);
    expect(entries[4]).toHaveTextContent("Nobody rang me back");
    expect(within(entries[4]!).queryByRole("link")).toBeNull();
    expect(entries[1]).toHaveTextContent("On Mon 23 Nov 2026.");
    expect(entries[1]).toHaveTextContent("Recorded by officer@example.gov.uk");
    expect(entries[3]).toHaveTextContent("Thu 17 Dec 2026");
    expect(within(entries[2]!).queryByRole("link", { name: /Correct this/ })).toBeNull();
    expect(within(entries[3]!).getByRole("link", { name: /Correct this/ })).toHaveAttribute(
      "href",
      "/complaints/SU-7KQ4-M9XD/record/more-time-agreed?supersedes=e3",
    );
  });

  it("says not found for an unknown reference (and another council's, which the server answers the same way)", async () => {
    fakeApi({ "GET /complaints/SU-ZZZZ-ZZZZ": { status: 404, body: { error: "not-found", message: "Not found" } } });
    renderStaff("/complaints/SU-ZZZZ-ZZZZ");
    expect(await screen.findByRole("heading", { name: "Not found" })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("SU-ZZZZ-ZZZZ");
  });
});

describe("recording an event", () => {
  it("sends the event with the CSRF token and returns to the case with a message", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord() },
      "POST /complaints/SU-7KQ4-M9XD/events": { status: 201, body: { event: {}, progress: {} } },
    });
    const router = renderStaff("/complaints/SU-7KQ4-M9XD/record/replied");
    await screen.findByRole("heading", { name: /Replied/ });
    await user.clear(screen.getByLabelText("Date it happened"));
    await user.type(screen.getByLabelText("Date it happened"), "2026-11-27");
    await user.click(screen.getByLabelText("Partly upheld"));
    await user.type(screen.getByLabelText(/Internal note/), "Sent by post");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/complaints/SU-7KQ4-M9XD"));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ type: "replied", date: "2026-11-27", stage: 1, outcome: "partly-upheld", note: "Sent by post" });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-token-1");
    expect(await screen.findByText("Recorded: Replied (stage response)")).toBeInTheDocument();
  });

  it("shows the rules' refusal on the field it names, in the error summary, and keeps what was typed", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord() },
      "POST /complaints/SU-7KQ4-M9XD/events": {
        status: 409,
        body: { error: "event-refused", message: "Too long", fields: [{ field: "newDueDate", key: "staff:problems.beyondMaximum" }] },
      },
    });
    renderStaff("/complaints/SU-7KQ4-M9XD/record/more-time-agreed");
    await user.type(await screen.findByLabelText("New date the reply is due"), "2027-03-01");
    await user.type(screen.getByLabelText("Reason"), "Records from health");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const link = await screen.findByRole("link", { name: "The new date is later than the longest extension the council's settings allow" });
    expect(link).toHaveAttribute("href", "#event-newDueDate");
    expect(screen.getByLabelText("New date the reply is due")).toHaveAccessibleDescription(expect.stringContaining("The new date is later"));
    expect(screen.getByLabelText("Reason")).toHaveValue("Records from health");
    expect(document.title).toMatch(/^Error: /);
  });

  it("says plainly when the CSRF check failed", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord() },
      "POST /complaints/SU-7KQ4-M9XD/events": { status: 403, body: { error: "csrf-missing", message: "x" } },
    });
    renderStaff("/complaints/SU-7KQ4-M9XD/record/acknowledged");
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByRole("link", { name: /The security check for this change failed/ })).toBeInTheDocument();
  });
});

describe("managers", () => {
  it("list their council's staff, invite someone and see the set-up link once", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "GET /accounts": {
        status: 200,
        body: {
          accounts: [
            { id: manager.staff.id, email: manager.staff.email, role: "manager", status: "active", createdAt: "2026-11-01T09:00:00.000Z" },
            {
              id: "22222222-2222-4222-8222-222222222222",
              email: "o@example.gov.uk",
              role: "officer",
              status: "invited",
              createdAt: "2026-11-02T09:00:00.000Z",
            },
          ],
        },
      },
      "POST /accounts": {
        status: 201,
        body: {
          account: { id: "3", email: "new@example.gov.uk", role: "officer", status: "invited", createdAt: "x" },
          setupLink: "http://localhost/staff/setup#token=abc",
          setupExpiresAt: "2026-12-02T09:00:00.000Z",
        },
      },
    });
    renderStaff("/team", manager);
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("You");
    expect(within(table).getByRole("link", { name: "Remove o@example.gov.uk" })).toHaveAttribute("href", "/team/22222222-2222-4222-8222-222222222222/remove");
    await user.click(screen.getByRole("link", { name: "Invite someone" }));
    await user.click(await screen.findByRole("button", { name: "Invite" }));
    expect(await screen.findByRole("link", { name: "Choose a role" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Their work email address"), "new@example.gov.uk");
    await user.click(screen.getByLabelText("Complaints officer"));
    await user.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByTestId("setup-link")).toHaveTextContent("http://localhost/staff/setup#token=abc");
    expect(calls.at(-1)?.body).toEqual({ email: "new@example.gov.uk", role: "officer" });
  });

  it("remove an account after a confirmation", async () => {
    const user = userEvent.setup();
    const calls = fakeApi({
      "GET /accounts": {
        status: 200,
        body: {
          accounts: [
            { id: "22222222-2222-4222-8222-222222222222", email: "o@example.gov.uk", role: "officer", status: "active", createdAt: "2026-11-02T09:00:00.000Z" },
          ],
        },
      },
      "DELETE /accounts/22222222-2222-4222-8222-222222222222": { status: 204 },
    });
    const router = renderStaff("/team/22222222-2222-4222-8222-222222222222/remove", manager);
    expect(await screen.findByText(/o@example.gov.uk will be signed out at once/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove account" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/team"));
    expect(calls.some((c) => c.method === "DELETE" && c.headers["x-csrf-token"] === "csrf-token-1")).toBe(true);
  });

  it("read the audit trail; an officer is told only managers can", async () => {
    fakeApi({
      "GET /audit": {
        status: 200,
        body: {
          items: [
            {
              at: "2026-12-01T09:30:00.000Z",
              staff: { id: "s", email: "officer@example.gov.uk" },
              action: "record-event",
              reference: "SU-7KQ4-M9XD",
              detail: "replied",
            },
          ],
          page: 1,
          pageSize: 25,
          total: 1,
        },
      },
    });
    renderStaff("/audit", manager);
    const row = within(await screen.findByRole("table")).getAllByRole("row")[1];
    expect(row).toHaveTextContent("officer@example.gov.uk");
    expect(row).toHaveTextContent("Recorded: Replied (stage response)");
  });

  it("shows the retention job's deletions as Speak Up's, with counts only", async () => {
    const detail = JSON.stringify({ case_summaries: 1, escalations: 2, staff_events: 5, complaints: 1 });
    fakeApi({
      "GET /audit": {
        status: 200,
        body: { items: [{ at: "2026-12-01T03:00:00.000Z", staff: null, action: "retention-delete", detail }], page: 1, pageSize: 25, total: 1 },
      },
    });
    renderStaff("/audit", manager);
    const row = within(await screen.findByRole("table")).getAllByRole("row")[1];
    expect(row).toHaveTextContent("Speak Up (automatic)");
    expect(row).toHaveTextContent(
      "Deleted a closed complaint past its retention (counts only): 1 complaint, 5 staff events, 2 requests for the next stage, 1 inbox row",
    );
  });

  it("are the only ones who see the staff and audit links", async () => {
    fakeApi({
      "GET /complaints": { status: 200, body: { items: [], page: 1, pageSize: 25, total: 0 } },
      "GET /audit": { status: 403, body: { error: "not-allowed", message: "x" } },
    });
    renderStaff("/");
    await screen.findByText("There are no complaints yet.");
    expect(screen.queryByRole("link", { name: "Audit trail" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Staff accounts" })).toBeNull();
  });
});

describe("the case page's notifications (issue 13)", () => {
  it("lists each notification's state and reason, and sends a failed one again with the CSRF token", async () => {
    const user = userEvent.setup();
    const failed = {
      id: "d1",
      event: "complaint.received",
      kind: "webhook",
      receiver: "https://cases.example.gov.uk/in",
      urgent: false,
      state: "failed",
      attempts: 12,
      lastAttemptAt: "2026-11-21T16:20:00.000Z",
      nextAttemptAt: null,
      deliveredAt: null,
      error: "HTTP 503",
    } as const;
    const delivered = { ...failed, id: "d2", kind: "email", receiver: "team@example.gov.uk", state: "delivered", attempts: 1, error: null } as const;
    const calls = fakeApi({
      "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord({ deliveries: [delivered, failed] }) },
      "POST /complaints/SU-7KQ4-M9XD/deliveries/d1/resend": {
        status: 202,
        body: { delivery: { ...failed, state: "pending", nextAttemptAt: "2026-12-01T10:00:00.000Z" } },
      },
    });
    renderStaff("/complaints/SU-7KQ4-M9XD");
    const section = await screen.findByRole("region", { name: "Notifications" });
    expect(within(section).getByText("Delivered")).toBeInTheDocument();
    expect(within(section).getByText("Failed")).toBeInTheDocument();
    expect(within(section).getByText(/last try: HTTP 503/)).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Send again https://cases.example.gov.uk/in" }));
    expect(await within(section).findByText("It will be sent again in a moment.")).toBeInTheDocument();
    expect(within(section).getByText("Waiting to send")).toBeInTheDocument();
    const post = calls.find((c) => c.method === "POST");
    expect(post?.headers["x-csrf-token"]).toBe("csrf-token-1");
  });

  it("says plainly when the council has not set up notifications", async () => {
    fakeApi({ "GET /complaints/SU-7KQ4-M9XD": { status: 200, body: caseRecord({ deliveries: [] }) } });
    renderStaff("/complaints/SU-7KQ4-M9XD");
    expect(await screen.findByText(/your council has not set up notifications/)).toBeInTheDocument();
  });
});
