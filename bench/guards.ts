import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { parse, specifiedRules, validate } from "graphql";
import { estimateCost, variablesShape } from "../src/cost/cost-estimate.js";
import { DEFAULT_DOCUMENT_LIMITS } from "../src/limits.js";
import { schema } from "../src/schema.js";
import type { GraphqlOperation } from "./scenarios.js";

/**
 * What the guards cost one request, measured in this process on each scenario's operation: the
 * static estimate (the cost guard's whole work), and validation with the document backstops next
 * to validation without them (graphql-armor's depth, alias and directive rules). Microseconds per
 * operation, median of several rounds.
 */

export interface GuardCost {
  estimateMicros: number;
  /** What a request pays once the estimate is kept: the key of its variables' shape. */
  estimateLookupMicros: number;
  /** Validation with the backstops, minus validation without them. */
  backstopMicros: number;
}

const ROUNDS = 7;
const PER_ROUND = 500;

export function measureGuards(operation: GraphqlOperation): GuardCost {
  const document = parse(operation.query);
  const limits = DEFAULT_DOCUMENT_LIMITS;
  const backstops = [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule({ n: limits.maxAliases }),
    maxDirectivesRule({ n: limits.maxDirectives }),
  ];
  const estimateMicros = median(() =>
    estimateCost(schema, document, { variables: operation.variables }),
  );
  const estimateLookupMicros = median(() =>
    JSON.stringify([null, variablesShape(operation.variables ?? null)]),
  );
  const plain = median(() => validate(schema, document, specifiedRules));
  const guarded = median(() => validate(schema, document, [...specifiedRules, ...backstops]));
  return { estimateMicros, estimateLookupMicros, backstopMicros: Math.max(0, guarded - plain) };
}

function median(work: () => unknown): number {
  for (let i = 0; i < PER_ROUND; i++) work();
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < PER_ROUND; i++) work();
    rounds.push(((performance.now() - started) * 1000) / PER_ROUND);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(ROUNDS / 2)] ?? Number.NaN;
}
