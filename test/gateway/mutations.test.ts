import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_DEFAULT_CARCUTTER_TOKEN } from "../../src/config.js";
import type { VehicleDto } from "../../src/upstreams/carcutter/dto.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { CreateFeatureInput, UpsertVehicleInput } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, onlyError, present } from "../support/operations.js";

/** Vehicle and feature mutations: what reaches CarCutter, typed results, and call counts. */

const UPSERT = CARCUTTER.upsertVehicle.name;
const DELETE = CARCUTTER.deleteVehicle.name;
const CREATE_FEATURE = CARCUTTER.createFeature.name;

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ env: { UPSTREAM_BREAKER_FAILURES: "100" } });
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const count = (operation: string) => h.carcutter.control.count(operation);
let serial = 0;
const newVehicleId = () => `TEST-VEHICLE-${++serial}`;

/** The vehicle as the CarCutter emulator holds it, read directly (not through the gateway). */
async function atCarCutter(vehicleId: string): Promise<VehicleDto> {
  const url = new URL("/vehicle/status", h.emulators.carcutter.server.url);
  url.searchParams.set("vehicle_id", vehicleId);
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${EMULATOR_DEFAULT_CARCUTTER_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { vehicle: VehicleDto }).vehicle;
}

const UpsertVehicle = graphql(`
  mutation MutationsUpsertVehicle($input: UpsertVehicleInput!) {
    upsertVehicle(input: $input) {
      __typename
      ... on Vehicle { vehicleId status manufacturer model modelExtension color location lot customReference suggestedGuidelineId }
      ... on InputValidationError { code message issues { path message } }
    }
  }
`);

async function upsert(input: UpsertVehicleInput) {
  const result = await h.run(UpsertVehicle, { input });
  expectNoErrors(result);
  return present(result.data).upsertVehicle;
}

const CreateFeature = graphql(`
  mutation MutationsCreateFeature($input: CreateFeatureInput!) {
    createFeature(input: $input) {
      __typename
      ... on Feature { featureId title icon type description ruleName annotationId detailImageId vehicle { vehicleId } }
      ... on NotFoundError { code resource resourceId message }
      ... on InputValidationError { issues { path message } }
    }
  }
`);

async function createFeature(input: CreateFeatureInput) {
  const result = await h.run(CreateFeature, { input });
  expectNoErrors(result);
  return present(result.data).createFeature;
}

/** The id of a feature created for a test's setup. */
async function newFeatureId(input: CreateFeatureInput): Promise<string> {
  const created = await createFeature(input);
  if (created.__typename !== "Feature") throw new Error(`unexpected ${created.__typename}`);
  return created.featureId;
}

const DeleteVehicle = graphql(`
  mutation MutationsDeleteVehicle($id: String!) {
    deleteVehicle(vehicleId: $id) {
      __typename ... on Vehicle { vehicleId status } ... on NotFoundError { code resource resourceId }
    }
  }
`);

const VehicleStatus = graphql(`
  query MutationsVehicleStatus($id: String!) { vehicle(vehicleId: $id) { status } }
`);

const Feature = graphql(`
  query MutationsFeature($id: String!) {
    feature(featureId: $id) { title description ruleName annotationId vehicle { vehicleId } }
  }
`);

const DeleteFeature = graphql(`
  mutation MutationsDeleteFeature($id: String!) {
    deleteFeature(featureId: $id) {
      __typename ... on DeleteFeaturesPayload { deletedFeatureIds } ... on NotFoundError { resource resourceId }
    }
  }
`);

const FeatureTitle = graphql(`
  query MutationsFeatureTitle($id: String!) { feature(featureId: $id) { title } }
`);

const DeleteVehicleFeatures = graphql(`
  mutation MutationsDeleteVehicleFeatures($id: String!) {
    deleteVehicleFeatures(vehicleId: $id) {
      __typename ... on DeleteFeaturesPayload { deletedFeatureIds }
    }
  }
`);

const TwoVehiclesFeatures = graphql(`
  query MutationsTwoVehiclesFeatures($a: String!, $b: String!) {
    a: vehicle(vehicleId: $a) { features { featureId } }
    b: vehicle(vehicleId: $b) { features { featureId } }
  }
`);

const DeleteNoFeatures = graphql(`
  mutation MutationsDeleteNoFeatures {
    deleteVehicleFeatures(vehicleId: "NO-FEATURES") { ... on DeleteFeaturesPayload { deletedFeatureIds } }
  }
`);

