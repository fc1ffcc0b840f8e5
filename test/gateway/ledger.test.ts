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
 * not even by two requests at once or two instances, an open outcome is settled from CarCutter's
 * status, not by resubmitting, and a client's idempotency key answers a retry with the first answer.
 * Every photo is counted at the emulator: billed exactly once.
 */

const Submit = graphql(`
  mutation LedgerSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted
        results { url outcome image { status vehicle { vehicleId } } error { code } }
      }
      ... on Error { code }
      ... on IdempotencyKeyInProgressError { retryAfterSeconds }
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
    const answer = async (
      h: GatewayHarness,
      urls: string[],
      extra: { force?: boolean; idempotencyKey?: string; vehicleId?: string } = {},
    ) => {
      const result = await h.run(Submit, {
        input: { vehicleId: VIN, urls, processing: { cutType: "NORMAL" }, ...extra },
      });
      expectNoErrors(result);
      return { answer: present(result.data).submitImages, extensions: result.extensions };
    };
    const submit = async (h: GatewayHarness, urls: string[], force = false) => {
      const { answer: submitted } = await answer(h, urls, { force });
      if (submitted.__typename !== "SubmitImagesPayload") throw new Error(submitted.__typename);
      return submitted.results;
    };
    /** How many times the emulator accepted each of `urls`: billed once means 1 each. */
    const billed = (h: GatewayHarness, urls: readonly string[]) => {
      const sent = h.carcutter.submissions().flatMap((s) => s.imageUrls);
      return urls.map((url) => sent.filter((u) => u === url).length);
    };
    const outcomesOf = (results: readonly { outcome: string }[]) => results.map((r) => r.outcome);

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

    it("a crash between the claim and the call loses nothing: once its claim runs out, a PENDING photo is settled from status", async () => {
      const h = await gateway(await store.options());
      const [never, made] = photoUrls(2, `crashed-${randomUUID()}`);
      if (!never || !made) throw new Error("two URLs expected");
      // What a process that died right after claiming leaves behind, once its claim ran out: two
      // PENDING entries. For `made`, the call reached CarCutter before the crash; for `never`, not.
      const at = new Date(Date.now() - 120_000);
      await h.runtime.ledger.claim(
        [never, made].map((url) => ({ url, vehicleId: VIN, options: { cutType: "normal" } })),
        { at, until: new Date(at.getTime() + 60_000), force: false },
      );
      await fetch(`${h.emulators.carcutter.server.url}${CARCUTTER.submitImages.path}`, {
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
      expect(billed(h, [never, made])).toEqual([1, 1]);
    });

    it("a claim still under way is never sent again, not even with force: IN_PROGRESS", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(2, `claimed-${randomUUID()}`);
      const at = new Date();
      await h.runtime.ledger.claim(
        urls.map((url) => ({ url, vehicleId: VIN, options: {} })),
        { at, until: new Date(at.getTime() + 60_000), force: false },
      );
      expect(outcomesOf(await submit(h, urls))).toEqual(["IN_PROGRESS", "IN_PROGRESS"]);
      expect(outcomesOf(await submit(h, urls, true))).toEqual(["IN_PROGRESS", "IN_PROGRESS"]);
      expect(h.carcutter.control.count(SUBMIT)).toBe(0);
    });

    it("two identical submissions at once (a double click) bill each photo once", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(3, `double-${randomUUID()}`);
      h.carcutter.control.script({
        operation: SUBMIT,
        fault: { kind: "latency", ms: 150 },
        times: 2,
      });
      const [a, b] = await Promise.all([submit(h, urls), submit(h, urls)]);
      const both = [outcomesOf(a ?? []), outcomesOf(b ?? [])].sort();
      expect(both).toEqual([
        ["ACCEPTED", "ACCEPTED", "ACCEPTED"],
        ["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"],
      ]);
      expect(billed(h, urls)).toEqual([1, 1, 1]);
      expect(h.carcutter.control.count(SUBMIT)).toBe(1);
      // Once the first has settled, the same photos again are already submitted.
      expect(outcomesOf(await submit(h, urls))).toEqual(Array(3).fill("ALREADY_SUBMITTED"));
      expect(billed(h, urls)).toEqual([1, 1, 1]);
    });

    it("a second submission while the first still waits on CarCutter sends nothing", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(2, `waiting-${randomUUID()}`);
      const fresh = photoUrls(1, `waiting-fresh-${randomUUID()}`);
      h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "latency", ms: 600 } });
      const first = submit(h, urls);
      await expect.poll(() => h.carcutter.control.count(SUBMIT)).toBe(1);
      const second = await submit(h, [...urls, ...fresh]);
      expect(outcomesOf(second)).toEqual(["IN_PROGRESS", "IN_PROGRESS", "ACCEPTED"]);
      expect(second[0]?.error?.code).toBe("SUBMISSION_IN_PROGRESS");
      expect(outcomesOf(await first)).toEqual(["ACCEPTED", "ACCEPTED"]);
      expect(billed(h, [...urls, ...fresh])).toEqual([1, 1, 1]);
    });

    it("an idempotency key answers a retry with the first answer, and refuses another input", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(2, `keyed-${randomUUID()}`);
      const idempotencyKey = randomUUID();
      const first = await answer(h, urls, { idempotencyKey });
      expect(first.answer).toMatchObject({ __typename: "SubmitImagesPayload", accepted: 2 });
      const retried = await answer(h, urls, { idempotencyKey });
      expect(retried.answer).toEqual(first.answer);
      // The retry submitted nothing and asked for no status (only `vehicle` is read afresh).
      const cost = retried.extensions?.cost as { upstreamCalls: { operation: string }[] };
      expect(cost.upstreamCalls.map((c) => c.operation)).toEqual([CARCUTTER.vehicle.name]);
      expect(billed(h, urls)).toEqual([1, 1]);

      const other = await answer(h, [...urls, ...photoUrls(1, `keyed-more-${randomUUID()}`)], {
        idempotencyKey,
      });
      expect(other.answer).toEqual({
        __typename: "IdempotencyKeyReusedError",
        code: "IDEMPOTENCY_KEY_REUSED",
      });
      const forced = await answer(h, urls, { idempotencyKey, force: true });
      expect(forced.answer.__typename).toBe("IdempotencyKeyReusedError");
      expect(h.carcutter.control.count(SUBMIT)).toBe(1);
    });

    it("an idempotency key whose first request still runs answers that it is in progress", async () => {
      const h = await gateway(await store.options());
      const urls = photoUrls(1, `keyed-running-${randomUUID()}`);
      const idempotencyKey = randomUUID();
      h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "latency", ms: 400 } });
      const first = answer(h, urls, { idempotencyKey });
      await expect.poll(() => h.carcutter.control.count(SUBMIT)).toBe(1);
      const meanwhile = await answer(h, urls, { idempotencyKey });
      expect(meanwhile.answer).toMatchObject({
        __typename: "IdempotencyKeyInProgressError",
        code: "IDEMPOTENCY_KEY_IN_PROGRESS",
      });
      expect((await first).answer.__typename).toBe("SubmitImagesPayload");
      const after = await answer(h, urls, { idempotencyKey });
      expect(after.answer).toEqual((await first).answer);
      expect(billed(h, urls)).toEqual([1]);
    });

    it("an idempotency key's answer survives a restart", async () => {
      const options = await store.options();
      const urls = photoUrls(2, `keyed-restart-${randomUUID()}`);
      const idempotencyKey = randomUUID();
      const before = await gateway(options);
      const first = await answer(before, urls, { idempotencyKey });
      await before.close();
      open.splice(open.indexOf(before), 1);
      const after = await gateway(options);
      const retried = await answer(after, urls, { idempotencyKey });
      expect(retried.answer).toEqual(first.answer);
      expect(after.carcutter.control.count(SUBMIT)).toBe(0);
    });

    it("a timed-out submission that CarCutter processed is settled ACCEPTED and billed in extensions.cost", async () => {
      const h = await gateway({
        ...(await store.options()),
        gatewayEnv: { UPSTREAM_HEADERS_TIMEOUT_MS: "200", PRICE_CARCUTTER_IMAGE_PENCE: "4" },
      });
      const urls = photoUrls(3, `late-${randomUUID()}`);
      h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "late-answer", ms: 1000 } });
      const { answer: late, extensions } = await answer(h, urls);
      if (late.__typename !== "SubmitImagesPayload") throw new Error(late.__typename);
      expect(outcomesOf(late.results)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
      expect(extensions?.cost).toMatchObject({
        upstreamCalls: expect.arrayContaining([
          expect.objectContaining({
            operation: SUBMIT,
            calls: 1,
            paidCalls: 1,
            paidUnits: 3,
            estimatedPence: 12,
          }),
        ]),
        paidCalls: 1,
        estimatedPence: 12,
      });
      expect(billed(h, urls)).toEqual([1, 1, 1]);
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

describe.skipIf(!process.env.DATABASE_URL)("two instances sharing one PostgreSQL ledger", () => {
  const open: GatewayHarness[] = [];
  afterEach(async () => {
    // The second instance talks to the first one's emulators: it closes first.
    for (const h of open.splice(0).reverse()) await h.close();
  });

  it("the same photos submitted through both at once are billed once", async () => {
    const schema = `forecourt_test_${randomUUID().replaceAll("-", "")}`;
    schemas.push(schema);
    const options = {
      env: { DATABASE_URL: process.env.DATABASE_URL ?? "" },
      postgresSchema: schema,
    };
    const first = await startGateway(options);
    open.push(first);
    const second = await startGateway({ ...options, beside: first });
    open.push(second);
    const urls = photoUrls(4, `instances-${randomUUID()}`);
    first.carcutter.control.script({
      operation: SUBMIT,
      fault: { kind: "latency", ms: 150 },
      times: 2,
    });
    const input = { vehicleId: VIN, urls, processing: { cutType: "NORMAL" as const } };
    const answers = await Promise.all([
      first.run(Submit, { input }),
      second.run(Submit, { input }),
    ]);
    const outcomes = answers.map((result) => {
      const submitted = present(result.data).submitImages;
      if (submitted.__typename !== "SubmitImagesPayload") throw new Error(submitted.__typename);
      return submitted.results.map((r) => r.outcome);
    });
    expect(outcomes.sort()).toEqual([Array(4).fill("ACCEPTED"), Array(4).fill("IN_PROGRESS")]);
    const sent = first.carcutter.submissions().flatMap((s) => s.imageUrls);
    expect(urls.map((url) => sent.filter((u) => u === url).length)).toEqual([1, 1, 1, 1]);
  });
});
