/** What the note reads of an urql result (a query's, or a mutation's). */
interface Answer {
  extensions?: Record<string, unknown> | undefined;
  operation?: { context: { meta?: { cacheOutcome?: string } | undefined } } | undefined;
}

/**
 * What a view cost upstream, from the answer's `extensions.cost`: calls made, how many of them
 * were paid, the estimated pence, and cache hits. A view answered from this page's own cache
 * made no request at all.
 */

interface CostExtension {
  calls: number;
  paidCalls: number;
  estimatedPence: number;
  cacheHitCount: number;
  spentPenceToday?: number;
  pencePerDay?: number | null;
}

function costOf(result: Answer | undefined): CostExtension | undefined {
  const cost = result?.extensions?.cost as Partial<CostExtension> | undefined;
  if (!cost || typeof cost.calls !== "number") return undefined;
  return {
    calls: cost.calls,
    paidCalls: cost.paidCalls ?? 0,
    estimatedPence: cost.estimatedPence ?? 0,
    cacheHitCount: cost.cacheHitCount ?? 0,
    ...(typeof cost.spentPenceToday === "number" ? { spentPenceToday: cost.spentPenceToday } : {}),
    ...(cost.pencePerDay !== undefined ? { pencePerDay: cost.pencePerDay } : {}),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
    text = `${plural(cost.calls, "upstream call")}, ${cost.paidCalls} paid, ${pounds(cost.estimatedPence)}`;
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
