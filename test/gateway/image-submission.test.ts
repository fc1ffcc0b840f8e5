import { print } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StoredSubmission } from "../../src/emulators/carcutter/state.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { ImageSubmissionSubmitMutation, SubmitImagesInput } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, onlyError, photoUrls, present } from "../support/operations.js";

/**
 * submitImages: validation, 60-URL chunks, what reaches CarCutter, and every way a chunk fails.
 * Submissions are billed and never retried: every test counts the calls at the emulator.
 */

const SUBMIT = CARCUTTER.submitImages.name;
const CREDITS = 10_000;
const HEADERS_TIMEOUT_MS = 300;
const VEHICLE = "WBA5R1C50KAE81715";

const SubmitImages = graphql(`
  mutation ImageSubmissionSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted notAccepted
        results { url outcome error { code message } image { url status submittedAt vehicle { vehicleId } } }
      }
      ... on CreditsExceededError { code message }
      ... on InputValidationError { code message issues { path message } }
    }
  }
`);
type Answer = ImageSubmissionSubmitMutation["submitImages"];

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: {
      UPSTREAM_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      // Several failures in a row here are deliberate; the circuit must not open in between.
      UPSTREAM_BREAKER_FAILURES: "1000",
      CARCUTTER_EMULATOR_CREDITS: String(CREDITS),
    },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.carcutter.control.reset();
  h.carcutter.setCredits(CREDITS);
});

const count = () => h.carcutter.control.count(SUBMIT);
/** Submissions the emulator accepted since `before` was taken. */
const acceptedSince = (before: number): readonly StoredSubmission[] =>
  h.carcutter.submissions().slice(before);

async function submit(
  input: Omit<SubmitImagesInput, "vehicleId" | "processing"> &
    Partial<Pick<SubmitImagesInput, "vehicleId" | "processing">>,
) {
  const result = await h.run(SubmitImages, {
    input: { vehicleId: VEHICLE, processing: { cutType: "COMPLETE" }, ...input },
  });
  expectNoErrors(result);
  return present(result.data).submitImages;
}

/** The answer as the given member of the union; fails the test when it is another. */
function answerAs<T extends Answer["__typename"]>(answer: Answer, typename: T) {
  if (answer.__typename !== typename) {
    throw new Error(`expected ${typename}, got ${answer.__typename}`);
  }
  return answer as Extract<Answer, { __typename: T }>;
}
const resultsOf = (answer: Answer) => answerAs(answer, "SubmitImagesPayload").results;

const outcomes = (results: readonly { outcome: string }[]) => results.map((r) => r.outcome);

