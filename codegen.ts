import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents (TypedDocumentNode) from the committed schema: one set for the example client a
 * frontend team copies, one for the showroom web app, one for the gateway's own tests. `npm run codegen` prints the schema first.
 */

const scalars = {
  DateTime: "string",
  URL: "string",
  JSON: "unknown",
  File: { input: "File | Blob", output: "never" },
};

const config = {
  scalars,
  enumsAsTypes: true,
  useTypeImports: true,
  strictScalars: true,
  skipTypename: false,
};

const codegen: CodegenConfig = {
  schema: "schema/schema.graphql",
  emitLegacyCommonJSImports: false,
  generates: {
    "examples/src/gql/": {
      documents: ["examples/src/**/*.ts", "!examples/src/gql/**"],
      preset: "client",
      config,
      presetConfig: {
        fragmentMasking: false,
        // The manifest of trusted documents (hash → text) that TRUSTED_DOCUMENTS_ONLY serves.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
    },
    "examples/showroom/src/gql/": {
      documents: ["examples/showroom/src/**/*.{ts,tsx}", "!examples/showroom/src/gql/**"],
      preset: "client",
      config,
      presetConfig: {
        // Masked: each component reads its own fragment, and a deferred one only once it came
        // (isFragmentReady); not a React hook, so not named like one.
        fragmentMasking: { unmaskFunctionName: "getFragmentData" },
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
    },
    "test/gql/": {
      documents: ["test/**/*.ts", "!test/gql/**"],
      preset: "client",
      config,
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default codegen;
