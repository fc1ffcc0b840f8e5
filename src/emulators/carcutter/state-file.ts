import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { featureDto, VEHICLE_APP_STATUSES } from "../../upstreams/carcutter/dto.js";
import type { CarCutterState } from "./state.js";

/**
 * The built-in CarCutter account kept on disk, so that `npm start` after `npm start` finds the
 * photos, vehicles, features and credits it left, as the gateway's ledger beside it remembers
 * the submissions. One JSON file, rewritten whole (to a temporary file, then renamed, so a crash
 * leaves the old or the new one, never half of one) shortly after each change and on close.
 *
 * Webhook targets are not kept: their keys are secrets, and a restarted gateway (without
 * WEBHOOK_SECRET) has a new one anyway. Photos in flight across a restart are followed by the
 * gateway's poller instead.
 */

export const STATE_FILE_NAME = "carcutter-emulator.json";
const VERSION = 1;

const snapshot = z.object({
  version: z.literal(VERSION),
  credits: z.number().int().min(0),
  images: z.array(
    z.object({
      url: z.string(),
      submissionId: z.number().int(),
      submittedAt: z.number(),
      lazy: z.boolean(),
      outcome: z.enum(["ok", "error", "retake"]),
      angle: z.tuple([z.string(), z.string()]),
    }),
  ),
  submissions: z.array(
    z.object({
      id: z.number().int(),
      receivedAt: z.number(),
      imageUrls: z.array(z.string()),
      creditsCharged: z.number(),
      seeded: z.boolean(),
      fields: z.record(z.string(), z.string()),
      uploads: z.record(
        z.string(),
        z.object({
          bytes: z.number(),
          // Absent from state files written before it was recorded.
          sha256: z.string().default(""),
          filename: z.string(),
          contentType: z.string(),
        }),
      ),
    }),
  ),
  vehicles: z.array(
    z.object({
      vehicleId: z.string(),
      appStatus: z.enum(VEHICLE_APP_STATUSES),
      updatedAt: z.number(),
      details: z.record(z.string(), z.string()),
    }),
  ),
  features: z.array(featureDto),
});
export type CarCutterSnapshot = z.infer<typeof snapshot>;

export class StateFileError extends Error {
  constructor(path: string, detail: string) {
    super(
      `${path} is not a readable CarCutter emulator state (${detail}); move or delete it to start the built-in emulator afresh (the ledger beside it will then remember photos the emulator does not)`,
    );
    this.name = "StateFileError";
  }
}

/** The saved account, or undefined when there is none yet. */
export async function readStateFile(path: string): Promise<CarCutterSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(path, (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `not JSON: ${(error as Error).message}`);
  }
  const parsed = snapshot.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(path, `${issue?.path.join(".") || "file"}: ${issue?.message}`);
  }
  return parsed.data;
}

export function snapshotOf(state: CarCutterState): CarCutterSnapshot {
  return {
    version: VERSION,
    credits: state.credits,
    images: [...state.images.values()].map(
      ({ url, submissionId, submittedAt, lazy, outcome, angle }) => ({
        url,
        submissionId,
        submittedAt,
        lazy,
        outcome,
        angle: [angle[0], angle[1]],
      }),
    ),
    submissions: state.submissions.map((s) => ({
      ...s,
      imageUrls: [...s.imageUrls],
      fields: { ...s.fields },
      uploads: { ...s.uploads },
    })),
    vehicles: [...state.vehicles.values()].map((v) => ({ ...v, details: { ...v.details } })),
    features: [...state.features.values()],
  };
}

/** Replaces what `state` holds with the snapshot's account. */
export function restoreState(state: CarCutterState, saved: CarCutterSnapshot): void {
  state.credits = saved.credits;
  state.images.clear();
  for (const image of saved.images) state.images.set(image.url, image);
  state.submissions.splice(0, state.submissions.length, ...saved.submissions);
  state.vehicles.clear();
  for (const vehicle of saved.vehicles) state.vehicles.set(vehicle.vehicleId, vehicle);
  state.features.clear();
  for (const feature of saved.features) state.features.set(feature.feature_id, feature);
}

/** Writes the account shortly after each change (changes close together make one write). */
export class StateFileWriter {
  readonly #path: string;
  readonly #read: () => CarCutterSnapshot;
  readonly #delayMs: number;
  readonly #onError: (error: Error) => void;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(options: {
    path: string;
    read: () => CarCutterSnapshot;
    delayMs?: number;
    onError?: (error: Error) => void;
  }) {
    this.#path = options.path;
    this.#read = options.read;
    this.#delayMs = options.delayMs ?? 100;
    this.#onError = options.onError ?? (() => {});
  }

  changed(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#delayMs);
    this.#timer.unref();
  }

  /** Writes now (after any write under way); never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writing = this.#writing
      .then(() => this.#write())
      .catch((error: Error) => this.#onError(error));
    return this.#writing;
  }

  async #write(): Promise<void> {
    const text = JSON.stringify(this.#read());
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await mkdir(dirname(this.#path), { recursive: true });
    await writeFile(temporary, text, "utf8");
    await rename(temporary, this.#path);
  }
}
