import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useQuery } from "urql";
import { CostNote } from "./cost.js";
import { StockList, StockThumbFields } from "./documents.js";
import { describeError } from "./errors.js";
import { type FragmentType, getFragmentData, isFragmentReady } from "./gql/fragment-masking.js";
import type { Incremental, ShowroomStockThumbFragment, VehicleStatus } from "./gql/graphql.js";
import { useOutageReport } from "./outage.js";

/**
 * The dealer's stock: a page of vehicles at a time, filtered by manufacturer and status, each
 * shown with its first processed photo, or a stock photo of the model when it has none yet. One
 * operation: the cards come first, each stock thumbnail deferred until its paid link arrives.
 */

const PAGE_SIZE = 6;
const STATUSES: VehicleStatus[] = ["ACTIVE", "NEW"];

type Page = { first: number; after?: string } | { last: number; before: string };

export function StockListView(props: { open(vehicleId: string): void }) {
  const [manufacturer, setManufacturer] = useState("");
  const [status, setStatus] = useState<VehicleStatus | "">("");
  const [page, setPage] = useState<Page>({ first: PAGE_SIZE });
  const filter = {
    ...(manufacturer.trim() ? { manufacturer: [manufacturer.trim()] } : {}),
    ...(status ? { status: [status] } : {}),
  };
  const [result] = useQuery({
    query: StockList,
    variables: { ...page, filter: Object.keys(filter).length > 0 ? filter : null },
  });
  useOutageReport("stock-list", result.error);
  const connection = result.data?.vehicles;
  const refilter = (apply: () => void) => {
    apply();
    setPage({ first: PAGE_SIZE });
  };

  return (
    <section aria-labelledby="stock-heading">
      <h1 id="stock-heading">Stock</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Manufacturer
          <input
            name="manufacturer"
            value={manufacturer}
            placeholder="e.g. BMW"
            onChange={(event) => refilter(() => setManufacturer(event.target.value))}
          />
        </label>
        <label>
          Status
          <select
            name="status"
            value={status}
            onChange={(event) =>
              refilter(() => setStatus(event.target.value as VehicleStatus | ""))
            }
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === "NEW" ? "New (to photograph)" : "Active"}
              </option>
            ))}
          </select>
        </label>
      </form>
      <CostNote label="This list" result={result.data ? result : undefined} />
      {result.fetching && !connection ? <p>Loading stock…</p> : null}
      {result.error && !connection ? <p className="error">{describeError(result.error)}</p> : null}
      {connection && connection.edges.length === 0 ? <p>No vehicle matches.</p> : null}
      <ul className="stock" data-testid="stock-list">
        {connection?.edges.map(({ node }) => {
          const processed = node.images?.find((image) => image?.resultUrl)?.resultUrl;
          return (
            <li key={node.id} data-testid="stock-item" data-vehicle-id={node.vehicleId}>
              <button type="button" className="card" onClick={() => props.open(node.vehicleId)}>
                {processed ? (
                  <img src={processed} alt={`${node.manufacturer ?? ""} ${node.model ?? ""}`} />
                ) : (
                  <StockThumbnail vehicle={node} />
                )}
                <span className="card-title">
                  {node.manufacturer} {node.model} <small>{node.modelExtension}</small>
                </span>
                <span className="card-meta">
                  {node.color ?? "colour unknown"} · {node.location ?? "—"}{" "}
                  {node.lot ? `· ${node.lot}` : ""}
                </span>
                <span className={`status status-${(node.status ?? "UNKNOWN").toLowerCase()}`}>
                  {node.status}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <nav className="pager">
        <button
          type="button"
          disabled={!connection?.pageInfo.hasPreviousPage || !connection.pageInfo.startCursor}
          onClick={() => {
            const before = connection?.pageInfo.startCursor;
            if (before) setPage({ last: PAGE_SIZE, before });
          }}
        >
          ← Previous
        </button>
        <button
          type="button"
          disabled={!connection?.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
          onClick={() => {
            const after = connection?.pageInfo.endCursor;
            if (after) setPage({ first: PAGE_SIZE, after });
          }}
        >
          Next →
        </button>
      </nav>
    </section>
  );
}

/** A stock photo of the model, for a vehicle with no processed photo yet, once it has come. */
function StockThumbnail(props: {
  vehicle: FragmentType<TypedDocumentNode<Incremental<ShowroomStockThumbFragment>>>;
}) {
  const { vehicle } = props;
  // Until its deferred payload has come, the card shows a placeholder.
  if (!isFragmentReady(StockList, StockThumbFields, vehicle)) {
    return <span className="no-photo stock-placeholder">…</span>;
  }
  const photo = getFragmentData(StockThumbFields, vehicle).stockPhotos?.[0];
  if (photo) return <img src={photo.url} alt="The model, from stock" className="stock-photo" />;
  return <span className="no-photo">No photo yet</span>;
}
