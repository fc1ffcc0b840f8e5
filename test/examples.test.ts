import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createForecourtClient, ForecourtError } from "../examples/src/client.js";
import { PhotoStatuses, ShowroomVehicles, showroom } from "../examples/src/showroom.js";
import { SEED_VEHICLES } from "../src/emulators/carcutter/seed.js";
import {
  loadTrustedDocuments,
  type TrustedDocuments,
  trustedDocumentsFrom,
} from "../src/gateway/trusted-documents.js";
import { CARCUTTER } from "../src/upstreams/carcutter/dto.js";
import { graphql } from "./gql/index.js";
import { GATEWAY_ORIGIN, type GatewayHarness, startGateway } from "./support/gateway.js";

const MANIFEST = new URL("../examples/src/gql/persisted-documents.json", import.meta.url).pathname;
const audi = SEED_VEHICLES.find((v) => v.vehicle_id === "WAUZZZ8K9BA123456");
const photo = `https://images.forecourt-demo.example/${audi?.vehicle_id}/front-left.jpg`;

/** Valid against the schema, but none of the examples' operations: not in their manifest. */
const Untrusted = graphql(`
  query ExamplesUntrusted { vehiclesToShoot { vehicleId } }
`);

function clientFor(h: GatewayHarness, trustedDocuments = false, apiKey?: string) {
  return createForecourtClient({
    url: `${GATEWAY_ORIGIN}/graphql`,
    trustedDocuments,
    ...(apiKey ? { apiKey } : {}),
    fetch: (input, init) => h.fetch(new URL(String(input)).pathname, init),
  });
}

describe("the example client", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("loads a showroom page and submits photos against a gateway over the emulators", async () => {
    const summary = await showroom(clientFor(h), {
      vin: "WAUZZZ8K9BA123456",
      photoUrls: [photo],
      newPhotoUrls: ["https://photos.example.com/example/front-left.jpg"],
    });
    const a4 = summary.vehicles.find((v) => v.vehicleId === "WAUZZZ8K9BA123456");
    expect(a4?.name).toBe("Audi A4");
    expect(a4?.features.sort()).toEqual(audi?.features.map((f) => f.title).sort());
    expect(summary.photos).toEqual([
      expect.objectContaining({ url: photo, status: "FINAL", resultUrl: expect.any(String) }),
    ]);
    expect(summary.stock.map((s) => s.name)).toEqual([
      "Audi A4 2.0 TDI SE 4dr",
      "Audi A4 2.0 TDI S Line 4dr",
    ]);
    expect(summary.stock.every((s) => s.frontPhoto?.includes("/cdn/"))).toBe(true);
    expect(summary.submitted).toEqual({ accepted: 1, outcomes: ["ACCEPTED"] });
    expect(h.carcutter.control.count(CARCUTTER.submitImages.name)).toBe(1);
  });

  it("sends an idempotency key with its upload: the same upload again is answered, not billed twice", async () => {
    const upload = {
      vin: "WAUZZZ8K9BA123456",
      photoUrls: [photo],
      newPhotoUrls: ["https://photos.example.com/example/retried.jpg"],
      uploadKey: "example-upload-5b7f3c1e",
    };
    const sent = h.carcutter.control.count(CARCUTTER.submitImages.name);
    const first = await showroom(clientFor(h), upload);
    const retried = await showroom(clientFor(h), upload);
    expect(first.submitted).toEqual({ accepted: 1, outcomes: ["ACCEPTED"] });
    expect(retried.submitted).toEqual(first.submitted);
    expect(h.carcutter.control.count(CARCUTTER.submitImages.name)).toBe(sent + 1);
  });
});

describe("trusted documents mode (TRUSTED_DOCUMENTS_ONLY=true)", () => {
  let h: GatewayHarness;
  let trusted: TrustedDocuments;
  beforeAll(async () => {
    trusted = await loadTrustedDocuments(MANIFEST);
    h = await startGateway({
      gatewayEnv: { TRUSTED_DOCUMENTS_ONLY: "true", TRUSTED_DOCUMENTS_PATH: MANIFEST },
      trustedDocuments: trusted,
    });
  });
  afterAll(() => h.close());

  it("the manifest holds every operation of the examples", () => {
    expect(trusted.byHash.size).toBe(4);
  });

  it("runs the examples' operations sent by hash", async () => {
    const data = await clientFor(h, true).request(PhotoStatuses, { urls: [photo] });
    expect(data.images?.[0]?.status).toBe("FINAL");
  });

  it("runs the examples' operations sent as their own text", async () => {
    const data = await clientFor(h, false).request(ShowroomVehicles, { first: 2 });
    expect(data.vehicles?.edges).toHaveLength(2);
  });

  it("refuses any other operation with TRUSTED_DOCUMENT_REQUIRED (403) before calling upstream", async () => {
    h.carcutter.control.reset();
    const res = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: print(Untrusted) }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    expect(h.carcutter.control.counts()).toEqual({});
  });

  it("refuses an unknown hash with TRUSTED_DOCUMENT_NOT_FOUND", async () => {
    const res = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("TRUSTED_DOCUMENT_NOT_FOUND");
  });

  it("serves no GraphiQL, which would only send untrusted text", async () => {
    const res = await h.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(await res.text()).not.toContain("<title>Forecourt</title>");
  });

  it("the client reports a refused hash as a ForecourtError carrying the code", async () => {
    const forged = { ...PhotoStatuses, __meta__: { hash: `sha256:${"1".repeat(64)}` } };
    const refusal = clientFor(h, true).request(forged, { urls: [photo] });
    await expect(refusal).rejects.toThrow(ForecourtError);
    await expect(refusal).rejects.toThrow(/TRUSTED_DOCUMENT_NOT_FOUND/);
  });
});

describe("the trusted documents manifest", () => {
  it("refuses an entry whose text does not hash to its key", async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, "utf8")) as Record<string, string>;
    const [key] = Object.keys(manifest);
    expect(() =>
      trustedDocumentsFrom({ [key ?? ""]: "query Tampered { vehiclesToShoot { vehicleId } }" }),
    ).toThrow(/does not hash to its key/);
  });

  it("a missing manifest stops the start with a message naming the variable", async () => {
    await expect(loadTrustedDocuments("/nonexistent/manifest.json")).rejects.toThrow(
      /TRUSTED_DOCUMENTS_PATH: cannot read/,
    );
  });
});

describe("the example client with a client key", () => {
  it("sends the key it is given, and a gateway with clients answers it; without, 401", async () => {
    const key = `fc_${"k".repeat(40)}`;
    const dir = await mkdtemp(join(tmpdir(), "forecourt-example-key-"));
    const path = join(dir, "clients.json");
    const keySha256 = createHash("sha256").update(key).digest("hex");
    await writeFile(path, JSON.stringify({ clients: [{ name: "example", keySha256 }] }));
    const h = await startGateway({ gatewayEnv: { CLIENTS_PATH: path } });
    try {
      const { vehicles } = await clientFor(h, false, key).request(ShowroomVehicles, { first: 1 });
      expect(vehicles?.edges).toHaveLength(1);
      const refused = await clientFor(h)
        .request(ShowroomVehicles, { first: 1 })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(ForecourtError);
      expect(refused.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    } finally {
      await h.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
