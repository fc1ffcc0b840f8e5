import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { isUpstreamError, UpstreamError } from "../../src/errors.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";

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
