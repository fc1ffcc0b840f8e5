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

export type ShowroomVehiclesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ShowroomVehiclesQuery = { vehicles: { edges: Array<{ node: { id: string, vehicleId: string, manufacturer: string | null, model: string | null, color: string | null, status: VehicleStatus | null, statusUpdatedAt: string | null, features: Array<{ featureId: string, title: string, icon: string, type: string }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type PhotoStatusesQueryVariables = Exact<{
  urls: Array<string> | string;
}>;


export type PhotoStatusesQuery = { images: Array<{ url: string, status: ImageStatus, phase: ImagePhase | null, quality: ImageQuality | null, resultAvailable: boolean, resultUrl: string | null } | null> | null };

export type StockPhotosQueryVariables = Exact<{
  vin: string;
}>;


export type StockPhotosQuery = { stockByVin: Array<{ manufacturer: string, modelRange: string, derivative: string | null, views: Array<StockView>, colors: Array<string>, front: { url: string, expiresAt: string } | null }> | null };

export type SubmitPhotosMutationVariables = Exact<{
  input: SubmitImagesInput;
}>;


export type SubmitPhotosMutation = { submitImages:
    | { __typename: 'CreditsExceededError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'InputValidationError', message: string, code: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'SubmitImagesPayload', accepted: number, notAccepted: number, results: Array<{ url: string, outcome: SubmissionOutcome, image: { status: ImageStatus, phase: ImagePhase | null } | null, error: { code: string, message: string } | null }> }
   };


export const ShowroomVehiclesDocument = {"__meta__":{"hash":"sha256:38142143bb6042f67f5ac511e51418a4731ae48777c1803b9757bc009644f98c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShowroomVehicles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vehicles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleId"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ShowroomVehiclesQuery, ShowroomVehiclesQueryVariables>;
export const PhotoStatusesDocument = {"__meta__":{"hash":"sha256:db13881abf0351b2e2a0737b3e9e425ad6306ea3a23a96acda64fe272caff28f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhotoStatuses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"urls"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"URL"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"urls"},"value":{"kind":"Variable","name":{"kind":"Name","value":"urls"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"resultAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"resultUrl"}}]}}]}}]} as unknown as DocumentNode<PhotoStatusesQuery, PhotoStatusesQueryVariables>;
export const StockPhotosDocument = {"__meta__":{"hash":"sha256:bd06265e7e98e5e17969b07980af86858306c058f44246f0a01534ae71da2884"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockPhotos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockByVin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturer"}},{"kind":"Field","name":{"kind":"Name","value":"modelRange"}},{"kind":"Field","name":{"kind":"Name","value":"derivative"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"colors"}},{"kind":"Field","alias":{"kind":"Name","value":"front"},"name":{"kind":"Name","value":"photo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"EnumValue","value":"FRONT"}},{"kind":"Argument","name":{"kind":"Name","value":"background"},"value":{"kind":"EnumValue","value":"TRANSPARENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<StockPhotosQuery, StockPhotosQueryVariables>;
export const SubmitPhotosDocument = {"__meta__":{"hash":"sha256:d15429e49516811d5b3efbc9a7c81452009d430b15d1f7700364e728cb6674b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitPhotos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitImagesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitImagesPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"notAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InputValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitPhotosMutation, SubmitPhotosMutationVariables>;