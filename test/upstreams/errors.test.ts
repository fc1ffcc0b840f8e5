import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from "graphql";
import { errors as undiciErrors } from "undici";
import { describe, expect, it } from "vitest";
import { isUpstreamError, neverSent, UpstreamError } from "../../src/errors.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type CallContext, errorForNetwork } from "../../src/upstreams/failures.js";

const error = () =>
  new UpstreamError({
    code: "UPSTREAM_RATE_LIMITED",
    upstream: "carcutter",
    operation: CARCUTTER.imageStatuses.name,
    status: 429,
    retryAfterSeconds: 3,
    message:
      "CarCutter is rate limiting the gateway (HTTP 429 on GET /vehicle/image/status); try again in 3 s.",
    detail: `upstream said: ${"x".repeat(1000)}`,
  });

describe("UpstreamError", () => {
  it("serialises to its message and extensions only", () => {
    expect(JSON.parse(JSON.stringify(error()))).toEqual({
      message:
        "CarCutter is rate limiting the gateway (HTTP 429 on GET /vehicle/image/status); try again in 3 s.",
      extensions: {
        code: "UPSTREAM_RATE_LIMITED",
        upstream: "carcutter",
        operation: CARCUTTER.imageStatuses.name,
        status: 429,
        retryAfterSeconds: 3,
      },
    });
  });

  it("keeps the upstream's words on a non-enumerable property, truncated", () => {
    const e = error();
    expect(Object.keys(e)).not.toContain("upstreamDetail");
    expect(e.upstreamDetail?.length).toBe(501);
    expect(e.upstreamDetail?.endsWith("…")).toBe(true);
    expect(e.originalError).toBeUndefined();
  });

  it("is recognised by isUpstreamError and by class, and nothing else is", () => {
    expect(isUpstreamError(error())).toBe(true);
    expect(error()).toBeInstanceOf(UpstreamError);
    expect(isUpstreamError(new Error("x"))).toBe(false);
    expect(isUpstreamError({ extensions: { code: "UPSTREAM_UNAVAILABLE" } })).toBe(false);
  });

  it("reaches a GraphQL response with its message and extensions when a resolver throws it", async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          status: {
            type: GraphQLString,
            resolve: () => {
              throw error();
            },
          },
        },
      }),
    });
    const result = await graphql({ schema, source: "{ status }" });
    expect(result.data).toEqual({ status: null });
    const [located] = result.errors ?? [];
    // graphql-js wraps it with the path; the wrapped error's originalError is the UpstreamError
    // itself (a GraphQLError), which graphql-yoga's masking lets through.
    expect(located?.originalError).toBeInstanceOf(UpstreamError);
    expect(located?.toJSON()).toEqual({
      message: error().message,
      locations: [{ line: 1, column: 3 }],
      path: ["status"],
      extensions: error().extensions,
    });
  });
});

describe("never sent: only what certainly did not leave the gateway", () => {
  const ctx: CallContext = {
    upstream: "carcutter",
    operation: CARCUTTER.submitImages.name,
    dialect: { errorMessage: () => undefined, unauthorizedAdvice: "", forbiddenAdvice: "" },
  };
  const timeouts = { connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000 };
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
    code: "ECONNREFUSED",
  });
  const classified = (thrown: unknown, dispatched?: boolean) => {
    const failure = errorForNetwork(ctx, thrown, timeouts, dispatched);
    if (!failure) throw new Error("expected an upstream error");
    return failure;
  };

  it("a pool destroyed or closed under a request, or a reset, may have been billed", () => {
    for (const thrown of [
      new undiciErrors.ClientDestroyedError(),
      new undiciErrors.ClientClosedError(),
      new undiciErrors.SocketError("other side closed"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    ]) {
      const failure = classified(thrown);
      expect(failure.outcomeUnknown, String(thrown)).toBe(true);
      expect(neverSent(failure), String(thrown)).toBe(false);
    }
  });

  it("no connection, or a pool already shut before the request was handed to it, was never sent", () => {
    expect(neverSent(classified(refused))).toBe(true);
    expect(neverSent(classified(new undiciErrors.ConnectTimeoutError()))).toBe(true);
    expect(neverSent(classified(new undiciErrors.ClientClosedError(), false))).toBe(true);
    expect(neverSent(classified(new undiciErrors.ClientDestroyedError(), false))).toBe(true);
  });
});
