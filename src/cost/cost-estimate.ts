import {
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { UpstreamName } from "../errors.js";
import { ONEAUTO_VIEWS } from "../upstreams/oneauto/dto.js";

/**
 * The worst case of OneAuto paid calls an operation can make, from its document and variables
 * alone, before anything runs. The cost guard refuses an operation whose estimate exceeds the
 * budget (COST_MAX_PAID_CALLS_PER_OPERATION), so that it never starts spending.
 *
 * How it counts: each field declares its own cost where it is defined, in its `extensions.cost`
 * (a FieldCost: the GraphQL cost specification's @listSize, and OneAuto's paid calls). A field
 * costs its paid calls once per time it resolves, which is the product of the list sizes of the
 * list fields above it. Fields that declare nothing cost nothing and resolve their selections
 * once (an undeclared list counts as one item).
 *
 * Conservative on purpose: fields under @skip/@include count as selected; every aliased or repeated
 * field counts, although the per-request loaders may serve identical calls once; a colour or view
 * the vehicle lacks (no call at all) counts as a call. Fragments (named and inline), aliases,
 * variables and their defaults are read as execution reads them.
 */

/** Most vehicles OneAuto matches to one VIN or registration: the list under stockByVin. */
export const STOCK_MATCHES_MAX = 5;
/** Most vehicles a (free) stockSearch answers with. */
export const STOCK_SEARCH_MAX = 10;
/** Views OneAuto has photos of (front … inside_3): stockPhotos without `views` asks for all. */
export const STOCK_VIEW_COUNT = ONEAUTO_VIEWS.length;
/** Query.vehicles page size: `first` (or `last`), 20 when neither is given, refused above 100. */
export const VEHICLE_PAGE_DEFAULT = 20;
export const VEHICLE_PAGE_MAX = 100;
/**
 * CarCutter's shot list is not paged, so its length is unknown before it is read; this is the
 * figure the guard assumes. A longer shot list can spend more than the estimate.
 */
export const VEHICLES_TO_SHOOT_ESTIMATE = 100;
/** Hotspots assumed per vehicle (the seeded vehicles have 2 to 5). */
export const FEATURES_PER_VEHICLE = 20;
/** Photos assumed per vehicle in the ledger (a shoot is 8 to 20). */
export const PHOTOS_PER_VEHICLE = 30;
/** OneAuto calls to match a vehicle: its VIN, else a search in up to two model years. */
export const MATCHING_CALLS = 3;
/** Image statuses: one batch for the whole operation, 60 URLs per call. */
export const STATUS_BATCH = { group: "imageStatus", upstream: "carcutter", size: 60 } as const;

/** A field's arguments as execution will see them; undefined when they cannot be read. */
export type FieldArgs = Readonly<Record<string, unknown>> | undefined;

/**
 * What a field declares about its cost, beside its definition (Pothos `extensions: { cost }`).
 * `listSize` follows the GraphQL cost specification's @listSize: the first slicing argument
 * given sizes the list (a number as it is, a non-empty list by its length), else `assumedSize`;
 * never above `max`.
 */
export interface FieldCost {
  /** OneAuto paid calls each time the field resolves (worst case). */
  paidCalls?: number;
  /** And per item of its list (one link per view asked for). */
  paidCallsPerItem?: number;
  listSize?: { assumedSize: number; slicingArguments?: readonly string[]; max?: number };
  /** Upstream calls each time the field resolves, and per item of its list. */
  calls?: { upstream: UpstreamName; each?: number; perItem?: number };
  /**
   * Batched calls: each resolution adds its items (or one key) to `group`, and the whole
   * operation's keys of a group cost ceil(keys / size) calls (60 statuses per call).
   */
  batch?: { group: string; upstream: UpstreamName; size: number };
  /**
   * Coordinates of enclosing fields under which this one makes no call: it answers with an
   * object the request already loaded (a feature's vehicle, reached through `Vehicle.features`).
   */
  freeUnder?: readonly string[];
  /**
   * `_entities` (subgraph mode): a list as long as the argument named here, the representations
   * the router sends. Each representation costs what its type declares on itself (the entity
   * type's `extensions.cost`: a vehicle one CarCutter call, a photo one key of the status batch),
   * and the selections under `... on T` resolve once per representation of T.
   */
  entities?: { argument: string };
}

/** The cost of `Query._entities` in the subgraph schema (src/schema.ts declares it there). */
export const ENTITIES_COST: FieldCost = { entities: { argument: "representations" } };

/** A declaration of `each` calls to `upstream` each time the field resolves, and `more`. */
export function callsTo(upstream: UpstreamName, more: FieldCost = {}, each = 1): FieldCost {
  return { calls: { upstream, each }, ...more };
}

/** The cost a field declares (in its extensions), or undefined. */
export function declaredCost(field: { extensions?: unknown }): FieldCost | undefined {
  const extensions = field.extensions;
  if (typeof extensions !== "object" || extensions === null || !("cost" in extensions)) {
    return undefined;
  }
  return extensions.cost as FieldCost;
}

export interface CostEstimateEntry {
  /** Schema coordinate, e.g. "StockVehicle.photo". */
  field: string;
  /** Worst-case paid calls of every selection of this field together. */
  paidCalls: number;
}

export interface CostEstimate {
  /** Worst-case OneAuto paid calls of the whole operation. */
  paidCalls: number;
  /** Worst-case upstream calls of the whole operation, per upstream, batches counted per batch. */
  upstreamCalls: Record<UpstreamName, number>;
  /** Worst-case fields in the answer: every selected field, times the lists above it. */
  resultSize: number;
  /** The fields that make them, most expensive first. */
  breakdown: CostEstimateEntry[];
}

export interface EstimateOptions {
  operationName?: string | null | undefined;
  /** The request's variables, before coercion (defaults are applied here). */
  variables?: Readonly<Record<string, unknown>> | null | undefined;
  /** Costs by schema coordinate, instead of the fields' own declarations (other schemas). */
  costs?: Readonly<Record<string, FieldCost>>;
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: EstimateOptions = {},
): CostEstimate {
  return estimateWithVariables(schema, document, options).estimate;
}

/**
 * What an estimate can depend on in the variables: numbers, and how long lists are (sizeOf reads
 * nothing else); every string is the same to it. Requests whose variables have one shape get one
 * estimate, provided those variables coerce (see estimateWithVariables). Undefined for variables
 * nested deeper than any slicing argument could be (a JSON scalar's value): those are not shaped.
 */
export function variablesShape(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return "";
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_SHAPE_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const shape: unknown[] = [];
    for (const item of value) {
      const member = variablesShape(item, depth + 1);
      if (member === undefined && item !== undefined) return undefined;
      shape.push(member);
    }
    return shape;
  }
  const shape: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    // A representation's type decides what resolving it costs (`_entities`): kept as it is.
    const member =
      name === "__typename" && typeof item === "string" ? item : variablesShape(item, depth + 1);
    if (member === undefined && item !== undefined) return undefined;
    shape[name] = member;
  }
  return shape;
}
const MAX_SHAPE_DEPTH = 16;

