/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ShowroomPhoto on Image {\n    id\n    url\n    status\n    phase\n    quality\n    resultAvailable\n    resultUrl\n    submittedAt\n  }\n": typeof types.ShowroomPhotoFragmentDoc,
    "\n  fragment ShowroomStockImage on StockImage {\n    imageId\n    url\n    view\n    color\n    requestedColor\n  }\n": typeof types.ShowroomStockImageFragmentDoc,
    "\n  fragment ShowroomStockThumb on Vehicle {\n    stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) {\n      imageId\n      url\n    }\n  }\n": typeof types.ShowroomStockThumbFragmentDoc,
    "\n  query ShowroomStock($first: Int, $after: String, $last: Int, $before: String, $filter: VehicleFilter) {\n    vehicles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          modelExtension\n          color\n          status\n          location\n          lot\n          images(status: [FINAL, RAW]) {\n            url\n            resultUrl\n          }\n          ...ShowroomStockThumb @defer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.ShowroomStockDocument,
    "\n  fragment ShowroomVehicleStock on Vehicle {\n    stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1])\n      @stream(initialCount: 0) {\n      ...ShowroomStockImage\n    }\n  }\n": typeof types.ShowroomVehicleStockFragmentDoc,
    "\n  query ShowroomVehicle($vehicleId: String!, $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      manufacturer\n      model\n      modelExtension\n      color\n      status\n      statusUpdatedAt\n      location\n      lot\n      customReference\n      suggestedGuidelineId\n      features {\n        id\n        title\n        description\n        icon\n        type\n        ruleName\n      }\n      images {\n        ...ShowroomPhoto\n      }\n      ...ShowroomVehicleStock @defer\n    }\n  }\n": typeof types.ShowroomVehicleDocument,
    "\n  query ShowroomStockByVin($vin: String!, $background: StockBackground) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      frontLeft: photo(view: FRONT_LEFT, background: $background) {\n        ...ShowroomStockImage\n      }\n      rearRight: photo(view: REAR_RIGHT, background: $background) {\n        ...ShowroomStockImage\n      }\n    }\n  }\n": typeof types.ShowroomStockByVinDocument,
    "\n  mutation ShowroomSubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on CreditsExceededError {\n        message\n      }\n      ... on IdempotencyKeyInProgressError {\n        message\n      }\n      ... on IdempotencyKeyReusedError {\n        message\n      }\n    }\n  }\n": typeof types.ShowroomSubmitPhotosDocument,
    "\n  subscription ShowroomLivePhotos($vehicleId: String!) {\n    imageUpdated(vehicleId: $vehicleId) {\n      ...ShowroomPhoto\n    }\n  }\n": typeof types.ShowroomLivePhotosDocument,
};
const documents: Documents = {
    "\n  fragment ShowroomPhoto on Image {\n    id\n    url\n    status\n    phase\n    quality\n    resultAvailable\n    resultUrl\n    submittedAt\n  }\n": types.ShowroomPhotoFragmentDoc,
    "\n  fragment ShowroomStockImage on StockImage {\n    imageId\n    url\n    view\n    color\n    requestedColor\n  }\n": types.ShowroomStockImageFragmentDoc,
    "\n  fragment ShowroomStockThumb on Vehicle {\n    stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) {\n      imageId\n      url\n    }\n  }\n": types.ShowroomStockThumbFragmentDoc,
    "\n  query ShowroomStock($first: Int, $after: String, $last: Int, $before: String, $filter: VehicleFilter) {\n    vehicles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          modelExtension\n          color\n          status\n          location\n          lot\n          images(status: [FINAL, RAW]) {\n            url\n            resultUrl\n          }\n          ...ShowroomStockThumb @defer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.ShowroomStockDocument,
    "\n  fragment ShowroomVehicleStock on Vehicle {\n    stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1])\n      @stream(initialCount: 0) {\n      ...ShowroomStockImage\n    }\n  }\n": types.ShowroomVehicleStockFragmentDoc,
    "\n  query ShowroomVehicle($vehicleId: String!, $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      manufacturer\n      model\n      modelExtension\n      color\n      status\n      statusUpdatedAt\n      location\n      lot\n      customReference\n      suggestedGuidelineId\n      features {\n        id\n        title\n        description\n        icon\n        type\n        ruleName\n      }\n      images {\n        ...ShowroomPhoto\n      }\n      ...ShowroomVehicleStock @defer\n    }\n  }\n": types.ShowroomVehicleDocument,
    "\n  query ShowroomStockByVin($vin: String!, $background: StockBackground) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      frontLeft: photo(view: FRONT_LEFT, background: $background) {\n        ...ShowroomStockImage\n      }\n      rearRight: photo(view: REAR_RIGHT, background: $background) {\n        ...ShowroomStockImage\n      }\n    }\n  }\n": types.ShowroomStockByVinDocument,
    "\n  mutation ShowroomSubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on CreditsExceededError {\n        message\n      }\n      ... on IdempotencyKeyInProgressError {\n        message\n      }\n      ... on IdempotencyKeyReusedError {\n        message\n      }\n    }\n  }\n": types.ShowroomSubmitPhotosDocument,
    "\n  subscription ShowroomLivePhotos($vehicleId: String!) {\n    imageUpdated(vehicleId: $vehicleId) {\n      ...ShowroomPhoto\n    }\n  }\n": types.ShowroomLivePhotosDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShowroomPhoto on Image {\n    id\n    url\n    status\n    phase\n    quality\n    resultAvailable\n    resultUrl\n    submittedAt\n  }\n"): (typeof documents)["\n  fragment ShowroomPhoto on Image {\n    id\n    url\n    status\n    phase\n    quality\n    resultAvailable\n    resultUrl\n    submittedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShowroomStockImage on StockImage {\n    imageId\n    url\n    view\n    color\n    requestedColor\n  }\n"): (typeof documents)["\n  fragment ShowroomStockImage on StockImage {\n    imageId\n    url\n    view\n    color\n    requestedColor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShowroomStockThumb on Vehicle {\n    stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) {\n      imageId\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ShowroomStockThumb on Vehicle {\n    stockPhotos(views: [FRONT_LEFT], unlessPhotographed: true) {\n      imageId\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShowroomStock($first: Int, $after: String, $last: Int, $before: String, $filter: VehicleFilter) {\n    vehicles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          modelExtension\n          color\n          status\n          location\n          lot\n          images(status: [FINAL, RAW]) {\n            url\n            resultUrl\n          }\n          ...ShowroomStockThumb @defer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShowroomStock($first: Int, $after: String, $last: Int, $before: String, $filter: VehicleFilter) {\n    vehicles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          modelExtension\n          color\n          status\n          location\n          lot\n          images(status: [FINAL, RAW]) {\n            url\n            resultUrl\n          }\n          ...ShowroomStockThumb @defer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShowroomVehicleStock on Vehicle {\n    stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1])\n      @stream(initialCount: 0) {\n      ...ShowroomStockImage\n    }\n  }\n"): (typeof documents)["\n  fragment ShowroomVehicleStock on Vehicle {\n    stockPhotos(background: $background, views: [FRONT_LEFT, REAR_RIGHT, INSIDE_1])\n      @stream(initialCount: 0) {\n      ...ShowroomStockImage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShowroomVehicle($vehicleId: String!, $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      manufacturer\n      model\n      modelExtension\n      color\n      status\n      statusUpdatedAt\n      location\n      lot\n      customReference\n      suggestedGuidelineId\n      features {\n        id\n        title\n        description\n        icon\n        type\n        ruleName\n      }\n      images {\n        ...ShowroomPhoto\n      }\n      ...ShowroomVehicleStock @defer\n    }\n  }\n"): (typeof documents)["\n  query ShowroomVehicle($vehicleId: String!, $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      manufacturer\n      model\n      modelExtension\n      color\n      status\n      statusUpdatedAt\n      location\n      lot\n      customReference\n      suggestedGuidelineId\n      features {\n        id\n        title\n        description\n        icon\n        type\n        ruleName\n      }\n      images {\n        ...ShowroomPhoto\n      }\n      ...ShowroomVehicleStock @defer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShowroomStockByVin($vin: String!, $background: StockBackground) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      frontLeft: photo(view: FRONT_LEFT, background: $background) {\n        ...ShowroomStockImage\n      }\n      rearRight: photo(view: REAR_RIGHT, background: $background) {\n        ...ShowroomStockImage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShowroomStockByVin($vin: String!, $background: StockBackground) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      frontLeft: photo(view: FRONT_LEFT, background: $background) {\n        ...ShowroomStockImage\n      }\n      rearRight: photo(view: REAR_RIGHT, background: $background) {\n        ...ShowroomStockImage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShowroomSubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on CreditsExceededError {\n        message\n      }\n      ... on IdempotencyKeyInProgressError {\n        message\n      }\n      ... on IdempotencyKeyReusedError {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShowroomSubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on CreditsExceededError {\n        message\n      }\n      ... on IdempotencyKeyInProgressError {\n        message\n      }\n      ... on IdempotencyKeyReusedError {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShowroomLivePhotos($vehicleId: String!) {\n    imageUpdated(vehicleId: $vehicleId) {\n      ...ShowroomPhoto\n    }\n  }\n"): (typeof documents)["\n  subscription ShowroomLivePhotos($vehicleId: String!) {\n    imageUpdated(vehicleId: $vehicleId) {\n      ...ShowroomPhoto\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;