describe("submitImages input", () => {
  it.each([
    ["both a cut type and a guideline", { cutType: "COMPLETE", guidelineId: "g-1" }],
    ["neither a cut type nor a guideline", {}],
  ])(
    "processing with %s is refused with a clear error and nothing is sent",
    async (_, processing) => {
      // The document typed, the variables not: they break @oneOf on purpose.
      const result = await h.execute(print(SubmitImages), {
        input: { vehicleId: VEHICLE, urls: photoUrls(1, "oneof"), processing },
      });
      const error = onlyError(result);
      expect(error.message).toContain('"input.processing"');
      expect(error.message).toMatch(
        /Exactly one key must be specified for OneOf type "ImageProcessingInput"/,
      );
      expect(count()).toBe(0);
    },
  );

  it("a URL that is not http(s) is refused naming the variable path and the rule", async () => {
    const result = await h.run(SubmitImages, {
      input: {
        vehicleId: VEHICLE,
        urls: ["https://photos.example.com/ok.jpg", "ftp://photos.example.com/a.jpg"],
        processing: { cutType: "COMPLETE" },
      },
    });
    const error = onlyError(result);
    expect(error.message).toContain('"input.urls[1]"');
    expect(error.message).toMatch(/must use http or https/);
    expect(count()).toBe(0);
  });

  it("a URL literal in the document that is not a URL is refused naming the type", async () => {
    // A string: the gateway's URL scalar must refuse this literal, which codegen cannot check.
    const result = await h.execute(
      `mutation { submitImages(input: {vehicleId: "V", urls: ["not a url"], processing: {cutType: NONE}}) { __typename } }`,
    );
    const error = onlyError(result);
    expect(error.message).toMatch(/Expected value of type "URL!".*absolute http\(s\) URL/);
    expect(count()).toBe(0);
  });

  it.each([
    ["an empty list", [], /at least one URL/],
    ["a repeated URL", ["https://p.example/1.jpg", "https://p.example/1.jpg"], /must not repeat/],
  ])(
    "%s is an InputValidationError naming input.urls, and nothing is sent",
    async (_, urls, rule) => {
      const answer = await submit({ urls });
      expect(answer.__typename).toBe("InputValidationError");
      expect(answerAs(answer, "InputValidationError").issues).toEqual([
        { path: ["input", "urls"], message: expect.stringMatching(rule) },
      ]);
      expect(count()).toBe(0);
    },
  );

  it("an empty optional string such as sceneId is refused naming the field", async () => {
    const answer = await submit({ urls: photoUrls(1, "scene"), sceneId: "" });
    expect(answer).toMatchObject({
      __typename: "InputValidationError",
      issues: [{ path: ["input", "sceneId"] }],
    });
    expect(count()).toBe(0);
  });

  it("a customJson nested 40 levels deep is an input error naming the field and the rule", async () => {
    let customJson: unknown = "bottom";
    for (let i = 0; i < 40; i++) customJson = { down: customJson };
    const answer = await submit({ urls: photoUrls(1, "deep-json"), customJson });
    expect(answer).toMatchObject({
      __typename: "InputValidationError",
      issues: [{ path: ["input", "customJson"], message: "at most 32 levels of nesting" }],
    });
    expect(count()).toBe(0);
  });

  it("a customJson nested 4,000 levels deep is refused before parsing, naming GRAPHQL_MAX_NESTING", async () => {
    let customJson: unknown = "bottom";
    for (let i = 0; i < 4000; i++) customJson = { down: customJson };
    const result = await h.run(SubmitImages, {
      input: {
        vehicleId: VEHICLE,
        processing: { cutType: "COMPLETE" },
        urls: photoUrls(1, "deeper-json"),
        customJson,
      },
    });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NESTING_LIMIT_EXCEEDED",
      in: "variables",
    });
    expect(count()).toBe(0);
  });
});

describe("what reaches CarCutter", () => {
  it("with only the required input, no optional field is sent", async () => {
    const before = h.carcutter.submissions().length;
    const urls = photoUrls(2, "minimal");
    const answer = await submit({ urls });
    expect(answerAs(answer, "SubmitImagesPayload").accepted).toBe(2);
    const [stored] = acceptedSince(before);
    expect(present(stored).fields).toEqual({ vehicle_id: VEHICLE, cut_type: "complete" });
    expect(present(stored).uploads).toEqual({});
    expect(present(stored).imageUrls).toEqual(urls);
  });

  it("every optional field given arrives under its wire name; customJson as a JSON document", async () => {
    const before = h.carcutter.submissions().length;
    const customJson = { stock: "STK-1", tags: ["a", "b"], nested: { n: 1 } };
    const answer = await submit({
      urls: photoUrls(1, "full"),
      processing: { guidelineId: "guideline-2" },
      locationId: "loc-1",
      sceneId: "scene-9",
      processingSpeed: "LAZY",
      retouchingAccuracy: "PRECISE",
      customJson,
    });
    expect(answerAs(answer, "SubmitImagesPayload").accepted).toBe(1);
    const fields = present(acceptedSince(before)[0]).fields;
    expect(fields).toEqual({
      vehicle_id: VEHICLE,
      guideline_id: "guideline-2",
      location_id: "loc-1",
      scene_id: "scene-9",
      processing_speed: "lazy",
      retouching_accuracy: "precise",
      custom_json: expect.any(String),
    });
    expect(JSON.parse(present(fields.custom_json))).toEqual(customJson);
  });

  it("accepted photos come back with their status, submission time and vehicle", async () => {
    const urls = photoUrls(2, "accepted");
    const answer = await submit({ urls });
    for (const [i, result] of resultsOf(answer).entries()) {
      expect(result).toMatchObject({ url: urls[i], outcome: "ACCEPTED", error: null });
      expect(result.image).toMatchObject({
        url: urls[i],
        status: "PROCESSING",
        vehicle: { vehicleId: VEHICLE },
      });
      expect(Number.isNaN(Date.parse(present(result.image?.submittedAt)))).toBe(false);
    }
    expect(count()).toBe(1);
  });
});