/**
 * The estimate, and whether the variables coerced. Variables that do not coerce are left out (the
 * operation fails before any field runs), so such an estimate assumes list sizes: it must not
 * stand for other variables of the same shape.
 */
export function estimateWithVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: EstimateOptions = {},
): { estimate: CostEstimate; variablesCoerced: boolean } {
  const operation = getOperationAST(document, options.operationName);
  if (!operation) {
    return {
      estimate: {
        paidCalls: 0,
        upstreamCalls: { carcutter: 0, oneauto: 0 },
        resultSize: 0,
        breakdown: [],
      },
      variablesCoerced: true,
    };
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    options.variables ?? {},
  );
  // Variables that do not coerce fail the operation before any field runs; whatever is counted
  // then never spends anything.
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const walker = new Walker(schema, options.costs, variables, fragments);
  const total = walker.tally(operation);
  const breakdown = [...total.byField]
    .map(([field, paidCalls]) => ({ field, paidCalls: bounded(paidCalls) }))
    .filter((entry) => entry.paidCalls > 0)
    .sort((a, b) => b.paidCalls - a.paidCalls || a.field.localeCompare(b.field));
  const upstreamCalls = { carcutter: 0, oneauto: 0, ...Object.fromEntries(total.calls) };
  for (const batch of total.batches.values()) {
    upstreamCalls[batch.upstream] += Math.ceil(batch.keys / batch.size);
  }
  const estimate: CostEstimate = {
    paidCalls: bounded(total.paidCalls),
    upstreamCalls: {
      carcutter: bounded(upstreamCalls.carcutter),
      oneauto: bounded(upstreamCalls.oneauto),
    },
    resultSize: bounded(total.nodes),
    breakdown,
  };
  return { estimate, variablesCoerced: coerced.coerced !== undefined };
}

/**
 * What a part of the document costs, for one resolution of its root: all of it is linear in how
 * often the root resolves, so a fragment's tally is scaled at each spread.
 */
