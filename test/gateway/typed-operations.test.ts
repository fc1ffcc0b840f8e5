import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, present } from "../support/operations.js";

/**
 * Every query and mutation through TypedDocumentNodes generated from the committed schema
 * (`npm run codegen`): a schema change that breaks these client operations breaks codegen or the
 * typecheck, and so this suite.
 */

const UpsertVehicle = graphql(`
  mutation TypedUpsertVehicle($input: UpsertVehicleInput!) {
    upsertVehicle(input: $input) {
      __typename
      ... on Vehicle { id vehicleId status manufacturer model color }
      ... on InputValidationError { issues { path message } }
    }
  }
`);

const CreateFeature = graphql(`
  mutation TypedCreateFeature($input: CreateFeatureInput!) {
    createFeature(input: $input) {
      __typename
      ... on Feature { id featureId title }
      ... on NotFoundError { resource resourceId }
      ... on InputValidationError { issues { path message } }
    }
  }
`);

const VehicleWithFeatures = graphql(`
  query TypedVehicle($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      id
      vehicleId
      status
      statusUpdatedAt
      features { featureId title icon type vehicle { vehicleId } }
    }
  }
`);

const VehiclePage = graphql(`
  query TypedVehiclePage($first: Int!, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {
    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { vehicleId manufacturer } }
      pageInfo { hasNextPage endCursor }
    }
    vehiclesToShoot { vehicleId status }
  }
`);

const SubmitImages = graphql(`
  mutation TypedSubmitImages($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted
        results { url outcome image { id status phase vehicle { vehicleId } } }
      }
      ... on InputValidationError { issues { path message } }
      ... on CreditsExceededError { message }
    }
  }
`);

const Images = graphql(`
  query TypedImages($url: URL!, $urls: [URL!]!) {
    image(url: $url) { url status resultAvailable resultUrl angle }
    images(urls: $urls) { url status phase quality }
  }
`);

const NodeAndFeature = graphql(`
  query TypedNode($id: ID!, $featureId: String!) {
    node(id: $id) {
      id
      __typename
      ... on Vehicle { vehicleId }
      ... on Image { url }
      ... on Feature { featureId }
    }
    feature(featureId: $featureId) { featureId title }
  }
`);

const Stock = graphql(`
  query TypedStock($vin: String!, $registration: String!, $search: StockSearchInput!) {
    stockByVin(vin: $vin) { manufacturer modelRange views colors photo(view: FRONT, color: "Black") { imageId url expiresAt } }
    stockByRegistration(registration: $registration) { manufacturer modelRange }
    stockSearch(input: $search) { derivative year }
  }
`);

const StockImage = graphql(`
  query TypedStockImage($imageId: String!, $background: StockBackground) {
    stockImage(imageId: $imageId, background: $background) { imageId url expiresAt background }
  }
`);

const DeleteFeature = graphql(`
  mutation TypedDeleteFeature($featureId: String!) {
    deleteFeature(featureId: $featureId) {
      __typename
      ... on DeleteFeaturesPayload { deletedFeatureIds }
      ... on NotFoundError { resource resourceId }
    }
  }
`);

const DeleteVehicleFeatures = graphql(`
  mutation TypedDeleteVehicleFeatures($vehicleId: String!) {
    deleteVehicleFeatures(vehicleId: $vehicleId) {
      __typename
      ... on DeleteFeaturesPayload { deletedFeatureIds }
    }
  }
`);

const DeleteVehicle = graphql(`
  mutation TypedDeleteVehicle($vehicleId: String!) {
    deleteVehicle(vehicleId: $vehicleId) {
      __typename
      ... on Vehicle { vehicleId status }
      ... on NotFoundError { resource resourceId }
    }
  }
`);

const VIN = "WF0XXXGCDX7654321";
const photos = [
  "https://photos.example.com/typed/front-left.jpg",
  "https://photos.example.com/typed/rear.jpg",
];

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());

