import { describe, expect, it } from "vitest";
import staff from "../../../locales/en-GB/staff.json" with { type: "json" };
import { emailFor, type Notice } from "./messages";

const notice: Notice = {
  event: "escalation.received",
  idempotencyKey: "k",
  reference: "SU-ABCD-EFGH",
  council: { id: "northmoor", name: "Northmoor Council" },
  receivedAt: "2026-07-01T09:30:00.000Z",
  urgent: true,
  toStage: 3,
};

describe("the notification email", () => {
  it("takes its words from locales/en-GB/staff.json, every placeholder filled", () => {
    const { subject, text } = emailFor(notice, "https://staff.example");
    expect(subject).toBe("Urgent: Request for Stage 3 SU-ABCD-EFGH for Northmoor Council");
    expect(text).toContain(staff.email.urgent);
    expect(text).toContain(staff.email.leftOut);
    expect(text).toContain("A request for Stage 3 has arrived for Northmoor Council.");
    expect(text).toContain("Received: 1 July 2026 at 10:30 (UK time)");
    expect(text).toContain("Read it in the staff area: https://staff.example/complaints/SU-ABCD-EFGH");
    expect(`${subject}\n${text}`).not.toMatch(/\{\{|\}\}|email\./);
  });

  it("says nothing urgent when the person did not say someone is in danger", () => {
    const { subject, text } = emailFor({ ...notice, event: "complaint.received", urgent: false, toStage: undefined }, "");
    expect(subject).toBe("New complaint SU-ABCD-EFGH for Northmoor Council");
    expect(text).not.toContain(staff.email.urgent);
    expect(text.split("\n")[0]).toBe("A new complaint has arrived for Northmoor Council.");
  });
});
