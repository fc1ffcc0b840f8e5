import { graphql } from "./gql/index.js";

/**
 * Every operation the showroom sends, as typed documents (`npm run codegen` turns each into a
 * TypedDocumentNode in ./gql, and lists it in the trusted-documents manifest there). A page is one
 * operation: what the paid, slow OneAuto links hold up is deferred (`@defer`) and streamed
 * (`@stream`), so the CarCutter record paints at once and each photo as its link arrives; a
 * deferred part that fails fails alone. Fragments are masked: a component reads its fragment
 * with getFragmentData, and a deferred one once isFragmentReady says it has come.
 */

export const PhotoFields = graphql(`
  fragment ShowroomPhoto on Image {
    id
    url
    status
    phase
    quality
    resultAvailable
    resultUrl
    submittedAt
  }
`);

export const StockImageFields = graphql(`
  fragment ShowroomStockImage on StockImage {
    imageId
    url
    view
    color
    requestedColor
  }
`);

/** A card's stock thumbnail: deferred in the list, so the page of vehicles paints first. */
export const StockThumbFields = graphql(`
  fragment ShowroomStockThumb on Vehicle {
    stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) {
      imageId
      url
    }
  }
`);

export const StockList = graphql(`
  query ShowroomStock($first: Int, $after: String, $last: Int, $before: String, $filter: VehicleFilter) {
    vehicles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      edges {
        cursor
        node {
          id
          vehicleId
          manufacturer
          model
          modelExtension
          color
          status
          location
          lot
          images(status: [FINAL, RAW]) {
            url
            resultUrl
          }
          ...ShowroomStockThumb @defer
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

/** The views the vehicle page shows, in its order (a placeholder each until its photo comes). */
export const VEHICLE_STOCK_VIEWS = ["FRONT_LEFT", "REAR_RIGHT", "INSIDE_1"] as const;

/** The vehicle page's stock photos: deferred, then streamed one by one as each link arrives. */
export const VehicleStockFields = graphql(`
  fragment ShowroomVehicleStock on Vehicle {
    stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1])
      @stream(initialCount: 0) {
      ...ShowroomStockImage
    }
  }
`);

export const VehiclePage = graphql(`
  query ShowroomVehicle($vehicleId: String!, $background: StockBackground) {
    vehicle(vehicleId: $vehicleId) {
      id
      vehicleId
      manufacturer
      model
      modelExtension
      color
      status
      statusUpdatedAt
      location
      lot
      customReference
      suggestedGuidelineId
      features {
        id
        title
        description
        icon
        type
        ruleName
      }
      images {
        ...ShowroomPhoto
      }
      ...ShowroomVehicleStock @defer
    }
  }
`);

/** Stock photos by VIN alone (OneAuto only): what the page shows while CarCutter is down. */
export const StockByVin = graphql(`
  query ShowroomStockByVin($vin: String!, $background: StockBackground) {
    stockByVin(vin: $vin) {
      manufacturer
      modelRange
      derivative
      frontLeft: photo(view: FRONT_LEFT, background: $background) {
        ...ShowroomStockImage
      }
      rearRight: photo(view: REAR_RIGHT, background: $background) {
        ...ShowroomStockImage
      }
    }
  }
`);

export const SubmitPhotos = graphql(`
  mutation ShowroomSubmitPhotos($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted
        notAccepted
        results {
          url
          outcome
          error {
            code
            message
          }
        }
      }
      ... on InputValidationError {
        message
        issues {
          path
          message
        }
      }
      ... on CreditsExceededError {
        message
      }
      ... on IdempotencyKeyInProgressError {
        message
      }
      ... on IdempotencyKeyReusedError {
        message
      }
    }
  }
`);

export const LivePhotos = graphql(`
  subscription ShowroomLivePhotos($vehicleId: String!) {
    imageUpdated(vehicleId: $vehicleId) {
      ...ShowroomPhoto
    }
  }
`);