describe("a dealer's day through typed documents", () => {
  it("creates a vehicle with features, photographs it, reads it back and removes it", async () => {
    const upserted = await h.run(UpsertVehicle, {
      input: { vehicleId: VIN, manufacturer: "Ford", model: "Focus", color: "Frozen White" },
    });
    expectNoErrors(upserted);
    const vehicle = present(upserted.data).upsertVehicle;
    if (vehicle.__typename !== "Vehicle") throw new Error(`unexpected ${vehicle.__typename}`);
    expect(vehicle).toMatchObject({ vehicleId: VIN, status: "NEW", color: "Frozen White" });

    const created = present(
      (
        await h.run(CreateFeature, {
          input: { vehicleId: VIN, title: "Heated seats", icon: "seat-heat", type: "text" },
        })
      ).data,
    ).createFeature;
    if (created.__typename !== "Feature") throw new Error(`unexpected ${created.__typename}`);

    const read = present((await h.run(VehicleWithFeatures, { vehicleId: VIN })).data).vehicle;
    expect(read?.features?.map((f) => [f.featureId, f.vehicle?.vehicleId])).toEqual([
      [created.featureId, VIN],
    ]);

    const page = present(
      (await h.run(VehiclePage, { first: 50, filter: { manufacturer: ["Ford"] } })).data,
    );
    expect(page.vehicles?.edges.map((e) => e.node.vehicleId)).toContain(VIN);
    expect(page.vehiclesToShoot?.map((v) => v.vehicleId)).toContain(VIN);

    const submitted = present(
      (
        await h.run(SubmitImages, {
          input: { vehicleId: VIN, urls: photos, processing: { cutType: "NORMAL" } },
        })
      ).data,
    ).submitImages;
    if (submitted.__typename !== "SubmitImagesPayload") throw new Error(submitted.__typename);
    expect(submitted.accepted).toBe(2);
    expect(submitted.results.map((r) => r.image?.vehicle?.vehicleId)).toEqual([VIN, VIN]);

    const images = present((await h.run(Images, { url: photos[0] ?? "", urls: photos })).data);
    expect(images.image?.status).toBe("PROCESSING");
    expect(images.images?.map((i) => i?.url)).toEqual(photos);

    const nodes = present(
      (await h.run(NodeAndFeature, { id: vehicle.id, featureId: created.featureId })).data,
    );
    expect(nodes.node).toMatchObject({ __typename: "Vehicle", vehicleId: VIN });
    expect(nodes.feature?.title).toBe("Heated seats");

    const deletedOne = present(
      (await h.run(DeleteFeature, { featureId: created.featureId })).data,
    ).deleteFeature;
    expect(deletedOne).toEqual({
      __typename: "DeleteFeaturesPayload",
      deletedFeatureIds: [created.featureId],
    });
    const deletedAll = present(
      (await h.run(DeleteVehicleFeatures, { vehicleId: VIN })).data,
    ).deleteVehicleFeatures;
    expect(deletedAll).toEqual({ __typename: "DeleteFeaturesPayload", deletedFeatureIds: [] });
    const deleted = present((await h.run(DeleteVehicle, { vehicleId: VIN })).data).deleteVehicle;
    expect(deleted).toEqual({ __typename: "Vehicle", vehicleId: VIN, status: "DELETED" });
  });

  it("finds stock photos by VIN, registration and search, and links one by id", async () => {
    const stock = present(
      (
        await h.run(Stock, {
          vin: "WBA5R1C50KAE81715",
          registration: "AB19 CDE",
          search: { manufacturer: "BMW", modelRange: "3 Series", year: 2020 },
        })
      ).data,
    );
    const [bmw] = stock.stockByVin ?? [];
    expect(bmw?.views).toContain("FRONT");
    expect(bmw?.photo?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cdn\//);
    expect(stock.stockByRegistration?.map((s) => s.modelRange)).toEqual(["3 Series"]);
    expect(stock.stockSearch?.[0]?.year).toBe(2020);

    const link = present(
      (
        await h.run(StockImage, {
          imageId: present(bmw?.photo).imageId,
          background: "TRANSPARENT",
        })
      ).data,
    ).stockImage;
    expect(link?.background).toBe("TRANSPARENT");
    expect(Date.parse(link?.expiresAt ?? "")).toBeGreaterThan(Date.now());
  });
});
