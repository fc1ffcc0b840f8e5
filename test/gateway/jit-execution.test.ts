import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/logger.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Queries run through graphql-jit from their document's second run (src/gateway/jit-execution.ts).
 * Each query here runs three times: the first with graphql-js, the next two compiled; the three
 * answers (status, data, errors, cost) and the upstream calls each made must be the same, on the
 * cases graphql-jit got wrong or differently when it was first tried: defaults of required input
 * fields, and the errors of wrong variables.
 */

const compiled: (string | undefined)[] = [];
const logger: Logger = {
  debug: (entry) => {
    const { event, operation } = entry as { event?: string; operation?: string };
    if (event === "jit.compiled") compiled.push(operation);
  },
  warn: () => {},
  error: () => {},
};

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ logger });
});
afterAll(() => h.close());

const PAGE = `query JitPage($first: Int, $orderBy: VehicleOrder, $filter: VehicleFilter) {
  vehicles(first: $first, orderBy: $orderBy, filter: $filter) {
    edges { node { vehicleId status statusUpdatedAt manufacturer } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const VEHICLE = `query JitVehicle($id: String!, $withFeatures: Boolean!, $skipImages: Boolean = false) {
  __typename
  first: vehicle(vehicleId: $id) { ...Parts features @include(if: $withFeatures) { featureId title type } }
  again: vehicle(vehicleId: $id) { vehicleId images @skip(if: $skipImages) { url status } }
  missing: vehicle(vehicleId: "WAUZZZ8K9BA000000") { vehicleId }
}
fragment Parts on Vehicle { vehicleId manufacturer model color status }`;

/** Runs `query` three times (graphql-js, then twice compiled) and gives each run's answer and calls. */
async function threeRuns(query: string, variables: Record<string, unknown>) {
  const runs = [];
  for (let run = 0; run < 3; run++) {
    h.carcutter.control.reset();
    const answer = await h.execute(query, variables);
    runs.push({
      status: answer.status,
      data: answer.data,
      errors: answer.errors,
      calls: h.carcutter.control.counts(),
    });
  }
  return runs;
}

async function anyVehicleId(): Promise<string> {
  const page = await h.execute<{ vehicles: { edges: { node: { vehicleId: string } }[] } }>(
    "{ vehicles(first: 1) { edges { node { vehicleId } } } }",
    {},
  );
  const id = page.data?.vehicles.edges[0]?.node.vehicleId;
  if (id === undefined) throw new Error("the emulator has no vehicles");
  return id;
}

describe("queries compiled by graphql-jit answer as graphql-js does", () => {
  it("compiles a query on its second run, once, and answers the same three times", async () => {
    const id = await anyVehicleId();
    const before = compiled.length;
    const [js, jit, again] = await threeRuns(VEHICLE, { id, withFeatures: true });
    expect(compiled.slice(before)).toEqual(["JitVehicle"]);
    expect(js?.errors).toBeUndefined();
    expect(js?.data?.first).toMatchObject({ vehicleId: id });
    expect(js?.data?.missing).toBeNull();
    expect(jit).toEqual(js);
    expect(again).toEqual(js);
    // One status call for both aliases and one features call: batching survives compilation.
    expect(Object.values(js?.calls ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("@skip and @include with variables select the same fields", async () => {
    const id = await anyVehicleId();
    const [js, jit] = await threeRuns(VEHICLE, { id, withFeatures: false, skipImages: true });
    expect(js?.data?.first).not.toHaveProperty("features");
    expect(js?.data?.again).not.toHaveProperty("images");
    expect(jit).toEqual(js);
  });

  it("a required input field left out gets its default (VehicleOrder.field = LAST_UPDATE)", async () => {
    const before = compiled.length;
    const runs = await threeRuns(PAGE, { first: 50, orderBy: { direction: "ASC" } });
    expect(compiled.length - before).toBe(1);
    for (const run of runs) {
      expect(run.errors).toBeUndefined();
      const page = run.data?.vehicles as { edges: { node: { statusUpdatedAt: string } }[] };
      const times = page.edges.map((e) => Date.parse(e.node.statusUpdatedAt));
      expect(times.length).toBeGreaterThan(2);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("a wrong variable gets graphql-js's error, word for word, as a 400 with no upstream call", async () => {
    await threeRuns(PAGE, { first: 1 }); // compiled now
    const runs = await threeRuns(PAGE, {
      first: "ten",
      orderBy: { field: "NEWEST", direction: "ASC", extra: 1 },
    });
    const [js] = runs;
    expect(js?.status).toBe(400);
    const messages = (js?.errors ?? []).map((e) => e.message);
    expect(messages).toContain(
      'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
    );
    expect(
      messages.some((m) => m.includes('Value "NEWEST" does not exist in "VehicleOrderField"')),
    ).toBe(true);
    expect(
      messages.some((m) => m.includes('Field "extra" is not defined by type "VehicleOrder"')),
    ).toBe(true);
    expect(js?.calls).toEqual({});
    expect(runs[1]).toEqual(js);
    expect(runs[2]).toEqual(js);
  });

  it("a required variable left out is refused alike", async () => {
    const runs = await threeRuns(VEHICLE, { withFeatures: true });
    expect(runs[0]?.status).toBe(400);
    expect(runs[0]?.errors?.[0]?.message).toBe(
      'Variable "$id" of required type "String!" was not provided.',
    );
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("a field's own error keeps its message, code and path", async () => {
    const query = `query JitBlank($id: String!) { vehicle(vehicleId: $id) { vehicleId } }`;
    const runs = await threeRuns(query, { id: " " });
    expect(runs[0]?.errors?.[0]?.path).toEqual(["vehicle"]);
    expect(runs[0]?.errors?.[0]?.extensions?.code).toBeDefined();
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("a failed batch nulls its own list items, each with its error and path (null propagation)", async () => {
    const query = `query JitStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }`;
    const urls = ["https://photos.example.com/jit-1.jpg", "https://photos.example.com/jit-2.jpg"];
    const runs = [];
    for (let run = 0; run < 3; run++) {
      h.carcutter.control.reset();
      h.carcutter.control.script({
        operation: CARCUTTER.imageStatuses.name,
        fault: { kind: "status", status: 500 },
        times: 10,
      });
      const answer = await h.execute(query, { urls });
      runs.push({ data: answer.data, errors: answer.errors, calls: h.carcutter.control.counts() });
    }
    expect(compiled).toContain("JitStatuses");
    expect(runs[0]?.data).toEqual({ images: [null, null] });
    expect(runs[0]?.errors?.map((e) => e.path)).toEqual([
      ["images", 0],
      ["images", 1],
    ]);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("an interface resolves each object to its own type, the same id asked twice included (node(id))", async () => {
    const page = await h.execute<{
      vehicles: { edges: { node: { id: string; features: { id: string }[] } }[] };
    }>("{ vehicles(first: 50) { edges { node { id features { id } } } } }", {});
    const withFeatures = page.data?.vehicles.edges.find((e) => e.node.features.length > 0)?.node;
    const vehicle = withFeatures?.id;
    const feature = withFeatures?.features[0]?.id;
    expect(vehicle).toBeDefined();
    expect(feature).toBeDefined();
    const query = `query JitNodes($v: ID!, $f: ID!) {
      a: node(id: $v) { __typename id ... on Vehicle { vehicleId manufacturer } ... on Feature { title } }
      again: node(id: $v) { __typename ... on Vehicle { vehicleId } }
      b: node(id: $f) { __typename id ... on Vehicle { vehicleId } ... on Feature { featureId title } }
    }`;
    const runs = await threeRuns(query, { v: vehicle, f: feature });
    expect(compiled).toContain("JitNodes");
    expect(runs[0]?.errors).toBeUndefined();
    const data = runs[0]?.data as Record<string, { __typename: string }> | undefined;
    expect([data?.a?.__typename, data?.again?.__typename, data?.b?.__typename]).toEqual([
      "Vehicle",
      "Vehicle",
      "Feature",
    ]);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("mutations are never compiled", async () => {
    const id = await anyVehicleId();
    const before = compiled.length;
    const mutation = `mutation JitNoop($id: String!) { deleteVehicleFeatures(vehicleId: $id) { __typename } }`;
    for (let run = 0; run < 3; run++) await h.execute(mutation, { id: `${id}X` });
    expect(compiled.slice(before)).toEqual([]);
  });

  it("an operation name other than the document's is refused, compiled or not", async () => {
    const query = `query JitNamed { __typename }`;
    await threeRuns(query, {});
    const answers = [];
    for (let run = 0; run < 2; run++) {
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, operationName: "Other" }),
      });
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[0]?.body).toMatchObject({
      errors: [{ message: "Could not determine what operation to execute." }],
    });
    expect(answers[0]?.body).not.toHaveProperty("data.__typename");
    expect(answers[1]).toEqual(answers[0]);
  });

  it("a variable's own default in the document gets its input fields' defaults too", async () => {
    const query = `query JitOwnDefault($orderBy: VehicleOrder = { direction: ASC }) {
      vehicles(first: 50, orderBy: $orderBy) { edges { node { statusUpdatedAt } } }
    }`;
    const runs = await threeRuns(query, {});
    for (const run of runs) {
      expect(run.errors).toBeUndefined();
      const page = run.data?.vehicles as { edges: { node: { statusUpdatedAt: string } }[] };
      const times = page.edges.map((e) => Date.parse(e.node.statusUpdatedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("an input object written in the document gets its fields' defaults", async () => {
    const query = `query JitLiteral { vehicles(first: 50, orderBy: { direction: ASC }) {
      edges { node { statusUpdatedAt } }
    } }`;
    const runs = await threeRuns(query, {});
    expect(runs[0]?.errors).toBeUndefined();
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
