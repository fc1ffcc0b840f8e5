import type { Context } from "hono";
import { badRequest } from "./errors.js";

/**
 * Reading CarCutter's inputs the strict way the emulator enforces them: multipart bodies only where
 * the API takes multipart, one value per single-valued field, and no empty optional parameters
 * (the provider asks for them to be left out). Every problem becomes a 400 naming the field.
 */

/** Ids, names and free text; long enough for any real value, short enough to refuse junk. */
export const MAX_TEXT_CHARS = 4096;
/** `custom_json` carries a whole document. */
export const MAX_CUSTOM_JSON_CHARS = 65_536;
/** The length most HTTP stacks accept for a URL. */
export const MAX_URL_CHARS = 2048;

const LEAVE_OUT = "leave non-mandatory parameters out of the request";

export interface TextRule {
  required?: boolean;
  maxChars?: number;
}

/** A multipart body, every value kept in arrival order per field name. */
export class FormInput {
  readonly #fields: ReadonlyMap<string, readonly (string | File)[]>;

  constructor(fields: ReadonlyMap<string, readonly (string | File)[]>) {
    this.#fields = fields;
  }

  /** Whether the field carries anything but empty text. */
  provided(name: string): boolean {
    return (this.#fields.get(name) ?? []).some((v) => v !== "");
  }

  /** One text value; undefined when absent (and optional). */
  text(name: string, rule: TextRule = {}): string | undefined {
    const values = this.#fields.get(name) ?? [];
    if (values.length === 0) {
      if (rule.required) throw badRequest(`${name} is required`);
      return undefined;
    }
    if (values.length > 1) throw badRequest(`${name}: expected once, got ${values.length} values`);
    return checkText(name, values[0], rule);
  }

  /** Every text value of a repeated field. */
  texts(name: string, maxChars = MAX_TEXT_CHARS): string[] {
    return (this.#fields.get(name) ?? []).map((v) =>
      checkText(name, v, { required: true, maxChars }),
    );
  }

  /** One file part; undefined when absent. */
  file(name: string, maxBytes: number): File | undefined {
    const values = this.#fields.get(name) ?? [];
    if (values.length === 0) return undefined;
    if (values.length > 1) throw badRequest(`${name}: expected one file, got ${values.length}`);
    const value = values[0];
    if (typeof value === "string") {
      if (value === "") throw badRequest(`${name}: sent empty; ${LEAVE_OUT}`);
      throw badRequest(`${name}: must be a file part, got a text field`);
    }
    if (value === undefined) return undefined;
    if (value.size > maxBytes) {
      throw badRequest(`${name}: at most ${maxBytes} bytes per file, got ${value.size}`);
    }
    if (value.size === 0) throw badRequest(`${name}: the file is empty`);
    return value;
  }
}

function checkText(name: string, value: string | File | undefined, rule: TextRule): string {
  if (value === undefined) throw badRequest(`${name} is required`);
  if (typeof value !== "string") throw badRequest(`${name}: must be a text field, got a file`);
  if (value === "") {
    throw badRequest(rule.required ? `${name} is required` : `${name}: sent empty; ${LEAVE_OUT}`);
  }
  const max = rule.maxChars ?? MAX_TEXT_CHARS;
  if (value.length > max)
    throw badRequest(`${name}: at most ${max} characters, got ${value.length}`);
  return value;
}

/** Reads a multipart/form-data body; any other body (or a broken one) is a 400. */
export async function readForm(c: Context): Promise<FormInput> {
  const mediaType = mediaTypeOf(c);
  if (mediaType !== "multipart/form-data") {
    throw badRequest(
      `request body must be multipart/form-data, got ${mediaType === "" ? "no content type" : mediaType}`,
    );
  }
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw badRequest("request body is not valid multipart/form-data");
  }
  const fields = new Map<string, (string | File)[]>();
  for (const [name, value] of Object.entries(body)) {
    fields.set(name, Array.isArray(value) ? value : [value]);
  }
  return new FormInput(fields);
}

/** Reads a JSON body; a wrong content type or unparsable text is a 400. */
export async function readJson(c: Context): Promise<unknown> {
  const mediaType = mediaTypeOf(c);
  if (mediaType !== "application/json") {
    throw badRequest(
      `request body must be application/json, got ${mediaType === "" ? "no content type" : mediaType}`,
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unparsable";
    throw badRequest(`request body is not valid JSON: ${reason.slice(0, 200)}`);
  }
}

function mediaTypeOf(c: Context): string {
  return (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** One query parameter; repeated or empty values are refused like form fields. */
export function queryText(c: Context, name: string, rule: TextRule = {}): string | undefined {
  const values = c.req.queries(name) ?? [];
  if (values.length === 0) {
    if (rule.required) throw badRequest(`${name} is required`);
    return undefined;
  }
  if (values.length > 1) throw badRequest(`${name}: expected once, got ${values.length} values`);
  return checkText(name, values[0], rule);
}

/** Every value of a repeated query parameter. */
export function queryTexts(c: Context, name: string, maxChars = MAX_TEXT_CHARS): string[] {
  return (c.req.queries(name) ?? []).map((v) => checkText(name, v, { required: true, maxChars }));
}

/** An absolute http(s) URL, as CarCutter must be able to fetch (or call) it. */
export function checkHttpUrl(name: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badRequest(`${name}: must be an absolute http(s) URL, got ${preview(value)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw badRequest(`${name}: must be an absolute http(s) URL, got ${preview(value)}`);
  }
  return value;
}

export function checkEnum<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a === value);
  if (match === undefined) {
    throw badRequest(`${name}: must be one of ${allowed.join(", ")}, got ${preview(value)}`);
  }
  return match;
}

/** A value quoted in an error message, cut short so a huge input cannot make a huge answer. */
export function preview(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
