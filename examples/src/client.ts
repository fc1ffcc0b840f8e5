import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/**
 * A minimal typed client for Forecourt: plain fetch plus the TypedDocumentNodes that
 * `npm run codegen` generates, so every variable and result is checked by TypeScript.
 * Copy it, or use the same documents with graphql-request or urql.
 */

export interface ForecourtClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** Send only the document's hash (for a gateway with TRUSTED_DOCUMENTS_ONLY=true). */
  trustedDocuments?: boolean;
  /** The client key, when the gateway has clients (CLIENTS_PATH); sent as `x-api-key`. */
  apiKey?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export class ForecourtError extends Error {
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[];
  constructor(errors: ForecourtError["errors"]) {
    super(
      errors.map((e) => `${e.message} (${String(e.extensions?.code ?? "no code")})`).join("; "),
    );
    this.name = "ForecourtError";
    this.errors = errors;
  }
}

interface Response<T> {
  data?: T | null;
  errors?: ForecourtError["errors"];
}

type WithHash = { __meta__?: { hash?: string } };

export function createForecourtClient(options: ForecourtClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return {
    /** Runs one operation; throws ForecourtError when the answer carries errors. */
    async request<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
    ): Promise<TResult> {
      const hash = (document as WithHash).__meta__?.hash;
      const body =
        options.trustedDocuments && hash
          ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
          : { query: print(document), variables };
      const res = await doFetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(options.apiKey ? { "x-api-key": options.apiKey } : {}),
          ...options.headers,
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as Response<TResult>;
      if (answer.errors?.length) throw new ForecourtError(answer.errors);
      if (!answer.data) throw new ForecourtError([{ message: `HTTP ${res.status} without data` }]);
      return answer.data;
    },
  };
}

export type ForecourtClient = ReturnType<typeof createForecourtClient>;
