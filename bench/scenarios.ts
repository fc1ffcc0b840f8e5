import { Pool } from "undici";
import { z } from "zod";
import { EMULATOR_DEFAULT_CARCUTTER_TOKEN, EMULATOR_DEFAULT_CUSTOMER } from "../src/config.js";
import { SEED_VEHICLES } from "../src/emulators/carcutter/seed.js";
import {
  featuresResponseDto,
  imageStatusResponseDto,
  MAX_IMAGE_URLS_PER_CALL,
  vehicleListResponseDto,
  vehicleResponseDto,
} from "../src/upstreams/carcutter/dto.js";

/**
 * The three operations of the benchmark, each twice: as one GraphQL operation sent to the gateway,
 * and as the plain HTTP calls a client would make to CarCutter without a gateway (the floor). Both
 * sides reduce their answer to the same summary, compared once before any load, so the floor is
 * proven to fetch the same data.
 */

export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** A bare CarCutter client: one keep-alive Pool, JSON.parse of each body, no validation. */
export class PlainCarCutter {
  readonly #pool: Pool;
  readonly #headers = {
    authorization: `Bearer ${EMULATOR_DEFAULT_CARCUTTER_TOKEN}`,
    accept: "application/json",
  };

  constructor(baseUrl: string, connections: number) {
    this.#pool = new Pool(baseUrl, { connections });
  }

  get(path: string, query: QueryParams): Promise<unknown> {
    const qs = new URLSearchParams();
    for (const [name, value] of query) qs.append(name, value);
    return this.#send("GET", `${path}?${qs.toString()}`);
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.#send("POST", path, JSON.stringify(body));
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  async #send(method: "GET" | "POST", path: string, body?: string): Promise<unknown> {
    const response = await this.#pool.request({
      method,
      path,
      headers:
        body === undefined
          ? this.#headers
          : { ...this.#headers, "content-type": "application/json" },
      body: body ?? null,
    });
    if (response.statusCode !== 200) {
      const text = await response.body.text();
      throw new Error(`${method} ${path}: HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
    }
    return response.body.json();
  }
}

export interface GraphqlOperation {
  query: string;
  variables: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  /** Said under the table: what the operation holds and why. */
  notes: readonly string[];
  operation: GraphqlOperation;
  /** The answer's `data` in words; throws if it is not what the scenario asks for. */
  summarizeGraphql(data: unknown): string;
  /** One round of the floor; resolves with the parsed bodies, as a client would hold them. */
  floor(client: PlainCarCutter): Promise<unknown>;
  /** The floor's bodies in the same words as summarizeGraphql. */
  summarizeFloor(bodies: unknown): string;
}

// ---------------------------------------------------------------------------------------------
// Data: everything comes from the emulator's seed, plus photos the benchmark submits (prepare).

const vehicleWithFeatures = SEED_VEHICLES.reduce((best, v) =>
  v.features.length > best.features.length ? v : best,
);

const PAGE_SIZE = 20;
const pageVehicles = SEED_VEHICLES.slice(0, PAGE_SIZE);
const pageImageUrls = pageVehicles.flatMap((v) => v.images.map((image) => image.url));

const STATUS_BATCH = MAX_IMAGE_URLS_PER_CALL;
const seededImageUrls = SEED_VEHICLES.flatMap((v) => v.images.map((image) => image.url));
const BENCH_ANGLES = ["front-left", "front-right", "side-left", "side-right", "rear", "dashboard"];
/** Submitted by `prepare` so that all 60 photos are known to CarCutter (seeded ones come first). */
export const SUBMITTED_IMAGE_URLS = Array.from(
  { length: Math.max(0, STATUS_BATCH - seededImageUrls.length) },
  (_, i) => `https://photos.example.com/forecourt-bench/${i + 1}/${BENCH_ANGLES[i % 6]}.jpg`,
);
const statusBatchUrls = [...seededImageUrls, ...SUBMITTED_IMAGE_URLS].slice(0, STATUS_BATCH);

/**
 * Makes every photo of the status scenario known to CarCutter: one submission of the ones the seed
 * lacks (the emulator bills its own credits and fetches nothing). Run against each fresh target
 * before it is measured, so the gateway and the floor see the same photos in the same states.
 */
export async function prepare(carcutterUrl: string): Promise<void> {
  if (SUBMITTED_IMAGE_URLS.length === 0) return;
  const form = new FormData();
  for (const url of SUBMITTED_IMAGE_URLS) form.append("image_url", url);
  form.append("vehicle_id", vehicleWithFeatures.vehicle_id);
  form.append("cut_type", "normal");
  const response = await fetch(`${carcutterUrl}/vehicle/image/submission`, {
    method: "POST",
    headers: { authorization: `Bearer ${EMULATOR_DEFAULT_CARCUTTER_TOKEN}` },
    body: form,
  });
  if (!response.ok) {
    throw new Error(`preparing photos: HTTP ${response.status}: ${await response.text()}`);
  }
  await response.arrayBuffer();
}

// ---------------------------------------------------------------------------------------------
// Summaries: the same words from a GraphQL answer and from CarCutter's bodies.

const gqlFeature = z.object({ featureId: z.string(), title: z.string() });
const gqlImage = z.object({ url: z.string(), status: z.string() }).nullable();
const gqlVehicle = z.object({ vehicleId: z.string(), features: z.array(gqlFeature).nullable() });

/** `60 statuses (FINAL 11, PROCESSING 40, …)`, in a fixed order. */
function statusSummary(statuses: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} ${n}`);
  return `${statuses.length} statuses (${parts.join(", ")})`;
}

/** CarCutter's `qa-ing` is the gateway's `QA_ING`; the same words on both sides. */
const wireStatus = (status: string) => status.toUpperCase().replaceAll("-", "_");

function imagesOf(data: unknown, urls: readonly string[]): string {
  const images = z.object({ images: z.array(gqlImage) }).parse(data).images;
  images.forEach((image, i) => {
    if (image === null) throw new Error(`images[${i}] is null`);
    if (image.url !== urls[i]) throw new Error(`images[${i}] is ${image.url}, not ${urls[i]}`);
  });
  return statusSummary(images.map((image) => image?.status ?? "null"));
}

function floorImagesOf(body: unknown, urls: readonly string[]): string {
  const images = imageStatusResponseDto.parse(body).data.images;
  const byUrl = new Map(images.map((image) => [image.image, image]));
  return statusSummary(urls.map((url) => wireStatus(byUrl.get(url)?.status ?? "null")));
}

function vehicleSummary(id: string, features: readonly { title: string }[]): string {
  return `${id}: ${features.length} features (${features.map((f) => f.title).join(", ")})`;
}

function pageSummary(vehicleIds: readonly string[], featureCount: number): string {
  const expected = pageVehicles.map((v) => v.vehicle_id);
  const missing = expected.filter((id) => !vehicleIds.includes(id));
  if (missing.length > 0 || vehicleIds.length !== expected.length) {
    throw new Error(
      `the page holds ${vehicleIds.join(", ")}; the image URLs were taken for ${expected.join(", ")}`,
    );
  }
  return `${vehicleIds.length} vehicles (${PAGE_SIZE} requested), ${featureCount} features`;
}

/** The ids in a `/vehicle/list` body, read as a client would (no schema). */
function vehicleIdsOf(list: unknown): string[] {
  if (!Array.isArray(list)) throw new Error("/vehicle/list did not answer an array");
  return list.map((item: unknown) => {
    if (typeof item === "object" && item !== null && "vehicle_id" in item) {
      if (typeof item.vehicle_id === "string") return item.vehicle_id;
    }
    throw new Error("/vehicle/list answered an item without vehicle_id");
  });
}

// ---------------------------------------------------------------------------------------------
// The scenarios.

const oneVehicle: Scenario = {
  name: "one vehicle with features",
  notes: [
    `vehicle(vehicleId: "${vehicleWithFeatures.vehicle_id}") with its ${vehicleWithFeatures.features.length} features (the seeded vehicle with the most).`,
    "Floor: GET /vehicle/status and GET /vehicle/features in parallel. The gateway also starts the features read beside the vehicle read (Query.vehicle sees that features are selected), so both pay one round trip of latency.",
  ],
  operation: {
    query: `query BenchVehicle($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) {
    vehicleId status statusUpdatedAt manufacturer model modelExtension color location lot customReference
    features { featureId title description icon type ruleName }
  }
}`,
    variables: { vehicleId: vehicleWithFeatures.vehicle_id },
  },
  summarizeGraphql(data) {
    const { vehicle } = z.object({ vehicle: gqlVehicle.nullable() }).parse(data);
    if (!vehicle?.features) throw new Error("no vehicle, or no features");
    return vehicleSummary(vehicle.vehicleId, vehicle.features);
  },
  floor(client) {
    const query = [["vehicle_id", vehicleWithFeatures.vehicle_id]] as const;
    return Promise.all([
      client.get("/vehicle/status", query),
      client.get("/vehicle/features", query),
    ]);
  },
  summarizeFloor(bodies) {
    const [status, features] = z.tuple([z.unknown(), z.unknown()]).parse(bodies);
    const { vehicle } = vehicleResponseDto.parse(status);
    return vehicleSummary(vehicle.vehicle_id, featuresResponseDto.parse(features).features);
  },
};

const imageStatuses: Scenario = {
  name: `statuses of ${STATUS_BATCH} images`,
  notes: [
    `images(urls: [${STATUS_BATCH} URLs]): the ${Math.min(seededImageUrls.length, STATUS_BATCH)} seeded photos (every stage) and ${SUBMITTED_IMAGE_URLS.length} more submitted before the run (still processing; the emulator's step is an hour, so no state changes during a run).`,
    `Floor: one GET /vehicle/image/status with ${STATUS_BATCH} image_url parameters.`,
  ],
  operation: {
    query: `query BenchImages($urls: [URL!]!) {
  images(urls: $urls) { url status phase quality angle resultAvailable }
}`,
    variables: { urls: statusBatchUrls },
  },
  summarizeGraphql: (data) => imagesOf(data, statusBatchUrls),
  floor: (client) =>
    client.get(
      "/vehicle/image/status",
      statusBatchUrls.map((url) => ["image_url", url] as const),
    ),
  summarizeFloor: (body) => floorImagesOf(body, statusBatchUrls),
};

