import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { CARCUTTER } from "../../upstreams/carcutter/dto.js";
import type { Clock } from "../clock.js";
import { EmulatorControl } from "../control.js";
import { compositionRoutes } from "./composition.routes.js";
import { carCutterDialect } from "./dialect.js";
import { ApiError, errorBody, UNAUTHORIZED_MESSAGE } from "./errors.js";
import { featureRoutes } from "./features.routes.js";
import { imageRoutes } from "./images.routes.js";
import { isSettled } from "./lifecycle.js";
import { applySeed } from "./seed.js";
import { CarCutterState, type ImageRecord, imageStatusOf, type StoredSubmission } from "./state.js";
import { type CarCutterSnapshot, restoreState, snapshotOf } from "./state-file.js";
import { vehicleRoutes } from "./vehicles.routes.js";
import {
  DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
  type WebhookDelivery,
  WebhookSender,
} from "./webhooks.js";

/**
 * A CarCutter account on a local HTTP server: the API's paths, auth, multipart and JSON inputs,
 * error envelopes, credits, the image lifecycle on a clock, webhooks and result pictures. Per
 * request: counters and scripted faults first, then the bearer token, then the input, then the
 * operation. Control routes live under /__emulator (no token): the shared ones (requests, reset,
 * faults) plus `GET|POST /__emulator/credits`, `GET /__emulator/submissions` and
 * `GET /__emulator/webhooks`.
 */

export interface CarCutterEmulatorOptions {
  /** The only bearer token accepted. */
  token: string;
  /** The only customer `POST /vehicle/list` serves. */
  customer: string;
  /** Length of one lifecycle step (doubled for lazy processing). */
  stepMs: number;
  credits: number;
  /** How long a final result stays available before it expires (410). */
  retentionMs: number;
  clock: Clock;
  seed: boolean;
  webhookRetryDelaysMs?: readonly number[];
  /** Per file part; larger parts are refused with 400. */
  maxUploadBytes?: number;
  /** An account saved earlier (state-file.ts): taken instead of the seed. */
  restore?: CarCutterSnapshot | undefined;
  /** Told after every request that may have changed the account (anything but GET and HEAD). */
  onChange?: () => void;
  /** Milliseconds each operation is held before it is answered (EmulatorControlOptions). */
  latencyMs?: Readonly<Record<string, number>>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Every path of the API, for the bearer check and for 405 on a known path. */
const API_PATHS = new Set(Object.values(CARCUTTER).map((op) => op.path));

const creditsBody = z.object({ credits: z.number().int().min(0) });

export class CarCutterEmulator {
  readonly app: Hono;
  readonly control: EmulatorControl;
  readonly #state: CarCutterState;
  readonly #webhooks: WebhookSender;
  /** Images whose changes are still to be announced by webhook, by URL. */
  readonly #watched = new Map<string, ImageRecord>();
  #stopTicking: (() => void) | undefined;

