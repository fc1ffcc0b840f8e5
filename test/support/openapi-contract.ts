import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";

/**
 * Checks requests and responses against a published OpenAPI 3.1 document with Ajv (JSON Schema
 * 2020-12), resolving the document's own references. Used to hold the emulators to the contract.
 */

type JsonObject = Record<string, unknown>;
const DOC_ID = "https://forecourt.test/contract.json";

// ajv-formats ships CommonJS typings whose default export is not callable under NodeNext.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => void;

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export class OpenApiContract {
  readonly #doc: JsonObject;
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(path: string) {
    this.#doc = JSON.parse(readFileSync(path, "utf8")) as JsonObject;
    addFormats(this.#ajv);
    this.#ajv.addFormat("binary", true);
    this.#ajv.addSchema({ ...this.#doc, $id: DOC_ID });
  }

  /** Every "METHOD /path" the contract declares. */
  operations(): string[] {
    const paths = this.#doc.paths as Record<string, Record<string, unknown>>;
    return Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  }

  #node(...parts: string[]): unknown {
    let node: unknown = this.#doc;
    for (const part of parts) {
      if (typeof node !== "object" || node === null) return undefined;
      node = (node as JsonObject)[part];
    }
    return node;
  }

  #validate(schemaPath: string[], value: unknown): string[] {
    const key = schemaPath.join("\u0000");
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${DOC_ID}#/${pointer(...schemaPath)}` });
      this.#compiled.set(key, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`);
  }

  /** Whether the contract declares this status (and media type) for the operation. */
  declaresResponse(method: string, path: string, status: number, mediaType: string): boolean {
    return (
      this.#node(
        "paths",
        path,
        method.toLowerCase(),
        "responses",
        String(status),
        "content",
        mediaType,
      ) !== undefined
    );
  }

  validateResponse(method: string, path: string, status: number, mediaType: string, body: unknown) {
    if (!this.declaresResponse(method, path, status, mediaType)) {
      return [`${method} ${path} declares no ${status} ${mediaType} response`];
    }
    return this.#validate(
      [
        "paths",
        path,
        method.toLowerCase(),
        "responses",
        String(status),
        "content",
        mediaType,
        "schema",
      ],
      body,
    );
  }

  /** Checks query parameters: required ones present, each value valid for its schema. */
  validateQuery(method: string, path: string, query: URLSearchParams): string[] {
    const params = (this.#node("paths", path, method.toLowerCase(), "parameters") ??
      []) as JsonObject[];
    const problems: string[] = [];
    params.forEach((param, i) => {
      if (param.in !== "query") return;
      const name = String(param.name);
      const values = query.getAll(name);
      if (values.length === 0) {
        if (param.required) problems.push(`query ${name} is required`);
        return;
      }
      const isArray = (param.schema as JsonObject | undefined)?.type === "array";
      const value = isArray ? values : values[0];
      const base = ["paths", path, method.toLowerCase(), "parameters", String(i), "schema"];
      problems.push(...this.#validate(base, value).map((p) => `query ${name}: ${p}`));
    });
    return problems;
  }

  /** Checks a JSON or multipart request body (files count as binary strings). */
  validateRequestBody(method: string, path: string, body: FormData | JsonObject): string[] {
    const isForm = body instanceof FormData;
    const mediaType = isForm ? "multipart/form-data" : "application/json";
    const base = [
      "paths",
      path,
      method.toLowerCase(),
      "requestBody",
      "content",
      mediaType,
      "schema",
    ];
    const schema = this.#node(...base) as JsonObject | undefined;
    if (!schema) return [`${method} ${path} declares no ${mediaType} request body`];
    return this.#validate(base, isForm ? formToObject(body, schema) : body);
  }
}

function formToObject(form: FormData, schema: JsonObject): JsonObject {
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    const text = typeof value === "string" ? value : `<binary ${value.size} bytes>`;
    if (properties[name]?.type === "array") {
      out[name] = [...((out[name] as unknown[] | undefined) ?? []), text];
    } else {
      out[name] = text;
    }
  }
  return out;
}
