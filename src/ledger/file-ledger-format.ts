import { z } from "zod";
import {
  type IdempotencyRecord,
  LEDGER_STATES,
  type LedgerEntry,
  type LedgerState,
  type NewSubmission,
  type SpendCharge,
} from "./ledger.js";

/**
 * The embedded ledger's file, `ledger.jsonl`: JSON lines, each ending in "\n". The first line is
 * the header; every later line is one change, replayed in order on open:
 *
 *   {"format":"forecourt-ledger","version":1}
 *   {"op":"record","at":"…","claim":"…","until":"…",
 *    "submissions":[{"url":"…","vehicleId":"…","options":{…}}]}
 *   {"op":"settle","at":"…","state":"ACCEPTED","urls":["…"],"claim":"…"}
 *   {"op":"status","at":"…","url":"…","status":"…"}
 *   {"op":"put","entry":{"url":"…","vehicleId":"…","state":"…","options":{…},
 *                        "submittedAt":"…","updatedAt":"…","lastStatus":null,
 *                        "claim":"…","claimedUntil":"…"}}
 *   {"op":"idem","key":"…","fingerprint":"…","at":"…","until":"…"}
 *   {"op":"idemDone","key":"…","at":"…","answer":…}
 *   {"op":"spend","client":"…","day":"2026-12-01",
 *    "charges":[{"upstream":"oneauto","operation":"…","paidCalls":1,"pence":15}]}
 *
 * `record` (a claim: only the URLs it won), `settle`, `status`, `idem` (a key taken),
 * `idemDone` and `spend` (added to a client's totals of the day) are written by the ledger's methods, one line per call, so a call is all there or
 * not there; `put` is a whole entry, written by compaction. A line holds only what took effect, so
 * replaying it applies it as it stands. Times are ISO 8601 in UTC. Lines written before claims
 * existed have no claim (an empty one) and a claim that ran out when it was made.
 */

export const LEDGER_FILE = "ledger.jsonl";
export const LOCK_FILE = "ledger.lock";
export const FORMAT_VERSION = 1;

export type LogOp =
  | {
      op: "record";
      at: Date;
      submissions: NewSubmission[];
      claim: string;
      until: Date;
      /** Not written: whether the claim also takes accepted and open entries. */
      force?: boolean;
    }
  | { op: "settle"; at: Date; state: LedgerState; urls: string[]; claim?: string | undefined }
  | { op: "status"; at: Date; url: string; status: string }
  | { op: "put"; entry: LedgerEntry }
  | { op: "idem"; key: string; fingerprint: string; at: Date; until: Date }
  | { op: "idemDone"; key: string; at: Date; answer: unknown }
  | { op: "spend"; client: string; day: string; charges: SpendCharge[] };

export type { IdempotencyRecord };

const time = z.iso.datetime().transform((s) => new Date(s));
const options = z.record(z.string(), z.unknown());

const headerSchema = z.object({ format: z.literal("forecourt-ledger"), version: z.number() });

const opSchema = z.discriminatedUnion("op", [
  z
    .object({
      op: z.literal("record"),
      at: time,
      submissions: z.array(z.object({ url: z.string(), vehicleId: z.string(), options })),
      claim: z.string().default(""),
      until: time.optional(),
    })
    .transform((o) => ({ ...o, until: o.until ?? o.at })),
  z.object({
    op: z.literal("settle"),
    at: time,
    state: z.enum(LEDGER_STATES),
    urls: z.array(z.string()),
    claim: z.string().optional(),
  }),
  z.object({ op: z.literal("status"), at: time, url: z.string(), status: z.string() }),
  z
    .object({
      op: z.literal("put"),
      entry: z.object({
        url: z.string(),
        vehicleId: z.string(),
        state: z.enum(LEDGER_STATES),
        options,
        submittedAt: time,
        updatedAt: time,
        lastStatus: z.string().nullable(),
        claim: z.string().default(""),
        claimedUntil: time.optional(),
      }),
    })
    .transform((o) => ({
      ...o,
      entry: { ...o.entry, claimedUntil: o.entry.claimedUntil ?? o.entry.submittedAt },
    })),
  z.object({
    op: z.literal("idem"),
    key: z.string(),
    fingerprint: z.string(),
    at: time,
    until: time,
  }),
  z.object({ op: z.literal("idemDone"), key: z.string(), at: time, answer: z.unknown() }),
  z.object({
    op: z.literal("spend"),
    client: z.string(),
    day: z.iso.date(),
    charges: z.array(
      z.object({
        upstream: z.string(),
        operation: z.string(),
        paidCalls: z.number(),
        pence: z.number(),
      }),
    ),
  }),
]);

export function encodeHeader(): string {
  return `${JSON.stringify({ format: "forecourt-ledger", version: FORMAT_VERSION })}\n`;
}

/** One line, newline included. Dates become ISO strings through `Date.prototype.toJSON`. */
export function encodeOp(op: LogOp): string {
  if (op.op === "record") {
    const { force: _force, ...written } = op;
    return `${JSON.stringify(written)}\n`;
  }
  return `${JSON.stringify(op)}\n`;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

export function decodeHeader(text: string): Decoded<{ version: number }> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = headerSchema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: { version: parsed.data.version } }
    : { ok: false, reason: "not a Forecourt ledger header" };
}

export function decodeOp(text: string): Decoded<LogOp> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = opSchema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
  return { ok: false, reason: `not a ledger record${where}: ${issue?.message ?? "invalid"}` };
}

function parseJson(text: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "not valid JSON" };
  }
}

export interface LogLine {
  /** 1-based, as an editor shows it. */
  number: number;
  /** Byte offset where the line starts. */
  start: number;
  text: string;
}

/** The file's non-blank lines, with their numbers and byte offsets. */
export function splitLines(content: Buffer): LogLine[] {
  const lines: LogLine[] = [];
  let start = 0;
  let number = 0;
  while (start < content.length) {
    number += 1;
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline;
    const text = content.toString("utf8", start, end);
    if (text.trim() !== "") lines.push({ number, start, text });
    start = end + 1;
  }
  return lines;
}
