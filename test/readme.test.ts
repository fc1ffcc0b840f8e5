import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
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
