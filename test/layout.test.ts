import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The shape of src/ as its import graph: no file imports itself back through others, and few imports
 * run back up the layers. Lower layers must not know about higher ones, so that a feature of the
 * request pipeline (src/gateway/) cannot be reached from the upstream layer it calls, and an order
 * that matters is stated in one place rather than produced by who imports whom.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/**
 * The layers, lowest first. A folder of src/ is one unit; a file at the root of src/ is its own
 * unit, in the first layer unless named here. Importing from a later layer "runs back up".
 */
const LAYERS: readonly (readonly string[])[] = [
  ["upstreams"],
  ["ledger"],
  ["cache"],
  ["clients"],
  ["cost"],
  // The environment, read into settings the layers below define (prices, client limits, HTTP).
  ["config.ts"],
  ["events"],
  // Below the domains that add their types to it.
  ["builder.ts"],
  ["domains"],
  ["observability"],
  ["context.ts", "schema.ts"],
  // A program of its own (npm run emulators), also embedded by server.ts.
  ["emulators"],
  ["gateway"],
  ["server.ts", "main.ts"],
];

/** Measured when src/gateway/ was made (issue 23): 15 before, 6 on paper. */
const MAX_IMPORTS_UP = 6;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"/g;

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(): Edge[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(IMPORT)].map((match) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), String(match[1]).replace(/\.js$/, ".ts"))),
    }));
  });
}

function unitOf(path: string): string {
  const [first = path, ...rest] = path.split("/");
  return rest.length === 0 ? path : first;
}

function layerOf(unit: string): number {
  const index = LAYERS.findIndex((layer) => layer.includes(unit));
  if (index >= 0) return index + 1;
  if (!unit.endsWith(".ts")) throw new Error(`src/${unit}/ has no layer: add it to LAYERS`);
  return 0;
}

/** Every cycle's files, by Tarjan's strongly connected components. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    const selfImport = edges.some((edge) => edge.from === node && edge.to === node);
    if (component.length > 1 || selfImport) found.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("the layout of src/", () => {
  const edges = importsOf();

  it("reads the imports it judges", () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.every((edge) => edge.to.endsWith(".ts"))).toBe(true);
  });

  it("has no import cycle between files", () => {
    expect(cycles(edges)).toEqual([]);
  });

  it(`has at most ${MAX_IMPORTS_UP} imports running back up the layers`, () => {
    const up = edges
      .filter(({ from, to }) => layerOf(unitOf(to)) > layerOf(unitOf(from)))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(up.length, up.join("\n")).toBeLessThanOrEqual(MAX_IMPORTS_UP);
  });
});
