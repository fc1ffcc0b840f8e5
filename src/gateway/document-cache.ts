import type { DocumentNode, GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";

/**
 * Parsed and validated documents by their text, so an operation sent again is neither parsed nor
 * validated again: yoga's own cache, bounded in bytes as well as entries, and holding only
 * documents that passed validation. Yoga's kept 1,024 entries whatever their size, and kept
 * refused ones too (parse errors, TOKEN_LIMIT_EXCEEDED, a depth refusal's document): 1 MiB
 * texts exhausted a 192 MB heap after 89 of them. A document refused anywhere is parsed again
 * when it is sent again, which the size, nesting and token limits keep cheap.
 *
 * It assumes what holds for this gateway: every operation is validated against one schema with
 * the same rules (the backstops and the introspection rule, added by plugins for every request).
 */

export interface DocumentCacheOptions {
  maxEntries: number;
  /** Of the texts and the parsed documents together, as estimated by `documentBytes`. */
  maxBytes: number;
}

/**
 * 1,024 entries, as yoga kept; 32 MiB holds that many documents of a typical 20 KB parsed (a
 * vehicle page), and some 25 of the largest the token limit admits (3,000 tokens, about 1.3 MB).
 */
export const DEFAULT_DOCUMENT_CACHE: DocumentCacheOptions = {
  maxEntries: 1024,
  maxBytes: 32 * 1024 * 1024,
};

/**
 * Roughly what a parsed document holds, as measured on Node 20: each token some 300-360 bytes
 * (with its AST node and location), the text itself (kept by the locations and as the key) and
 * the string values cut from it. Without locations there are no tokens to count, and a text's
 * parse is some 36-68 bytes per character.
 */
export function documentBytes(text: string, document: DocumentNode): number {
  const start = document.loc?.startToken;
  if (!start) return 64 * text.length;
  let tokens = 0;
  for (let token = start.next; token !== null; token = token.next) tokens++;
  return 2 * text.length + 400 * tokens;
}

export function useDocumentCache(options: DocumentCacheOptions = DEFAULT_DOCUMENT_CACHE): Plugin {
  const documents = new LRUCache<string, DocumentNode>({
    max: options.maxEntries,
    maxSize: options.maxBytes,
    // One document may take an eighth: a few large ones cannot flush every other.
    maxEntrySize: Math.floor(options.maxBytes / 8),
    sizeCalculation: (document, text) => Math.max(1, documentBytes(text, document)),
  });
  /** Each document from the cache and the schema it passed validation against. */
  const validated = new WeakMap<DocumentNode, GraphQLSchema>();
  /** Texts of documents parsed and not yet validated; kept once they pass. */
  const parsedFrom = new WeakMap<DocumentNode, string>();
  return {
    onParse({ params, setParsedDocument }) {
      const text = params.source.toString();
      const known = documents.get(text);
      if (known) {
        setParsedDocument(known);
        return undefined;
      }
      return ({ result }) => {
        if (result && !(result instanceof Error)) parsedFrom.set(result, text);
      };
    },
    onValidate({ params: { schema, documentAST }, setResult }) {
      if (validated.get(documentAST) === schema) {
        setResult([]);
        return undefined;
      }
      return ({ result }) => {
        const text = parsedFrom.get(documentAST);
        if (text === undefined || result.length > 0) return;
        parsedFrom.delete(documentAST);
        validated.set(documentAST, schema);
        documents.set(text, documentAST);
      };
    },
  };
}
