/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How CarCutter cuts the vehicle out. */
export type CutType =
  /** Background blurred. */
  | 'BLUR'
  /** Complete cut. */
  | 'COMPLETE'
  /** No cut. */
  | 'NONE'
  /** Normal cut. */
  | 'NORMAL';

/** Step of CarCutter's processing pipeline. */
export type ImagePhase =
  /** Recognising the vehicle and angle. */
  | 'ANALYZING'
  /** Cutting the vehicle out. */
  | 'CUTTING'
  /** Fetching the photo from its URL. */
  | 'DOWNLOADING'
  /** Quality assurance. */
  | 'QA_ING'
  /** Done. */
  | 'READY'
  /** Retouching. */
  | 'RETOUCHING'
  /** Not known, or a phase added after this gateway was built. */
  | 'UNKNOWN';

/** How to process the photos: exactly one of a cut type or a guideline. */
export type ImageProcessingInput =
  {   /** A cut type. */
  cutType: CutType; guidelineId?: never; }
  |  { cutType?: never;   /** A shooting guideline (sets cut type and scene). */
  guidelineId: string; };

/** CarCutter's verdict on the photo. */
export type ImageQuality =
  /** Usable. */
  | 'OK'
  /** Should be photographed again. */
  | 'RETAKE'
  /** A verdict added after this gateway was built. */
  | 'UNKNOWN';

/** Processing status of a photo at CarCutter. */
export type ImageStatus =
  /** Processing failed; the photo cannot be processed as submitted. Terminal. */
  | 'ERROR'
  /** The result was deleted after CarCutter's retention period. Terminal. */
  | 'EXPIRED'
  /** Processing finished; the final result is available. Terminal. */
  | 'FINAL'
  /** Being processed; see phase. */
  | 'PROCESSING'
  /** A raw cut is available (result can be fetched); final quality assurance pending. */
  | 'RAW'
  /** CarCutter reports the status as undefined. */
  | 'UNDEFINED'
  /** CarCutter does not know the photo, or reported a status added after this gateway was built. */
  | 'UNKNOWN';

/** Processing priority. */
export type ProcessingSpeed =
  /** Slower, when there is no rush. */
  | 'LAZY'
  /** Normal speed. */
  | 'NORMAL';

/** How carefully results are retouched. */
export type RetouchingAccuracy =
  /** Normal accuracy. */
  | 'NORMAL'
  /** Precise retouching. */
  | 'PRECISE';

/** Background of a stock photo. */
export type StockBackground =
  /** A plain studio background. */
  | 'OPAQUE'
  /** Transparent (PNG alpha). */
  | 'TRANSPARENT';

/** Camera angle of a stock photo. */
export type StockView =
  /** Front. */
  | 'FRONT'
  /** Front, three-quarter from the left. */
  | 'FRONT_LEFT'
  /** Front, three-quarter from the right. */
  | 'FRONT_RIGHT'
  /** Interior, first view. */
  | 'INSIDE_1'
  /** Interior, second view. */
  | 'INSIDE_2'
  /** Interior, third view. */
  | 'INSIDE_3'
  /** Left side. */
  | 'LEFT'
  /** Rear. */
  | 'REAR'
  /** Rear, three-quarter from the left. */
  | 'REAR_LEFT'
  /** Rear, three-quarter from the right. */
  | 'REAR_RIGHT'
  /** Right side. */
  | 'RIGHT'
  /** A view OneAuto added after this gateway was built. */
  | 'UNKNOWN';

/** What happened to one submitted photo. */
export type SubmissionOutcome =
  /** CarCutter accepted the photo and will process (and bill) it. */
  | 'ACCEPTED'
  /** Not sent: this gateway already submitted the photo and it did not fail (see its status). Pass force: true to process and pay for it again. */
  | 'ALREADY_SUBMITTED'
  /** The call was refused before processing (credentials, rate limit) or never left this gateway (connection refused, open circuit, this gateway's cap of calls per second); not processed, not billed. Submit it again once the cause is resolved; no force is needed. */
  | 'FAILED'
  /** Not sent: another request is submitting this photo right now (a double click, a retry, another instance). Its status, or that request's answer, tells how it went; it is billed once. */
  | 'IN_PROGRESS'
  /** Not sent because an earlier batch failed. */
  | 'NOT_SENT'
  /** CarCutter refused for lack of credits (HTTP 402); not processed. */
  | 'NO_CREDITS'
  /** CarCutter refused the batch's input (HTTP 400); not processed, not billed. */
  | 'REJECTED'
  /** The call failed in a way that leaves the outcome unknown (timeout, reset, 5xx); it may have been processed and billed. It was not retried: check the photo's status before resubmitting. */
  | 'UNKNOWN';