  constructor(options: CarCutterEmulatorOptions) {
    checkOptions(options);
    this.#state = new CarCutterState(options);
    this.#webhooks = new WebhookSender({
      retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
    });
    this.control = new EmulatorControl(carCutterDialect, { latencyMs: options.latencyMs });
    if (options.restore) restoreState(this.#state, options.restore);
    else if (options.seed) applySeed(this.#state);
    this.app = this.#buildApp(options);
    // A quarter step is fine enough to see every phase; 250 ms keeps the system clock cheap.
    const interval = Math.max(10, Math.min(250, Math.floor(options.stepMs / 4)));
    this.#stopTicking = options.clock.onTick(() => this.#announceChanges(), interval);
  }

  credits(): number {
    return this.#state.credits;
  }

  setCredits(credits: number): void {
    if (!Number.isInteger(credits) || credits < 0) {
      throw new RangeError(`credits must be a whole number ≥ 0, got ${credits}`);
    }
    this.#state.credits = credits;
  }

  /** The account as it stands, to be saved (state-file.ts). */
  snapshot(): CarCutterSnapshot {
    return snapshotOf(this.#state);
  }

  /** Every accepted image submission, seeded ones first, as stored. */
  submissions(): readonly StoredSubmission[] {
    return [...this.#state.submissions];
  }

  /** Finished webhook deliveries (delivered or dropped after retries), in completion order. */
  webhookDeliveries(): readonly WebhookDelivery[] {
    return this.#webhooks.deliveries();
  }

  webhooksIdle(): Promise<void> {
    return this.#webhooks.idle();
  }

  /** Stops watching the clock and waits for webhook deliveries still under way. */
  async close(): Promise<void> {
    this.#stopTicking?.();
    this.#stopTicking = undefined;
    await this.#webhooks.idle();
  }

  #buildApp(options: CarCutterEmulatorOptions): Hono {
    const state = this.#state;
    const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    const app = new Hono();
    const { onChange } = options;
    if (onChange) {
      app.use(async (c, next) => {
        await next();
        if (c.req.method !== "GET" && c.req.method !== "HEAD") onChange();
      });
    }
    app.use(this.control.middleware());

    app.route("/__emulator", this.control.routes());
    app.get("/__emulator/credits", (c) => c.json({ credits: this.credits() }));
    app.post("/__emulator/credits", async (c) => {
      const parsed = creditsBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) {
        throw new ApiError(400, 'credits: send {"credits": <whole number ≥ 0>}');
      }
      this.setCredits(parsed.data.credits);
      return c.json({ credits: this.credits() });
    });
    app.get("/__emulator/submissions", (c) => c.json(this.submissions()));
    app.get("/__emulator/webhooks", (c) => c.json(this.webhookDeliveries()));

    app.use(async (c, next) => {
      if (!API_PATHS.has(c.req.path)) return next();
      const match = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
      if (match?.[1] !== options.token) throw new ApiError(401, UNAUTHORIZED_MESSAGE);
      return next();
    });
    // Three file parts at the limit plus the text fields; beyond that, refuse before buffering.
    const maxBody = 3 * maxUploadBytes + 1024 * 1024;
    // Only bodies need a limit; wrapping GETs too would cost every status call a Request copy.
    app.on(
      ["POST", "PUT", "PATCH"],
      "*",
      bodyLimit({
        maxSize: maxBody,
        onError: () => {
          throw new ApiError(413, `request body: at most ${maxBody} bytes`);
        },
      }),
    );

    app.route(
      "/",
      imageRoutes({ state, maxUploadBytes, onAccepted: (records) => this.#announceNew(records) }),
    );
    app.route("/", vehicleRoutes({ state, customer: options.customer }));
    app.route("/", featureRoutes(state));
    app.route("/", compositionRoutes({ state, maxUploadBytes }));

    for (const path of API_PATHS) {
      const allowed = Object.values(CARCUTTER)
        .filter((op) => op.path === path)
        .map((op) => op.method);
      app.all(path, (c) =>
        c.json(
          errorBody(
            405,
            `method ${c.req.method} not allowed on ${path}; use ${allowed.join(", ")}`,
          ),
          405,
          { allow: allowed.join(", ") },
        ),
      );
    }
    app.notFound((c) =>
      c.json(errorBody(404, `no such endpoint: ${c.req.method} ${c.req.path.slice(0, 200)}`), 404),
    );
    app.onError((error, c) => answerError(error, c));
    return app;
  }

  #announceNew(records: readonly ImageRecord[]): void {
    for (const record of records) {
      // A resubmission replaces the URL's record: only the new submission's webhook is called.
      if (record.webhook) this.#watched.set(record.url, record);
      else this.#watched.delete(record.url);
    }
    this.#announceChanges();
  }

  /**
   * Sends one webhook per watched image whose status or phase differs from the last one sent.
   * When the clock jumps several steps, only the state reached is sent, once.
   */
  #announceChanges(): void {
    try {
      const now = this.#state.clock.now();
      for (const record of this.#watched.values()) {
        const state = this.#state.imageState(record, now);
        const key = `${state.status}/${state.phase}`;
        if (record.webhook && key !== record.lastNotified) {
          record.lastNotified = key;
          this.#webhooks.send(record.webhook, { data: { images: [imageStatusOf(record, state)] } });
        }
        if (isSettled(state)) this.#watched.delete(record.url);
      }
    } catch (error) {
      // A clock listener must not throw into the clock (or kill the process on a timer).
      console.error("CarCutter emulator: webhook check failed", error);
    }
  }
}

function answerError(error: Error, c: Context): Response {
  if (error instanceof ApiError)
    return c.json(errorBody(error.status, error.message), error.status);
  if (isEmulatedReset(error)) throw error;
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(status, error.message || "request refused"), status);
  }
  console.error("CarCutter emulator: unexpected error", error);
  return c.json(errorBody(500, "internal error in the CarCutter emulator"), 500);
}

/**
 * The "reset" fault, served in-process, throws so that `app.request` rejects like fetch does on a
 * reset connection; answering it here would turn it into a 500.
 */
function isEmulatedReset(error: Error): boolean {
  return error instanceof TypeError && error.message === "emulated connection reset";
}

function checkOptions(options: CarCutterEmulatorOptions): void {
  const problems: string[] = [];
  if (!(options.stepMs > 0)) problems.push(`stepMs must be > 0, got ${options.stepMs}`);
  if (!(options.retentionMs > 0)) {
    problems.push(`retentionMs must be > 0, got ${options.retentionMs}`);
  }
  if (!Number.isInteger(options.credits) || options.credits < 0) {
    problems.push(`credits must be a whole number ≥ 0, got ${options.credits}`);
  }
  if (options.maxUploadBytes !== undefined && !(options.maxUploadBytes > 0)) {
    problems.push(`maxUploadBytes must be > 0, got ${options.maxUploadBytes}`);
  }
  if (options.token === "") problems.push("token must not be empty");
  if (problems.length > 0) throw new RangeError(`CarCutterEmulator: ${problems.join("; ")}`);
}
