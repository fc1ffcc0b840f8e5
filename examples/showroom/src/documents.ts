import { graphql } from "./gql/index.js";

/**
 * Every operation the showroom sends, as typed documents (`npm run codegen` turns each into a
 * TypedDocumentNode in ./gql, and lists it in the trusted-documents manifest there). The
 * CarCutter part and the OneAuto part of a page are separate operations, so that one upstream
 * down leaves the other's part of the page standing.
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

export const StockThumb = graphql(`
  query ShowroomStockThumb($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) {
      id
      stockPhotos(views: [FRONT_LEFT]) {
        imageId
        url
      }
    }
  }
`);

export const VehiclePage = graphql(`
  query ShowroomVehicle($vehicleId: String!) {
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
    }
  }
`);

export const VehicleStockPhotos = graphql(`
  query ShowroomVehicleStockPhotos($vehicleId: String!, $background: StockBackground) {
    vehicle(vehicleId: $vehicleId) {
      id
      color
      stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1]) {
        ...ShowroomStockImage
      }
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
