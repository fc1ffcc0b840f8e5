import type { ImageStatusResponseDto } from "../../upstreams/carcutter/dto.js";

/**
 * The emulator's webhook calls. CarCutter publishes neither body, timing nor retry policy, so the
 * emulator picks one a receiver must cope with anyway: one POST per image state change, carrying
 * `{"data":{"images":[ImageStatus]}}` with `Authorization: Bearer <webhook_response_auth_key>`;
 * calls to one URL go out one at a time in order; a non-2xx answer, a network error or a timeout is
 * retried after each of the configured delays, then the call is dropped. Nothing here ever throws
 * into the emulator: a receiver can only lose its own notifications.
 */

export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 4000];
export const WEBHOOK_TIMEOUT_MS = 5000;

export interface WebhookTarget {
  url: string;
  /** Sent as `Authorization: Bearer <authKey>` when given. */
  authKey?: string;
}

/** One finished delivery, successful or dropped. */
export interface WebhookDelivery {
  url: string;
  body: ImageStatusResponseDto;
  outcome: "delivered" | "dropped";
  attempts: number;
  /** Per attempt: the HTTP status, or the network error's message. */
  answers: readonly (number | string)[];
}

export interface WebhookSenderOptions {
  retryDelaysMs: readonly number[];
  timeoutMs?: number;
}

export class WebhookSender {
  readonly #retryDelaysMs: readonly number[];
  readonly #timeoutMs: number;
  /** The tail of each URL's queue: a new call starts after the previous one finished. */
  readonly #tails = new Map<string, Promise<void>>();
  readonly #pending = new Set<Promise<void>>();
  readonly #log: WebhookDelivery[] = [];

  constructor(options: WebhookSenderOptions) {
    this.#retryDelaysMs = options.retryDelaysMs;
    this.#timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  }

  send(target: WebhookTarget, body: ImageStatusResponseDto): void {
    const previous = this.#tails.get(target.url) ?? Promise.resolve();
    const delivery = previous.then(() => this.#deliver(target, body));
    this.#tails.set(target.url, delivery);
    this.#pending.add(delivery);
    void delivery.finally(() => {
      this.#pending.delete(delivery);
      if (this.#tails.get(target.url) === delivery) this.#tails.delete(target.url);
    });
  }

  /** Resolves once no delivery (including one waiting to retry) is left. */
  async idle(): Promise<void> {
    // Deliveries may be queued while earlier ones finish, so wait until the set stays empty.
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  deliveries(): readonly WebhookDelivery[] {
    return [...this.#log];
  }

  async #deliver(target: WebhookTarget, body: ImageStatusResponseDto): Promise<void> {
    const answers: (number | string)[] = [];
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (target.authKey !== undefined) headers.authorization = `Bearer ${target.authKey}`;
    const payload = JSON.stringify(body);
    for (let attempt = 0; attempt <= this.#retryDelaysMs.length; attempt++) {
      if (attempt > 0) await delay(this.#retryDelaysMs[attempt - 1] ?? 0);
      const answer = await this.#attempt(target.url, headers, payload);
      answers.push(answer);
      if (typeof answer === "number" && answer >= 200 && answer < 300) {
        this.#log.push({
          url: target.url,
          body,
          outcome: "delivered",
          attempts: answers.length,
          answers,
        });
        return;
      }
    }
    this.#log.push({
      url: target.url,
      body,
      outcome: "dropped",
      attempts: answers.length,
      answers,
    });
  }

  async #attempt(
    url: string,
    headers: Record<string, string>,
    payload: string,
  ): Promise<number | string> {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      // An unread body would hold the connection open.
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    } catch (error) {
      return describeFailure(error);
    }
  }
}

/** fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what a tester needs. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
