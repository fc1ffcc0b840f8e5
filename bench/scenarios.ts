import { Pool } from "undici";
import { z } from "zod";
import {
  EMULATOR_DEFAULT_CARCUTTER_TOKEN,
  EMULATOR_DEFAULT_CUSTOMER,
  EMULATOR_DEFAULT_ONEAUTO_KEY,
} from "../src/config.js";
import { SEED_VEHICLES } from "../src/emulators/carcutter/seed.js";
import {
  CARCUTTER,
  featuresResponseDto,
  imageStatusResponseDto,
  MAX_IMAGE_URLS_PER_CALL,
  vehicleListResponseDto,
  vehicleResponseDto,
} from "../src/upstreams/carcutter/dto.js";
import {
  identificationResponseDto,
  imageFromIdResponseDto,
  ONEAUTO,
  signedLinkExpiry,
} from "../src/upstreams/oneauto/dto.js";
import { defaultHttpSettings } from "../src/upstreams/settings.js";
import { GUARDS_SWITCH } from "./switches.js";
import type { ConfigOverrides } from "./target.js";

/**
 * The operations of the benchmark, each twice: as one GraphQL operation sent to the gateway, and
 * as the plain HTTP calls a client would make to the upstreams without a gateway (the floor). Both
 * sides reduce their answer to the same summary, compared once before any load, so the floor is
 * proven to fetch the same data.
 */

export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** A bare HTTP client of one upstream: one keep-alive Pool, JSON.parse of each body, no validation. */
export class PlainClient {
  readonly #pool: Pool;
  readonly #headers: Readonly<Record<string, string>>;