interface Tally {
  paidCalls: number;
  byField: Map<string, number>;
  nodes: number;
  calls: Map<UpstreamName, number>;
  batches: Map<string, { upstream: UpstreamName; size: number; keys: number }>;
}

const emptyTally = (): Tally => ({
  paidCalls: 0,
  byField: new Map(),
  nodes: 0,
  calls: new Map(),
  batches: new Map(),
});

/** Adds `part`, resolved `scale` times, to `into`. */
function merge(into: Tally, part: Tally, scale: number): void {
  for (const [coordinate, paid] of part.byField) add(into, coordinate, scale * paid);
  into.nodes += scale * part.nodes;
  for (const [upstream, n] of part.calls) addCalls(into, upstream, scale * n);
  for (const [group, batch] of part.batches) addKeys(into, group, batch, scale * batch.keys);
}

function addCalls(tally: Tally, upstream: UpstreamName, n: number): void {
  if (n > 0) tally.calls.set(upstream, (tally.calls.get(upstream) ?? 0) + n);
}

function addKeys(
  tally: Tally,
  group: string,
  batch: { upstream: UpstreamName; size: number },
  keys: number,
): void {
  const known = tally.batches.get(group);
  if (known) known.keys += keys;
  else tally.batches.set(group, { upstream: batch.upstream, size: batch.size, keys });
}

class Walker {
  readonly #schema: GraphQLSchema;
  readonly #costs: Readonly<Record<string, FieldCost>> | undefined;
  readonly #variables: Record<string, unknown>;
  readonly #fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /**
   * A fragment's cost is linear in how often it resolves, so each is walked once and scaled at
   * every spread: a document that spreads fragments into fragments stays linear to estimate.
   */
  readonly #fragmentTallies = new Map<string, Tally>();
  readonly #walking = new Set<string>();
  /**
   * Each `_entities` field of the document: how often its selections resolve from outside, and
   * its representations by type, which size the fragments directly under it.
   */
  readonly #entityFields = new Map<ASTNode, { outer: number; byType: Map<string, number> }>();

  constructor(
    schema: GraphQLSchema,
    costs: Readonly<Record<string, FieldCost>> | undefined,
    variables: Record<string, unknown>,
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {
    this.#schema = schema;
    this.#costs = costs;
    this.#variables = variables;
    this.#fragments = fragments;
  }

  /** Walks an operation or a fragment definition: TypeInfo knows each field's parent type. */
  tally(root: ASTNode): Tally {
    const tally = emptyTally();
    const typeInfo = new TypeInfo(this.#schema);
    // How often the selections being walked resolve; a field pushes its own on entering.
    const times: number[] = [1];
    const current = () => times[times.length - 1] ?? 1;
    // The coordinates of the fields being walked, innermost last (a fragment starts afresh).
    const enclosing: string[] = [];
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter: (node) => {
            const parent = typeInfo.getParentType();
            const definition = typeInfo.getFieldDef();
            const coordinate = parent && definition ? `${parent.name}.${definition.name}` : "";
            const cost =
              definition && (this.#costs ? this.#costs[coordinate] : declaredCost(definition));
            tally.nodes += current();
            const within = enclosing.at(-1);
            enclosing.push(coordinate);
            if (!definition || !cost) {
              times.push(current());
              return;
            }
            const args = this.#args(definition, node);
            if (cost.entities) {
              const byType = representationsByType(argumentAt(args, cost.entities.argument));
              let count = 0;
              for (const [typename, n] of byType) {
                count += n;
                this.#resolveEntities(tally, typename, current() * n);
              }
              this.#entityFields.set(node, { outer: current(), byType });
              tally.nodes += current() * count;
              times.push(current() * count);
              return;
            }
            const items = sizeOf(cost.listSize, args);
            const paid = (cost.paidCalls ?? 0) + (cost.paidCallsPerItem ?? 0) * items;
            add(tally, coordinate, current() * paid);
            const free = within !== undefined && cost.freeUnder?.includes(within) === true;
            if (cost.calls && !free) {
              const { upstream, each = 0, perItem = 0 } = cost.calls;
              addCalls(tally, upstream, current() * (each + perItem * items));
            }
            if (cost.batch) {
              const keys = cost.listSize ? items : 1;
              addKeys(tally, cost.batch.group, cost.batch, current() * keys);
            }
            // The list's items are in the answer too, each with its own selections.
            if (cost.listSize) tally.nodes += current() * items;
            times.push(current() * items);
          },
          leave: () => {
            times.pop();
            enclosing.pop();
          },
        },
        // Directly under `_entities`, a fragment on an entity type resolves once per representation
        // of that type; anywhere else (or on an abstract type), as often as its parent.
        InlineFragment: {
          enter: (node, _key, _parent, _path, ancestors) => {
            times.push(this.#entityScale(ancestors, node.typeCondition?.name.value) ?? current());
          },
          leave: () => {
            times.pop();
          },
        },
        FragmentSpread: (node, _key, _parent, _path, ancestors) => {
          const on = this.#fragments.get(node.name.value)?.typeCondition.name.value;
          merge(
            tally,
            this.#fragment(node.name.value),
            this.#entityScale(ancestors, on) ?? current(),
          );
        },
      }),
    );
    return tally;
  }

