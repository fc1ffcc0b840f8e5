import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, type HarnessOptions, startGateway } from "../support/gateway.js";
import { expectNoErrors, photoUrls, present } from "../support/operations.js";

/**
 * The submission ledger through the gateway, with the embedded store and with PostgreSQL: what
 * was submitted is listed per vehicle, survives a restart, is never submitted twice by accident,
 * and an open outcome is settled from CarCutter's status, not by resubmitting.
 */

const Submit = graphql(`
  mutation LedgerSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted
        results { url outcome image { status vehicle { vehicleId } } error { code } }
      }
    }
  }
`);

const VehicleImages = graphql(`
  query LedgerVehicleImages($vehicleId: String!, $status: [ImageStatus!]) {
    vehicle(vehicleId: $vehicleId) {
      images(status: $status) { url status submittedAt vehicle { vehicleId } }
    }
  }
`);

const ImageByUrl = graphql(`
  query LedgerImage($url: URL!) {
    image(url: $url) { url vehicle { vehicleId } submittedAt }
  }
`);

const SUBMIT = CARCUTTER.submitImages.name;
const VIN = "WAUZZZ8K9BA123456";

type Store = { name: string; options: () => Promise<HarnessOptions>; enabled: boolean };

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  if (schemas.length > 0 && process.env.DATABASE_URL) {
    const db = new pg.Client(process.env.DATABASE_URL);
    await db.connect();
    for (const schema of schemas) await db.query(`drop schema if exists ${schema} cascade`);
    await db.end();
  }
});

const stores: Store[] = [
  {
    name: "the embedded store",
    enabled: true,
    async options() {
      const dir = await mkdtemp(join(tmpdir(), "forecourt-ledger-test-"));
      dirs.push(dir);
      return { env: { FORECOURT_DATA_DIR: dir } };
    },
  },
  {
    name: "PostgreSQL",
    enabled: Boolean(process.env.DATABASE_URL),
    async options() {
      const schema = `forecourt_test_${randomUUID().replaceAll("-", "")}`;
      schemas.push(schema);
      return { env: { DATABASE_URL: process.env.DATABASE_URL ?? "" }, postgresSchema: schema };
    },
  },
];

