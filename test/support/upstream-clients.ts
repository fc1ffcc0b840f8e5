import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import {
  isUpstreamError,
  type UpstreamError,
  type UpstreamErrorCode,
  type UpstreamName,
} from "../../src/errors.js";
import type { HttpSettings } from "../../src/upstreams/settings.js";
import { SECRETS } from "./credentials.js";

/**
 * The client side of upstream tests: fast HTTP settings, checks on the UpstreamErrors clients
 * throw, and a scripted HTTP server for answers the emulators do not give.
 */

/** Small timeouts and backoffs so the suite stays fast; the breaker out of the way unless asked. */
export const FAST: Required<HttpSettings> = {
  connectTimeoutMs: 1000,
  headersTimeoutMs: 300,
  bodyTimeoutMs: 300,
  maxResponseBytes: 1024 * 1024,
  maxRetries: 2,
  retryBaseDelayMs: 10,
  deadlineMs: 4000,
  breaker: { consecutiveFailures: 100, halfOpenAfterMs: 200 },
  connections: 8,
};

export interface ExpectedError {
  code: UpstreamErrorCode;
  upstream: UpstreamName;
  operation: string;
  status?: number;
}

/**
 * Awaits a rejection, checks it is the UpstreamError expected, and checks that no secret appears
 * in its message, its extensions, its JSON form or its log detail.
 */
export async function expectUpstreamError(
  promise: Promise<unknown>,
  expected: ExpectedError,
): Promise<UpstreamError> {
  const error: unknown = await promise.then(
    (value) => {
      throw new Error(`expected ${expected.code}, got a value: ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!isUpstreamError(error)) throw error;
  expect(error.extensions).toMatchObject({
    code: expected.code,
    upstream: expected.upstream,
    operation: expected.operation,
  });
  expect(error.extensions.status).toBe(expected.status);
  expectNoSecrets(error);
  return error;
}

export function expectNoSecrets(error: UpstreamError): void {
  const surfaces = [
    error.message,
    JSON.stringify(error),
    JSON.stringify(error.extensions),
    String(error),
    error.upstreamDetail ?? "",
    error.stack ?? "",
  ];
  for (const surface of surfaces) {
    for (const secret of SECRETS) expect(surface).not.toContain(secret);
    expect(surface).not.toMatch(/Bearer\s/i);
  }
  // Nothing but these keys ever reaches a client.
  for (const key of Object.keys(error.extensions)) {
    expect(["code", "upstream", "operation", "status", "retryAfterSeconds", "circuit"]).toContain(
      key,
    );
  }
  expect(error.extensions.operation).not.toContain("?");
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface FakeUpstream {
  url: string;
  /** Requests received, in order. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

/**
 * A plain node:http server answering as scripted, for upstream behaviour the emulators do not
 * produce (an HTML 401 page, a nested error envelope, 202, a stalled body…). It also stands in
 * for the receiver of the CarCutter emulator's webhooks (startWebhookReceiver).
 */
export async function startFakeUpstream(handler: FakeHandler): Promise<FakeUpstream> {
  const requests: FakeUpstream["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      handler(req, res, Buffer.concat(chunks).toString("utf8"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing is expected to listen on; only for instances never used to call. */
export const FAKE_NOTHING = "http://127.0.0.1:9";
