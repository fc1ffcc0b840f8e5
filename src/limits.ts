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
  /** Bytes (UTF-8) of a document's text, checked before anything reads or parses it. */
  maxDocumentBytes: number;
  /**
   * How deep brackets may nest: in a document's text (selections, arguments, lists and input
   * objects together) and in the JSON of its variables and extensions. Checked by an iterative
   * scan before any recursive parser or walker sees them, whose stacks end somewhere in the
   * thousands.
   */
  maxNesting: number;
}

/**
 * Depth 8 and 100 aliases admit every documented operation (GraphiQL's example nests 5, the
 * benchmark's 60 aliased photos); 3,000 tokens admit the longest of them many times over.
 * 3,000 tokens written out long take some 30 KB, so 64 KiB refuses no document the token limit
 * admits unless it carries long literals (which belong in variables). A nesting of 64 is eight
 * times the selection depth allowed, and more than GraphiQL's introspection query (12) needs.
 */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDepth: 8,
  maxAliases: 100,
  maxTokens: 3000,
  maxDirectives: 50,
  maxDocumentBytes: 64 * 1024,
  maxNesting: 64,
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