for (const store of stores) {
  describe.skipIf(!store.enabled)(`the submission ledger in ${store.name}`, () => {
    const open: GatewayHarness[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });
    const gateway = async (options: HarnessOptions) => {
      const h = await startGateway(options);
      open.push(h);
      return h;
    };
    const submit = async (h: GatewayHarness, urls: string[], force = false) => {
      const result = await h.run(Submit, {
        input: { vehicleId: VIN, urls, processing: { cutType: "NORMAL" }, force },
      });
      expectNoErrors(result);
      const answer = present(result.data).submitImages;
      if (answer.__typename !== "SubmitImagesPayload") throw new Error(answer.__typename);
      return answer.results;
    };

    it("lists a vehicle's submitted photos with live status, and knows each photo's vehicle", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(3, `ledger-${randomUUID()}`);
      await submit(h, urls);
      const listed = present(
        present((await h.run(VehicleImages, { vehicleId: VIN })).data).vehicle,
      );
      expect(listed.images?.map((i) => i?.url)).toEqual(urls);
      expect(listed.images?.every((i) => i?.status === "PROCESSING" && i.submittedAt)).toBe(true);
      const filtered = present(
        (await h.run(VehicleImages, { vehicleId: VIN, status: ["FINAL"] })).data,
      );
      expect(filtered.vehicle?.images).toEqual([]);
      const processing = present(
        (await h.run(VehicleImages, { vehicleId: VIN, status: ["PROCESSING", "RAW"] })).data,
      );
      expect(processing.vehicle?.images?.map((i) => i?.url)).toEqual(urls);
      const one = present((await h.run(ImageByUrl, { url: urls[0] ?? "" })).data).image;
      expect(one?.vehicle?.vehicleId).toBe(VIN);
    });

    it("keeps the ledger across a restart", async () => {
      const options = await store.options();
      const urls = photoUrls(2, `restart-${randomUUID()}`);
      const first = await gateway(options);
      await submit(first, urls);
      await first.close();
      open.splice(open.indexOf(first), 1);
      const second = await gateway(options);
      const listed = present((await second.run(VehicleImages, { vehicleId: VIN })).data).vehicle;
      expect(listed?.images?.map((i) => i?.url)).toEqual(urls);
    });

    it("never submits a photo twice by accident; force does, and is billed again", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(2, `twice-${randomUUID()}`);
      await submit(h, urls);
      const again = await submit(h, [...urls, photoUrls(1, `new-${randomUUID()}`)[0] ?? ""]);
      expect(again.map((r) => r.outcome)).toEqual([
        "ALREADY_SUBMITTED",
        "ALREADY_SUBMITTED",
        "ACCEPTED",
      ]);
      expect(again[0]?.image?.status).toBe("PROCESSING");
      expect(h.carcutter.control.count(SUBMIT)).toBe(2);
      const credits = h.carcutter.credits();
      const forced = await submit(h, urls, true);
      expect(forced.map((r) => r.outcome)).toEqual(["ACCEPTED", "ACCEPTED"]);
      expect(h.carcutter.control.count(SUBMIT)).toBe(3);
      expect(h.carcutter.credits()).toBe(credits - 2);
    });

    it("a call killed mid-way stays UNKNOWN, then is settled from the status endpoint and sent once", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(2, `killed-${randomUUID()}`);
      h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "reset" } });
      const killed = await submit(h, urls);
      expect(killed.map((r) => r.outcome)).toEqual(["UNKNOWN", "UNKNOWN"]);
      expect(h.carcutter.submissions().some((s) => s.imageUrls.includes(urls[0] ?? ""))).toBe(
        false,
      );
      // The ledger remembers the open outcome; CarCutter's status says it never arrived.
      const statusCalls = h.carcutter.control.count(CARCUTTER.imageStatuses.name);
      const retried = await submit(h, urls);
      expect(retried.map((r) => r.outcome)).toEqual(["ACCEPTED", "ACCEPTED"]);
      expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBeGreaterThan(statusCalls);
      expect(h.carcutter.control.count(SUBMIT)).toBe(2);
      // And now it is known: a third attempt sends nothing.
      expect((await submit(h, urls)).map((r) => r.outcome)).toEqual([
        "ALREADY_SUBMITTED",
        "ALREADY_SUBMITTED",
      ]);
      expect(h.carcutter.control.count(SUBMIT)).toBe(2);
    });

    it("a crash between the record and the call loses nothing: a PENDING photo is settled from status", async () => {
      const h = await gateway(await store.options());
      const [never, made] = photoUrls(2, `crashed-${randomUUID()}`);
      if (!never || !made) throw new Error("two URLs expected");
      // What a process that died right after recording leaves behind: two PENDING entries. For
      // `made`, the call reached CarCutter before the crash; for `never`, it did not.
      await h.runtime.ledger.record(
        [never, made].map((url) => ({ url, vehicleId: VIN, options: { cutType: "normal" } })),
        new Date(),
      );
      await fetch(`${h.emulators.carcutter.server.url}/vehicle/image/submission`, {
        method: "POST",
        headers: { authorization: "Bearer emulator-carcutter-token" },
        body: (() => {
          const form = new FormData();
          form.append("image_url", made);
          form.append("vehicle_id", VIN);
          form.append("cut_type", "normal");
          return form;
        })(),
      });
      h.carcutter.control.reset();

      const results = await submit(h, [never, made]);
      expect(results.map((r) => [r.url, r.outcome])).toEqual([
        [never, "ACCEPTED"],
        [made, "ALREADY_SUBMITTED"],
      ]);
      // Only the photo that never reached CarCutter was sent.
      expect(h.carcutter.control.count(SUBMIT)).toBe(1);
      expect(h.carcutter.submissions().at(-1)?.imageUrls).toEqual([never]);
    });

    it("a refused or rejected photo may simply be submitted again", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(1, `rejected-${randomUUID()}`);
      h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "status", status: 400 } });
      expect((await submit(h, urls)).map((r) => r.outcome)).toEqual(["REJECTED"]);
      expect((await submit(h, urls)).map((r) => r.outcome)).toEqual(["ACCEPTED"]);
    });
  });
}
