import { type ForecourtClient, ForecourtError } from "./client.js";
import { graphql } from "./gql/index.js";

/**
 * What a dealer's showroom page needs: vehicles with their feature hotspots, the processing
 * status of their photos, stock photos of the model, and a way to submit new photos.
 */

export const ShowroomVehicles = graphql(`
  query ShowroomVehicles($first: Int!, $after: String) {
    vehicles(first: $first, after: $after) {
      edges {
        node {
          id
          vehicleId
          manufacturer
          model
          color
          status
          statusUpdatedAt
          features {
            featureId
            title
            icon
            type
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PhotoStatuses = graphql(`
  query PhotoStatuses($urls: [URL!]!) {
    images(urls: $urls) {
      url
      status
      phase
      quality
      resultAvailable
      resultUrl
    }
  }
`);

export const StockPhotos = graphql(`
  query StockPhotos($vin: String!) {
    stockByVin(vin: $vin) {
      manufacturer
      modelRange
      derivative
      views
      colors
      front: photo(view: FRONT, background: TRANSPARENT) {
        url
        expiresAt
      }
    }
  }
`);

export const SubmitPhotos = graphql(`
  mutation SubmitPhotos($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        accepted
        notAccepted
        results {
          url
          outcome
          image {
            status
            phase
          }
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
      ... on Error {
        code
        message
      }
    }
  }
`);

export interface ShowroomSummary {
  vehicles: { vehicleId: string; name: string; features: string[] }[];
  photos: { url: string; status: string; resultUrl: string | null }[];
  stock: { name: string; frontPhoto: string | null }[];
  submitted: { accepted: number; outcomes: string[] };
}

/** Loads a showroom page and submits new photos for one vehicle. */
export async function showroom(
  client: ForecourtClient,
  input: { vin: string; photoUrls: string[]; newPhotoUrls: string[]; uploadKey?: string },
): Promise<ShowroomSummary> {
  const [{ vehicles }, { images }, { stockByVin }] = await Promise.all([
    client.request(ShowroomVehicles, { first: 10 }),
    client.request(PhotoStatuses, { urls: input.photoUrls }),
    client.request(StockPhotos, { vin: input.vin }),
  ]);
  // One key per upload, made once: a retry after a lost answer (a slow network, a reload) sends
  // the same key, and the gateway answers the first submission instead of billing a second.
  const idempotencyKey = input.uploadKey ?? crypto.randomUUID();
  const submitPhotos = () =>
    client.request(SubmitPhotos, {
      input: {
        vehicleId: input.vin,
        urls: input.newPhotoUrls,
        processing: { cutType: "NORMAL" },
        idempotencyKey,
      },
    });
  const { submitImages } = await submitPhotos().catch((error: unknown) => {
    if (error instanceof ForecourtError) throw error;
    return submitPhotos();
  });
  if (submitImages.__typename !== "SubmitImagesPayload") {
    throw new Error(`submission refused: ${submitImages.message}`);
  }
  return {
    vehicles: (vehicles?.edges ?? []).map(({ node }) => ({
      vehicleId: node.vehicleId,
      name: [node.manufacturer, node.model].filter(Boolean).join(" "),
      features: (node.features ?? []).map((f) => f.title),
    })),
    photos: (images ?? []).flatMap((image) =>
      image ? [{ url: image.url, status: image.status, resultUrl: image.resultUrl ?? null }] : [],
    ),
    stock: (stockByVin ?? []).map((s) => ({
      name: [s.manufacturer, s.modelRange, s.derivative].filter(Boolean).join(" "),
      frontPhoto: s.front?.url ?? null,
    })),
    submitted: {
      accepted: submitImages.accepted,
      outcomes: submitImages.results.map((r) => r.outcome),
    },
  };
}
