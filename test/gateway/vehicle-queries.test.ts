import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SEED_VEHICLES, type SeedVehicle } from "../../src/emulators/carcutter/seed.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { VehicleQueriesPageQuery, VehicleQueriesPageQueryVariables } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { errorsOf, expectNoErrors, onlyError, present } from "../support/operations.js";

/** Vehicles, their features and global ids, read through the gateway and counted at CarCutter. */

const LIST = CARCUTTER.listVehicles.name;
const STATUS = CARCUTTER.vehicle.name;
const FEATURES = CARCUTTER.features.name;
const FEATURE = CARCUTTER.feature.name;

const Page = graphql(`
  query VehicleQueriesPage($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {
    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);
type Connection = NonNullable<VehicleQueriesPageQuery["vehicles"]>;

const Vehicle = graphql(`
  query VehicleQueriesVehicle($id: String!) {
    vehicle(vehicleId: $id) { id vehicleId status statusUpdatedAt manufacturer model color lot }
  }
`);

const UnknownVehicle = graphql(`
  query VehicleQueriesUnknownVehicle { vehicle(vehicleId: "NO-SUCH-VEHICLE") { vehicleId } }
`);

const BlankVehicleId = graphql(`
  query VehicleQueriesBlankVehicleId { vehicle(vehicleId: "   ") { vehicleId } }
`);

const LastBefore = graphql(`
  query VehicleQueriesLastBefore($before: String) {
    vehicles(last: 2, before: $before) {
      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const LastWithoutBefore = graphql(`
  query VehicleQueriesLastWithoutBefore { vehicles(last: 2) { edges { cursor } } }
`);

const PageTooLarge = graphql(`
  query VehicleQueriesPageTooLarge { vehicles(first: 101) { edges { cursor } } }
`);

const SevenWithFeatures = graphql(`
  query VehicleQueriesSevenWithFeatures {
    vehicles(first: 7) { edges { node { vehicleId features { featureId } } } }
  }
`);

const ToShoot = graphql(`
  query VehicleQueriesToShoot { vehiclesToShoot { vehicleId status } }
`);

const SameVehicleTwice = graphql(`
  query VehicleQueriesSameVehicleTwice($id: String!) {
    a: vehicle(vehicleId: $id) { features { title } }
    b: vehicle(vehicleId: $id) { vehicleId features { featureId } }
  }
`);

const VehicleFeatures = graphql(`
  query VehicleQueriesVehicleFeatures($id: String!) {
    vehicle(vehicleId: $id) { vehicleId features { title } }
  }
`);

const VehicleIdOnly = graphql(`
  query VehicleQueriesVehicleIdOnly($id: String!) { vehicle(vehicleId: $id) { vehicleId } }
`);

const FeatureAndMissing = graphql(`
  query VehicleQueriesFeatureAndMissing($id: String!) {
    feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }
    missing: feature(featureId: "no-such-feature") { featureId }
  }
`);

const GlobalIds = graphql(`
  query VehicleQueriesGlobalIds($v: String!) {
    vehicle(vehicleId: $v) { id features { id featureId } }
  }
`);

const Nodes = graphql(`
  query VehicleQueriesNodes($v: ID!, $f: ID!) {
    v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }
    f: node(id: $f) { __typename id ... on Feature { featureId } }
  }
`);

const MalformedNode = graphql(`
  query VehicleQueriesMalformedNode { node(id: "not-a-global-id") { id } }
`);

const clock = new ManualClock();
let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ clock });
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const count = (operation: string) => h.carcutter.control.count(operation);
const idsOf = (page: { edges: readonly { node: { vehicleId: string } }[] }) =>
  page.edges.map((e) => e.node.vehicleId);
const seed = (pick: (v: SeedVehicle) => boolean) => present(SEED_VEHICLES.find(pick), "seed");

async function page(variables: VehicleQueriesPageQueryVariables): Promise<Connection> {
  const result = await h.run(Page, variables);
  expectNoErrors(result);
  return present(present(result.data, "data").vehicles, "vehicles");
}

describe("vehicle(vehicleId)", () => {
  it("answers a known vehicle with its fields, its status mapped and its timestamp read as UTC", async () => {
    const bmw = seed((v) => v.details.vehicle_manufacturer === "BMW" && v.app_status === "active");
    const result = await h.run(Vehicle, { id: bmw.vehicle_id });
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
    const result = await h.run(UnknownVehicle);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ vehicle: null });
    expect(count(STATUS)).toBe(1);
  });

  it("a blank vehicleId is refused before any call, naming the argument", async () => {
    const error = onlyError(await h.run(BlankVehicleId));
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
      const current: Connection = await page({ first: 4, after });
      const { edges, pageInfo } = current;
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
    const times = (p: Connection) => p.edges.map((e) => Date.parse(e.node.statusUpdatedAt ?? ""));
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
    for (const { node } of both.edges) {
      expect(node).toMatchObject({ status: "ACTIVE", manufacturer: "BMW" });
    }
    expect(count(LIST)).toBe(1);

    const either = idsOf(await page({ first: 100, filter: { status: ["ACTIVE", "NEW"] } }));
    const onlyNew = idsOf(await page({ first: 100, filter: { status: ["NEW"] } }));
    expect([...either].sort()).toEqual([...active, ...onlyNew].sort());
  });

  it("makes, models and colours match whatever their case, each page still one list call", async () => {
    const makes = [...new Set(SEED_VEHICLES.map((v) => v.details.vehicle_manufacturer ?? ""))];
    expect(makes).toEqual(expect.arrayContaining(["BMW", "Mercedes-Benz", "Škoda"]));
    for (const make of makes.filter((m) => m !== "")) {
      const exact = idsOf(await page({ first: 100, filter: { manufacturer: [make] } }));
      expect(exact.length).toBeGreaterThan(0);
      for (const typed of [make.toLowerCase(), make.toUpperCase()]) {
        h.carcutter.control.reset();
        const found = await page({ first: 100, filter: { manufacturer: [typed] } });
        expect(idsOf(found), typed).toEqual(exact);
        expect(count(LIST)).toBe(1);
      }
    }
    const mustang = seed((v) => v.details.vehicle_color === "Race Red");
    const byColour = await page({
      first: 100,
      filter: { color: ["race red"], model: ["MUSTANG"] },
    });
    expect(idsOf(byColour)).toEqual([mustang.vehicle_id]);
    // Other fields still match exactly.
    const lot = present(mustang.details.vehicle_lot, "lot");
    const wrongCase = await page({ first: 100, filter: { lot: [lot.toLowerCase()] } });
    expect(idsOf(wrongCase)).toEqual(lot === lot.toLowerCase() ? [mustang.vehicle_id] : []);
  });

  it("last with before answers the items just before that cursor", async () => {
    const first = await page({ first: 5 });
    const all = idsOf(first);
    const before = present(first.edges[4]).cursor;
    const result = await h.run(LastBefore, { before });
    expectNoErrors(result);
    const backwards = present(present(result.data).vehicles);
    expect(idsOf(backwards)).toEqual(all.slice(2, 4));
    expect(backwards.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("last without before is refused with a clear error and no upstream call", async () => {
    const result = await h.run(LastWithoutBefore);
    const error = onlyError(result);
    expect(error.message).toMatch(/"last".*"before"/);
    expect(error.message).not.toMatch(/Unexpected error/);
    expect(count(LIST)).toBe(0);
  });

  it("a page larger than 100 is refused naming the argument, before any upstream call", async () => {
    const result = await h.run(PageTooLarge);
    expect(result.data?.vehicles).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/first: at most 100 vehicles per page, got 101/);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(h.carcutter.control.count(CARCUTTER.listVehicles.name)).toBe(0);
  });

  it("a page of 7 vehicles reads their features with 7 calls, one per vehicle, and primes the vehicles", async () => {
    const result = await h.run(SevenWithFeatures);
    expectNoErrors(result);
    const nodes = present(present(result.data).vehicles).edges.map((e) => e.node);
    expect(nodes).toHaveLength(7);
    for (const node of nodes) {
      const seeded = seed((v) => v.vehicle_id === node.vehicleId);
      expect(present(node.features).map((f) => f.featureId)).toEqual(
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
    const result = await h.run(ToShoot);
    expectNoErrors(result);
    const shots = present(present(result.data).vehiclesToShoot);
    expect(shots.map((v) => v.vehicleId).sort()).toEqual([...fresh].sort());
    expect(shots.every((v) => v.status === "NEW")).toBe(true);
    expect(h.carcutter.control.counts()).toEqual({ [CARCUTTER.shotlist.name]: 1 });
  });
});

describe("features", () => {
  it("the same vehicle named twice in one operation costs one vehicle call and one features call", async () => {
    const { vehicle_id } = seed((v) => v.features.length > 1);
    const result = await h.run(SameVehicleTwice, { id: vehicle_id });
    expectNoErrors(result);
    expect(count(STATUS)).toBe(1);
    expect(count(FEATURES)).toBe(1);
  });

  it("a vehicle's features are requested while the vehicle itself is still being read", async () => {
    const { vehicle_id, features } = seed((v) => v.features.length > 1);
    const client = h.runtime.carcutter;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The request's view of the client holds its vehicle read until released.
    const forRequest = client.forRequest.bind(client);
    const spy = vi.spyOn(client, "forRequest").mockImplementation((scope) => {
      const view = forRequest(scope);
      const readVehicle = view.vehicle.bind(view);
      view.vehicle = async (id) => {
        await held;
        return readVehicle(id);
      };
      return view;
    });
    try {
      const pending = h.run(VehicleFeatures, { id: vehicle_id });
      await expect.poll(() => count(FEATURES)).toBe(1);
      expect(count(STATUS)).toBe(0);
      release();
      const result = await pending;
      expectNoErrors(result);
      expect(present(present(result.data).vehicle).features).toHaveLength(features.length);
      expect(count(FEATURES)).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("a vehicle query that does not select features makes no features call", async () => {
    const { vehicle_id } = seed((v) => v.features.length > 1);
    expectNoErrors(await h.run(VehicleIdOnly, { id: vehicle_id }));
    expect(count(FEATURES)).toBe(0);
  });

  it("feature(featureId) answers a feature with its vehicle; an unknown id answers null", async () => {
    const owner = seed((v) => v.features.some((f) => f.description !== undefined));
    const wanted = present(owner.features.find((f) => f.description !== undefined));
    const result = await h.run(FeatureAndMissing, { id: wanted.feature_id });
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
    const ids = await h.run(GlobalIds, { v: owner.vehicle_id });
    expectNoErrors(ids);
    const vehicle = present(present(ids.data).vehicle);
    const feature = present(present(vehicle.features)[0]);
    expect(vehicle.id).not.toBe(owner.vehicle_id);

    const result = await h.run(Nodes, { v: vehicle.id, f: feature.id });
    expectNoErrors(result);
    expect(result.data).toEqual({
      v: { __typename: "Vehicle", id: vehicle.id, vehicleId: owner.vehicle_id },
      f: { __typename: "Feature", id: feature.id, featureId: feature.featureId },
    });
  });

  it("a malformed global id is an error, not a crash", async () => {
    const result = await h.run(MalformedNode);
    expect(errorsOf(result).length).toBeGreaterThan(0);
    expect(result.data).toEqual({ node: null });
    expect(JSON.stringify(result)).not.toMatch(/Unexpected error/);
  });
});
