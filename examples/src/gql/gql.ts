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
    "\n  query ShowroomVehicles($first: Int!, $after: String) {\n    vehicles(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          color\n          status\n          statusUpdatedAt\n          features {\n            featureId\n            title\n            icon\n            type\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ShowroomVehiclesDocument,
    "\n  query PhotoStatuses($urls: [URL!]!) {\n    images(urls: $urls) {\n      url\n      status\n      phase\n      quality\n      resultAvailable\n      resultUrl\n    }\n  }\n": typeof types.PhotoStatusesDocument,
    "\n  query StockPhotos($vin: String!) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      views\n      colors\n      front: photo(view: FRONT, background: TRANSPARENT) {\n        url\n        expiresAt\n      }\n    }\n  }\n": typeof types.StockPhotosDocument,
    "\n  mutation SubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          image {\n            status\n            phase\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.SubmitPhotosDocument,
};
const documents: Documents = {
    "\n  query ShowroomVehicles($first: Int!, $after: String) {\n    vehicles(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          color\n          status\n          statusUpdatedAt\n          features {\n            featureId\n            title\n            icon\n            type\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ShowroomVehiclesDocument,
    "\n  query PhotoStatuses($urls: [URL!]!) {\n    images(urls: $urls) {\n      url\n      status\n      phase\n      quality\n      resultAvailable\n      resultUrl\n    }\n  }\n": types.PhotoStatusesDocument,
    "\n  query StockPhotos($vin: String!) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      views\n      colors\n      front: photo(view: FRONT, background: TRANSPARENT) {\n        url\n        expiresAt\n      }\n    }\n  }\n": types.StockPhotosDocument,
    "\n  mutation SubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          image {\n            status\n            phase\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.SubmitPhotosDocument,
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
export function graphql(source: "\n  query ShowroomVehicles($first: Int!, $after: String) {\n    vehicles(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          color\n          status\n          statusUpdatedAt\n          features {\n            featureId\n            title\n            icon\n            type\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShowroomVehicles($first: Int!, $after: String) {\n    vehicles(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          vehicleId\n          manufacturer\n          model\n          color\n          status\n          statusUpdatedAt\n          features {\n            featureId\n            title\n            icon\n            type\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PhotoStatuses($urls: [URL!]!) {\n    images(urls: $urls) {\n      url\n      status\n      phase\n      quality\n      resultAvailable\n      resultUrl\n    }\n  }\n"): (typeof documents)["\n  query PhotoStatuses($urls: [URL!]!) {\n    images(urls: $urls) {\n      url\n      status\n      phase\n      quality\n      resultAvailable\n      resultUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockPhotos($vin: String!) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      views\n      colors\n      front: photo(view: FRONT, background: TRANSPARENT) {\n        url\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockPhotos($vin: String!) {\n    stockByVin(vin: $vin) {\n      manufacturer\n      modelRange\n      derivative\n      views\n      colors\n      front: photo(view: FRONT, background: TRANSPARENT) {\n        url\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          image {\n            status\n            phase\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitPhotos($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        notAccepted\n        results {\n          url\n          outcome\n          image {\n            status\n            phase\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n      ... on InputValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;