import type { z } from "zod";
import { InputValidationError } from "../domain-errors.js";

/**
 * The key of a representation the router sends to `_entities` (subgraph mode, FEDERATION=true),
 * checked as the argument of the matching query field is: a representation is JSON the router
 * copied from another subgraph, not a value GraphQL has coerced. A bad key fails that entity
 * alone, naming its type and field, and reaches no upstream.
 */
export function entityKey<T>(type: string, field: string, rule: z.ZodType<T>, value: unknown): T {
  const parsed = rule.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputValidationError(
    parsed.error.issues.map((issue) => ({
      path: ["representations", type, field],
      message: `${issue.message} (the @key field of ${type} in the subgraph SDL)`,
    })),
  );
}