describe("upsertVehicle", () => {
  it("creates a vehicle: every field reaches CarCutter under its wire name, and the vehicle comes back NEW", async () => {
    const vehicleId = newVehicleId();
    const input = {
      vehicleId,
      manufacturer: "Audi",
      model: "A6",
      modelExtension: "Avant 40 TDI",
      color: "Daytonagrau",
      location: "Köln",
      lot: "E-1",
      customReference: "STK-9",
      suggestedGuidelineId: "guideline-7",
    };
    expect(await upsert(input)).toEqual({ __typename: "Vehicle", status: "NEW", ...input });
    expect(count(UPSERT)).toBe(1);
    expect(await atCarCutter(vehicleId)).toMatchObject({
      vehicle_id: vehicleId,
      app_status: "new",
      vehicle_manufacturer: "Audi",
      vehicle_model: "A6",
      vehicle_model_ext: "Avant 40 TDI",
      vehicle_color: "Daytonagrau",
      vehicle_location: "Köln",
      vehicle_lot: "E-1",
      custom_reference: "STK-9",
      suggested_guideline_id: "guideline-7",
    });
  });

  it("updates only the fields given, leaves the others, and sends none that were left out", async () => {
    const vehicleId = newVehicleId();
    await upsert({ vehicleId, manufacturer: "Seat", model: "Leon" });
    const updated = await upsert({ vehicleId, color: "Rot" });
    expect(updated).toMatchObject({ manufacturer: "Seat", model: "Leon", color: "Rot", lot: null });
    const stored = await atCarCutter(vehicleId);
    expect(Object.keys(stored).sort()).toEqual(
      [
        "app_status",
        "app_status_updated",
        "vehicle_color",
        "vehicle_id",
        "vehicle_manufacturer",
        "vehicle_model",
      ].sort(),
    );
  });

  it("an empty optional string is an InputValidationError naming the field, and nothing is sent", async () => {
    const answer = await upsert({ vehicleId: newVehicleId(), manufacturer: "Opel", color: "" });
    expect(answer).toMatchObject({
      __typename: "InputValidationError",
      code: "INVALID_INPUT",
      issues: [{ path: ["input", "color"], message: expect.stringMatching(/must not be empty/) }],
    });
    expect(count(UPSERT)).toBe(0);
  });

  it("a blank vehicleId is an InputValidationError naming vehicleId", async () => {
    const answer = await upsert({ vehicleId: "  " });
    expect(answer).toMatchObject({
      __typename: "InputValidationError",
      issues: [{ path: ["input", "vehicleId"] }],
    });
    expect(count(UPSERT)).toBe(0);
  });
});

describe("deleteVehicle", () => {
  it("deletes softly: the vehicle comes back DELETED and reads DELETED afterwards", async () => {
    const vehicleId = newVehicleId();
    await upsert({ vehicleId, manufacturer: "Mini" });
    const result = await h.run(DeleteVehicle, { id: vehicleId });
    expectNoErrors(result);
    expect(result.data).toEqual({
      deleteVehicle: { __typename: "Vehicle", vehicleId, status: "DELETED" },
    });
    expect(count(DELETE)).toBe(1);
    expect((await atCarCutter(vehicleId)).app_status).toBe("deleted");
    const read = await h.run(VehicleStatus, { id: vehicleId });
    expect(read.data).toEqual({ vehicle: { status: "DELETED" } });
  });

  it("an unknown vehicle is a NotFoundError result naming it", async () => {
    const result = await h.run(DeleteVehicle, { id: "NO-SUCH-VEHICLE" });
    expectNoErrors(result);
    expect(result.data).toEqual({
      deleteVehicle: {
        __typename: "NotFoundError",
        code: "NOT_FOUND",
        resource: "Vehicle",
        resourceId: "NO-SUCH-VEHICLE",
      },
    });
    expect(count(DELETE)).toBe(1);
  });
});

