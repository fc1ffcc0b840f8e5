import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { type RunningEmulators, startEmulators } from "../src/emulators/start.js";

/**
 * The README's shell examples are run exactly as written (ports aside), in order, against freshly
 * started emulators with the default credentials, and each must print the answer shown after it.
 * "…" in a shown answer matches any text.
 */

const run = promisify(execFile);

interface Example {
  script: string;
  expected: string;
  line: number;
}

function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    body: m[2] ?? "",
    line: markdown.slice(0, m.index).split("\n").length,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.lang !== "sh" || !block.body.includes("curl")) return;
    if (!next || !["json", "text"].includes(next.lang)) {
      throw new Error(`README line ${block.line}: a curl example must be followed by its answer`);
    }
    examples.push({ script: block.body, expected: next.body.trim(), line: block.line });
  });
  return examples;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = (expected: string) =>
  new RegExp(`^${expected.split("…").map(escapeRegExp).join("[\\s\\S]*?")}$`);

let emulators: RunningEmulators;
let workdir: string;
let ports: (text: string) => string;

beforeAll(async () => {
  const config = loadConfig({ CARCUTTER_EMULATOR_PORT: "0", ONEAUTO_EMULATOR_PORT: "0" });
  emulators = await startEmulators(config.emulators);
  workdir = await mkdtemp(join(tmpdir(), "forecourt-readme-"));
  ports = (text) =>
    text
      .replaceAll("127.0.0.1:4010", `127.0.0.1:${emulators.carcutter.server.port}`)
      .replaceAll("127.0.0.1:4020", `127.0.0.1:${emulators.oneauto.server.port}`);
});

afterAll(async () => {
  await emulators?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
const examples = examplesOf(readme);

describe("the README's curl examples", () => {
  it("there are examples for both emulators and their control routes", () => {
    const all = examples.map((e) => e.script).join("\n");
    expect(all).toContain("127.0.0.1:4010/vehicle/");
    expect(all).toContain("127.0.0.1:4020/vehicleimagery/");
    expect(all).toContain("/__emulator/faults");
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)("the example at README line $line answers as written", async (example) => {
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", ports(example.script)], {
      cwd: workdir,
      timeout: 10_000,
    });
    expect(stdout.trim()).toMatch(pattern(ports(example.expected)));
  });
});

/**
 * "Use from a frontend" as a new project follows it: install what the install lines name, copy
 * the example client, generate the documents with this repository's codegen settings, and paste
 * the snippet. Every package the copied code imports must be on an install line, and the type the
 * snippet's comment shows must be exactly the one TypeScript infers from the generated documents.
 */
describe("the README's client example", () => {
  const start = readme.indexOf("## Use from a frontend");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    body: m[2] ?? "",
  }));
  const snippet = blocks.find((b) => b.lang === "ts")?.body ?? "";
  const root = new URL("..", import.meta.url).pathname;

  /** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; relative and node: → undefined. */
  function packageOf(specifier: string): string | undefined {
    if (specifier.startsWith(".") || specifier.startsWith("node:")) return undefined;
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  }
  const importsOf = (code: string) =>
    [...code.matchAll(/^\s*import\s[^;]*?from\s+["']([^"']+)["']/gm)]
      .map((m) => packageOf(m[1] ?? ""))
      .filter((name): name is string => name !== undefined);

  it("its install lines name every package the copied client and the generated code import", async () => {
    const installed = blocks
      .filter((b) => b.lang === "sh")
      .flatMap((b) => b.body.split("\n"))
      .filter((line) => /^npm (i|install)\b/.test(line))
      .flatMap((line) => line.split(/\s+/).slice(2))
      .filter((word) => !word.startsWith("-"))
      // `name@6` or `@scope/name@6`: the package's name without the version asked for.
      .map((word) => word.replace(/(?<=.)@[^/@]*$/, ""));
    const copied = [
      snippet,
      await readFile(join(root, "examples/src/client.ts"), "utf8"),
      await readFile(join(root, "examples/src/gql/gql.ts"), "utf8"),
      await readFile(join(root, "examples/src/gql/graphql.ts"), "utf8"),
    ];
    const imported = new Set(copied.flatMap(importsOf));
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !installed.includes(name))).toEqual([]);
    // And what generates the documents.
    expect(installed).toEqual(
      expect.arrayContaining(["@graphql-codegen/cli", "@graphql-codegen/client-preset"]),
    );
  });

  it("its type comment is the type TypeScript infers from the generated documents", async () => {
    const shown = /^\/\/\s+\^\?\s+(.+)$/m.exec(snippet)?.[1];
    expect(shown).toBeDefined();
    // Inside the checkout, so that the copied code resolves the installed packages.
    await mkdir(join(root, "test-results"), { recursive: true });
    const project = await mkdtemp(join(root, "test-results", "readme-client-"));
    try {
      const src = join(project, "src");
      await mkdir(src, { recursive: true });
      await writeFile(join(src, "client.ts"), await readFile(join(root, "examples/src/client.ts")));
      const names = [...new Set(shown?.match(/\b[A-Z]\w*/g) ?? [])];
      await writeFile(
        join(src, "example.ts"),
        [
          snippet,
          `import type { ${names.join(", ")} } from "./gql/graphql";`,
          `type Shown = ${shown};`,
          "type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
          "export const same: Same<typeof images, Shown> = true;",
        ].join("\n"),
      );
      const { generate } = await import("@graphql-codegen/cli");
      const codegen = (await import("../codegen.js")).default;
      const examples = codegen.generates["examples/src/gql/"];
      // The preset as a module, not its name: the CLI would resolve the name from its own folder,
      // where npm may keep an older client preset than the one `npm run codegen` loads.
      const { preset } = await import("@graphql-codegen/client-preset");
      await generate(
        {
          schema: join(root, "schema/schema.graphql"),
          emitLegacyCommonJSImports: false,
          silent: true,
          generates: {
            [`${src}/gql/`]: {
              ...(typeof examples === "object" && !Array.isArray(examples) ? examples : {}),
              // The same preset typed by two copies of plugin-helpers (the preset's and the CLI's).
              preset: preset as never,
              documents: [join(src, "example.ts")],
            },
          },
        },
        true,
      );
      const ts = (await import("typescript")).default;
      const program = ts.createProgram([join(src, "example.ts")], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(problems).toEqual([]);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});
