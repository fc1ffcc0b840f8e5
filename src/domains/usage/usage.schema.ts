import { z } from "zod";
import { builder } from "../../builder.js";
import { roundPence, type SpendRow, utcDay } from "../../ledger/ledger.js";

/**
 * `usage`: the calling client's own spend by day and upstream operation, from the same totals its
 * daily budget is checked against, so a frontend team can see what its pages cost.
 */

const MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Usage {
  client: string;
  pencePerDay: number;
  days: UsageDay[];
}

interface UsageDay {
  day: string;
  paidCalls: number;
  pence: number;
  operations: SpendRow[];
}

const UsageOperationRef = builder.objectRef<SpendRow>("UsageOperation").implement({
  description: "What one upstream operation cost the client on one day.",
  fields: (t) => ({
    upstream: t.exposeString("upstream", { description: "carcutter or oneauto." }),
    operation: t.exposeString("operation", {
      description: 'The upstream operation, e.g. "GET /imagery/image-from-id".',
    }),
    paidCalls: t.exposeInt("paidCalls", { description: "Calls the upstream billed." }),
    pence: t.exposeFloat("pence", { description: "Their price, at the gateway's prices." }),
  }),
});

const UsageDayRef = builder.objectRef<UsageDay>("UsageDay").implement({
  description: "The client's spend on one UTC day; days without spend are left out.",
  fields: (t) => ({
    day: t.exposeString("day", { description: "The UTC day, YYYY-MM-DD." }),
    paidCalls: t.exposeInt("paidCalls", { description: "Billed upstream calls that day." }),
    pence: t.exposeFloat("pence", { description: "What they cost, in pence." }),
    operations: t.field({
      type: [UsageOperationRef],
      description: "By upstream operation.",
      resolve: (day) => day.operations,
    }),
  }),
});

const UsageRef = builder.objectRef<Usage>("Usage").implement({
  description: "The calling client's spend, as its daily budget counts it.",
  fields: (t) => ({
    client: t.exposeString("client", {
      description: "The client's name (`address:<ip>` or `local` when the gateway has no keys).",
    }),
    pencePerDay: t.exposeInt("pencePerDay", {
      description: "Its daily budget in pence (UTC day); 0 when it has none.",
    }),
    spentPenceToday: t.float({
      description: "What it has spent today (UTC).",
      resolve: (usage) => usage.days.find((d) => d.day === utcDay(new Date()))?.pence ?? 0,
    }),
    days: t.field({
      type: [UsageDayRef],
      description: "Its spend by day, oldest first.",
      resolve: (usage) => usage.days,
    }),
  }),
});

builder.queryField("usage", (t) =>
  t.field({
    type: UsageRef,
    description:
      "The calling client's own spend by day and upstream operation, today and the days before. No upstream call.",
    args: {
      days: t.arg.int({
        required: false,
        defaultValue: 7,
        description: `How many days, today included (1 to ${MAX_DAYS}).`,
        validate: z
          .number()
          .int()
          .min(1, "must be 1 or more")
          .max(MAX_DAYS, `must be at most ${MAX_DAYS}`),
      }),
    },
    resolve: async (_, args, ctx) => {
      const today = new Date();
      const from = utcDay(new Date(today.getTime() - ((args.days ?? 7) - 1) * DAY_MS));
      const rows = await ctx.ledger.spendOf(ctx.caller.name, from, utcDay(today));
      const days = new Map<string, UsageDay>();
      for (const row of rows) {
        let day = days.get(row.day);
        if (!day) {
          day = { day: row.day, paidCalls: 0, pence: 0, operations: [] };
          days.set(row.day, day);
        }
        day.paidCalls += row.paidCalls;
        day.pence = roundPence(day.pence + row.pence);
        day.operations.push(row);
      }
      return {
        client: ctx.caller.name,
        pencePerDay: ctx.caller.limits.pencePerDay,
        days: [...days.values()],
      };
    },
  }),
);
