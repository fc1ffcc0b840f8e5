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
    "\n  query E2eVehiclesToShoot { vehiclesToShoot { vehicleId } }\n": typeof types.E2eVehiclesToShootDocument,
    "\n  query ExamplesUntrusted { vehiclesToShoot { vehicleId } }\n": typeof types.ExamplesUntrustedDocument,
    "\n  query CacheVehiclePage($vehicleId: String!, $photos: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) {\n      vehicleId\n      features { title }\n      stockPhotos(views: [FRONT, FRONT_RIGHT, RIGHT, REAR_RIGHT, REAR, REAR_LEFT, LEFT, FRONT_LEFT]) {\n        view\n        url\n        expiresAt\n      }\n    }\n    images(urls: $photos) { url status }\n  }\n": typeof types.CacheVehiclePageDocument,
    "\n  query CancellationSlowStatus($url: URL!) { image(url: $url) { status } }\n": typeof types.CancellationSlowStatusDocument,
    "\n  fragment CostFrontPhoto on StockVehicle { photo(view: FRONT) { url } }\n": typeof types.CostFrontPhotoFragmentDoc,
    "\n  query CostVehicleWithImages($vehicleId: String!, $urls: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) { vehicleId features { title } }\n    images(urls: $urls) { url status }\n  }\n": typeof types.CostVehicleWithImagesDocument,
    "\n  mutation CostUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { vehicleId } }\n  }\n": typeof types.CostUpsertVehicleDocument,
    "\n  mutation CostSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n": typeof types.CostSubmitImagesDocument,
    "\n  query CostImageStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }\n": typeof types.CostImageStatusesDocument,
    "\n  query CostStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { derivative }\n  }\n": typeof types.CostStockSearchDocument,
    "\n  query CostStockByVin($vin: String!) { stockByVin(vin: $vin) { derivative } }\n": typeof types.CostStockByVinDocument,
    "\n  query CostStockByRegistration { stockByRegistration(registration: \"AB19CDE\") { derivative } }\n": typeof types.CostStockByRegistrationDocument,
    "\n  query CostStockImage($id: String!, $color: String) { stockImage(imageId: $id, color: $color) { url } }\n": typeof types.CostStockImageDocument,
    "\n  query CostVinPhoto($vin: String!) { stockByVin(vin: $vin) { ...CostFrontPhoto } }\n": typeof types.CostVinPhotoDocument,
    "\n  query CostVinAndLink($vin: String!, $id: String!) {\n    stockByVin(vin: $vin) { ...CostFrontPhoto }\n    stockImage(imageId: $id) { url }\n  }\n": typeof types.CostVinAndLinkDocument,
    "\n  query CostPagePhotos($n: Int = 11) {\n    vehicles(first: $n) {\n      edges { node { vehicleId stockPhotos(views: [FRONT, REAR, LEFT, RIGHT]) { url } } }\n    }\n  }\n": typeof types.CostPagePhotosDocument,
    "\n  query CostPageMatches {\n    vehicles(first: 50) {\n      edges { node { vehicleId stockMatches { ...CostFrontPhoto } } }\n    }\n  }\n": typeof types.CostPageMatchesDocument,
    "\n  query CostEightAliases($vin: String!) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n  }\n": typeof types.CostEightAliasesDocument,
    "\n  query CostNineAliases($vin: String!, $skip: Boolean = true) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n    i: stockByVin(vin: $vin) @skip(if: $skip) { ...CostFrontPhoto }\n  }\n": typeof types.CostNineAliasesDocument,
    "\n  mutation CostUpsertWithPhotos($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { stockPhotos { url } } }\n  }\n": typeof types.CostUpsertWithPhotosDocument,
    "\n  query HealthVehicle($v: String!) { vehicle(vehicleId: $v) { vehicleId } }\n": typeof types.HealthVehicleDocument,
    "\n  query HealthStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n": typeof types.HealthStockImageDocument,
    "\n  query ImageBatchingImages($urls: [URL!]!) { images(urls: $urls) { url status } }\n": typeof types.ImageBatchingImagesDocument,
    "\n  fragment ImageQueriesImageView on Image { id url status phase quality angle resultAvailable resultUrl }\n": typeof types.ImageQueriesImageViewFragmentDoc,
    "\n  query ImageQueriesImage($url: URL!) { image(url: $url) { ...ImageQueriesImageView } }\n": typeof types.ImageQueriesImageDocument,
    "\n  query ImageQueriesImages($urls: [URL!]!) { images(urls: $urls) { ...ImageQueriesImageView } }\n": typeof types.ImageQueriesImagesDocument,
    "\n  query ImageQueriesNode($id: ID!) { node(id: $id) { __typename id ... on Image { url } } }\n": typeof types.ImageQueriesNodeDocument,
    "\n  mutation ImageSubmissionSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted notAccepted\n        results { url outcome error { code message } image { url status submittedAt vehicle { vehicleId } } }\n      }\n      ... on CreditsExceededError { code message }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n": typeof types.ImageSubmissionSubmitDocument,
    "\n  mutation LedgerSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { status vehicle { vehicleId } } error { code } }\n      }\n      ... on Error { code }\n      ... on IdempotencyKeyInProgressError { retryAfterSeconds }\n    }\n  }\n": typeof types.LedgerSubmitDocument,
    "\n  query LedgerVehicleImages($vehicleId: String!, $status: [ImageStatus!]) {\n    vehicle(vehicleId: $vehicleId) {\n      images(status: $status) { url status submittedAt vehicle { vehicleId } }\n    }\n  }\n": typeof types.LedgerVehicleImagesDocument,
    "\n  query LedgerImage($url: URL!) {\n    image(url: $url) { url vehicle { vehicleId } submittedAt }\n  }\n": typeof types.LedgerImageDocument,
    "\n  mutation MutationsUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { vehicleId status manufacturer model modelExtension color location lot customReference suggestedGuidelineId }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n": typeof types.MutationsUpsertVehicleDocument,
    "\n  mutation MutationsCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { featureId title icon type description ruleName annotationId detailImageId vehicle { vehicleId } }\n      ... on NotFoundError { code resource resourceId message }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": typeof types.MutationsCreateFeatureDocument,
    "\n  mutation MutationsDeleteVehicle($id: String!) {\n    deleteVehicle(vehicleId: $id) {\n      __typename ... on Vehicle { vehicleId status } ... on NotFoundError { code resource resourceId }\n    }\n  }\n": typeof types.MutationsDeleteVehicleDocument,
    "\n  query MutationsVehicleStatus($id: String!) { vehicle(vehicleId: $id) { status } }\n": typeof types.MutationsVehicleStatusDocument,
    "\n  query MutationsFeature($id: String!) {\n    feature(featureId: $id) { title description ruleName annotationId vehicle { vehicleId } }\n  }\n": typeof types.MutationsFeatureDocument,
    "\n  mutation MutationsDeleteFeature($id: String!) {\n    deleteFeature(featureId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds } ... on NotFoundError { resource resourceId }\n    }\n  }\n": typeof types.MutationsDeleteFeatureDocument,
    "\n  query MutationsFeatureTitle($id: String!) { feature(featureId: $id) { title } }\n": typeof types.MutationsFeatureTitleDocument,
    "\n  mutation MutationsDeleteVehicleFeatures($id: String!) {\n    deleteVehicleFeatures(vehicleId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n": typeof types.MutationsDeleteVehicleFeaturesDocument,
    "\n  query MutationsTwoVehiclesFeatures($a: String!, $b: String!) {\n    a: vehicle(vehicleId: $a) { features { featureId } }\n    b: vehicle(vehicleId: $b) { features { featureId } }\n  }\n": typeof types.MutationsTwoVehiclesFeaturesDocument,
    "\n  mutation MutationsDeleteNoFeatures {\n    deleteVehicleFeatures(vehicleId: \"NO-FEATURES\") { ... on DeleteFeaturesPayload { deletedFeatureIds } }\n  }\n": typeof types.MutationsDeleteNoFeaturesDocument,
    "\n  query OutageStockImage($id: String!) { stockImage(imageId: $id) { url expiresAt } }\n": typeof types.OutageStockImageDocument,
    "\n  query OutageStockByVin($vin: String!) { stockByVin(vin: $vin) { manufacturer } }\n": typeof types.OutageStockByVinDocument,
    "\n  query SecurityEverything($url: URL!, $vin: String!) {\n    vehicles(first: 3) { edges { node { vehicleId features { title } } } }\n    image(url: $url) { status resultUrl }\n    stockByVin(vin: $vin) { photo(view: FRONT) { url expiresAt } }\n  }\n": typeof types.SecurityEverythingDocument,
    "\n  query SecurityStockImageInRed {\n    stockImage(imageId: \"bmw-3-series-g20-front\", color: \"Red\") { url }\n  }\n": typeof types.SecurityStockImageInRedDocument,
    "\n  mutation SecuritySubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      __typename ... on SubmitImagesPayload { results { outcome error { code message } } } ... on Error { message }\n    }\n  }\n": typeof types.SecuritySubmitDocument,
    "\n  query SecurityAnyVehicle { vehicle(vehicleId: \"ANY\") { vehicleId } }\n": typeof types.SecurityAnyVehicleDocument,
    "\n  query SecurityVehiclesToShoot { vehiclesToShoot { vehicleId } }\n": typeof types.SecurityVehiclesToShootDocument,
    "\n  query SecurityImageStatus($u: URL!) { image(url: $u) { status } }\n": typeof types.SecurityImageStatusDocument,
    "\n  mutation SecurityMaskedSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome error { code message } } }\n    }\n  }\n": typeof types.SecurityMaskedSubmitDocument,
    "\n  fragment StockVehicleView on StockVehicle { manufacturer modelRange derivative bodyType year views colors }\n": typeof types.StockVehicleViewFragmentDoc,
    "\n  fragment StockImageView on StockImage { imageId view color background url expiresAt }\n": typeof types.StockImageViewFragmentDoc,
    "\n  query StockSearchMatch($input: StockSearchInput!) { stockSearch(input: $input) { ...StockVehicleView } }\n": typeof types.StockSearchMatchDocument,
    "\n  query StockSearchNone {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 1950}) { manufacturer }\n  }\n": typeof types.StockSearchNoneDocument,
    "\n  query StockByVin($vin: String!) { stockByVin(vin: $vin) { ...StockVehicleView } }\n": typeof types.StockByVinDocument,
    "\n  query StockByVinUnknown { stockByVin(vin: \"WAUZZZ8K9BA000000\") { manufacturer } }\n": typeof types.StockByVinUnknownDocument,
    "\n  query StockByVinNotAVin { stockByVin(vin: \"WAUZZZ8K9BA12345I\") { year } }\n": typeof types.StockByVinNotAVinDocument,
    "\n  query StockByRegistration { stockByRegistration(registration: \" ab19 cde \") { ...StockVehicleView } }\n": typeof types.StockByRegistrationDocument,
    "\n  query StockByRegistrationUnknown { stockByRegistration(registration: \"ZZ99 ZZZ\") { year } }\n": typeof types.StockByRegistrationUnknownDocument,
    "\n  query StockImageLink($id: String!) {\n    stockImage(imageId: $id, color: \"Blue\", background: TRANSPARENT) { ...StockImageView }\n  }\n": typeof types.StockImageLinkDocument,
    "\n  query StockImageMissing { stockImage(imageId: \"no-such-image\") { url } }\n": typeof types.StockImageMissingDocument,
    "\n  query StockImageInColour($id: String!, $c: String!) { stockImage(imageId: $id, color: $c) { url } }\n": typeof types.StockImageInColourDocument,
    "\n  query StockMissingView($vin: String!) { stockByVin(vin: $vin) { views photo(view: INSIDE_3) { url } } }\n": typeof types.StockMissingViewDocument,
    "\n  query StockSameViewAliases {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { ...StockImageView }\n      b: photo(view: FRONT, color: \"blue\", background: OPAQUE) { ...StockImageView }\n      c: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { url }\n    }\n  }\n": typeof types.StockSameViewAliasesDocument,
    "\n  query StockBackgrounds {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: REAR, background: OPAQUE) { url }\n      b: photo(view: REAR, background: TRANSPARENT) { url }\n      c: photo(view: REAR) { url }\n    }\n  }\n": typeof types.StockBackgroundsDocument,
    "\n  mutation NotSentSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        results { url outcome error { code message } }\n      }\n    }\n  }\n": typeof types.NotSentSubmitDocument,
    "\n  mutation PollingSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n": typeof types.PollingSubmitDocument,
    "\n  subscription PollingWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url status }\n  }\n": typeof types.PollingWatchDocument,
    "\n  subscription PollingCostlyWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url vehicle { stockPhotos { url } } }\n  }\n": typeof types.PollingCostlyWatchDocument,
    "\n  mutation TypedUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { id vehicleId status manufacturer model color }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": typeof types.TypedUpsertVehicleDocument,
    "\n  mutation TypedCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { id featureId title }\n      ... on NotFoundError { resource resourceId }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": typeof types.TypedCreateFeatureDocument,
    "\n  query TypedVehicle($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      status\n      statusUpdatedAt\n      features { featureId title icon type vehicle { vehicleId } }\n    }\n  }\n": typeof types.TypedVehicleDocument,
    "\n  query TypedVehiclePage($first: Int!, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { vehicleId manufacturer } }\n      pageInfo { hasNextPage endCursor }\n    }\n    vehiclesToShoot { vehicleId status }\n  }\n": typeof types.TypedVehiclePageDocument,
    "\n  mutation TypedSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { id status phase vehicle { vehicleId } } }\n      }\n      ... on InputValidationError { issues { path message } }\n      ... on CreditsExceededError { message }\n    }\n  }\n": typeof types.TypedSubmitImagesDocument,
    "\n  query TypedImages($url: URL!, $urls: [URL!]!) {\n    image(url: $url) { url status resultAvailable resultUrl angle }\n    images(urls: $urls) { url status phase quality }\n  }\n": typeof types.TypedImagesDocument,
    "\n  query TypedNode($id: ID!, $featureId: String!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Vehicle { vehicleId }\n      ... on Image { url }\n      ... on Feature { featureId }\n    }\n    feature(featureId: $featureId) { featureId title }\n  }\n": typeof types.TypedNodeDocument,
    "\n  query TypedStock($vin: String!, $registration: String!, $search: StockSearchInput!) {\n    stockByVin(vin: $vin) { manufacturer modelRange views colors photo(view: FRONT, color: \"Black\") { imageId url expiresAt } }\n    stockByRegistration(registration: $registration) { manufacturer modelRange }\n    stockSearch(input: $search) { derivative year }\n  }\n": typeof types.TypedStockDocument,
    "\n  query TypedStockImage($imageId: String!, $background: StockBackground) {\n    stockImage(imageId: $imageId, background: $background) { imageId url expiresAt background }\n  }\n": typeof types.TypedStockImageDocument,
    "\n  mutation TypedDeleteFeature($featureId: String!) {\n    deleteFeature(featureId: $featureId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n": typeof types.TypedDeleteFeatureDocument,
    "\n  mutation TypedDeleteVehicleFeatures($vehicleId: String!) {\n    deleteVehicleFeatures(vehicleId: $vehicleId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n": typeof types.TypedDeleteVehicleFeaturesDocument,
    "\n  mutation TypedDeleteVehicle($vehicleId: String!) {\n    deleteVehicle(vehicleId: $vehicleId) {\n      __typename\n      ... on Vehicle { vehicleId status }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n": typeof types.TypedDeleteVehicleDocument,
    "\n  query UnknownEnumsImage($url: URL!) {\n    image(url: $url) { status phase quality resultAvailable resultUrl }\n  }\n": typeof types.UnknownEnumsImageDocument,
    "\n  mutation UnknownEnumsSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome image { status phase } } }\n    }\n  }\n": typeof types.UnknownEnumsSubmitDocument,
    "\n  query UnknownEnumsVehicle($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }\n": typeof types.UnknownEnumsVehicleDocument,
    "\n  query UnknownEnumsLists {\n    vehicles(first: 3) { edges { node { status } } }\n    vehiclesToShoot { status }\n  }\n": typeof types.UnknownEnumsListsDocument,
    "\n  query UnknownEnumsStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) {\n      views photo(view: UNKNOWN) { imageId view }\n    }\n  }\n": typeof types.UnknownEnumsStockSearchDocument,
    "\n  query UnknownEnumsStockByVin($vin: String!) { stockByVin(vin: $vin) { views } }\n": typeof types.UnknownEnumsStockByVinDocument,
    "\n  mutation UploadsSubmitWithFiles($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload { accepted }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": typeof types.UploadsSubmitWithFilesDocument,
    "\n  query UpstreamErrorsVehicleAndImage($vin: String!, $url: URL!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    image(url: $url) { status }\n  }\n": typeof types.UpstreamErrorsVehicleAndImageDocument,
    "\n  query UpstreamErrorsImagesAndVehicle($urls: [URL!]!, $vin: String!) {\n    images(urls: $urls) { status }\n    vehicle(vehicleId: $vin) { vehicleId }\n  }\n": typeof types.UpstreamErrorsImagesAndVehicleDocument,
    "\n  query UpstreamErrorsVehicleFeatures {\n    vehicles(first: 4) { edges { node { vehicleId features { featureId } } } }\n  }\n": typeof types.UpstreamErrorsVehicleFeaturesDocument,
    "\n  query UpstreamErrorsVehicleAndStockImage($vin: String!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    stockImage(imageId: \"bmw-3-series-g20-front\") { url }\n  }\n": typeof types.UpstreamErrorsVehicleAndStockImageDocument,
    "\n  query UpstreamErrorsVehiclesAndStockSearch {\n    vehicles(first: 2) { edges { node { vehicleId } } }\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { year }\n  }\n": typeof types.UpstreamErrorsVehiclesAndStockSearchDocument,
    "\n  query UpstreamErrorsOneVehicle { vehicles(first: 1) { edges { cursor } } }\n": typeof types.UpstreamErrorsOneVehicleDocument,
    "\n  query UpstreamErrorsStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n": typeof types.UpstreamErrorsStockImageDocument,
    "\n  query VehicleQueriesPage($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.VehicleQueriesPageDocument,
    "\n  query VehicleQueriesVehicle($id: String!) {\n    vehicle(vehicleId: $id) { id vehicleId status statusUpdatedAt manufacturer model color lot }\n  }\n": typeof types.VehicleQueriesVehicleDocument,
    "\n  query VehicleQueriesUnknownVehicle { vehicle(vehicleId: \"NO-SUCH-VEHICLE\") { vehicleId } }\n": typeof types.VehicleQueriesUnknownVehicleDocument,
    "\n  query VehicleQueriesBlankVehicleId { vehicle(vehicleId: \"   \") { vehicleId } }\n": typeof types.VehicleQueriesBlankVehicleIdDocument,
    "\n  query VehicleQueriesLastBefore($before: String) {\n    vehicles(last: 2, before: $before) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.VehicleQueriesLastBeforeDocument,
    "\n  query VehicleQueriesLastWithoutBefore { vehicles(last: 2) { edges { cursor } } }\n": typeof types.VehicleQueriesLastWithoutBeforeDocument,
    "\n  query VehicleQueriesPageTooLarge { vehicles(first: 101) { edges { cursor } } }\n": typeof types.VehicleQueriesPageTooLargeDocument,
    "\n  query VehicleQueriesSevenWithFeatures {\n    vehicles(first: 7) { edges { node { vehicleId features { featureId } } } }\n  }\n": typeof types.VehicleQueriesSevenWithFeaturesDocument,
    "\n  query VehicleQueriesToShoot { vehiclesToShoot { vehicleId status } }\n": typeof types.VehicleQueriesToShootDocument,
    "\n  query VehicleQueriesSameVehicleTwice($id: String!) {\n    a: vehicle(vehicleId: $id) { features { title } }\n    b: vehicle(vehicleId: $id) { vehicleId features { featureId } }\n  }\n": typeof types.VehicleQueriesSameVehicleTwiceDocument,
    "\n  query VehicleQueriesVehicleFeatures($id: String!) {\n    vehicle(vehicleId: $id) { vehicleId features { title } }\n  }\n": typeof types.VehicleQueriesVehicleFeaturesDocument,
    "\n  query VehicleQueriesVehicleIdOnly($id: String!) { vehicle(vehicleId: $id) { vehicleId } }\n": typeof types.VehicleQueriesVehicleIdOnlyDocument,
    "\n  query VehicleQueriesFeatureAndMissing($id: String!) {\n    feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }\n    missing: feature(featureId: \"no-such-feature\") { featureId }\n  }\n": typeof types.VehicleQueriesFeatureAndMissingDocument,
    "\n  query VehicleQueriesGlobalIds($v: String!) {\n    vehicle(vehicleId: $v) { id features { id featureId } }\n  }\n": typeof types.VehicleQueriesGlobalIdsDocument,
    "\n  query VehicleQueriesNodes($v: ID!, $f: ID!) {\n    v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }\n    f: node(id: $f) { __typename id ... on Feature { featureId } }\n  }\n": typeof types.VehicleQueriesNodesDocument,
    "\n  query VehicleQueriesMalformedNode { node(id: \"not-a-global-id\") { id } }\n": typeof types.VehicleQueriesMalformedNodeDocument,
    "\n  query VehicleStockMatches($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy manufacturer modelRange derivative year }\n    }\n  }\n": typeof types.VehicleStockMatchesDocument,
    "\n  query VehicleStockPhotos($vehicleId: String!, $views: [StockView!], $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      color\n      stockPhotos(views: $views, background: $background) {\n        view color requestedColor background url expiresAt\n      }\n    }\n  }\n": typeof types.VehicleStockPhotosDocument,
    "\n  query VehicleStockMatchesAndPhotos($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy }\n      stockPhotos(views: [FRONT]) { url }\n    }\n  }\n": typeof types.VehicleStockMatchesAndPhotosDocument,
    "\n  mutation VehicleStockUpsert($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename }\n  }\n": typeof types.VehicleStockUpsertDocument,
};
const documents: Documents = {
    "\n  query E2eVehiclesToShoot { vehiclesToShoot { vehicleId } }\n": types.E2eVehiclesToShootDocument,
    "\n  query ExamplesUntrusted { vehiclesToShoot { vehicleId } }\n": types.ExamplesUntrustedDocument,
    "\n  query CacheVehiclePage($vehicleId: String!, $photos: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) {\n      vehicleId\n      features { title }\n      stockPhotos(views: [FRONT, FRONT_RIGHT, RIGHT, REAR_RIGHT, REAR, REAR_LEFT, LEFT, FRONT_LEFT]) {\n        view\n        url\n        expiresAt\n      }\n    }\n    images(urls: $photos) { url status }\n  }\n": types.CacheVehiclePageDocument,
    "\n  query CancellationSlowStatus($url: URL!) { image(url: $url) { status } }\n": types.CancellationSlowStatusDocument,
    "\n  fragment CostFrontPhoto on StockVehicle { photo(view: FRONT) { url } }\n": types.CostFrontPhotoFragmentDoc,
    "\n  query CostVehicleWithImages($vehicleId: String!, $urls: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) { vehicleId features { title } }\n    images(urls: $urls) { url status }\n  }\n": types.CostVehicleWithImagesDocument,
    "\n  mutation CostUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { vehicleId } }\n  }\n": types.CostUpsertVehicleDocument,
    "\n  mutation CostSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n": types.CostSubmitImagesDocument,
    "\n  query CostImageStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }\n": types.CostImageStatusesDocument,
    "\n  query CostStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { derivative }\n  }\n": types.CostStockSearchDocument,
    "\n  query CostStockByVin($vin: String!) { stockByVin(vin: $vin) { derivative } }\n": types.CostStockByVinDocument,
    "\n  query CostStockByRegistration { stockByRegistration(registration: \"AB19CDE\") { derivative } }\n": types.CostStockByRegistrationDocument,
    "\n  query CostStockImage($id: String!, $color: String) { stockImage(imageId: $id, color: $color) { url } }\n": types.CostStockImageDocument,
    "\n  query CostVinPhoto($vin: String!) { stockByVin(vin: $vin) { ...CostFrontPhoto } }\n": types.CostVinPhotoDocument,
    "\n  query CostVinAndLink($vin: String!, $id: String!) {\n    stockByVin(vin: $vin) { ...CostFrontPhoto }\n    stockImage(imageId: $id) { url }\n  }\n": types.CostVinAndLinkDocument,
    "\n  query CostPagePhotos($n: Int = 11) {\n    vehicles(first: $n) {\n      edges { node { vehicleId stockPhotos(views: [FRONT, REAR, LEFT, RIGHT]) { url } } }\n    }\n  }\n": types.CostPagePhotosDocument,
    "\n  query CostPageMatches {\n    vehicles(first: 50) {\n      edges { node { vehicleId stockMatches { ...CostFrontPhoto } } }\n    }\n  }\n": types.CostPageMatchesDocument,
    "\n  query CostEightAliases($vin: String!) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n  }\n": types.CostEightAliasesDocument,
    "\n  query CostNineAliases($vin: String!, $skip: Boolean = true) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n    i: stockByVin(vin: $vin) @skip(if: $skip) { ...CostFrontPhoto }\n  }\n": types.CostNineAliasesDocument,
    "\n  mutation CostUpsertWithPhotos($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { stockPhotos { url } } }\n  }\n": types.CostUpsertWithPhotosDocument,
    "\n  query HealthVehicle($v: String!) { vehicle(vehicleId: $v) { vehicleId } }\n": types.HealthVehicleDocument,
    "\n  query HealthStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n": types.HealthStockImageDocument,
    "\n  query ImageBatchingImages($urls: [URL!]!) { images(urls: $urls) { url status } }\n": types.ImageBatchingImagesDocument,
    "\n  fragment ImageQueriesImageView on Image { id url status phase quality angle resultAvailable resultUrl }\n": types.ImageQueriesImageViewFragmentDoc,
    "\n  query ImageQueriesImage($url: URL!) { image(url: $url) { ...ImageQueriesImageView } }\n": types.ImageQueriesImageDocument,
    "\n  query ImageQueriesImages($urls: [URL!]!) { images(urls: $urls) { ...ImageQueriesImageView } }\n": types.ImageQueriesImagesDocument,
    "\n  query ImageQueriesNode($id: ID!) { node(id: $id) { __typename id ... on Image { url } } }\n": types.ImageQueriesNodeDocument,
    "\n  mutation ImageSubmissionSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted notAccepted\n        results { url outcome error { code message } image { url status submittedAt vehicle { vehicleId } } }\n      }\n      ... on CreditsExceededError { code message }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n": types.ImageSubmissionSubmitDocument,
    "\n  mutation LedgerSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { status vehicle { vehicleId } } error { code } }\n      }\n      ... on Error { code }\n      ... on IdempotencyKeyInProgressError { retryAfterSeconds }\n    }\n  }\n": types.LedgerSubmitDocument,
    "\n  query LedgerVehicleImages($vehicleId: String!, $status: [ImageStatus!]) {\n    vehicle(vehicleId: $vehicleId) {\n      images(status: $status) { url status submittedAt vehicle { vehicleId } }\n    }\n  }\n": types.LedgerVehicleImagesDocument,
    "\n  query LedgerImage($url: URL!) {\n    image(url: $url) { url vehicle { vehicleId } submittedAt }\n  }\n": types.LedgerImageDocument,
    "\n  mutation MutationsUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { vehicleId status manufacturer model modelExtension color location lot customReference suggestedGuidelineId }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n": types.MutationsUpsertVehicleDocument,
    "\n  mutation MutationsCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { featureId title icon type description ruleName annotationId detailImageId vehicle { vehicleId } }\n      ... on NotFoundError { code resource resourceId message }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": types.MutationsCreateFeatureDocument,
    "\n  mutation MutationsDeleteVehicle($id: String!) {\n    deleteVehicle(vehicleId: $id) {\n      __typename ... on Vehicle { vehicleId status } ... on NotFoundError { code resource resourceId }\n    }\n  }\n": types.MutationsDeleteVehicleDocument,
    "\n  query MutationsVehicleStatus($id: String!) { vehicle(vehicleId: $id) { status } }\n": types.MutationsVehicleStatusDocument,
    "\n  query MutationsFeature($id: String!) {\n    feature(featureId: $id) { title description ruleName annotationId vehicle { vehicleId } }\n  }\n": types.MutationsFeatureDocument,
    "\n  mutation MutationsDeleteFeature($id: String!) {\n    deleteFeature(featureId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds } ... on NotFoundError { resource resourceId }\n    }\n  }\n": types.MutationsDeleteFeatureDocument,
    "\n  query MutationsFeatureTitle($id: String!) { feature(featureId: $id) { title } }\n": types.MutationsFeatureTitleDocument,
    "\n  mutation MutationsDeleteVehicleFeatures($id: String!) {\n    deleteVehicleFeatures(vehicleId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n": types.MutationsDeleteVehicleFeaturesDocument,
    "\n  query MutationsTwoVehiclesFeatures($a: String!, $b: String!) {\n    a: vehicle(vehicleId: $a) { features { featureId } }\n    b: vehicle(vehicleId: $b) { features { featureId } }\n  }\n": types.MutationsTwoVehiclesFeaturesDocument,
    "\n  mutation MutationsDeleteNoFeatures {\n    deleteVehicleFeatures(vehicleId: \"NO-FEATURES\") { ... on DeleteFeaturesPayload { deletedFeatureIds } }\n  }\n": types.MutationsDeleteNoFeaturesDocument,
    "\n  query OutageStockImage($id: String!) { stockImage(imageId: $id) { url expiresAt } }\n": types.OutageStockImageDocument,
    "\n  query OutageStockByVin($vin: String!) { stockByVin(vin: $vin) { manufacturer } }\n": types.OutageStockByVinDocument,
    "\n  query SecurityEverything($url: URL!, $vin: String!) {\n    vehicles(first: 3) { edges { node { vehicleId features { title } } } }\n    image(url: $url) { status resultUrl }\n    stockByVin(vin: $vin) { photo(view: FRONT) { url expiresAt } }\n  }\n": types.SecurityEverythingDocument,
    "\n  query SecurityStockImageInRed {\n    stockImage(imageId: \"bmw-3-series-g20-front\", color: \"Red\") { url }\n  }\n": types.SecurityStockImageInRedDocument,
    "\n  mutation SecuritySubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      __typename ... on SubmitImagesPayload { results { outcome error { code message } } } ... on Error { message }\n    }\n  }\n": types.SecuritySubmitDocument,
    "\n  query SecurityAnyVehicle { vehicle(vehicleId: \"ANY\") { vehicleId } }\n": types.SecurityAnyVehicleDocument,
    "\n  query SecurityVehiclesToShoot { vehiclesToShoot { vehicleId } }\n": types.SecurityVehiclesToShootDocument,
    "\n  query SecurityImageStatus($u: URL!) { image(url: $u) { status } }\n": types.SecurityImageStatusDocument,
    "\n  mutation SecurityMaskedSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome error { code message } } }\n    }\n  }\n": types.SecurityMaskedSubmitDocument,
    "\n  fragment StockVehicleView on StockVehicle { manufacturer modelRange derivative bodyType year views colors }\n": types.StockVehicleViewFragmentDoc,
    "\n  fragment StockImageView on StockImage { imageId view color background url expiresAt }\n": types.StockImageViewFragmentDoc,
    "\n  query StockSearchMatch($input: StockSearchInput!) { stockSearch(input: $input) { ...StockVehicleView } }\n": types.StockSearchMatchDocument,
    "\n  query StockSearchNone {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 1950}) { manufacturer }\n  }\n": types.StockSearchNoneDocument,
    "\n  query StockByVin($vin: String!) { stockByVin(vin: $vin) { ...StockVehicleView } }\n": types.StockByVinDocument,
    "\n  query StockByVinUnknown { stockByVin(vin: \"WAUZZZ8K9BA000000\") { manufacturer } }\n": types.StockByVinUnknownDocument,
    "\n  query StockByVinNotAVin { stockByVin(vin: \"WAUZZZ8K9BA12345I\") { year } }\n": types.StockByVinNotAVinDocument,
    "\n  query StockByRegistration { stockByRegistration(registration: \" ab19 cde \") { ...StockVehicleView } }\n": types.StockByRegistrationDocument,
    "\n  query StockByRegistrationUnknown { stockByRegistration(registration: \"ZZ99 ZZZ\") { year } }\n": types.StockByRegistrationUnknownDocument,
    "\n  query StockImageLink($id: String!) {\n    stockImage(imageId: $id, color: \"Blue\", background: TRANSPARENT) { ...StockImageView }\n  }\n": types.StockImageLinkDocument,
    "\n  query StockImageMissing { stockImage(imageId: \"no-such-image\") { url } }\n": types.StockImageMissingDocument,
    "\n  query StockImageInColour($id: String!, $c: String!) { stockImage(imageId: $id, color: $c) { url } }\n": types.StockImageInColourDocument,
    "\n  query StockMissingView($vin: String!) { stockByVin(vin: $vin) { views photo(view: INSIDE_3) { url } } }\n": types.StockMissingViewDocument,
    "\n  query StockSameViewAliases {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { ...StockImageView }\n      b: photo(view: FRONT, color: \"blue\", background: OPAQUE) { ...StockImageView }\n      c: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { url }\n    }\n  }\n": types.StockSameViewAliasesDocument,
    "\n  query StockBackgrounds {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: REAR, background: OPAQUE) { url }\n      b: photo(view: REAR, background: TRANSPARENT) { url }\n      c: photo(view: REAR) { url }\n    }\n  }\n": types.StockBackgroundsDocument,
    "\n  mutation NotSentSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        results { url outcome error { code message } }\n      }\n    }\n  }\n": types.NotSentSubmitDocument,
    "\n  mutation PollingSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n": types.PollingSubmitDocument,
    "\n  subscription PollingWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url status }\n  }\n": types.PollingWatchDocument,
    "\n  subscription PollingCostlyWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url vehicle { stockPhotos { url } } }\n  }\n": types.PollingCostlyWatchDocument,
    "\n  mutation TypedUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { id vehicleId status manufacturer model color }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": types.TypedUpsertVehicleDocument,
    "\n  mutation TypedCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { id featureId title }\n      ... on NotFoundError { resource resourceId }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": types.TypedCreateFeatureDocument,
    "\n  query TypedVehicle($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      status\n      statusUpdatedAt\n      features { featureId title icon type vehicle { vehicleId } }\n    }\n  }\n": types.TypedVehicleDocument,
    "\n  query TypedVehiclePage($first: Int!, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { vehicleId manufacturer } }\n      pageInfo { hasNextPage endCursor }\n    }\n    vehiclesToShoot { vehicleId status }\n  }\n": types.TypedVehiclePageDocument,
    "\n  mutation TypedSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { id status phase vehicle { vehicleId } } }\n      }\n      ... on InputValidationError { issues { path message } }\n      ... on CreditsExceededError { message }\n    }\n  }\n": types.TypedSubmitImagesDocument,
    "\n  query TypedImages($url: URL!, $urls: [URL!]!) {\n    image(url: $url) { url status resultAvailable resultUrl angle }\n    images(urls: $urls) { url status phase quality }\n  }\n": types.TypedImagesDocument,
    "\n  query TypedNode($id: ID!, $featureId: String!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Vehicle { vehicleId }\n      ... on Image { url }\n      ... on Feature { featureId }\n    }\n    feature(featureId: $featureId) { featureId title }\n  }\n": types.TypedNodeDocument,
    "\n  query TypedStock($vin: String!, $registration: String!, $search: StockSearchInput!) {\n    stockByVin(vin: $vin) { manufacturer modelRange views colors photo(view: FRONT, color: \"Black\") { imageId url expiresAt } }\n    stockByRegistration(registration: $registration) { manufacturer modelRange }\n    stockSearch(input: $search) { derivative year }\n  }\n": types.TypedStockDocument,
    "\n  query TypedStockImage($imageId: String!, $background: StockBackground) {\n    stockImage(imageId: $imageId, background: $background) { imageId url expiresAt background }\n  }\n": types.TypedStockImageDocument,
    "\n  mutation TypedDeleteFeature($featureId: String!) {\n    deleteFeature(featureId: $featureId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n": types.TypedDeleteFeatureDocument,
    "\n  mutation TypedDeleteVehicleFeatures($vehicleId: String!) {\n    deleteVehicleFeatures(vehicleId: $vehicleId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n": types.TypedDeleteVehicleFeaturesDocument,
    "\n  mutation TypedDeleteVehicle($vehicleId: String!) {\n    deleteVehicle(vehicleId: $vehicleId) {\n      __typename\n      ... on Vehicle { vehicleId status }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n": types.TypedDeleteVehicleDocument,
    "\n  query UnknownEnumsImage($url: URL!) {\n    image(url: $url) { status phase quality resultAvailable resultUrl }\n  }\n": types.UnknownEnumsImageDocument,
    "\n  mutation UnknownEnumsSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome image { status phase } } }\n    }\n  }\n": types.UnknownEnumsSubmitDocument,
    "\n  query UnknownEnumsVehicle($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }\n": types.UnknownEnumsVehicleDocument,
    "\n  query UnknownEnumsLists {\n    vehicles(first: 3) { edges { node { status } } }\n    vehiclesToShoot { status }\n  }\n": types.UnknownEnumsListsDocument,
    "\n  query UnknownEnumsStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) {\n      views photo(view: UNKNOWN) { imageId view }\n    }\n  }\n": types.UnknownEnumsStockSearchDocument,
    "\n  query UnknownEnumsStockByVin($vin: String!) { stockByVin(vin: $vin) { views } }\n": types.UnknownEnumsStockByVinDocument,
    "\n  mutation UploadsSubmitWithFiles($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload { accepted }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n": types.UploadsSubmitWithFilesDocument,
    "\n  query UpstreamErrorsVehicleAndImage($vin: String!, $url: URL!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    image(url: $url) { status }\n  }\n": types.UpstreamErrorsVehicleAndImageDocument,
    "\n  query UpstreamErrorsImagesAndVehicle($urls: [URL!]!, $vin: String!) {\n    images(urls: $urls) { status }\n    vehicle(vehicleId: $vin) { vehicleId }\n  }\n": types.UpstreamErrorsImagesAndVehicleDocument,
    "\n  query UpstreamErrorsVehicleFeatures {\n    vehicles(first: 4) { edges { node { vehicleId features { featureId } } } }\n  }\n": types.UpstreamErrorsVehicleFeaturesDocument,
    "\n  query UpstreamErrorsVehicleAndStockImage($vin: String!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    stockImage(imageId: \"bmw-3-series-g20-front\") { url }\n  }\n": types.UpstreamErrorsVehicleAndStockImageDocument,
    "\n  query UpstreamErrorsVehiclesAndStockSearch {\n    vehicles(first: 2) { edges { node { vehicleId } } }\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { year }\n  }\n": types.UpstreamErrorsVehiclesAndStockSearchDocument,
    "\n  query UpstreamErrorsOneVehicle { vehicles(first: 1) { edges { cursor } } }\n": types.UpstreamErrorsOneVehicleDocument,
    "\n  query UpstreamErrorsStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n": types.UpstreamErrorsStockImageDocument,
    "\n  query VehicleQueriesPage($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.VehicleQueriesPageDocument,
    "\n  query VehicleQueriesVehicle($id: String!) {\n    vehicle(vehicleId: $id) { id vehicleId status statusUpdatedAt manufacturer model color lot }\n  }\n": types.VehicleQueriesVehicleDocument,
    "\n  query VehicleQueriesUnknownVehicle { vehicle(vehicleId: \"NO-SUCH-VEHICLE\") { vehicleId } }\n": types.VehicleQueriesUnknownVehicleDocument,
    "\n  query VehicleQueriesBlankVehicleId { vehicle(vehicleId: \"   \") { vehicleId } }\n": types.VehicleQueriesBlankVehicleIdDocument,
    "\n  query VehicleQueriesLastBefore($before: String) {\n    vehicles(last: 2, before: $before) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.VehicleQueriesLastBeforeDocument,
    "\n  query VehicleQueriesLastWithoutBefore { vehicles(last: 2) { edges { cursor } } }\n": types.VehicleQueriesLastWithoutBeforeDocument,
    "\n  query VehicleQueriesPageTooLarge { vehicles(first: 101) { edges { cursor } } }\n": types.VehicleQueriesPageTooLargeDocument,
    "\n  query VehicleQueriesSevenWithFeatures {\n    vehicles(first: 7) { edges { node { vehicleId features { featureId } } } }\n  }\n": types.VehicleQueriesSevenWithFeaturesDocument,
    "\n  query VehicleQueriesToShoot { vehiclesToShoot { vehicleId status } }\n": types.VehicleQueriesToShootDocument,
    "\n  query VehicleQueriesSameVehicleTwice($id: String!) {\n    a: vehicle(vehicleId: $id) { features { title } }\n    b: vehicle(vehicleId: $id) { vehicleId features { featureId } }\n  }\n": types.VehicleQueriesSameVehicleTwiceDocument,
    "\n  query VehicleQueriesVehicleFeatures($id: String!) {\n    vehicle(vehicleId: $id) { vehicleId features { title } }\n  }\n": types.VehicleQueriesVehicleFeaturesDocument,
    "\n  query VehicleQueriesVehicleIdOnly($id: String!) { vehicle(vehicleId: $id) { vehicleId } }\n": types.VehicleQueriesVehicleIdOnlyDocument,
    "\n  query VehicleQueriesFeatureAndMissing($id: String!) {\n    feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }\n    missing: feature(featureId: \"no-such-feature\") { featureId }\n  }\n": types.VehicleQueriesFeatureAndMissingDocument,
    "\n  query VehicleQueriesGlobalIds($v: String!) {\n    vehicle(vehicleId: $v) { id features { id featureId } }\n  }\n": types.VehicleQueriesGlobalIdsDocument,
    "\n  query VehicleQueriesNodes($v: ID!, $f: ID!) {\n    v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }\n    f: node(id: $f) { __typename id ... on Feature { featureId } }\n  }\n": types.VehicleQueriesNodesDocument,
    "\n  query VehicleQueriesMalformedNode { node(id: \"not-a-global-id\") { id } }\n": types.VehicleQueriesMalformedNodeDocument,
    "\n  query VehicleStockMatches($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy manufacturer modelRange derivative year }\n    }\n  }\n": types.VehicleStockMatchesDocument,
    "\n  query VehicleStockPhotos($vehicleId: String!, $views: [StockView!], $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      color\n      stockPhotos(views: $views, background: $background) {\n        view color requestedColor background url expiresAt\n      }\n    }\n  }\n": types.VehicleStockPhotosDocument,
    "\n  query VehicleStockMatchesAndPhotos($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy }\n      stockPhotos(views: [FRONT]) { url }\n    }\n  }\n": types.VehicleStockMatchesAndPhotosDocument,
    "\n  mutation VehicleStockUpsert($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename }\n  }\n": types.VehicleStockUpsertDocument,
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
export function graphql(source: "\n  query E2eVehiclesToShoot { vehiclesToShoot { vehicleId } }\n"): (typeof documents)["\n  query E2eVehiclesToShoot { vehiclesToShoot { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExamplesUntrusted { vehiclesToShoot { vehicleId } }\n"): (typeof documents)["\n  query ExamplesUntrusted { vehiclesToShoot { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheVehiclePage($vehicleId: String!, $photos: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) {\n      vehicleId\n      features { title }\n      stockPhotos(views: [FRONT, FRONT_RIGHT, RIGHT, REAR_RIGHT, REAR, REAR_LEFT, LEFT, FRONT_LEFT]) {\n        view\n        url\n        expiresAt\n      }\n    }\n    images(urls: $photos) { url status }\n  }\n"): (typeof documents)["\n  query CacheVehiclePage($vehicleId: String!, $photos: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) {\n      vehicleId\n      features { title }\n      stockPhotos(views: [FRONT, FRONT_RIGHT, RIGHT, REAR_RIGHT, REAR, REAR_LEFT, LEFT, FRONT_LEFT]) {\n        view\n        url\n        expiresAt\n      }\n    }\n    images(urls: $photos) { url status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CancellationSlowStatus($url: URL!) { image(url: $url) { status } }\n"): (typeof documents)["\n  query CancellationSlowStatus($url: URL!) { image(url: $url) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CostFrontPhoto on StockVehicle { photo(view: FRONT) { url } }\n"): (typeof documents)["\n  fragment CostFrontPhoto on StockVehicle { photo(view: FRONT) { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostVehicleWithImages($vehicleId: String!, $urls: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) { vehicleId features { title } }\n    images(urls: $urls) { url status }\n  }\n"): (typeof documents)["\n  query CostVehicleWithImages($vehicleId: String!, $urls: [URL!]!) {\n    vehicle(vehicleId: $vehicleId) { vehicleId features { title } }\n    images(urls: $urls) { url status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CostUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { vehicleId } }\n  }\n"): (typeof documents)["\n  mutation CostUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { vehicleId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CostSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n"): (typeof documents)["\n  mutation CostSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostImageStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }\n"): (typeof documents)["\n  query CostImageStatuses($urls: [URL!]!) { images(urls: $urls) { url status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { derivative }\n  }\n"): (typeof documents)["\n  query CostStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { derivative }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostStockByVin($vin: String!) { stockByVin(vin: $vin) { derivative } }\n"): (typeof documents)["\n  query CostStockByVin($vin: String!) { stockByVin(vin: $vin) { derivative } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostStockByRegistration { stockByRegistration(registration: \"AB19CDE\") { derivative } }\n"): (typeof documents)["\n  query CostStockByRegistration { stockByRegistration(registration: \"AB19CDE\") { derivative } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostStockImage($id: String!, $color: String) { stockImage(imageId: $id, color: $color) { url } }\n"): (typeof documents)["\n  query CostStockImage($id: String!, $color: String) { stockImage(imageId: $id, color: $color) { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostVinPhoto($vin: String!) { stockByVin(vin: $vin) { ...CostFrontPhoto } }\n"): (typeof documents)["\n  query CostVinPhoto($vin: String!) { stockByVin(vin: $vin) { ...CostFrontPhoto } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostVinAndLink($vin: String!, $id: String!) {\n    stockByVin(vin: $vin) { ...CostFrontPhoto }\n    stockImage(imageId: $id) { url }\n  }\n"): (typeof documents)["\n  query CostVinAndLink($vin: String!, $id: String!) {\n    stockByVin(vin: $vin) { ...CostFrontPhoto }\n    stockImage(imageId: $id) { url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostPagePhotos($n: Int = 11) {\n    vehicles(first: $n) {\n      edges { node { vehicleId stockPhotos(views: [FRONT, REAR, LEFT, RIGHT]) { url } } }\n    }\n  }\n"): (typeof documents)["\n  query CostPagePhotos($n: Int = 11) {\n    vehicles(first: $n) {\n      edges { node { vehicleId stockPhotos(views: [FRONT, REAR, LEFT, RIGHT]) { url } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostPageMatches {\n    vehicles(first: 50) {\n      edges { node { vehicleId stockMatches { ...CostFrontPhoto } } }\n    }\n  }\n"): (typeof documents)["\n  query CostPageMatches {\n    vehicles(first: 50) {\n      edges { node { vehicleId stockMatches { ...CostFrontPhoto } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostEightAliases($vin: String!) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n  }\n"): (typeof documents)["\n  query CostEightAliases($vin: String!) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostNineAliases($vin: String!, $skip: Boolean = true) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n    i: stockByVin(vin: $vin) @skip(if: $skip) { ...CostFrontPhoto }\n  }\n"): (typeof documents)["\n  query CostNineAliases($vin: String!, $skip: Boolean = true) {\n    a: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    b: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    c: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    d: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    e: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    f: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    g: stockByVin(vin: $vin) { ...CostFrontPhoto }\n    h: stockByVin(vin: $vin) { ... on StockVehicle { photo(view: FRONT) { url } } }\n    i: stockByVin(vin: $vin) @skip(if: $skip) { ...CostFrontPhoto }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CostUpsertWithPhotos($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { stockPhotos { url } } }\n  }\n"): (typeof documents)["\n  mutation CostUpsertWithPhotos($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename ... on Vehicle { stockPhotos { url } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HealthVehicle($v: String!) { vehicle(vehicleId: $v) { vehicleId } }\n"): (typeof documents)["\n  query HealthVehicle($v: String!) { vehicle(vehicleId: $v) { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HealthStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n"): (typeof documents)["\n  query HealthStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageBatchingImages($urls: [URL!]!) { images(urls: $urls) { url status } }\n"): (typeof documents)["\n  query ImageBatchingImages($urls: [URL!]!) { images(urls: $urls) { url status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImageQueriesImageView on Image { id url status phase quality angle resultAvailable resultUrl }\n"): (typeof documents)["\n  fragment ImageQueriesImageView on Image { id url status phase quality angle resultAvailable resultUrl }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageQueriesImage($url: URL!) { image(url: $url) { ...ImageQueriesImageView } }\n"): (typeof documents)["\n  query ImageQueriesImage($url: URL!) { image(url: $url) { ...ImageQueriesImageView } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageQueriesImages($urls: [URL!]!) { images(urls: $urls) { ...ImageQueriesImageView } }\n"): (typeof documents)["\n  query ImageQueriesImages($urls: [URL!]!) { images(urls: $urls) { ...ImageQueriesImageView } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageQueriesNode($id: ID!) { node(id: $id) { __typename id ... on Image { url } } }\n"): (typeof documents)["\n  query ImageQueriesNode($id: ID!) { node(id: $id) { __typename id ... on Image { url } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageSubmissionSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted notAccepted\n        results { url outcome error { code message } image { url status submittedAt vehicle { vehicleId } } }\n      }\n      ... on CreditsExceededError { code message }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ImageSubmissionSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted notAccepted\n        results { url outcome error { code message } image { url status submittedAt vehicle { vehicleId } } }\n      }\n      ... on CreditsExceededError { code message }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LedgerSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { status vehicle { vehicleId } } error { code } }\n      }\n      ... on Error { code }\n      ... on IdempotencyKeyInProgressError { retryAfterSeconds }\n    }\n  }\n"): (typeof documents)["\n  mutation LedgerSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { status vehicle { vehicleId } } error { code } }\n      }\n      ... on Error { code }\n      ... on IdempotencyKeyInProgressError { retryAfterSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerVehicleImages($vehicleId: String!, $status: [ImageStatus!]) {\n    vehicle(vehicleId: $vehicleId) {\n      images(status: $status) { url status submittedAt vehicle { vehicleId } }\n    }\n  }\n"): (typeof documents)["\n  query LedgerVehicleImages($vehicleId: String!, $status: [ImageStatus!]) {\n    vehicle(vehicleId: $vehicleId) {\n      images(status: $status) { url status submittedAt vehicle { vehicleId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerImage($url: URL!) {\n    image(url: $url) { url vehicle { vehicleId } submittedAt }\n  }\n"): (typeof documents)["\n  query LedgerImage($url: URL!) {\n    image(url: $url) { url vehicle { vehicleId } submittedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { vehicleId status manufacturer model modelExtension color location lot customReference suggestedGuidelineId }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationsUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { vehicleId status manufacturer model modelExtension color location lot customReference suggestedGuidelineId }\n      ... on InputValidationError { code message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { featureId title icon type description ruleName annotationId detailImageId vehicle { vehicleId } }\n      ... on NotFoundError { code resource resourceId message }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationsCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { featureId title icon type description ruleName annotationId detailImageId vehicle { vehicleId } }\n      ... on NotFoundError { code resource resourceId message }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsDeleteVehicle($id: String!) {\n    deleteVehicle(vehicleId: $id) {\n      __typename ... on Vehicle { vehicleId status } ... on NotFoundError { code resource resourceId }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationsDeleteVehicle($id: String!) {\n    deleteVehicle(vehicleId: $id) {\n      __typename ... on Vehicle { vehicleId status } ... on NotFoundError { code resource resourceId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationsVehicleStatus($id: String!) { vehicle(vehicleId: $id) { status } }\n"): (typeof documents)["\n  query MutationsVehicleStatus($id: String!) { vehicle(vehicleId: $id) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationsFeature($id: String!) {\n    feature(featureId: $id) { title description ruleName annotationId vehicle { vehicleId } }\n  }\n"): (typeof documents)["\n  query MutationsFeature($id: String!) {\n    feature(featureId: $id) { title description ruleName annotationId vehicle { vehicleId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsDeleteFeature($id: String!) {\n    deleteFeature(featureId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds } ... on NotFoundError { resource resourceId }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationsDeleteFeature($id: String!) {\n    deleteFeature(featureId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds } ... on NotFoundError { resource resourceId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationsFeatureTitle($id: String!) { feature(featureId: $id) { title } }\n"): (typeof documents)["\n  query MutationsFeatureTitle($id: String!) { feature(featureId: $id) { title } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsDeleteVehicleFeatures($id: String!) {\n    deleteVehicleFeatures(vehicleId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationsDeleteVehicleFeatures($id: String!) {\n    deleteVehicleFeatures(vehicleId: $id) {\n      __typename ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationsTwoVehiclesFeatures($a: String!, $b: String!) {\n    a: vehicle(vehicleId: $a) { features { featureId } }\n    b: vehicle(vehicleId: $b) { features { featureId } }\n  }\n"): (typeof documents)["\n  query MutationsTwoVehiclesFeatures($a: String!, $b: String!) {\n    a: vehicle(vehicleId: $a) { features { featureId } }\n    b: vehicle(vehicleId: $b) { features { featureId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationsDeleteNoFeatures {\n    deleteVehicleFeatures(vehicleId: \"NO-FEATURES\") { ... on DeleteFeaturesPayload { deletedFeatureIds } }\n  }\n"): (typeof documents)["\n  mutation MutationsDeleteNoFeatures {\n    deleteVehicleFeatures(vehicleId: \"NO-FEATURES\") { ... on DeleteFeaturesPayload { deletedFeatureIds } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutageStockImage($id: String!) { stockImage(imageId: $id) { url expiresAt } }\n"): (typeof documents)["\n  query OutageStockImage($id: String!) { stockImage(imageId: $id) { url expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutageStockByVin($vin: String!) { stockByVin(vin: $vin) { manufacturer } }\n"): (typeof documents)["\n  query OutageStockByVin($vin: String!) { stockByVin(vin: $vin) { manufacturer } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityEverything($url: URL!, $vin: String!) {\n    vehicles(first: 3) { edges { node { vehicleId features { title } } } }\n    image(url: $url) { status resultUrl }\n    stockByVin(vin: $vin) { photo(view: FRONT) { url expiresAt } }\n  }\n"): (typeof documents)["\n  query SecurityEverything($url: URL!, $vin: String!) {\n    vehicles(first: 3) { edges { node { vehicleId features { title } } } }\n    image(url: $url) { status resultUrl }\n    stockByVin(vin: $vin) { photo(view: FRONT) { url expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityStockImageInRed {\n    stockImage(imageId: \"bmw-3-series-g20-front\", color: \"Red\") { url }\n  }\n"): (typeof documents)["\n  query SecurityStockImageInRed {\n    stockImage(imageId: \"bmw-3-series-g20-front\", color: \"Red\") { url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecuritySubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      __typename ... on SubmitImagesPayload { results { outcome error { code message } } } ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SecuritySubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      __typename ... on SubmitImagesPayload { results { outcome error { code message } } } ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityAnyVehicle { vehicle(vehicleId: \"ANY\") { vehicleId } }\n"): (typeof documents)["\n  query SecurityAnyVehicle { vehicle(vehicleId: \"ANY\") { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityVehiclesToShoot { vehiclesToShoot { vehicleId } }\n"): (typeof documents)["\n  query SecurityVehiclesToShoot { vehiclesToShoot { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityImageStatus($u: URL!) { image(url: $u) { status } }\n"): (typeof documents)["\n  query SecurityImageStatus($u: URL!) { image(url: $u) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityMaskedSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome error { code message } } }\n    }\n  }\n"): (typeof documents)["\n  mutation SecurityMaskedSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome error { code message } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockVehicleView on StockVehicle { manufacturer modelRange derivative bodyType year views colors }\n"): (typeof documents)["\n  fragment StockVehicleView on StockVehicle { manufacturer modelRange derivative bodyType year views colors }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockImageView on StockImage { imageId view color background url expiresAt }\n"): (typeof documents)["\n  fragment StockImageView on StockImage { imageId view color background url expiresAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockSearchMatch($input: StockSearchInput!) { stockSearch(input: $input) { ...StockVehicleView } }\n"): (typeof documents)["\n  query StockSearchMatch($input: StockSearchInput!) { stockSearch(input: $input) { ...StockVehicleView } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockSearchNone {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 1950}) { manufacturer }\n  }\n"): (typeof documents)["\n  query StockSearchNone {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 1950}) { manufacturer }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockByVin($vin: String!) { stockByVin(vin: $vin) { ...StockVehicleView } }\n"): (typeof documents)["\n  query StockByVin($vin: String!) { stockByVin(vin: $vin) { ...StockVehicleView } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockByVinUnknown { stockByVin(vin: \"WAUZZZ8K9BA000000\") { manufacturer } }\n"): (typeof documents)["\n  query StockByVinUnknown { stockByVin(vin: \"WAUZZZ8K9BA000000\") { manufacturer } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockByVinNotAVin { stockByVin(vin: \"WAUZZZ8K9BA12345I\") { year } }\n"): (typeof documents)["\n  query StockByVinNotAVin { stockByVin(vin: \"WAUZZZ8K9BA12345I\") { year } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockByRegistration { stockByRegistration(registration: \" ab19 cde \") { ...StockVehicleView } }\n"): (typeof documents)["\n  query StockByRegistration { stockByRegistration(registration: \" ab19 cde \") { ...StockVehicleView } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockByRegistrationUnknown { stockByRegistration(registration: \"ZZ99 ZZZ\") { year } }\n"): (typeof documents)["\n  query StockByRegistrationUnknown { stockByRegistration(registration: \"ZZ99 ZZZ\") { year } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockImageLink($id: String!) {\n    stockImage(imageId: $id, color: \"Blue\", background: TRANSPARENT) { ...StockImageView }\n  }\n"): (typeof documents)["\n  query StockImageLink($id: String!) {\n    stockImage(imageId: $id, color: \"Blue\", background: TRANSPARENT) { ...StockImageView }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockImageMissing { stockImage(imageId: \"no-such-image\") { url } }\n"): (typeof documents)["\n  query StockImageMissing { stockImage(imageId: \"no-such-image\") { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockImageInColour($id: String!, $c: String!) { stockImage(imageId: $id, color: $c) { url } }\n"): (typeof documents)["\n  query StockImageInColour($id: String!, $c: String!) { stockImage(imageId: $id, color: $c) { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockMissingView($vin: String!) { stockByVin(vin: $vin) { views photo(view: INSIDE_3) { url } } }\n"): (typeof documents)["\n  query StockMissingView($vin: String!) { stockByVin(vin: $vin) { views photo(view: INSIDE_3) { url } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockSameViewAliases {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { ...StockImageView }\n      b: photo(view: FRONT, color: \"blue\", background: OPAQUE) { ...StockImageView }\n      c: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { url }\n    }\n  }\n"): (typeof documents)["\n  query StockSameViewAliases {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { ...StockImageView }\n      b: photo(view: FRONT, color: \"blue\", background: OPAQUE) { ...StockImageView }\n      c: photo(view: FRONT, color: \"Blue\", background: OPAQUE) { url }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockBackgrounds {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: REAR, background: OPAQUE) { url }\n      b: photo(view: REAR, background: TRANSPARENT) { url }\n      c: photo(view: REAR) { url }\n    }\n  }\n"): (typeof documents)["\n  query StockBackgrounds {\n    stockByRegistration(registration: \"AB19CDE\") {\n      a: photo(view: REAR, background: OPAQUE) { url }\n      b: photo(view: REAR, background: TRANSPARENT) { url }\n      c: photo(view: REAR) { url }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NotSentSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        results { url outcome error { code message } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation NotSentSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        results { url outcome error { code message } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PollingSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n"): (typeof documents)["\n  mutation PollingSubmit($input: SubmitImagesInput!) {\n    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PollingWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url status }\n  }\n"): (typeof documents)["\n  subscription PollingWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PollingCostlyWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url vehicle { stockPhotos { url } } }\n  }\n"): (typeof documents)["\n  subscription PollingCostlyWatch($urls: [URL!]) {\n    imageUpdated(urls: $urls) { url vehicle { stockPhotos { url } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { id vehicleId status manufacturer model color }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedUpsertVehicle($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) {\n      __typename\n      ... on Vehicle { id vehicleId status manufacturer model color }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { id featureId title }\n      ... on NotFoundError { resource resourceId }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedCreateFeature($input: CreateFeatureInput!) {\n    createFeature(input: $input) {\n      __typename\n      ... on Feature { id featureId title }\n      ... on NotFoundError { resource resourceId }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedVehicle($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      status\n      statusUpdatedAt\n      features { featureId title icon type vehicle { vehicleId } }\n    }\n  }\n"): (typeof documents)["\n  query TypedVehicle($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      id\n      vehicleId\n      status\n      statusUpdatedAt\n      features { featureId title icon type vehicle { vehicleId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedVehiclePage($first: Int!, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { vehicleId manufacturer } }\n      pageInfo { hasNextPage endCursor }\n    }\n    vehiclesToShoot { vehicleId status }\n  }\n"): (typeof documents)["\n  query TypedVehiclePage($first: Int!, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { vehicleId manufacturer } }\n      pageInfo { hasNextPage endCursor }\n    }\n    vehiclesToShoot { vehicleId status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { id status phase vehicle { vehicleId } } }\n      }\n      ... on InputValidationError { issues { path message } }\n      ... on CreditsExceededError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedSubmitImages($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload {\n        accepted\n        results { url outcome image { id status phase vehicle { vehicleId } } }\n      }\n      ... on InputValidationError { issues { path message } }\n      ... on CreditsExceededError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedImages($url: URL!, $urls: [URL!]!) {\n    image(url: $url) { url status resultAvailable resultUrl angle }\n    images(urls: $urls) { url status phase quality }\n  }\n"): (typeof documents)["\n  query TypedImages($url: URL!, $urls: [URL!]!) {\n    image(url: $url) { url status resultAvailable resultUrl angle }\n    images(urls: $urls) { url status phase quality }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedNode($id: ID!, $featureId: String!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Vehicle { vehicleId }\n      ... on Image { url }\n      ... on Feature { featureId }\n    }\n    feature(featureId: $featureId) { featureId title }\n  }\n"): (typeof documents)["\n  query TypedNode($id: ID!, $featureId: String!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Vehicle { vehicleId }\n      ... on Image { url }\n      ... on Feature { featureId }\n    }\n    feature(featureId: $featureId) { featureId title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedStock($vin: String!, $registration: String!, $search: StockSearchInput!) {\n    stockByVin(vin: $vin) { manufacturer modelRange views colors photo(view: FRONT, color: \"Black\") { imageId url expiresAt } }\n    stockByRegistration(registration: $registration) { manufacturer modelRange }\n    stockSearch(input: $search) { derivative year }\n  }\n"): (typeof documents)["\n  query TypedStock($vin: String!, $registration: String!, $search: StockSearchInput!) {\n    stockByVin(vin: $vin) { manufacturer modelRange views colors photo(view: FRONT, color: \"Black\") { imageId url expiresAt } }\n    stockByRegistration(registration: $registration) { manufacturer modelRange }\n    stockSearch(input: $search) { derivative year }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypedStockImage($imageId: String!, $background: StockBackground) {\n    stockImage(imageId: $imageId, background: $background) { imageId url expiresAt background }\n  }\n"): (typeof documents)["\n  query TypedStockImage($imageId: String!, $background: StockBackground) {\n    stockImage(imageId: $imageId, background: $background) { imageId url expiresAt background }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedDeleteFeature($featureId: String!) {\n    deleteFeature(featureId: $featureId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedDeleteFeature($featureId: String!) {\n    deleteFeature(featureId: $featureId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedDeleteVehicleFeatures($vehicleId: String!) {\n    deleteVehicleFeatures(vehicleId: $vehicleId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedDeleteVehicleFeatures($vehicleId: String!) {\n    deleteVehicleFeatures(vehicleId: $vehicleId) {\n      __typename\n      ... on DeleteFeaturesPayload { deletedFeatureIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TypedDeleteVehicle($vehicleId: String!) {\n    deleteVehicle(vehicleId: $vehicleId) {\n      __typename\n      ... on Vehicle { vehicleId status }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n"): (typeof documents)["\n  mutation TypedDeleteVehicle($vehicleId: String!) {\n    deleteVehicle(vehicleId: $vehicleId) {\n      __typename\n      ... on Vehicle { vehicleId status }\n      ... on NotFoundError { resource resourceId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnknownEnumsImage($url: URL!) {\n    image(url: $url) { status phase quality resultAvailable resultUrl }\n  }\n"): (typeof documents)["\n  query UnknownEnumsImage($url: URL!) {\n    image(url: $url) { status phase quality resultAvailable resultUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnknownEnumsSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome image { status phase } } }\n    }\n  }\n"): (typeof documents)["\n  mutation UnknownEnumsSubmit($urls: [URL!]!) {\n    submitImages(input: {vehicleId: \"V\", urls: $urls, processing: {cutType: NONE}}) {\n      ... on SubmitImagesPayload { results { outcome image { status phase } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnknownEnumsVehicle($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }\n"): (typeof documents)["\n  query UnknownEnumsVehicle($id: String!) { vehicle(vehicleId: $id) { vehicleId status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnknownEnumsLists {\n    vehicles(first: 3) { edges { node { status } } }\n    vehiclesToShoot { status }\n  }\n"): (typeof documents)["\n  query UnknownEnumsLists {\n    vehicles(first: 3) { edges { node { status } } }\n    vehiclesToShoot { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnknownEnumsStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) {\n      views photo(view: UNKNOWN) { imageId view }\n    }\n  }\n"): (typeof documents)["\n  query UnknownEnumsStockSearch {\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) {\n      views photo(view: UNKNOWN) { imageId view }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnknownEnumsStockByVin($vin: String!) { stockByVin(vin: $vin) { views } }\n"): (typeof documents)["\n  query UnknownEnumsStockByVin($vin: String!) { stockByVin(vin: $vin) { views } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadsSubmitWithFiles($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload { accepted }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadsSubmitWithFiles($input: SubmitImagesInput!) {\n    submitImages(input: $input) {\n      __typename\n      ... on SubmitImagesPayload { accepted }\n      ... on InputValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsVehicleAndImage($vin: String!, $url: URL!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    image(url: $url) { status }\n  }\n"): (typeof documents)["\n  query UpstreamErrorsVehicleAndImage($vin: String!, $url: URL!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    image(url: $url) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsImagesAndVehicle($urls: [URL!]!, $vin: String!) {\n    images(urls: $urls) { status }\n    vehicle(vehicleId: $vin) { vehicleId }\n  }\n"): (typeof documents)["\n  query UpstreamErrorsImagesAndVehicle($urls: [URL!]!, $vin: String!) {\n    images(urls: $urls) { status }\n    vehicle(vehicleId: $vin) { vehicleId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsVehicleFeatures {\n    vehicles(first: 4) { edges { node { vehicleId features { featureId } } } }\n  }\n"): (typeof documents)["\n  query UpstreamErrorsVehicleFeatures {\n    vehicles(first: 4) { edges { node { vehicleId features { featureId } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsVehicleAndStockImage($vin: String!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    stockImage(imageId: \"bmw-3-series-g20-front\") { url }\n  }\n"): (typeof documents)["\n  query UpstreamErrorsVehicleAndStockImage($vin: String!) {\n    vehicle(vehicleId: $vin) { vehicleId }\n    stockImage(imageId: \"bmw-3-series-g20-front\") { url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsVehiclesAndStockSearch {\n    vehicles(first: 2) { edges { node { vehicleId } } }\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { year }\n  }\n"): (typeof documents)["\n  query UpstreamErrorsVehiclesAndStockSearch {\n    vehicles(first: 2) { edges { node { vehicleId } } }\n    stockSearch(input: {manufacturer: \"BMW\", modelRange: \"3 Series\", year: 2020}) { year }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsOneVehicle { vehicles(first: 1) { edges { cursor } } }\n"): (typeof documents)["\n  query UpstreamErrorsOneVehicle { vehicles(first: 1) { edges { cursor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpstreamErrorsStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n"): (typeof documents)["\n  query UpstreamErrorsStockImage { stockImage(imageId: \"bmw-3-series-g20-front\") { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesPage($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query VehicleQueriesPage($first: Int, $after: String, $filter: VehicleFilter, $orderBy: VehicleOrder) {\n    vehicles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesVehicle($id: String!) {\n    vehicle(vehicleId: $id) { id vehicleId status statusUpdatedAt manufacturer model color lot }\n  }\n"): (typeof documents)["\n  query VehicleQueriesVehicle($id: String!) {\n    vehicle(vehicleId: $id) { id vehicleId status statusUpdatedAt manufacturer model color lot }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesUnknownVehicle { vehicle(vehicleId: \"NO-SUCH-VEHICLE\") { vehicleId } }\n"): (typeof documents)["\n  query VehicleQueriesUnknownVehicle { vehicle(vehicleId: \"NO-SUCH-VEHICLE\") { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesBlankVehicleId { vehicle(vehicleId: \"   \") { vehicleId } }\n"): (typeof documents)["\n  query VehicleQueriesBlankVehicleId { vehicle(vehicleId: \"   \") { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesLastBefore($before: String) {\n    vehicles(last: 2, before: $before) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query VehicleQueriesLastBefore($before: String) {\n    vehicles(last: 2, before: $before) {\n      edges { cursor node { id vehicleId status statusUpdatedAt manufacturer } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesLastWithoutBefore { vehicles(last: 2) { edges { cursor } } }\n"): (typeof documents)["\n  query VehicleQueriesLastWithoutBefore { vehicles(last: 2) { edges { cursor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesPageTooLarge { vehicles(first: 101) { edges { cursor } } }\n"): (typeof documents)["\n  query VehicleQueriesPageTooLarge { vehicles(first: 101) { edges { cursor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesSevenWithFeatures {\n    vehicles(first: 7) { edges { node { vehicleId features { featureId } } } }\n  }\n"): (typeof documents)["\n  query VehicleQueriesSevenWithFeatures {\n    vehicles(first: 7) { edges { node { vehicleId features { featureId } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesToShoot { vehiclesToShoot { vehicleId status } }\n"): (typeof documents)["\n  query VehicleQueriesToShoot { vehiclesToShoot { vehicleId status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesSameVehicleTwice($id: String!) {\n    a: vehicle(vehicleId: $id) { features { title } }\n    b: vehicle(vehicleId: $id) { vehicleId features { featureId } }\n  }\n"): (typeof documents)["\n  query VehicleQueriesSameVehicleTwice($id: String!) {\n    a: vehicle(vehicleId: $id) { features { title } }\n    b: vehicle(vehicleId: $id) { vehicleId features { featureId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesVehicleFeatures($id: String!) {\n    vehicle(vehicleId: $id) { vehicleId features { title } }\n  }\n"): (typeof documents)["\n  query VehicleQueriesVehicleFeatures($id: String!) {\n    vehicle(vehicleId: $id) { vehicleId features { title } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesVehicleIdOnly($id: String!) { vehicle(vehicleId: $id) { vehicleId } }\n"): (typeof documents)["\n  query VehicleQueriesVehicleIdOnly($id: String!) { vehicle(vehicleId: $id) { vehicleId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesFeatureAndMissing($id: String!) {\n    feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }\n    missing: feature(featureId: \"no-such-feature\") { featureId }\n  }\n"): (typeof documents)["\n  query VehicleQueriesFeatureAndMissing($id: String!) {\n    feature(featureId: $id) { featureId title description icon type vehicle { vehicleId manufacturer } }\n    missing: feature(featureId: \"no-such-feature\") { featureId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesGlobalIds($v: String!) {\n    vehicle(vehicleId: $v) { id features { id featureId } }\n  }\n"): (typeof documents)["\n  query VehicleQueriesGlobalIds($v: String!) {\n    vehicle(vehicleId: $v) { id features { id featureId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesNodes($v: ID!, $f: ID!) {\n    v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }\n    f: node(id: $f) { __typename id ... on Feature { featureId } }\n  }\n"): (typeof documents)["\n  query VehicleQueriesNodes($v: ID!, $f: ID!) {\n    v: node(id: $v) { __typename id ... on Vehicle { vehicleId } }\n    f: node(id: $f) { __typename id ... on Feature { featureId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleQueriesMalformedNode { node(id: \"not-a-global-id\") { id } }\n"): (typeof documents)["\n  query VehicleQueriesMalformedNode { node(id: \"not-a-global-id\") { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleStockMatches($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy manufacturer modelRange derivative year }\n    }\n  }\n"): (typeof documents)["\n  query VehicleStockMatches($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy manufacturer modelRange derivative year }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleStockPhotos($vehicleId: String!, $views: [StockView!], $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      color\n      stockPhotos(views: $views, background: $background) {\n        view color requestedColor background url expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query VehicleStockPhotos($vehicleId: String!, $views: [StockView!], $background: StockBackground) {\n    vehicle(vehicleId: $vehicleId) {\n      color\n      stockPhotos(views: $views, background: $background) {\n        view color requestedColor background url expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VehicleStockMatchesAndPhotos($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy }\n      stockPhotos(views: [FRONT]) { url }\n    }\n  }\n"): (typeof documents)["\n  query VehicleStockMatchesAndPhotos($vehicleId: String!) {\n    vehicle(vehicleId: $vehicleId) {\n      stockMatches { matchedBy }\n      stockPhotos(views: [FRONT]) { url }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VehicleStockUpsert($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation VehicleStockUpsert($input: UpsertVehicleInput!) {\n    upsertVehicle(input: $input) { __typename }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;