/** Photos of one vehicle to process. Every submitted photo is billed by CarCutter. */
export type SubmitImagesInput = {
  /** Background: an RGBA PNG. */
  background?: File | Blob | null | undefined;
  /** Your own data, stored with the submission (at most 64 KiB as JSON). */
  customJson?: unknown;
  /** Process (and pay for) photos again that this gateway already submitted and that did not fail. Without it they are answered ALREADY_SUBMITTED and not sent. */
  force?: boolean | null | undefined;
  /** Your key for this submission (e.g. a UUID made when the user pressed Upload): send it again when you retry, and the first answer comes back instead of a second submission, for 24 hours, restarts included. The same key with a different input is refused. */
  idempotencyKey?: string | null | undefined;
  /** License plate overlay: an RGBA PNG. */
  licensePlate?: File | Blob | null | undefined;
  /** CarCutter location. */
  locationId?: string | null | undefined;
  /** Overlay: an RGBA PNG. */
  overlay?: File | Blob | null | undefined;
  /** Cut type or guideline. */
  processing: ImageProcessingInput;
  /** Priority. */
  processingSpeed?: ProcessingSpeed | null | undefined;
  /** Retouching accuracy. */
  retouchingAccuracy?: RetouchingAccuracy | null | undefined;
  /** Scene to place the vehicle in. */
  sceneId?: string | null | undefined;
  /** Photo URLs, distinct, 1 to 600; sent 60 per upstream call. */
  urls: Array<string>;
  /** The vehicle the photos show (usually its VIN). */
  vehicleId: string;
};

/** Vehicles matching every given field; within a field, any of the values. Makes, models and colours ignore case (see each); other values match exactly. */
export type VehicleFilter = {
  /** Any of these colours. Case is ignored for the common spellings: CarCutter matches exactly, so each value is asked for as given, in lower case, in UPPER CASE and in Title Case (e.g. bmw finds BMW, mercedes-benz finds Mercedes-Benz; another mixed case such as McLaren must be given as stored). */
  color?: Array<string> | null | undefined;
  /** Any of these references. */
  customReference?: Array<string> | null | undefined;
  /** Any of these locations. */
  location?: Array<string> | null | undefined;
  /** Any of these lots. */
  lot?: Array<string> | null | undefined;
  /** Any of these makes. Case is ignored for the common spellings: CarCutter matches exactly, so each value is asked for as given, in lower case, in UPPER CASE and in Title Case (e.g. bmw finds BMW, mercedes-benz finds Mercedes-Benz; another mixed case such as McLaren must be given as stored). */
  manufacturer?: Array<string> | null | undefined;
  /** Any of these models. Case is ignored for the common spellings: CarCutter matches exactly, so each value is asked for as given, in lower case, in UPPER CASE and in Title Case (e.g. bmw finds BMW, mercedes-benz finds Mercedes-Benz; another mixed case such as McLaren must be given as stored). */
  model?: Array<string> | null | undefined;
  /** Any of these statuses. */
  status?: Array<VehicleStatus> | null | undefined;
};

/** Where a vehicle stands in CarCutter's shooting workflow. */
export type VehicleStatus =
  /** Photographed and in use. */
  | 'ACTIVE'
  /** Deleted (CarCutter deletes softly; the record stays readable). */
  | 'DELETED'
  /** Created or updated and waiting to be photographed (on the shot list). */
  | 'NEW'
  /** A status CarCutter added after this gateway was built. */
  | 'UNKNOWN';

export type ShowroomPhotoFragment = { id: string, url: string, status: ImageStatus, phase: ImagePhase | null, quality: ImageQuality | null, resultAvailable: boolean, resultUrl: string | null, submittedAt: string | null } & { ' $fragmentName'?: 'ShowroomPhotoFragment' };

