/** What the note reads of an urql result (a query's, or a mutation's). */
interface Answer {
  extensions?: Record<string, unknown> | undefined;
  /** An incremental answer with parts still to come: its cost comes with its last part. */
  hasNext?: boolean | undefined;
  operation?: { context: { meta?: { cacheOutcome?: string } | undefined } } | undefined;
}

/**
 * What a view cost upstream, from the answer's `extensions.cost`: calls made, what was billed
 * (photos processed by CarCutter, stock photo links from OneAuto: one submission call bills
 * every photo in it), the estimated pence, and cache hits. A view answered from this page's own
 * cache made no request at all.
 */

interface CostExtension {
  calls: number;
  /**
   * Billed units (`upstreamCalls[].paidUnits`): photos CarCutter processes, OneAuto stock photo
   * links, and OneAuto's paid lookups (by VIN or registration), which are not photos.
   */
  billed: { photos: number; stockPhotos: number; lookups: number };
  estimatedPence: number;
  cacheHitCount: number;
  spentPenceToday?: number;
  pencePerDay?: number | null;
}

function costOf(result: Answer | undefined): CostExtension | undefined {
  const cost = result?.extensions?.cost as
    | (Partial<CostExtension> & {
        upstreamCalls?: { upstream: string; operation: string; paidUnits?: number }[];
      })
    | undefined;
  if (!cost || typeof cost.calls !== "number") return undefined;
  const billed = { photos: 0, stockPhotos: 0, lookups: 0 };
  for (const call of cost.upstreamCalls ?? []) {
    const units = call.paidUnits ?? 0;
    if (call.upstream === "carcutter") billed.photos += units;
    else if (call.operation === ONEAUTO_IMAGE_LINK) billed.stockPhotos += units;
    else if (call.upstream === "oneauto") billed.lookups += units;
  }
  return {
    calls: cost.calls,
    billed,
    estimatedPence: cost.estimatedPence ?? 0,
    cacheHitCount: cost.cacheHitCount ?? 0,
    ...(typeof cost.spentPenceToday === "number" ? { spentPenceToday: cost.spentPenceToday } : {}),
    ...(cost.pencePerDay !== undefined ? { pencePerDay: cost.pencePerDay } : {}),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** OneAuto's one operation that bills a stock photo link (the gateway's ONEAUTO.imageLink). */
const ONEAUTO_IMAGE_LINK = "GET /vehicleimagery/imagefromid";

function billedText(billed: CostExtension["billed"]): string {
  const parts = [
    ...(billed.photos > 0 ? [plural(billed.photos, "photo")] : []),
    ...(billed.stockPhotos > 0 ? [plural(billed.stockPhotos, "stock photo")] : []),
    ...(billed.lookups > 0 ? [plural(billed.lookups, "stock lookup")] : []),
  ];
  return parts.length > 0 ? `${parts.join(" and ")} billed` : "nothing billed";
}

export function pounds(pence: number): string {
  return pence >= 100 ? `£${(pence / 100).toFixed(2)}` : `${Math.round(pence * 10) / 10}p`;
}

export function CostNote(props: { label: string; result: Answer | undefined }) {
  const { label, result } = props;
  if (!result) return null;
  const fromPage = result.operation?.context.meta?.cacheOutcome === "hit";
  const cost = costOf(result);
  let text: string;
  if (fromPage) text = "from this page's cache: no request, nothing spent";
  else if (result.hasNext) text = "counted when its last part arrives…";
  else if (!cost) text = "cost not reported";
  else {
    text = `${plural(cost.calls, "upstream call")}, ${billedText(cost.billed)}, ${pounds(cost.estimatedPence)}`;
    if (cost.cacheHitCount > 0)
      text += ` (${plural(cost.cacheHitCount, "answer")} from the gateway's cache)`;
  }
  return (
    <p className="cost" data-testid="cost">
      <span className="cost-label">{label}:</span> {text}
      {cost?.spentPenceToday !== undefined && !fromPage ? (
        <span className="cost-today">
          {" "}
          · today {pounds(cost.spentPenceToday)}
          {cost.pencePerDay ? ` of ${pounds(cost.pencePerDay)}` : ""}
        </span>
      ) : null}
    </p>
  );
}