describe("chunks of 60", () => {
  it.each([
    [1, [1]],
    [60, [60]],
    [61, [60, 1]],
    [130, [60, 60, 10]],
  ])(
    "%i URLs are sent in calls of %o, and every URL is reported ACCEPTED in order",
    async (n, sizes) => {
      const before = h.carcutter.submissions().length;
      const urls = photoUrls(n, `chunks-${n}`);
      const answer = await submit({ urls });
      expect(answer).toMatchObject({ accepted: n, notAccepted: 0 });
      const results = resultsOf(answer);
      expect(results.map((r) => r.url)).toEqual(urls);
      expect(new Set(outcomes(results))).toEqual(new Set(["ACCEPTED"]));
      expect(count()).toBe(sizes.length);
      const stored = acceptedSince(before);
      expect(stored.map((s) => s.imageUrls.length)).toEqual(sizes);
      expect(stored.flatMap((s) => s.imageUrls)).toEqual(urls);
      expect(h.carcutter.credits()).toBe(CREDITS - n);
    },
  );
});

describe("partial failures (never retried)", () => {
  it("credits for the first chunk only: 60 ACCEPTED, 60 NO_CREDITS, 10 NOT_SENT, in 2 calls", async () => {
    h.carcutter.setCredits(60);
    const urls = photoUrls(130, "credits");
    const answer = await submit({ urls });
    expect(answer).toMatchObject({
      __typename: "SubmitImagesPayload",
      accepted: 60,
      notAccepted: 70,
    });
    const results = resultsOf(answer);
    expect(outcomes(results)).toEqual([
      ...Array(60).fill("ACCEPTED"),
      ...Array(60).fill("NO_CREDITS"),
      ...Array(10).fill("NOT_SENT"),
    ]);
    expect(results[60]?.error?.code).toBe("UPSTREAM_CREDITS_EXCEEDED");
    expect(results[120]?.error?.code).toBe("NOT_SENT");
    expect(results[120]?.error?.message).toMatch(
      /earlier batch failed \(UPSTREAM_CREDITS_EXCEEDED\)/,
    );
    expect(count()).toBe(2);
    expect(h.carcutter.credits()).toBe(0);
  });

  it("no credits for the first chunk: a CreditsExceededError result, one call, nothing charged", async () => {
    h.carcutter.setCredits(59);
    const before = h.carcutter.submissions().length;
    const answer = await submit({ urls: photoUrls(130, "broke") });
    expect(answer).toMatchObject({ __typename: "CreditsExceededError", code: "CREDITS_EXCEEDED" });
    expect(answerAs(answer, "CreditsExceededError").message).toMatch(/credits/i);
    expect(count()).toBe(1);
    expect(h.carcutter.credits()).toBe(59);
    expect(acceptedSince(before)).toEqual([]);
  });

  it.each([
    ["a 503", { kind: "status", status: 503 }, "UPSTREAM_UNAVAILABLE"],
    ["a 500", { kind: "status", status: 500 }, "UPSTREAM_UNAVAILABLE"],
    ["a reset connection", { kind: "reset" }, "UPSTREAM_UNAVAILABLE"],
    ["a malformed answer", { kind: "malformed" }, "UPSTREAM_CONTRACT"],
  ] as const)(
    "%s on the first chunk: its URLs UNKNOWN, exactly one call, later chunks NOT_SENT",
    async (_, fault, code) => {
      h.carcutter.control.script({ operation: SUBMIT, fault, times: 5 });
      const answer = await submit({ urls: photoUrls(61, `unknown-${fault.kind}`) });
      expect(answer).toMatchObject({ accepted: 0, notAccepted: 61 });
      const results = resultsOf(answer);
      expect(outcomes(results)).toEqual([...Array(60).fill("UNKNOWN"), "NOT_SENT"]);
      expect(results[0]?.error?.code).toBe(code);
      expect(count()).toBe(1);
    },
  );

  it("no answer in time, though CarCutter processed it: settled from its status, never submitted twice", async () => {
    h.carcutter.control.script({
      operation: SUBMIT,
      fault: { kind: "latency", ms: HEADERS_TIMEOUT_MS * 4 },
      times: 5,
    });
    const urls = photoUrls(61, "late");
    const first = resultsOf(await submit({ urls }));
    // The emulator, like a server whose client gave up, still processes the request. Whether the
    // gateway's status check right after the timeout already sees it is a race: ACCEPTED if so,
    // UNKNOWN (not resubmitted) if not. Either way one submission call, the rest held back.
    const settled = outcomes(first).slice(0, 60);
    expect(new Set(settled).size).toBe(1);
    expect(["ACCEPTED", "UNKNOWN"]).toContain(settled[0]);
    expect(outcomes(first)[60]).toBe("NOT_SENT");
    expect(count()).toBe(1);

    // Asked again (no force): the status endpoint now shows them processed, so nothing is sent.
    await expect
      .poll(() => h.carcutter.submissions().some((s) => s.imageUrls.includes(urls[0] ?? "")))
      .toBe(true);
    const again = resultsOf(await submit({ urls: urls.slice(0, 60) }));
    expect(outcomes(again)).toEqual(Array(60).fill("ALREADY_SUBMITTED"));
    expect(count()).toBe(1);
  });

  it("a 400 on the first chunk REJECTS only its URLs; later chunks are still sent and accepted", async () => {
    h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "status", status: 400 } });
    const answer = await submit({ urls: photoUrls(130, "rejected") });
    const results = resultsOf(answer);
    expect(outcomes(results)).toEqual([
      ...Array(60).fill("REJECTED"),
      ...Array(70).fill("ACCEPTED"),
    ]);
    expect(results[0]?.error?.code).toBe("UPSTREAM_BAD_REQUEST");
    expect(count()).toBe(3);
  });

  it("a 429 FAILS the chunk (refused, so not processed), exactly one call, the rest held back", async () => {
    h.carcutter.control.script({
      operation: SUBMIT,
      fault: { kind: "status", status: 429, retryAfterSeconds: 0 },
      times: 5,
    });
    const answer = await submit({ urls: photoUrls(61, "rate-limited") });
    const results = resultsOf(answer);
    expect(outcomes(results)).toEqual([...Array(60).fill("FAILED"), "NOT_SENT"]);
    expect(results[0]?.error?.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(count()).toBe(1);
  });

  it("a refused credential (403) FAILS the chunk and holds back the rest", async () => {
    h.carcutter.control.script({ operation: SUBMIT, fault: { kind: "status", status: 403 } });
    const answer = await submit({ urls: photoUrls(61, "forbidden") });
    expect(outcomes(resultsOf(answer))).toEqual([...Array(60).fill("FAILED"), "NOT_SENT"]);
    expect(count()).toBe(1);
  });
});