const vehiclePage: Scenario = {
  name: `vehicles(first: ${PAGE_SIZE}) with features and image status`,
  notes: [
    `vehicles(first: ${PAGE_SIZE}) with each vehicle's features, and in the same operation images(urls: [${pageImageUrls.length} URLs]): the seeded photos of those vehicles, named by the client, because the schema has no Vehicle.images yet (it comes with the submission ledger). ${PAGE_SIZE} requested, ${pageVehicles.length} exist.`,
    `Floor: POST /vehicle/list (limit ${PAGE_SIZE}) then GET /vehicle/features for every vehicle in parallel, alongside one GET /vehicle/image/status for the ${pageImageUrls.length} URLs.`,
  ],
  operation: {
    query: `query BenchVehiclePage($first: Int!, $urls: [URL!]!) {
  vehicles(first: $first) {
    edges { node { vehicleId status manufacturer model modelExtension color features { featureId title icon type } } }
    pageInfo { hasNextPage endCursor }
  }
  images(urls: $urls) { url status phase quality angle resultAvailable }
}`,
    variables: { first: PAGE_SIZE, urls: pageImageUrls },
  },
  summarizeGraphql(data) {
    const parsed = z
      .object({
        vehicles: z.object({ edges: z.array(z.object({ node: gqlVehicle })) }),
        images: z.unknown(),
      })
      .parse(data);
    const nodes = parsed.vehicles.edges.map((edge) => edge.node);
    const features = nodes.reduce((n, node) => {
      if (!node.features) throw new Error(`no features for ${node.vehicleId}`);
      return n + node.features.length;
    }, 0);
    const page = pageSummary(
      nodes.map((node) => node.vehicleId),
      features,
    );
    return `${page}, ${imagesOf({ images: parsed.images }, pageImageUrls)}`;
  },
  floor(client) {
    const withFeatures = async () => {
      const list = await client.post("/vehicle/list", {
        customer: EMULATOR_DEFAULT_CUSTOMER,
        sort_by: "last_update",
        sort_direction: "DESC",
        limit: PAGE_SIZE,
        offset: 0,
      });
      const features = await Promise.all(
        vehicleIdsOf(list).map((id) => client.get("/vehicle/features", [["vehicle_id", id]])),
      );
      return { list, features };
    };
    const statuses = client.get(
      "/vehicle/image/status",
      pageImageUrls.map((url) => ["image_url", url] as const),
    );
    return Promise.all([withFeatures(), statuses]);
  },
  summarizeFloor(bodies) {
    const [page, statuses] = z
      .tuple([
        z.object({ list: vehicleListResponseDto, features: z.array(z.unknown()) }),
        z.unknown(),
      ])
      .parse(bodies);
    const features = page.features.reduce<number>(
      (n, body) => n + featuresResponseDto.parse(body).features.length,
      0,
    );
    const summary = pageSummary(
      page.list.map((v) => v.vehicle_id),
      features,
    );
    return `${summary}, ${floorImagesOf(statuses, pageImageUrls)}`;
  },
};

export const SCENARIOS: readonly Scenario[] = [oneVehicle, imageStatuses, vehiclePage];
