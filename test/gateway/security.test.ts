import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ResultLinks } from "../../src/domains/image/result-links.js";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { createGateway } from "../../src/gateway/create-gateway.js";
import { CarCutterClient } from "../../src/upstreams/carcutter/client.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { API_KEY, SECRETS, TOKEN } from "../support/credentials.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { onlyError, photoUrls, present } from "../support/operations.js";

/** Credentials never reach a client, and unexpected failures are masked but logged. */

const bmw = present(SEED_VEHICLES[0]);
const finalPhoto = present(bmw.images[0]).url;

const Everything = graphql(`
  query SecurityEverything($url: URL!, $vin: String!) {
    vehicles(first: 3) { edges { node { vehicleId features { title } } } }
    image(url: $url) { status resultUrl }
    stockByVin(vin: $vin) { photo(view: FRONT) { url expiresAt } }
  }
`);

const StockImageInRed = graphql(`
  query SecurityStockImageInRed {
    stockImage(imageId: "bmw-3-series-g20-front", color: "Red") { url }
  }
`);

const Submit = graphql(`
  mutation SecuritySubmit($urls: [URL!]!) {
    submitImages(input: {vehicleId: "V", urls: $urls, processing: {cutType: NONE}}) {
      __typename ... on SubmitImagesPayload { results { outcome error { code message } } } ... on Error { message }
    }
  }
`);

const AnyVehicle = graphql(`
  query SecurityAnyVehicle { vehicle(vehicleId: "ANY") { vehicleId } }
`);

const VehiclesToShoot = graphql(`
  query SecurityVehiclesToShoot { vehiclesToShoot { vehicleId } }
`);

const ImageStatus = graphql(`
  query SecurityImageStatus($u: URL!) { image(url: $u) { status } }
`);

const MaskedSubmit = graphql(`
  mutation SecurityMaskedSubmit($urls: [URL!]!) {
    submitImages(input: {vehicleId: "V", urls: $urls, processing: {cutType: NONE}}) {
      ... on SubmitImagesPayload { results { outcome error { code message } } }
    }
  }
`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: {
      CARCUTTER_API_TOKEN: TOKEN,
      ONEAUTO_API_KEY: API_KEY,
      UPSTREAM_HEADERS_TIMEOUT_MS: "200",
      UPSTREAM_BREAKER_FAILURES: "1000",
    },
  });
});
afterAll(() => h.close());
afterEach(() => {
  vi.restoreAllMocks();
  h.carcutter.control.reset();
  h.oneauto.control.reset();
});

/** Everything a client received: status line, headers and body text. */
async function received(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

/** Posts a typed document and answers everything received (not just the parsed body). */
async function post<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
) {
  return received(
    await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    }),
  );
}

describe("secrets", () => {
  it("neither the CarCutter token nor the OneAuto key appears in any answer, succeeding or failing", async () => {
    const answers: string[] = [];
    const variables = { url: finalPhoto, vin: bmw.vehicle_id };
    answers.push(await post(Everything, variables));

    const faults = [
      { kind: "status", status: 400 },
      { kind: "status", status: 401 },
      { kind: "status", status: 500 },
      { kind: "status", status: 503 },
      { kind: "malformed" },
      { kind: "reset" },
      { kind: "latency", ms: 1000 },
    ] as const;
    for (const fault of faults) {
      for (const operation of [
        CARCUTTER.imageStatuses.name,
        CARCUTTER.listVehicles.name,
        CARCUTTER.features.name,
      ]) {
        h.carcutter.control.script({ operation, fault, times: 3 });
      }
      for (const operation of [ONEAUTO.searchByVin.name, ONEAUTO.imageLink.name]) {
        h.oneauto.control.script({ operation, fault, times: 3 });
      }
      answers.push(await post(Everything, variables));
      h.carcutter.control.reset();
      h.oneauto.control.reset();
    }

    answers.push(await post(StockImageInRed));
    answers.push(await post(Submit, { urls: photoUrls(2, "secrets-ok") }));
    for (const status of [402, 403, 503]) {
      h.carcutter.control.script({
        operation: CARCUTTER.submitImages.name,
        fault: { kind: "status", status },
      });
      answers.push(await post(Submit, { urls: photoUrls(2, `secrets-${status}`) }));
    }

    // The result link, what it serves, and what it says when refused.
    const link = /"resultUrl":"([^"]+)"/.exec(present(answers[0]))?.[1];
    const path = new URL(present(link, "resultUrl")).pathname + new URL(present(link)).search;
    answers.push(present(link));
    answers.push(await received(await h.fetch(path)));
    answers.push(await received(await h.fetch(path.replace("signature=", "signature=0"))));
    h.carcutter.control.script({
      operation: CARCUTTER.imageResult.name,
      fault: { kind: "status", status: 401 },
    });
    answers.push(await received(await h.fetch(path)));

    expect(answers.length).toBeGreaterThan(faults.length + 5);
    expect(answers.join("\n")).toMatch(/UPSTREAM_UNAVAILABLE/);
    for (const answer of answers) {
      for (const secret of SECRETS) expect(answer).not.toContain(secret);
    }
  });
});

