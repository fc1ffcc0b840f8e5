/**
 * The limits one operation and one request live within, with their defaults: config.ts reads
 * overrides of each from the environment (GRAPHQL_MAX_*, MAX_UPSTREAM_CALLS_PER_OPERATION,
 * REQUEST_TIMEOUT_MS), the gateway applies them.
 */

/** Backstops behind the cost estimate: what a document may hold (graphql-armor). */
export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

/**
 * Depth 8 and 100 aliases admit every documented operation (GraphiQL's example nests 5, the
 * benchmark's 60 aliased photos); 3,000 tokens admit the longest of them many times over.
 */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDepth: 8,
  maxAliases: 100,
  maxTokens: 3000,
  maxDirectives: 50,
};

/** Runtime caps, for what an estimate cannot know before the upstreams answer. */
export interface OperationLimits {
  /** Per upstream (MAX_UPSTREAM_CALLS_PER_OPERATION). */
  maxUpstreamCallsPerOperation: number;
  /** Queries and mutations (REQUEST_TIMEOUT_MS); subscriptions run as long as their client. */
  requestTimeoutMs: number;
}

/** A 100-vehicle page with its features and photo statuses makes about 105 CarCutter calls. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxUpstreamCallsPerOperation: 250,
  requestTimeoutMs: 30_000,
};
