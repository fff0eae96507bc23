import "../../domain/zod-config";
import * as z from "zod";
import { complaintSchema, referenceSchema } from "../../domain/complaint";
import { escalationSchema } from "../../domain/progress";
import { publicEventSchema } from "../../domain/staff-events";
import { timelineEventSchema } from "../../domain/timeline";
import type { OutboxRecord, SentRecord } from "./db";

/*
 * What the outbox and the sent list hold, as schemas (issue 11): every record is parsed when it is
 * read, so a page or the sender only ever sees a record of the shape this version writes, and the
 * body sent is the complaint schema's own output. A record that does not parse (written by an
 * older or newer version, or damaged) is never changed or deleted: it is set aside, counted, and
 * the person is told (Your complaints). Objects are loose so that fields a newer version added
 * survive a read and a write by this one.
 */

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const outboxError = z.looseObject({
  kind: z.enum(["network", "server", "rejected"]),
  status: z.number().int().optional(),
  code: z.string().optional(),
  fields: z.array(z.string()).optional(),
  problems: z.array(z.looseObject({ field: z.string(), key: z.string() })).optional(),
});

const outboxCommon = {
  id: z.string().min(1),
  schemaVersion: z.literal(2),
  state: z.enum(["waiting", "sending", "failed"]),
  attempts: z.number().int().min(0),
  lastError: outboxError.optional(),
  queuedAt: instant,
  nextAttemptAt: instant,
  lastTriedAt: instant.optional(),
  endpoint: z.string().min(1),
};

export const outboxRecordSchema: z.ZodType<OutboxRecord> = z.discriminatedUnion("kind", [
  z.looseObject({
    ...outboxCommon,
    kind: z.literal("complaint"),
    draftId: z.string().min(1),
    payload: complaintSchema,
    laterChanges: z.literal(true).optional(),
    label: z.string().optional(),
  }),
  z.looseObject({
    ...outboxCommon,
    kind: z.literal("escalation"),
    complaintId: z.string().min(1),
    reference: referenceSchema,
    payload: escalationSchema,
  }),
]);

/** What a sent complaint keeps (decision 008, domain/sent-summary.ts), each field as the complaint defines it. */
const { id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt } = complaintSchema.shape;
const sentSummary = z.looseObject({ id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt });

export const sentRecordSchema: z.ZodType<SentRecord> = z.looseObject({
  id: z.string().min(1),
  schemaVersion: z.literal(1),
  reference: referenceSchema,
  councilId: z.string().min(1),
  receivedOn: day,
  receivedAt: instant,
  payload: sentSummary,
  statusToken: z.string().optional(),
  endpoint: z.string().optional(),
  escalations: z
    .array(
      z.looseObject({
        id: z.string(),
        toStage: z.number().int(),
        requestedOn: day,
        replyReceivedOn: day.optional(),
        why: z.string(),
        wantNow: z.string().optional(),
      }),
    )
    .optional(),
  // The last status is a copy of the server's: one this version cannot read is dropped, not the
  // complaint with it, and asked for again.
  status: z
    .looseObject({
      procedure: z.enum(["statutory", "local"]),
      stage: z.number().int(),
      lastStage: z.number().int(),
      events: z.array(timelineEventSchema),
      staffEvents: z.array(publicEventSchema).optional(),
      checkedAt: instant,
    })
    .optional()
    .catch(undefined),
  statusProblem: z.looseObject({ at: z.string(), kind: z.string() }).optional().catch(undefined),
  noContact: z.literal(true).optional(),
  laterChangesDraftId: z.string().optional(),
  accessCode: z.string().optional(),
  label: z.string().optional(),
  followed: z.literal(true).optional(),
});

/** Records read from one table: those this version can use, and how many it set aside. */
export interface ReadRecords<T> {
  records: T[];
  setAside: number;
}

export function readRecords<T>(schema: z.ZodType<T>, raw: readonly unknown[]): ReadRecords<T> {
  const records: T[] = [];
  let setAside = 0;
  for (const value of raw) {
    const parsed = schema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else setAside += 1;
  }
  return { records, setAside };
}

/** One record, or undefined when there is none or it cannot be read (it is left as it is). */
export function readRecord<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
