import { z } from "zod";
import { builder } from "../../builder.js";
import { ImageRef, MAX_URLS_PER_LIST } from "./image.schema.js";
import { openImageUpdates } from "./image-updates.js";

/**
 * `Subscription.imageUpdated`: live photo status. The stream itself lives in image-updates.ts;
 * the context supplies the ledger, the events hub, the poller and the status loader.
 */

builder.subscriptionType({
  description:
    "Live updates, over Server-Sent Events (POST or GET /graphql with Accept: text/event-stream) or WebSocket (graphql-transport-ws protocol on /graphql).",
});

builder.subscriptionField("imageUpdated", (t) =>
  t.field({
    type: ImageRef,
    description:
      "Live status of photos: first the current status of each watched photo (read from CarCutter), then each change as it happens; a report older than what was already sent (a late webhook) is never sent. With vehicleId it watches the photos submitted for the vehicle, those submitted later through any instance included (each starts with its status as CarCutter answered the submission), and stays open until the client leaves. With urls only, it ends once every watched photo is terminal (FINAL, ERROR or EXPIRED). Fed by CarCutter's webhooks, with polling every few seconds as the fallback. Give vehicleId, urls, or both.",
    args: {
      vehicleId: t.arg.string({
        required: false,
        description:
          "Watch every photo submitted for this vehicle through this gateway, now and from now on: the stream stays open.",
        validate: z.string().trim().min(1, "must not be empty").max(128, "at most 128 characters"),
      }),
      urls: t.arg({
        type: ["URL"],
        required: false,
        description: `Watch these photos (at most ${MAX_URLS_PER_LIST}), by the URL they were submitted with.`,
        validate: z.array(z.string()).max(MAX_URLS_PER_LIST, `at most ${MAX_URLS_PER_LIST} URLs`),
      }),
    },
    validate: z
      .object({ vehicleId: z.string().nullish(), urls: z.array(z.string()).nullish() })
      .refine((args) => Boolean(args.vehicleId) || (args.urls?.length ?? 0) > 0, {
        message: "give vehicleId, urls (at least one), or both",
      }),
    subscribe: (_root, args, ctx) => openImageUpdates(args, ctx),
    resolve: (image) => image,
  }),
);
