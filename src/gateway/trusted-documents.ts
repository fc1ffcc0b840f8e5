import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { printExecutableGraphQLDocument } from "@graphql-tools/documents";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { parse } from "graphql";
import type { Plugin } from "graphql-yoga";
import { z } from "zod";

/**
 * Trusted documents: with TRUSTED_DOCUMENTS_ONLY=true the gateway executes only the operations of
 * a manifest (hash → document, as graphql-codegen's client preset writes it), sent by hash or as
 * their text, and refuses anything else before parsing or executing it.
 */

export interface TrustedDocuments {
  /** Hex sha256 → document text. */
  byHash: ReadonlyMap<string, string>;
}

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;
const manifestSchema = z.record(
  z.string().regex(HASH, "keys must be sha256 hashes (hex, optionally prefixed sha256:)"),
  z.string(),
);

/** The hash's hex digits, whether written `sha256:<hex>` (codegen) or bare (Apollo's APQ). */
export function hexOf(hash: string): string | undefined {
  return HASH.exec(hash)?.[1];
}

/**
 * The manifest's form of a document: the client preset stores each one printed by
 * printExecutableGraphQLDocument (fields sorted, whitespace normalised) and keys it by the
 * sha256 of that text. Printing a client's text the same way finds its entry.
 */
export function canonicalText(query: string): string | undefined {
  try {
    return printExecutableGraphQLDocument(parse(query));
  } catch {
    return undefined;
  }
}

/** The operation names the manifest's documents declare (bounded label values for metrics). */
export function operationNamesOf(documents: TrustedDocuments): string[] {
  const names = new Set<string>();
  for (const text of documents.byHash.values()) {
    for (const match of text.matchAll(
      /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g,
    )) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names];
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function trustedDocumentsFrom(manifest: unknown): TrustedDocuments {
  const byHash = new Map<string, string>();
  for (const [key, text] of Object.entries(manifestSchema.parse(manifest))) {
    const hex = hexOf(key) ?? "";
    if (sha256(text) !== hex) throw new Error(`entry ${key} does not hash to its key`);
    byHash.set(hex, text);
  }
  return { byHash };
}

export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(
      `TRUSTED_DOCUMENTS_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"}); generate it with npm run codegen or point the variable at your manifest`,
    );
  }
  try {
    return trustedDocumentsFrom(JSON.parse(text));
  } catch (error) {
    throw new Error(
      `TRUSTED_DOCUMENTS_PATH: ${path} is not a manifest of trusted documents: ${(error as Error).message}`,
    );
  }
}

const REQUIRED = {
  message:
    "This gateway runs trusted documents only: send a trusted document's sha256 hash as extensions.persistedQuery.sha256Hash, or its exact text.",
  extensions: { code: "TRUSTED_DOCUMENT_REQUIRED", http: { status: 403 } },
};

export function useTrustedDocuments(trusted: TrustedDocuments): Plugin[] {
  const hashOf = (query: string): string | undefined => {
    const exact = sha256(query);
    if (trusted.byHash.has(exact)) return exact;
    const canonical = canonicalText(query);
    const hash = canonical === undefined ? undefined : sha256(canonical);
    return hash && trusted.byHash.has(hash) ? hash : undefined;
  };
  return [
    {
      // A trusted document sent as text is served as if sent by hash; other text stays text, and
      // the persisted-operations plugin below refuses it.
      onParams({ params, setParams }) {
        const hash = params.query ? hashOf(params.query) : undefined;
        if (!hash) return;
        const { query: _text, ...rest } = params;
        setParams({
          ...rest,
          extensions: { ...params.extensions, persistedQuery: { version: 1, sha256Hash: hash } },
        });
      },
    },
    usePersistedOperations({
      getPersistedOperation: (hash) => trusted.byHash.get(hexOf(hash) ?? "") ?? null,
      allowArbitraryOperations: false,
      customErrors: {
        persistedQueryOnly: REQUIRED,
        keyNotFound: REQUIRED,
        notFound: {
          message:
            "No trusted document has this hash: regenerate the client's documents, or add them to the gateway's manifest.",
          extensions: { code: "TRUSTED_DOCUMENT_NOT_FOUND", http: { status: 404 } },
        },
      },
    }),
  ];
}