describe("createFeature", () => {
  it("creates a feature on an existing vehicle; it reads back through feature(featureId)", async () => {
    const vehicleId = newVehicleId();
    await upsert({ vehicleId });
    const created = await createFeature({
      vehicleId,
      title: "Tow bar",
      icon: "tow",
      type: "text",
      description: "Detachable",
      ruleName: "practical",
    });
    expect(created).toMatchObject({
      __typename: "Feature",
      title: "Tow bar",
      icon: "tow",
      type: "text",
      description: "Detachable",
      ruleName: "practical",
      annotationId: null,
      detailImageId: null,
      vehicle: { vehicleId },
    });
    expect(count(CREATE_FEATURE)).toBe(1);
    if (created.__typename !== "Feature") throw new Error(`unexpected ${created.__typename}`);

    const read = await h.run(Feature, { id: created.featureId });
    expectNoErrors(read);
    expect(read.data).toEqual({
      feature: {
        title: "Tow bar",
        description: "Detachable",
        ruleName: "practical",
        annotationId: null,
        vehicle: { vehicleId },
      },
    });
  });

  it("a vehicle CarCutter does not have is a NotFoundError result naming it", async () => {
    const created = await createFeature({
      vehicleId: "NO-SUCH-VEHICLE",
      title: "t",
      icon: "i",
      type: "text",
    });
    expect(created).toMatchObject({
      __typename: "NotFoundError",
      resource: "Vehicle",
      resourceId: "NO-SUCH-VEHICLE",
    });
    expect(count(CREATE_FEATURE)).toBe(1);
  });

  it("a missing required field is a GraphQL validation error, and nothing is sent", async () => {
    // A string: the document is invalid on purpose (no type), so codegen would refuse it.
    const result = await h.execute(
      `mutation { createFeature(input: {vehicleId: "V", title: "t", icon: "i"}) { __typename } }`,
    );
    const error = onlyError(result);
    expect(error.message).toMatch(/CreateFeatureInput\.type/);
    expect(error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(count(CREATE_FEATURE)).toBe(0);
  });

  it("is never retried: a 503 costs exactly one call and surfaces as UPSTREAM_UNAVAILABLE", async () => {
    const vehicleId = newVehicleId();
    await upsert({ vehicleId });
    h.carcutter.control.script({
      operation: CREATE_FEATURE,
      fault: { kind: "status", status: 503 },
      times: 3,
    });
    const result = await h.run(CreateFeature, {
      input: { vehicleId, title: "t", icon: "i", type: "text" },
    });
    expect(onlyError(result).extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: CREATE_FEATURE,
    });
    expect(count(CREATE_FEATURE)).toBe(1);
  });
});

describe("deleteFeature and deleteVehicleFeatures", () => {
  it("deleteFeature deletes one feature, which then reads as null", async () => {
    const vehicleId = newVehicleId();
    await upsert({ vehicleId });
    const featureId = await newFeatureId({ vehicleId, title: "a", icon: "i", type: "text" });
    const result = await h.run(DeleteFeature, { id: featureId });
    expectNoErrors(result);
    expect(result.data).toEqual({
      deleteFeature: { __typename: "DeleteFeaturesPayload", deletedFeatureIds: [featureId] },
    });
    const read = await h.run(FeatureTitle, { id: featureId });
    expect(read.data).toEqual({ feature: null });
  });

  it("deleteFeature of an unknown feature is a NotFoundError result", async () => {
    const result = await h.run(DeleteFeature, { id: "no-such-feature" });
    expectNoErrors(result);
    expect(result.data).toEqual({
      deleteFeature: {
        __typename: "NotFoundError",
        resource: "Feature",
        resourceId: "no-such-feature",
      },
    });
  });

  it("deleteVehicleFeatures deletes every feature of the vehicle and no other", async () => {
    const [mine, other] = [newVehicleId(), newVehicleId()];
    await upsert({ vehicleId: mine });
    await upsert({ vehicleId: other });
    const ids = [
      await newFeatureId({ vehicleId: mine, title: "a", icon: "i", type: "text" }),
      await newFeatureId({ vehicleId: mine, title: "b", icon: "i", type: "doc" }),
    ];
    const kept = await newFeatureId({ vehicleId: other, title: "c", icon: "i", type: "text" });

    const result = await h.run(DeleteVehicleFeatures, { id: mine });
    expectNoErrors(result);
    const deleted = present(result.data).deleteVehicleFeatures;
    if (deleted.__typename !== "DeleteFeaturesPayload") throw new Error(deleted.__typename);
    expect(deleted.deletedFeatureIds.sort()).toEqual(ids.sort());

    const after = await h.run(TwoVehiclesFeatures, { a: mine, b: other });
    expect(after.data).toEqual({
      a: { features: [] },
      b: { features: [{ featureId: kept }] },
    });
  });

  it("deleteVehicleFeatures of a vehicle without features deletes nothing", async () => {
    const result = await h.run(DeleteNoFeatures);
    expectNoErrors(result);
    expect(result.data).toEqual({ deleteVehicleFeatures: { deletedFeatureIds: [] } });
  });
});