  /** What resolving `times` representations of `typename` costs: the type's own declaration. */
  #resolveEntities(tally: Tally, typename: string, times: number): void {
    const type = this.#schema.getType(typename);
    const cost = this.#costs ? this.#costs[typename] : type && declaredCost(type);
    if (!cost || times <= 0) return;
    add(tally, typename, times * (cost.paidCalls ?? 0));
    if (cost.calls) addCalls(tally, cost.calls.upstream, times * (cost.calls.each ?? 0));
    if (cost.batch) addKeys(tally, cost.batch.group, cost.batch, times);
  }

  /**
   * How often a fragment on `typename` resolves when it sits directly in the selection of an
   * `_entities` field (whose node is the fragment's grandparent: field, selection set, fragment);
   * undefined elsewhere, and for a type no representation names alone (an interface).
   */
  #entityScale(
    ancestors: readonly (ASTNode | readonly ASTNode[])[],
    typename: string | undefined,
  ): number | undefined {
    const field = ancestors.at(-2);
    const entities =
      field && !Array.isArray(field) ? this.#entityFields.get(field as ASTNode) : undefined;
    if (!entities || typename === undefined) return undefined;
    const type = this.#schema.getType(typename);
    if (!type || !isObjectType(type)) return undefined;
    return entities.outer * (entities.byType.get(typename) ?? 0);
  }

  #fragment(name: string): Tally {
    const known = this.#fragmentTallies.get(name);
    if (known) return known;
    const definition = this.#fragments.get(name);
    // Unknown or cyclic fragments fail validation; nothing runs, so they cost nothing here.
    if (!definition || this.#walking.has(name)) return emptyTally();
    this.#walking.add(name);
    const tally = this.tally(definition);
    this.#walking.delete(name);
    this.#fragmentTallies.set(name, tally);
    return tally;
  }

  #args(definition: GraphQLField<unknown, unknown>, node: FieldNode): FieldArgs {
    try {
      return getArgumentValues(definition, node, this.#variables);
    } catch {
      // Arguments that do not coerce fail the field before it runs.
      return undefined;
    }
  }
}

function add(tally: Tally, coordinate: string, paidCalls: number): void {
  if (paidCalls <= 0) return;
  tally.paidCalls += paidCalls;
  tally.byField.set(coordinate, (tally.byField.get(coordinate) ?? 0) + paidCalls);
}

/** The representations `_entities` was given, counted by `__typename` (unnamed ones as ""). */
function representationsByType(value: unknown): Map<string, number> {
  const byType = new Map<string, number>();
  if (!Array.isArray(value)) return byType;
  for (const representation of value) {
    const typename =
      typeof representation === "object" &&
      representation !== null &&
      "__typename" in representation &&
      typeof representation.__typename === "string"
        ? representation.__typename
        : "";
    byType.set(typename, (byType.get(typename) ?? 0) + 1);
  }
  return byType;
}

/** How many items a list answers: its first slicing argument given, else its assumed size. */
function sizeOf(listSize: FieldCost["listSize"], args: FieldArgs): number {
  if (listSize === undefined) return 1;
  let size = listSize.assumedSize;
  for (const name of listSize.slicingArguments ?? []) {
    const value = argumentAt(args, name);
    if (typeof value === "number" && Number.isInteger(value)) size = Math.max(value, 0);
    else if (Array.isArray(value) && value.length > 0) size = value.length;
    else continue;
    break;
  }
  return Math.min(size, listSize.max ?? Number.POSITIVE_INFINITY);
}

/** An argument by name, or a member of an input object by dotted path (`input.urls`). */
function argumentAt(args: FieldArgs, path: string): unknown {
  let value: unknown = args;
  for (const name of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** Products of large lists can pass what a double holds exactly; such an estimate is only "huge". */
function bounded(n: number): number {
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}
