import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useQuery, useSubscription } from "urql";
import { CostNote } from "./cost.js";
import {
  LivePhotos,
  PhotoFields,
  StockByVin,
  StockImageFields,
  VEHICLE_STOCK_VIEWS,
  VehiclePage,
  VehicleStockFields,
} from "./documents.js";
import { describeError } from "./errors.js";
import { type FragmentType, getFragmentData, isFragmentReady } from "./gql/fragment-masking.js";
import type {
  Incremental,
  ShowroomPhotoFragment,
  ShowroomStockImageFragment,
  ShowroomVehicleStockFragment,
  StockBackground,
} from "./gql/graphql.js";
import { useLiveRetry } from "./live-retry.js";
import { useOutageReport } from "./outage.js";
import { UploadForm } from "./upload-form.js";

/**
 * One vehicle: its details and feature hotspots, its photos with their live processing status
 * and results, stock photos of the model in its colour, and an upload form. The live view opens
 * with the page, before any upload, and follows photos submitted later (imageUpdated by
 * vehicleId stays open).
 *
 * One operation (VehiclePage): the record, features and photos come in its first payload; the
 * stock photos are deferred and streamed, each shown as its paid link arrives, a placeholder in
 * its place until then.
 */

export function VehiclePageView(props: { vehicleId: string; back(): void }) {
  const { vehicleId } = props;
  const [background, setBackground] = useState<StockBackground | "">("");
  const [result] = useQuery({
    query: VehiclePage,
    variables: { vehicleId, background: background || null },
  });
  const down = useOutageReport("vehicle", result.error);
  const [live, resubscribe] = useSubscription(
    { query: LivePhotos, variables: { vehicleId } },
    (photos: Record<string, ShowroomPhotoFragment> = {}, event) => {
      const photo = getFragmentData(PhotoFields, event.imageUpdated);
      return { ...photos, [photo.url]: photo };
    },
  );
  const liveState = useLiveRetry(live.error, live.data, () =>
    resubscribe({ requestPolicy: "network-only" }),
  );
  const vehicle = result.data?.vehicle;
  const queried = (vehicle?.images ?? []).filter((image) => image !== null);
  const photos = mergePhotos(getFragmentData(PhotoFields, queried), live.data ?? {});

  return (
    <article className="vehicle" data-testid="vehicle-page">
      <p>
        <button type="button" className="link" onClick={props.back}>
          ← Stock
        </button>
      </p>
      <h1>
        {vehicle
          ? `${vehicle.manufacturer ?? ""} ${vehicle.model ?? ""} ${vehicle.modelExtension ?? ""}`
          : vehicleId}
      </h1>
      <CostNote
        label="Details, features, photos and stock photos"
        result={result.data ? result : undefined}
      />
      {result.fetching && !vehicle ? <p>Loading…</p> : null}
      {result.error && down.length === 0 ? (
        <p className="error">{describeError(result.error)}</p>
      ) : null}
      {result.data && !vehicle && !result.error ? (
        <p className="error">No vehicle {vehicleId}.</p>
      ) : null}
      {vehicle ? (
        <section className="details">
          <dl>
            <dt>Vehicle id</dt>
            <dd>{vehicle.vehicleId}</dd>
            <dt>Colour</dt>
            <dd>{vehicle.color ?? "—"}</dd>
            <dt>Status</dt>
            <dd>{vehicle.status}</dd>
            <dt>Location</dt>
            <dd>
              {vehicle.location ?? "—"} {vehicle.lot ? `(lot ${vehicle.lot})` : ""}
            </dd>
            <dt>Reference</dt>
            <dd>{vehicle.customReference ?? "—"}</dd>
          </dl>
          <h2>Features</h2>
          {vehicle.features && vehicle.features.length > 0 ? (
            <ul className="features" data-testid="features">
              {vehicle.features.map((feature) => (
                <li key={feature.id}>
                  <span className="feature-icon">{feature.icon}</span>{" "}
                  <strong>{feature.title}</strong>
                  {feature.description ? <span> — {feature.description}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>No feature hotspots yet.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">
          Photos{" "}
          <span
            className={`live live-${liveState.kind === "live" ? "on" : "retrying"}`}
            data-testid="live-state"
            data-state={liveState.kind}
            aria-live="polite"
          >
            {liveState.kind === "live"
              ? "live"
              : `live view interrupted: reconnecting in ${liveState.inSeconds} s (attempt ${liveState.attempt})`}
          </span>
        </h2>
        {photos.length === 0 ? <p>No photos submitted yet.</p> : null}
        <ul className="photos" data-testid="photos">
          {photos.map((photo) => (
            <li key={photo.url} data-testid="photo" data-url={photo.url} data-status={photo.status}>
              {photo.resultUrl ? (
                <img src={photo.resultUrl} alt={`Processed ${photo.url}`} className="result" />
              ) : (
                <span className="no-photo">
                  {photo.phase ? photo.phase.toLowerCase() : "waiting"}
                </span>
              )}
              <span className={`status status-${photo.status.toLowerCase()}`}>{photo.status}</span>
              {photo.quality === "RETAKE" ? <span className="warn">retake advised</span> : null}
              <small className="url">{photo.url}</small>
            </li>
          ))}
        </ul>
      </section>

      {vehicle ? (
        <UploadForm
          vehicleId={vehicleId}
          suggestedGuidelineId={vehicle.suggestedGuidelineId ?? null}
        />
      ) : null}
      <StockPhotosSection
        vehicleId={vehicleId}
        carcutterDown={down.includes("carcutter")}
        vehicle={vehicle ?? undefined}
        streaming={result.hasNext === true || result.fetching}
        background={background}
        setBackground={setBackground}
      />
    </article>
  );
}

/** The query's photos, each replaced by its latest live status, plus photos the live view added. */
function mergePhotos(
  queried: readonly (ShowroomPhotoFragment | null)[],
  live: Readonly<Record<string, ShowroomPhotoFragment>>,
): ShowroomPhotoFragment[] {
  const byUrl = new Map<string, ShowroomPhotoFragment>();
  for (const photo of queried) if (photo) byUrl.set(photo.url, photo);
  for (const photo of Object.values(live)) {
    const before = byUrl.get(photo.url);
    byUrl.set(photo.url, {
      ...photo,
      submittedAt: photo.submittedAt ?? before?.submittedAt ?? null,
    });
  }
  return [...byUrl.values()].sort((a, b) =>
    (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""),
  );
}

const BACKGROUNDS: { value: StockBackground | ""; label: string }[] = [
  { value: "", label: "OneAuto's default" },
  { value: "OPAQUE", label: "Studio" },
  { value: "TRANSPARENT", label: "Transparent" },
];

/**
 * Stock photos in the vehicle's colour (OneAuto), from the page's deferred fragment: a
 * placeholder per view until its photo arrives. While CarCutter is down the colour is unknown,
 * so they are found by VIN alone (an operation of its own), in the model's default colour, and
 * the page says so.
 */
function StockPhotosSection(props: {
  vehicleId: string;
  carcutterDown: boolean;
  /** The page's vehicle, its deferred stock fragment masked (read once it is ready). */
  vehicle: FragmentType<TypedDocumentNode<Incremental<ShowroomVehicleStockFragment>>> | undefined;
  /** Whether the page's operation has more to send. */
  streaming: boolean;
  background: StockBackground | "";
  setBackground(background: StockBackground | ""): void;
}) {
  const { background, setBackground } = props;
  const [byVin] = useQuery({
    query: StockByVin,
    variables: { vin: props.vehicleId, background: background || null },
    pause: !props.carcutterDown,
  });
  const down = useOutageReport("stock-photos", props.carcutterDown ? byVin.error : undefined);
  const model = byVin.data?.stockByVin?.[0];
  const { vehicle } = props;
  // Read only once its deferred payload has come: until then its fields are absent.
  const deferred =
    vehicle !== undefined && isFragmentReady(VehiclePage, VehicleStockFields, vehicle)
      ? getFragmentData(VehicleStockFields, vehicle)
      : undefined;
  const byVinPhotos = [model?.frontLeft, model?.rearRight].filter((photo) => photo != null);
  const photos: ShowroomStockImageFragment[] = props.carcutterDown
    ? [...getFragmentData(StockImageFields, byVinPhotos)]
    : [...getFragmentData(StockImageFields, deferred?.stockPhotos ?? [])];
  // Views still on their way: the stream is open and their photo has not come.
  const waiting =
    props.carcutterDown || !props.streaming
      ? []
      : VEHICLE_STOCK_VIEWS.filter((view) => !photos.some((photo) => photo.view === view));
  const substituted = photos.find((photo) => photo.requestedColor)?.requestedColor;
  const fetching = props.carcutterDown ? byVin.fetching : props.streaming;

  return (
    <section aria-labelledby="stock-photos-heading" data-testid="stock-photos">
      <h2 id="stock-photos-heading">Stock photos</h2>
      <label>
        Background{" "}
        <select
          name="background"
          value={background}
          onChange={(event) => setBackground(event.target.value as StockBackground | "")}
        >
          {BACKGROUNDS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      {props.carcutterDown ? (
        <CostNote label="Stock photos" result={byVin.data ? byVin : undefined} />
      ) : null}
      {props.carcutterDown ? (
        <p className="note">
          The vehicle's colour is unknown while CarCutter is down: these show the model's default
          colour.
        </p>
      ) : null}
      {substituted ? (
        <p className="note" data-testid="colour-note">
          OneAuto has no photo in {substituted}: these show the model's default colour.
        </p>
      ) : null}
      {byVin.error && down.length === 0 ? (
        <p className="error">{describeError(byVin.error)}</p>
      ) : null}
      {!fetching && !byVin.error && photos.length === 0 ? (
        <p>OneAuto has no stock photos of this model.</p>
      ) : null}
      <ul className={`stock-photos background-${(background || "default").toLowerCase()}`}>
        {photos.map((photo) => (
          <li key={photo.imageId}>
            <img
              src={photo.url}
              alt={`The model from stock, ${photo.view?.toLowerCase() ?? "view"}`}
              data-testid="stock-photo"
            />
            <small>
              {photo.view?.replaceAll("_", " ").toLowerCase()} · {photo.color ?? "default colour"}
            </small>
          </li>
        ))}
        {waiting.map((view) => (
          <li key={view} data-testid="stock-photo-placeholder" data-view={view}>
            <span className="no-photo">…</span>
            <small>{view.replaceAll("_", " ").toLowerCase()} · on its way</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
