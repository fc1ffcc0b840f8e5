/** What the note reads of an urql result (a query's, or a mutation's). */
interface Answer {
  extensions?: Record<string, unknown> | undefined;
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
  /** Billed units by upstream (`upstreamCalls[].paidUnits`). */
  billed: { carcutter: number; oneauto: number };
  estimatedPence: number;
  cacheHitCount: number;
  spentPenceToday?: number;
  pencePerDay?: number | null;
}

function costOf(result: Answer | undefined): CostExtension | undefined {
  const cost = result?.extensions?.cost as
    | (Partial<CostExtension> & { upstreamCalls?: { upstream: string; paidUnits?: number }[] })
    | undefined;
  if (!cost || typeof cost.calls !== "number") return undefined;
  const billed = { carcutter: 0, oneauto: 0 };
  for (const call of cost.upstreamCalls ?? []) {
    if (call.upstream === "carcutter" || call.upstream === "oneauto") {
      billed[call.upstream] += call.paidUnits ?? 0;
    }
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

function billedText(billed: CostExtension["billed"]): string {
  const parts = [
    ...(billed.carcutter > 0 ? [plural(billed.carcutter, "photo")] : []),
    ...(billed.oneauto > 0 ? [plural(billed.oneauto, "stock photo")] : []),
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