export type ShowroomStockImageFragment = { imageId: string, url: string, view: StockView | null, color: string | null, requestedColor: string | null } & { ' $fragmentName'?: 'ShowroomStockImageFragment' };

export type ShowroomStockThumbFragment = { stockPhotos: Array<{ imageId: string, url: string }> | null } & { ' $fragmentName'?: 'ShowroomStockThumbFragment' };

export type ShowroomStockQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: VehicleFilter | null | undefined;
}>;


export type ShowroomStockQuery = { vehicles: { edges: Array<{ cursor: string, node: { id: string, vehicleId: string, manufacturer: string | null, model: string | null, modelExtension: string | null, color: string | null, status: VehicleStatus | null, location: string | null, lot: string | null, images: Array<{ url: string, resultUrl: string | null } | null> | null } & { ' $fragmentRefs'?: { 'ShowroomStockThumbFragment': Incremental<ShowroomStockThumbFragment> } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } | null };

export type ShowroomVehicleStockFragment = { stockPhotos: Array<{ ' $fragmentRefs'?: { 'ShowroomStockImageFragment': ShowroomStockImageFragment } }> | null } & { ' $fragmentName'?: 'ShowroomVehicleStockFragment' };

export type ShowroomVehicleQueryVariables = Exact<{
  vehicleId: string;
  background?: StockBackground | null | undefined;
}>;


export type ShowroomVehicleQuery = { vehicle: { id: string, vehicleId: string, manufacturer: string | null, model: string | null, modelExtension: string | null, color: string | null, status: VehicleStatus | null, statusUpdatedAt: string | null, location: string | null, lot: string | null, customReference: string | null, suggestedGuidelineId: string | null, features: Array<{ id: string, title: string, description: string | null, icon: string, type: string, ruleName: string | null }> | null, images: Array<{ ' $fragmentRefs'?: { 'ShowroomPhotoFragment': ShowroomPhotoFragment } } | null> | null } & { ' $fragmentRefs'?: { 'ShowroomVehicleStockFragment': Incremental<ShowroomVehicleStockFragment> } } | null };

export type ShowroomStockByVinQueryVariables = Exact<{
  vin: string;
  background?: StockBackground | null | undefined;
}>;


export type ShowroomStockByVinQuery = { stockByVin: Array<{ manufacturer: string, modelRange: string, derivative: string | null, frontLeft: { ' $fragmentRefs'?: { 'ShowroomStockImageFragment': ShowroomStockImageFragment } } | null, rearRight: { ' $fragmentRefs'?: { 'ShowroomStockImageFragment': ShowroomStockImageFragment } } | null }> | null };

export type ShowroomSubmitPhotosMutationVariables = Exact<{
  input: SubmitImagesInput;
}>;


export type ShowroomSubmitPhotosMutation = { submitImages:
    | { __typename: 'CreditsExceededError', message: string }
    | { __typename: 'IdempotencyKeyInProgressError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'InputValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'SubmitImagesPayload', accepted: number, notAccepted: number, results: Array<{ url: string, outcome: SubmissionOutcome, error: { code: string, message: string } | null }> }
   };

export type ShowroomLivePhotosSubscriptionVariables = Exact<{
  vehicleId: string;
}>;


export type ShowroomLivePhotosSubscription = { imageUpdated: { ' $fragmentRefs'?: { 'ShowroomPhotoFragment': ShowroomPhotoFragment } } };

export const ShowroomPhotoFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomPhoto"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"resultAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"resultUrl"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]} as unknown as DocumentNode<ShowroomPhotoFragment, unknown>;
export const ShowroomStockThumbFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockThumb"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Vehicle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockPhotos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"views"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FRONT_LEFT"}]}},{"kind":"Argument","name":{"kind":"Name","value":"unlessPhotographed"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<ShowroomStockThumbFragment, unknown>;
export const ShowroomStockImageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"requestedColor"}}]}}]} as unknown as DocumentNode<ShowroomStockImageFragment, unknown>;
export const ShowroomVehicleStockFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomVehicleStock"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Vehicle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockPhotos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"background"},"value":{"kind":"Variable","name":{"kind":"Name","value":"background"}}},{"kind":"Argument","name":{"kind":"Name","value":"views"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FRONT_LEFT"},{"kind":"EnumValue","value":"REAR_RIGHT"},{"kind":"EnumValue","value":"INSIDE_1"}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"stream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"initialCount"},"value":{"kind":"IntValue","value":"0"}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomStockImage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"requestedColor"}}]}}]} as unknown as DocumentNode<ShowroomVehicleStockFragment, unknown>;
export const ShowroomStockDocument = {"__meta__":{"hash":"sha256:1979863931577e278a28372dc79a61bb239fe4c8bddbcf3c1b1d51928846e81f","deferredFields":{"ShowroomStockThumb":["stockPhotos"]}},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShowroomStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VehicleFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vehicles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleId"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"modelExtension"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"lot"}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FINAL"},{"kind":"EnumValue","value":"RAW"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"resultUrl"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomStockThumb"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"defer"}}]}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockThumb"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Vehicle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockPhotos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"views"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FRONT_LEFT"}]}},{"kind":"Argument","name":{"kind":"Name","value":"unlessPhotographed"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<ShowroomStockQuery, ShowroomStockQueryVariables>;
export const ShowroomVehicleDocument = {"__meta__":{"hash":"sha256:aafe669d97eacb09273bb3b95720a0b43e46916fd7a556704b6a3e4a41fe7ab0","deferredFields":{"ShowroomVehicleStock":["stockPhotos"]}},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShowroomVehicle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vehicleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"background"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StockBackground"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vehicleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vehicleId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleId"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"modelExtension"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"lot"}},{"kind":"Field","name":{"kind":"Name","value":"customReference"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedGuidelineId"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ruleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomPhoto"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomVehicleStock"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"defer"}}]}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"requestedColor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomPhoto"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"resultAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"resultUrl"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomVehicleStock"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Vehicle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockPhotos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"background"},"value":{"kind":"Variable","name":{"kind":"Name","value":"background"}}},{"kind":"Argument","name":{"kind":"Name","value":"views"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FRONT_LEFT"},{"kind":"EnumValue","value":"REAR_RIGHT"},{"kind":"EnumValue","value":"INSIDE_1"}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"stream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"initialCount"},"value":{"kind":"IntValue","value":"0"}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomStockImage"}}]}}]}}]} as unknown as DocumentNode<ShowroomVehicleQuery, ShowroomVehicleQueryVariables>;
export const ShowroomStockByVinDocument = {"__meta__":{"hash":"sha256:5a4eb980ebb1c0ecd41164644a16e41a505afd9ed6e1dad9910ee7ab6acf02fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShowroomStockByVin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"background"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StockBackground"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockByVin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturer"}},{"kind":"Field","name":{"kind":"Name","value":"modelRange"}},{"kind":"Field","name":{"kind":"Name","value":"derivative"}},{"kind":"Field","alias":{"kind":"Name","value":"frontLeft"},"name":{"kind":"Name","value":"photo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"EnumValue","value":"FRONT_LEFT"}},{"kind":"Argument","name":{"kind":"Name","value":"background"},"value":{"kind":"Variable","name":{"kind":"Name","value":"background"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomStockImage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"rearRight"},"name":{"kind":"Name","value":"photo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"EnumValue","value":"REAR_RIGHT"}},{"kind":"Argument","name":{"kind":"Name","value":"background"},"value":{"kind":"Variable","name":{"kind":"Name","value":"background"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomStockImage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomStockImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"requestedColor"}}]}}]} as unknown as DocumentNode<ShowroomStockByVinQuery, ShowroomStockByVinQueryVariables>;
export const ShowroomSubmitPhotosDocument = {"__meta__":{"hash":"sha256:dd91244521726a03c69596de37b460e5ce1dbffe1b5118456afe116f590f0765"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShowroomSubmitPhotos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitImagesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitImagesPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"notAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InputValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditsExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgressError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ShowroomSubmitPhotosMutation, ShowroomSubmitPhotosMutationVariables>;
export const ShowroomLivePhotosDocument = {"__meta__":{"hash":"sha256:3f2ad0671ea8fc42b688d432ef6fbda7a8f7c7b711a488f94aaec9042e832420"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ShowroomLivePhotos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vehicleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vehicleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vehicleId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShowroomPhoto"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShowroomPhoto"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"resultAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"resultUrl"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]} as unknown as DocumentNode<ShowroomLivePhotosSubscription, ShowroomLivePhotosSubscriptionVariables>;