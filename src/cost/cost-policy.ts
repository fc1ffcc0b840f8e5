import type { PriceName } from "../upstreams/operation.js";

/**
 * What upstream calls cost and how many one operation may make. config.cost (COST_* and PRICE_*
 * in the environment) is one; DEFAULT_COST_POLICY is what applies when nothing is set.
 */

/**
 * Pence per billed call (OneAuto) or per submitted image (CarCutter), by the price each billed
 * operation names (`billed` in the upstreams' dto.ts).
 */
export type Prices = Readonly<Record<PriceName, number>>;

export interface CostPolicy {
  readonly prices: Prices;
  /** Worst-case OneAuto paid calls one operation may make before it is refused. */
  readonly maxPaidCallsPerOperation: number;
  /** Worst-case upstream calls (per upstream) one operation may make before it is refused. */
  readonly maxUpstreamCallsPerOperation: number;
  /** Worst-case fields in one operation's answer before it is refused. */
  readonly maxResultSize: number;
}

/** 15p per OneAuto paid call, CarCutter images free, at most 50 paid calls per operation. */
export const DEFAULT_COST_POLICY: CostPolicy = {
  prices: { oneautoImageLink: 15, oneautoVinSearch: 15, oneautoVrmSearch: 15, carcutterImage: 0 },
  maxPaidCallsPerOperation: 50,
  // A 100-vehicle page with features and photos estimates 151 CarCutter calls, well within.
  maxUpstreamCallsPerOperation: 200,
  maxResultSize: 50_000,
};
