import type { Plugin } from "graphql-yoga";
import { bearerCheck } from "../bearer.js";
import { messageOf } from "../errors.js";
import type { ImageEvents } from "../events/image-events.js";
import type { SubmissionLedger } from "../ledger/ledger.js";
import type { Logger } from "../logger.js";
import type { WebhookResult } from "../observability/metrics.js";
import { type ImageStatusDto, imageStatusDto } from "../upstreams/carcutter/dto.js";
import { onPath } from "./on-path.js";

/**
 * CarCutter's webhooks, received. CarCutter publishes neither their body, nor their timing, nor
 * their retries, so this endpoint authenticates the call (`Authorization: Bearer <key>`, compared
 * in constant time), bounds the body, and accepts what it can read: the status resource
 * (`{"data":{"images":[ImageStatus…]}}`) or a single ImageStatus, each image checked on its own.
 * Anything else is answered 202 and logged, never 500, so CarCutter does not retry what will
 * never be understood. A webhook is a hint: its statuses are published to subscribers and noted
 * in the ledger, nothing else is derived from it; the status endpoint stays the source of truth
 * and the poller corrects whatever a webhook got wrong or never sent.
 *
 * Wiring (src/gateway/phases/endpoints.ts, first of all, before any plugin that could refuse a plain POST):
 * ```ts
 * useCarCutterWebhooks({ secret: webhookSecret, ledger: deps.ledger, events: deps.events, logger })
 * ```
 * `webhookSecret` is config.events.webhookSecret, or a random one per process when unset (then
 * only this process can authenticate the calls of the submissions it made); the same key goes to
 * CarCutter as `webhook_response_auth_key`, with `webhook_url` = webhookUrlFor(PUBLIC_URL), only
 * when PUBLIC_URL is set (CarCutter cannot reach a gateway that has no public address).
 */

export const WEBHOOK_PATH = "/webhooks/carcutter";
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 256 * 1024;
/** How long an answer waits for the ledger and the events before it is sent anyway. */
export const DEFAULT_WEBHOOK_SETTLE_MS = 1000;

export interface CarCutterWebhooksOptions {
  path?: string;
  /** The bearer key CarCutter must send; never logged. */
  secret: string;
  ledger: Pick<SubmissionLedger, "noteStatus">;
  events: Pick<ImageEvents, "publish">;
  logger?: Logger;
  maxBodyBytes?: number;
  /** Longest the answer waits for noting and publishing; the work then finishes in the background. */
  settleMs?: number;
  /** When a status was reported, as noted in the ledger. */
  now?: () => Date;
  /** Told how each webhook ended, for the metrics. */
  onResult?: (result: WebhookResult) => void;
}

/** The URL CarCutter is given as `webhook_url`. */
export function webhookUrlFor(publicUrl: string, path = WEBHOOK_PATH): string {
  return `${publicUrl.replace(/\/+$/, "")}${path}`;
}

export function useCarCutterWebhooks(options: CarCutterWebhooksOptions): Plugin {
  if (options.secret === "") throw new Error("the webhook secret must not be empty");
  const path = options.path ?? WEBHOOK_PATH;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  const settleMs = options.settleMs ?? DEFAULT_WEBHOOK_SETTLE_MS;
  const now = options.now ?? (() => new Date());
  const { ledger, events, logger } = options;
  const isAuthorized = bearerCheck(options.secret);

  async function handle(request: Request): Promise<Response> {
    const [result, response] = await answer(request);
    options.onResult?.(result);
    return response;
  }

  async function answer(request: Request): Promise<[WebhookResult, Response]> {
    if (request.method !== "POST") {
      return ["method", new Response(null, { status: 405, headers: { allow: "POST" } })];
    }
    if (!isAuthorized(request.headers.get("authorization"))) {
      logger?.warn({ path }, "CarCutter webhook refused: missing or wrong bearer key");
      return [
        "unauthorized",
        new Response(null, { status: 401, headers: { "www-authenticate": "Bearer" } }),
      ];
    }
    const body = await readBounded(request, maxBodyBytes);
    if (body === "too-large") {
      logger?.warn({ path, maxBodyBytes }, "CarCutter webhook refused: body too large");
      return ["too-large", new Response(null, { status: 413 })];
    }
    if (body === "unreadable") return ["unreadable", new Response(null, { status: 400 })];
    const parsed = statusesIn(body);
    if (parsed.statuses.length === 0 && parsed.shape !== "empty") {
      logger?.warn(
        { path, shape: parsed.shape, bytes: body.byteLength, skipped: parsed.skipped },
        "CarCutter webhook ignored: no image status in a shape this gateway reads",
      );
      return ["ignored", new Response(null, { status: 202 })];
    }
    if (parsed.skipped > 0) {
      logger?.warn(
        { path, skipped: parsed.skipped },
        "CarCutter webhook: unreadable images skipped",
      );
    }
    await settle(note(parsed.statuses), settleMs);
    return [
      parsed.statuses.length > 0 ? "accepted" : "ignored",
      new Response(null, { status: 204 }),
    ];
  }

  /** Publishes and notes every status; failures are logged, never thrown. */
  function note(statuses: readonly ImageStatusDto[]): Promise<unknown> {
    const at = now();
    return Promise.all(
      statuses.map(async (status) => {
        const [published, noted] = await Promise.allSettled([
          events.publish(status),
          ledger.noteStatus(status.image, status.status, at),
        ]);
        if (published.status === "rejected") {
          logger?.error({ err: messageOf(published.reason) }, "CarCutter webhook: publish failed");
        }
        if (noted.status === "rejected") {
          logger?.error({ err: messageOf(noted.reason) }, "CarCutter webhook: ledger note failed");
        }
      }),
    );
  }

  return {
    onRequest: onPath(
      (url) => url.pathname === path,
      async ({ request, endResponse }) => {
        endResponse(await handle(request));
      },
    ),
  };
}

/** The body, refused past `max` bytes by Content-Length before reading and by count while reading. */
async function readBounded(
  request: Request,
  max: number,
): Promise<Uint8Array | "too-large" | "unreadable"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return "too-large";
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  return Buffer.concat(chunks);
}

interface ParsedBody {
  statuses: ImageStatusDto[];
  /** Images in a status-resource body that were not ImageStatus objects. */
  skipped: number;
  shape: "status-resource" | "image-status" | "empty" | "other" | "not-json";
}

/** The statuses a webhook body carries, in the two shapes this gateway reads. */
function statusesIn(bytes: Uint8Array): ParsedBody {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return { statuses: [], skipped: 0, shape: "not-json" };
  }
  const images = isRecord(body) && isRecord(body.data) ? body.data.images : undefined;
  if (Array.isArray(images)) {
    const statuses: ImageStatusDto[] = [];
    for (const item of images) {
      const status = imageStatusDto.safeParse(item);
      if (status.success) statuses.push(status.data);
    }
    const skipped = images.length - statuses.length;
    return { statuses, skipped, shape: images.length === 0 ? "empty" : "status-resource" };
  }
  const single = imageStatusDto.safeParse(body);
  if (single.success) return { statuses: [single.data], skipped: 0, shape: "image-status" };
  return { statuses: [], skipped: 0, shape: "other" };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Waits for `work`, at most `ms`; the work carries on (and logs its own failures) after that. */
async function settle(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