  constructor(baseUrl: string, connections: number, headers: Readonly<Record<string, string>>) {
    this.#pool = new Pool(baseUrl, { connections });
    this.#headers = { ...headers, accept: "application/json" };
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

/** The floor's clients: as many connections to each upstream as the gateway keeps. */
export interface FloorClients {
  carcutter: PlainClient;
  oneauto: PlainClient;
}

export function floorClients(urls: { carcutterUrl: string; oneautoUrl: string }): FloorClients {
  return {
    carcutter: new PlainClient(urls.carcutterUrl, defaultHttpSettings("carcutter").connections, {
      authorization: `Bearer ${EMULATOR_DEFAULT_CARCUTTER_TOKEN}`,
    }),
    oneauto: new PlainClient(urls.oneautoUrl, defaultHttpSettings("oneauto").connections, {
      "x-api-key": EMULATOR_DEFAULT_ONEAUTO_KEY,
    }),
  };
}

export async function closeFloorClients(clients: FloorClients): Promise<void> {
  await Promise.all([clients.carcutter.close(), clients.oneauto.close()]);
}

export interface GraphqlOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** One configuration of the gateway a scenario is measured with (a row of the table each). */
export interface GatewayVariant {
  /** The table's "via" column. */
  label: string;
  /** In file names (CPU profiles). */
  slug: string;
  /** Configuration variables on top of the target's own (bench/target.ts). */
  config: ConfigOverrides;
}

export const DEFAULT_GATEWAY: GatewayVariant = {
  label: "gateway (GraphQL)",
  slug: "gateway",
  config: {},
};

/**
 * OneAuto answers never reused, exactly as test/support/gateway.ts's NO_CACHE_ENV: identification
 * TTL 0, and a link is only kept while it has more than 7 days of life left, which none has.
 */
export const NO_CACHE_CONFIG: ConfigOverrides = {
  IDENTIFICATION_CACHE_TTL_MS: "0",
  STOCK_LINK_SAFETY_MARGIN_MS: String(7 * 24 * 60 * 60 * 1000),
};

/** The gateway without its guards (static estimate, document backstops): what they cost. */
export const GUARDS_OFF: GatewayVariant = {
  label: "gateway, guards off",
  slug: "gateway-guards-off",
  config: { [GUARDS_SWITCH]: "off" },
};

export const CACHE_ON: GatewayVariant = {
  label: "gateway, cache on",
  slug: "gateway-cache-on",
  config: {},
};
export const CACHE_OFF: GatewayVariant = {
  label: "gateway, cache off",
  slug: "gateway-cache-off",
  config: NO_CACHE_CONFIG,
};

export interface Scenario {
  name: string;
  /** Said under the table: what the operation holds and why. */
  notes: readonly string[];
  /** The gateway's configurations, one row each; [DEFAULT_GATEWAY] when absent. */
  gateways?: readonly GatewayVariant[];
  /** Also measured with the guards on and off, interleaved (bench/run.ts, compareGuards). */
  compareGuards?: boolean;
  /** Also climbs the ladder: CPU per operation of the bare stack, then phase by phase. */
  ladder?: boolean;
  operation: GraphqlOperation;
  /** The answer's `data` in words; throws if it is not what the scenario asks for. */
  summarizeGraphql(data: unknown): string;
  /** One round of the floor; resolves with the parsed bodies, as a client would hold them. */
  floor(clients: FloorClients): Promise<unknown>;
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
  const response = await fetch(`${carcutterUrl}${CARCUTTER.submitImages.path}`, {
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
  compareGuards: true,
  ladder: true,
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
  floor({ carcutter: client }) {
    const query = [["vehicle_id", vehicleWithFeatures.vehicle_id]] as const;
    return Promise.all([
      client.get(CARCUTTER.vehicle.path, query),
      client.get(CARCUTTER.features.path, query),
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
  compareGuards: true,
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
  floor: ({ carcutter: client }) =>
    client.get(
      CARCUTTER.imageStatuses.path,
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
  floor({ carcutter: client }) {
    const withFeatures = async () => {
      const list = await client.post(CARCUTTER.listVehicles.path, {
        customer: EMULATOR_DEFAULT_CUSTOMER,
        sort_by: "last_update",
        sort_direction: "DESC",
        limit: PAGE_SIZE,
        offset: 0,
      });
      const features = await Promise.all(
        vehicleIdsOf(list).map((id) => client.get(CARCUTTER.features.path, [["vehicle_id", id]])),
      );
      return { list, features };
    };
    const statuses = client.get(
      CARCUTTER.imageStatuses.path,
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

// ---------------------------------------------------------------------------------------------
// The vehicle page with stock photos: CarCutter's vehicle, features and photo statuses, and 8
// OneAuto stock photos (1 paid VIN search + 8 paid links when nothing is cached).

export const STOCK_VIN = "WBA5R1C50KAE81715";
const stockSeed = SEED_VEHICLES.find((v) => v.vehicle_id === STOCK_VIN);
if (!stockSeed) throw new Error(`the CarCutter seed has no ${STOCK_VIN}`);
const stockPagePhotoUrls = stockSeed.images.map((image) => image.url);
/** The exterior views, as the gateway names them; OneAuto's names are these in lower case. */
const STOCK_PAGE_VIEWS = [
  "FRONT",
  "FRONT_RIGHT",
  "RIGHT",
  "REAR_RIGHT",
  "REAR",
  "REAR_LEFT",
  "LEFT",
  "FRONT_LEFT",
] as const;
/**
 * OneAuto's generic colour for the seeded paint ("Mineralgrau Metallic"), as the model's colour
 * list spells it. The gateway maps it from the paint (src/domains/stock/colours.ts); the floor's
 * client is assumed to know it. The summaries compare the colour in every link, so a wrong one
 * here fails the bench before any load.
 */
const STOCK_COLOUR = "gray";

/** The OneAuto operations billed for a page view (each answered 200 here). */
export const PAGE_PAID_OPERATIONS = [ONEAUTO.searchByVin.name, ONEAUTO.imageLink.name] as const;

/**
 * `8 stock photos (FRONT, …) of bmw-3-series-g20 in gray, opaque`: the views asked for, each link's
 * image (its id must be the model's photo of that view), colour and background, from the link's
 * path (`/cdn/vehicleimagery/<imageId>/<colour>/<background>.png`). Every link must not have expired.
 */
function stockPhotosSummary(
  photos: readonly { view: string; url: string; expiresAt: number | undefined }[],
): string {
  const now = Date.now();
  const ofModel = new Set<string>();
  const byView = new Map<string, string>();
  for (const { view, url, expiresAt } of photos) {
    if (expiresAt === undefined || !(expiresAt > now)) {
      throw new Error(`the ${view} link has expired or says no expiry: ${url}`);
    }
    const match = /^\/cdn\/vehicleimagery\/([^/]+)\/([^/]+)\/([^/]+)\.png$/.exec(
      new URL(url).pathname,
    );
    const [, imageId, colour, background] = match ?? [];
    const suffix = `-${view.toLowerCase().replaceAll("_", "-")}`;
    if (!imageId?.endsWith(suffix)) throw new Error(`the ${view} link is not of that view: ${url}`);
    if (byView.has(view)) throw new Error(`two links for ${view}`);
    byView.set(view, url);
    ofModel.add(`${imageId.slice(0, -suffix.length)} in ${colour}, ${background}`);
  }
  const views = STOCK_PAGE_VIEWS.filter((view) => byView.has(view));
  if (views.length !== STOCK_PAGE_VIEWS.length || byView.size !== views.length) {
    throw new Error(
      `stock photos of ${[...byView.keys()].join(", ")}; asked for ${STOCK_PAGE_VIEWS.join(", ")}`,
    );
  }
  return `${views.length} stock photos (${views.join(", ")}) of ${[...ofModel].sort().join("; ")}`;
}

const gqlStockPage = z.object({
  vehicle: z
    .object({
      vehicleId: z.string(),
      features: z.array(z.object({ title: z.string() })).nullable(),
      stockPhotos: z
        .array(z.object({ view: z.string(), url: z.string(), expiresAt: z.string() }))
        .nullable(),
    })
    .nullable(),
  images: z.unknown(),
});

/** A field of a parsed body, read as a client would (no schema). */
function fieldOf(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** `result.images[0].image_ids[view]` of a VIN search answer: the image id of a view. */
function imageIdOf(vinAnswer: unknown, view: string): string {
  const images = fieldOf(fieldOf(vinAnswer, "result"), "images");
  const id = fieldOf(fieldOf(Array.isArray(images) ? images[0] : undefined, "image_ids"), view);
  if (typeof id !== "string") throw new Error(`the VIN search answered no image id for ${view}`);
  return id;
}

/** Exported for the paid-calls count (bench/run.ts), which views this page 1,000 times. */
export const stockVehiclePage: Scenario = {
  name: "vehicle page with 8 stock photos",
  notes: [
    `vehicle(vehicleId: "${STOCK_VIN}") with its features and stockPhotos(views: [the 8 exterior views]), and images(urls: [its ${stockPagePhotoUrls.length} seeded photos]): the page of test/gateway/cache.test.ts. Uncached, a view costs 9 OneAuto paid calls (1 VIN search, 8 links).`,
    "Gateway twice: cache on (the default configuration) and cache off (IDENTIFICATION_CACHE_TTL_MS=0, STOCK_LINK_SAFETY_MARGIN_MS=7 days, as test/support/gateway.ts's NO_CACHE_ENV). With the cache on, every operation after the first takes the VIN search and the links from the cache; CarCutter is never cached.",
    `Floor: GET /vehicle/status, GET /vehicle/features, GET /vehicle/image/status (${stockPagePhotoUrls.length} URLs) and OneAuto's GET /vehicleimagery/imagesearchfromvin/ in parallel, then 8 GET /vehicleimagery/imagefromid in parallel (generic_colour_desc=${STOCK_COLOUR}, x-api-key). A plain client has no cache: it pays 9 OneAuto calls every round. The gateway cannot overlap as much (the links wait for the vehicle's colour and the VIN search, which waits for the vehicle).`,
  ],
  gateways: [CACHE_ON, CACHE_OFF],
  operation: {
    query: `query BenchVehiclePageWithStockPhotos($vehicleId: String!, $photos: [URL!]!) {
  vehicle(vehicleId: $vehicleId) {
    vehicleId
    features { title }
    stockPhotos(views: [${STOCK_PAGE_VIEWS.join(", ")}]) { view url expiresAt }
  }
  images(urls: $photos) { url status }
}`,
    variables: { vehicleId: STOCK_VIN, photos: stockPagePhotoUrls },
  },
  summarizeGraphql(data) {
    const { vehicle, images } = gqlStockPage.parse(data);
    if (!vehicle?.features || !vehicle.stockPhotos) {
      throw new Error("no vehicle, no features or no stock photos");
    }
    const photos = vehicle.stockPhotos.map((photo) => ({
      ...photo,
      expiresAt: Date.parse(photo.expiresAt),
    }));
    return [
      vehicleSummary(vehicle.vehicleId, vehicle.features),
      imagesOf({ images }, stockPagePhotoUrls),
      stockPhotosSummary(photos),
    ].join(", ");
  },
  async floor({ carcutter, oneauto }) {
    const query = [["vehicle_id", STOCK_VIN]] as const;
    const stock = async () => {
      const vin = await oneauto.get(ONEAUTO.searchByVin.path, [
        ["vehicle_identification_number", STOCK_VIN],
      ]);
      const links = await Promise.all(
        STOCK_PAGE_VIEWS.map((view) =>
          oneauto.get(ONEAUTO.imageLink.path, [
            ["image_id", imageIdOf(vin, view.toLowerCase())],
            ["generic_colour_desc", STOCK_COLOUR],
          ]),
        ),
      );
      return { vin, links };
    };
    return Promise.all([
      carcutter.get(CARCUTTER.vehicle.path, query),
      carcutter.get(CARCUTTER.features.path, query),
      carcutter.get(
        CARCUTTER.imageStatuses.path,
        stockPagePhotoUrls.map((url) => ["image_url", url] as const),
      ),
      stock(),
    ]);
  },
  summarizeFloor(bodies) {
    const [status, features, statuses, stock] = z
      .tuple([
        z.unknown(),
        z.unknown(),
        z.unknown(),
        z.object({ vin: identificationResponseDto, links: z.array(imageFromIdResponseDto) }),
      ])
      .parse(bodies);
    const { vehicle } = vehicleResponseDto.parse(status);
    const photos = STOCK_PAGE_VIEWS.map((view, i) => {
      const url = stock.links[i]?.result.image_url ?? "";
      return { view, url, expiresAt: signedLinkExpiry(url) };
    });
    return [
      vehicleSummary(vehicle.vehicle_id, featuresResponseDto.parse(features).features),
      floorImagesOf(statuses, stockPagePhotoUrls),
      stockPhotosSummary(photos),
    ].join(", ");
  },
};

/** `i01`…`i60`, as the peer harness's Q2a document names its aliases and variables (`$u01`…). */
const aliasKeys = statusBatchUrls.map((_, i) => String(i + 1).padStart(2, "0"));

/** The peer harness's Q2a: the status batch as one aliased root field per photo. */
const aliasedImageStatuses: Scenario = {
  name: `statuses of ${STATUS_BATCH} images as ${STATUS_BATCH} aliased fields (Q2a)`,
  ladder: true,
  notes: [
    `${STATUS_BATCH} aliased image(url:) root fields, one variable each, as the peer harness's Q2a document (../shared/peers/peers/forecourt/q2a.graphql); the photos of scenario 2. The gateway batches them into one status call.`,
    `Floor: one GET /vehicle/image/status with ${STATUS_BATCH} image_url parameters.`,
  ],
  operation: {
    query: `query Q2a(${aliasKeys.map((k) => `$u${k}: URL!`).join(", ")}) {
${aliasKeys.map((k) => `  i${k}: image(url: $u${k}) { url angle status phase quality }`).join("\n")}
}`,
    variables: Object.fromEntries(statusBatchUrls.map((url, i) => [`u${aliasKeys[i]}`, url])),
  },
  summarizeGraphql(data) {
    const fields = z.record(z.string(), gqlImage).parse(data);
    return imagesOf({ images: aliasKeys.map((k) => fields[`i${k}`] ?? null) }, statusBatchUrls);
  },
  floor: imageStatuses.floor,
  summarizeFloor: imageStatuses.summarizeFloor,
};

export const SCENARIOS: readonly Scenario[] = [
  oneVehicle,
  imageStatuses,
  vehiclePage,
  stockVehiclePage,
  aliasedImageStatuses,
];