describe("error masking", () => {
  it("an unexpected exception reaches the client as 'Unexpected error.' with no message or stack of its own", async () => {
    vi.spyOn(CarCutterClient.prototype, "vehicle").mockRejectedValue(
      new Error("internal detail: pool exhausted at /srv/forecourt/db.ts:42"),
    );
    const response = await post(AnyVehicle);
    expect(response).toMatch(/"message":"Unexpected error\."/);
    expect(response).toMatch(/"code":"INTERNAL_SERVER_ERROR"/);
    expect(response).not.toMatch(/internal detail|pool exhausted|db\.ts|\/srv\/|stack/);
    expect(response).toMatch(/"data":\{"vehicle":null\}/);
  });

  it("the masked exception is logged in full for the operator", async () => {
    const logged: object[] = [];
    const gateway = createGateway({
      carcutter: h.runtime.carcutter,
      oneauto: h.runtime.oneautoCache,
      ledger: h.runtime.ledger,
      events: h.runtime.events,
      poller: h.runtime.poller,
      webhookSecret: "w".repeat(32),
      results: new ResultLinks({
        publicUrl: "http://gateway.test",
        secret: "s".repeat(32),
        ttlSeconds: 60,
      }),
      maxUploadBytes: 1024,
      maxRequestBodyBytes: 1024 * 1024,
      isReady: () => true,
      logger: { warn: () => {}, error: (obj) => logged.push(obj) },
    });
    vi.spyOn(CarCutterClient.prototype, "shotlist").mockImplementation(() => {
      throw new TypeError("cannot read properties of undefined (reading 'vehicles')");
    });
    const response = await gateway.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: print(VehiclesToShoot) }),
    });
    const body = await response.text();
    expect(body).toMatch(/Unexpected error\./);
    expect(body).not.toMatch(/cannot read properties/);
    expect(logged).toEqual([
      {
        err: expect.objectContaining({
          name: "TypeError",
          message: "cannot read properties of undefined (reading 'vehicles')",
          stack: expect.stringContaining("TypeError"),
        }),
      },
    ]);
  });

  it("expected errors are not masked: they keep their message and extensions.code", async () => {
    h.carcutter.control.script({
      operation: CARCUTTER.imageStatuses.name,
      fault: { kind: "status", status: 500 },
    });
    const result = await h.run(ImageStatus, { u: finalPhoto });
    const error = onlyError(result);
    expect(error.message).not.toBe("Unexpected error.");
    expect(error.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
  });

  it("an unexpected failure of a submission chunk is reported UNKNOWN without its message", async () => {
    vi.spyOn(CarCutterClient.prototype, "submitImages").mockRejectedValue(
      new Error("socket hang up inside a bug, secret=abc"),
    );
    const response = await post(MaskedSubmit, { urls: photoUrls(61, "masked-submission") });
    expect(response).toMatch(/"outcome":"UNKNOWN","error":\{"code":"INTERNAL"/);
    expect(response).toMatch(/"outcome":"NOT_SENT"/);
    expect(response).not.toMatch(/socket hang up|secret=abc/);
    expect(vi.mocked(CarCutterClient.prototype.submitImages)).toHaveBeenCalledTimes(1);
  });
});
