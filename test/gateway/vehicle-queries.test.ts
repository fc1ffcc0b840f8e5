import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_VEHICLES, type SeedVehicle } from "../../src/emulators/carcutter/seed.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { errorsOf, expectNoErrors, onlyError, present } from "../support/operations.js";

/** Vehicles, their features and global ids, read through the gateway and counted at CarCutter. */

const LIST = "POST /vehicle/list";
const STATUS = "GET /vehicle/status";
const FEATURES = "GET /vehicle/features";
const FEATURE = "GET /vehicle/feature";

interface VehicleNode {
  id: string;
  vehicleId: string;
  status: string | null;
  statusUpdatedAt: string | null;
  manufacturer: string | null;
}
interface Page {
  vehicles: {
    edges: { cursor: string; node: VehicleNode }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query ($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {
  vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const clock = new ManualClock();
let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ clock });
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const count = (operation: string) => h.carcutter.control.count(operation);
const idsOf = (page: Page) => page.vehicles.edges.map((e) => e.node.vehicleId);
const seed = (pick: (v: SeedVehicle) => boolean) => present(SEED_VEHICLES.find(pick), "seed");

async function page(variables: Record<string, unknown>): Promise<Page> {
  const result = await h.execute<Page>(PAGE, variables);
  expectNoErrors(result);
  return present(result.data, "data");
}

describe("vehicle(vehicleId)", () => {
  it("answers a known vehicle with its fields, its status mapped and its timestamp read as UTC", async () => {
    const bmw = seed((v) => v.details.vehicle_manufacturer === "BMW" && v.app_status === "active");
    const result = await h.execute<{
      vehicle: VehicleNode & { model: string | null; color: string | null; lot: string | null };
    }>(
      `query ($id: String!) { vehicle(vehicleId: $id) {
        id vehicleId status statusUpdatedAt manufacturer model color lot } }`,
      { id: bmw.vehicle_id },
    );
    expectNoErrors(result);
    expect(result.data?.vehicle).toMatchObject({
      vehicleId: bmw.vehicle_id,
      status: bmw.app_status.toUpperCase(),
      manufacturer: bmw.details.vehicle_manufacturer,
      model: bmw.details.vehicle_model,
      color: bmw.details.vehicle_color,
      lot: bmw.details.vehicle_lot,
      // The emulator writes "YYYY/MM/DD, hh:mm:ss" for this instant; the gateway reads it as UTC.
      statusUpdatedAt: new Date(clock.now() - bmw.updatedAgoMs).toISOString(),
    });
    expect(count(STATUS)).toBe(1);
  });

  it("answers null, without an error, for a vehicle CarCutter does not have", async () => {
    const result = await h.execute(`{ vehicle(vehicleId: "NO-SUCH-VEHICLE") { vehicleId } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ vehicle: null });
    expect(count(STATUS)).toBe(1);
  });

  it("a blank vehicleId is refused before any call, naming the argument", async () => {
    const error = onlyError(await h.execute(`{ vehicle(vehicleId: "   ") { vehicleId } }`));
    expect(error.message).toMatch(/vehicleId: must not be empty/);
    expect(count(STATUS)).toBe(0);
  });
});

describe("vehicles (Relay connection)", () => {
  it("first/after pages through every vehicle once, in the order of one big page, with consistent pageInfo", async () => {
    const all = idsOf(await page({ first: 100 }));
    expect(all.length).toBeGreaterThan(4);
    h.carcutter.control.reset();

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const current: Page = await page({ first: 4, after });
      const { edges, pageInfo } = current.vehicles;
      pages++;
      expect(edges.length).toBeLessThanOrEqual(4);
      expect(pageInfo.startCursor).toBe(edges[0]?.cursor);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor);
      expect(pageInfo.hasPreviousPage).toBe(pages > 1);
      seen.push(...idsOf(current));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(count(LIST)).toBe(pages);
  });

  it("orderBy sorts by last update, DESC newest first (the default) and ASC oldest first", async () => {
    const times = (p: Page) =>
      p.vehicles.edges.map((e) => Date.parse(e.node.statusUpdatedAt ?? ""));
    const byDefault = await page({ first: 100 });
    const desc = await page({ first: 100, orderBy: { direction: "DESC" } });
    const asc = await page({ first: 100, orderBy: { field: "LAST_UPDATE", direction: "ASC" } });
    expect(idsOf(byDefault)).toEqual(idsOf(desc));
    expect(times(desc)).toEqual([...times(desc)].sort((a, b) => b - a));
    expect(times(asc)).toEqual([...times(asc)].sort((a, b) => a - b));
    expect([...idsOf(asc)].sort()).toEqual([...idsOf(desc)].sort());
    expect(idsOf(asc)).not.toEqual(idsOf(desc));
  });

  it("a filter on several fields matches vehicles meeting all of them; values within a field are alternatives", async () => {
    const active = idsOf(await page({ first: 100, filter: { status: ["ACTIVE"] } }));
    const bmw = idsOf(await page({ first: 100, filter: { manufacturer: ["BMW"] } }));
    h.carcutter.control.reset();
    const both = await page({ first: 100, filter: { status: ["ACTIVE"], manufacturer: ["BMW"] } });
    expect(idsOf(both)).toEqual(active.filter((id) => bmw.includes(id)));
    expect(idsOf(both).length).toBeGreaterThan(0);
    expect(idsOf(both).length).toBeLessThan(Math.min(active.length, bmw.length));
    for (const { node } of both.vehicles.edges) {
      expect(node).toMatchObject({ status: "ACTIVE", manufacturer: "BMW" });
    }
    expect(count(LIST)).toBe(1);

    const either = idsOf(await page({ first: 100, filter: { status: ["ACTIVE", "NEW"] } }));
    const onlyNew = idsOf(await page({ first: 100, filter: { status: ["NEW"] } }));
    expect([...either].sort()).toEqual([...active, ...onlyNew].sort());
  });

  it("last with before answers the items just before that cursor", async () => {
    const first = await page({ first: 5 });
    const all = idsOf(first);
    const before = present(first.vehicles.edges[4]).cursor;
    const result = await h.execute<Page>(
      `query ($before: String) { vehicles(last: 2, before: $before) {
        edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      { before },
    );
    expectNoErrors(result);
    const backwards = present(result.data);
    expect(idsOf(backwards)).toEqual(all.slice(2, 4));
    expect(backwards.vehicles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("last without before is refused with a clear error and no upstream call", async () => {
    const result = await h.execute(`{ vehicles(last: 2) { edges { cursor } } }`);
    const error = onlyError(result);
    expect(error.message).toMatch(/"last".*"before"/);
    expect(error.message).not.toMatch(/Unexpected error/);
    expect(count(LIST)).toBe(0);
  });

  it("a page larger than 100 is refused naming the argument, before any upstream call", async () => {
    const result = await h.execute(`{ vehicles(first: 101) { edges { cursor } } }`);
    expect(result.data?.vehicles).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/first: at most 100 vehicles per page, got 101/);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(h.carcutter.control.count("POST /vehicle/list")).toBe(0);
  });

  it("a page of 7 vehicles reads their features with 7 calls, one per vehicle, and primes the vehicles", async () => {
    const result = await h.execute<{
      vehicles: { edges: { node: { vehicleId: string; features: { featureId: string }[] } }[] };
    }>(`{ vehicles(first: 7) { edges { node { vehicleId features { featureId } } } } }`);
    expectNoErrors(result);
    const nodes = present(result.data).vehicles.edges.map((e) => e.node);
    expect(nodes).toHaveLength(7);
    for (const node of nodes) {
      const seeded = seed((v) => v.vehicle_id === node.vehicleId);
      expect(node.features.map((f) => f.featureId)).toEqual(
        seeded.features.map((f) => f.feature_id),
      );
    }
    expect(count(FEATURES)).toBe(7);
    expect(count(LIST)).toBe(1);
    expect(count(STATUS)).toBe(0);
  });
});

describe("vehiclesToShoot", () => {
  it("lists exactly the vehicles with status NEW, with one shotlist call", async () => {
    const fresh = idsOf(await page({ first: 100, filter: { status: ["NEW"] } }));
    h.carcutter.control.reset();
    const result = await h.execute<{ vehiclesToShoot: { vehicleId: string; status: string }[] }>(
      "{ vehiclesToShoot { vehicleId status } }",
    );
    expectNoErrors(result);
    const shots = present(result.data).vehiclesToShoot;
    expect(shots.map((v) => v.vehicleId).sort()).toEqual([...fresh].sort());
    expect(shots.every((v) => v.status === "NEW")).toBe(true);
    expect(h.carcutter.control.counts()).toEqual({ "GET /vehicle/shotlist": 1 });
  });
});

describe("features", () => {
  it("the same vehicle named twice in one operation costs one vehicle call and one features call", async () => {
    const { vehicle_id } = seed((v) => v.features.length > 1);
    const result = await h.execute(
      `query ($id: String!) {
        a: vehicle(vehicleId: $id) { features { title } }
        b: vehicle(vehicleId: $id) { vehicleId features { featureId } }
      }`,
      { id: vehicle_id },
    );
    expectNoErrors(result);
    expect(count(STATUS)).toBe(1);
    expect(count(FEATURES)).toBe(1);
  });

  it("a vehicle's features are requested while the vehicle itself is still being read", async () => {
    const { vehicle_id, features } = seed((v) => v.features.length > 1);
    const client = h.runtime.carcutter;
    const readVehicle = client.vehicle.bind(client);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    client.vehicle = async (id, signal) => {
      await held;
      return readVehicle(id, signal);
    };
    try {
      const pending = h.execute<{ vehicle: { features: unknown[] } }>(
        `query ($id: String!) { vehicle(vehicleId: $id) { vehicleId features { title } } }`,
        { id: vehicle_id },
      );
      await expect.poll(() => count(FEATURES)).toBe(1);
      expect(count(STATUS)).toBe(0);
      release();
      const result = await pending;
      expectNoErrors(result);
      expect(present(result.data).vehicle.features).toHaveLength(features.length);
      expect(count(FEATURES)).toBe(1);
    } finally {
      client.vehicle = readVehicle;
    }
  });

  it("a vehicle query that does not select features makes no features call", async () => {
    const { vehicle_id } = seed((v) => v.features.length > 1);
    expectNoErrors(
      await h.execute(`query ($id: String!) { vehicle(vehicleId: $id) { vehicleId } }`, {
        id: vehicle_id,
      }),
    );
    expect(count(FEATURES)).toBe(0);
  });

  it("feature(featureId) answers a feature with its vehicle; an unknown id answers null", async () => {
    const owner = seed((v) => v.features.some((f) => f.description !== undefined));
    const wanted = present(owner.features.find((f) => f.description !== undefined));
    const result = await h.execute<{
      feature: {
        featureId: string;
        title: string;
        description: string | null;
        icon: string;
        type: string;
        vehicle: { vehicleId: string; manufacturer: string | null };
      };
      missing: unknown;
    }>(
      `query ($id: String!) {
        feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }
        missing: feature(featureId: "no-such-feature") { featureId }
      }`,
      { id: wanted.feature_id },
    );
    expectNoErrors(result);
    expect(result.data?.feature).toEqual({
      featureId: wanted.feature_id,
      title: wanted.title,
      description: wanted.description,
      icon: wanted.icon,
      type: wanted.type,
      vehicle: { vehicleId: owner.vehicle_id, manufacturer: owner.details.vehicle_manufacturer },
    });
    expect(result.data?.missing).toBeNull();
    expect(count(FEATURE)).toBe(2);
    expect(count(STATUS)).toBe(1);
  });
});

describe("node(id)", () => {
  it("global ids of vehicles and features round-trip through node(id)", async () => {
    const owner = seed((v) => v.features.length > 0);
    const ids = await h.execute<{
      vehicle: { id: string; features: { id: string; featureId: string }[] };
    }>(`query ($v: String!) { vehicle(vehicleId: $v) { id features { id featureId } } }`, {
      v: owner.vehicle_id,
    });
    expectNoErrors(ids);
    const vehicle = present(ids.data).vehicle;
    const feature = present(vehicle.features[0]);
    expect(vehicle.id).not.toBe(owner.vehicle_id);

    const result = await h.execute<{
      v: { __typename: string; id: string; vehicleId: string };
      f: { __typename: string; id: string; featureId: string };
    }>(
      `query ($v: ID!, $f: ID!) {
        v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }
        f: node(id: $f) { __typename id ... on Feature { featureId } }
      }`,
      { v: vehicle.id, f: feature.id },
    );
    expectNoErrors(result);
    expect(result.data).toEqual({
      v: { __typename: "Vehicle", id: vehicle.id, vehicleId: owner.vehicle_id },
      f: { __typename: "Feature", id: feature.id, featureId: feature.featureId },
    });
  });

  it("a malformed global id is an error, not a crash", async () => {
    const result = await h.execute(`{ node(id: "not-a-global-id") { id } }`);
    expect(errorsOf(result).length).toBeGreaterThan(0);
    expect(result.data).toEqual({ node: null });
    expect(JSON.stringify(result)).not.toMatch(/Unexpected error/);
  });
});
