import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { ENVIRONMENT_VARIABLES, loadConfig } from "../src/config.js";
import { EMBEDDED_LINKS_PREFIX, embeddedLinkBase } from "../src/gateway/embedded-emulator-links.js";
import { type GatewayHarness, startGateway } from "./support/gateway.js";

/**
 * The deployment files (deploy/) cannot be run here (no Docker engine, no cluster), so they are
 * kept in step by reading them: every variable they set is one the config reads, and their
 * values load; probes, ports, the drain's timings, the scrape targets and the dashboard's
 * metrics match what the gateway serves.
 */

const ROOT = new URL("..", import.meta.url).pathname;
const DEPLOY = join(ROOT, "deploy");
const read = (path: string) => readFile(join(DEPLOY, path), "utf8");
const KNOWN = new Set(ENVIRONMENT_VARIABLES);

type Env = Record<string, string>;

/** `${NAME:-default}` as compose expands it with nothing set. */
function expand(value: unknown): string {
  return String(value).replaceAll(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
}

function envOf(record: Record<string, unknown>): Env {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, expand(v)]));
}

interface ComposeService {
  build?: { context: string; dockerfile: string; target?: string };
  command?: string[];
  image?: string;
  environment?: Record<string, unknown>;
  volumes?: string[];
  ports?: string[];
}

let harness: GatewayHarness | undefined;
afterAll(async () => {
  await harness?.close();
});

describe("deploy/compose.yaml", async () => {
  const compose = parse(await read("compose.yaml"), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const gateways = ["gateway-a", "gateway-b"].map((name) => compose.services[name]);

  it("has two gateways behind a balancer, Redis, PostgreSQL, Prometheus, a collector, Jaeger and Grafana, and a supergraph", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        "emulators",
        "forecourt-subgraph",
        "listings",
        "router",
        "gateway-a",
        "gateway-b",
        "grafana",
        "jaeger",
        "lb",
        "otel-collector",
        "postgres",
        "prometheus",
        "redis",
      ].sort(),
    );
    for (const gateway of gateways) {
      expect(existsSync(join(DEPLOY, gateway?.build?.context ?? "", "Dockerfile"))).toBe(true);
    }
  });

  it("sets only variables the config reads, with values it accepts", () => {
    for (const service of [
      ...gateways,
      compose.services.emulators,
      compose.services["forecourt-subgraph"],
    ]) {
      const env = envOf(service?.environment ?? {});
      expect(Object.keys(env).filter((name) => !KNOWN.has(name))).toEqual([]);
      const config = loadConfig(env);
      expect(config.gateway.port).toBe(Number(env.PORT ?? 4000));
    }
    const env = envOf(gateways[0]?.environment ?? {});
    const config = loadConfig(env);
    expect(config.gateway.production).toBe(true);
    expect(config.ledger.databaseUrl).toMatch(/@postgres:5432\//);
    expect(config.cache.redisUrl).toBe("redis://redis:6379");
    expect(config.tracing).toMatchObject({
      exporter: "otlp",
      url: "http://otel-collector:4318/v1/traces",
    });
    expect(config.gateway.metrics.token).toBeDefined();
  });

  it("the emulators' stock photo links go through the balancer, which passes them to the emulator", async () => {
    const gatewayEnv = envOf(gateways[0]?.environment ?? {});
    const emulatorEnv = envOf(compose.services.emulators?.environment ?? {});
    const emulators = loadConfig(emulatorEnv).emulators;
    // Only the balancer is published; the emulators' ports are not.
    expect(compose.services.emulators?.ports).toBeUndefined();
    expect(compose.services.lb?.ports).toEqual(["8080:8080"]);
    expect(emulators.oneauto.linkBaseUrl).toBe(
      embeddedLinkBase(loadConfig(gatewayEnv).gateway.publicUrl ?? ""),
    );
    const nginx = await read("nginx.conf");
    const cdn = /location (\S+) \{\s*proxy_pass (\S+);/.exec(
      nginx.slice(nginx.indexOf(`location ${EMBEDDED_LINKS_PREFIX}/cdn/`)),
    );
    expect(cdn?.[1]).toBe(`${new URL(emulators.oneauto.linkBaseUrl ?? "").pathname}/cdn/`);
    expect(cdn?.[2]).toBe(`http://emulators:${emulators.oneauto.port}/cdn/`);
  });

  it("the router serves the committed supergraph, whose subgraphs are the compose services, with the subgraph's router key", async () => {
    const subgraph = compose.services["forecourt-subgraph"];
    const router = compose.services.router;
    const listings = compose.services.listings;
    const subgraphEnv = envOf(subgraph?.environment ?? {});
    const federation = loadConfig(subgraphEnv).gateway.federation;
    expect(federation?.routerKey).toBeDefined();
    expect(envOf(router?.environment ?? {}).FEDERATION_ROUTER_KEY).toBe(federation?.routerKey);
    // The same stores as the gateways: one ledger and one spend per client, however it is reached.
    expect(loadConfig(subgraphEnv).ledger).toEqual(
      loadConfig(envOf(gateways[0]?.environment ?? {})).ledger,
    );
    expect(router?.image).toMatch(/^ghcr\.io\/graphql-hive\/gateway:/);
    expect(router?.volumes).toContain("./supergraph.graphql:/gateway/supergraph.graphql:ro");
    expect(router?.command?.slice(0, 2)).toEqual(["supergraph", "/gateway/supergraph.graphql"]);
    expect(listings?.build?.target).toBe("listings");
    const dockerfile = await readFile(join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^FROM \S+ AS listings$/m);
    const supergraph = await read("supergraph.graphql");
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)];
    expect(Object.fromEntries(graphs.map((m) => [m[1], m[2]]))).toEqual({
      forecourt: `http://forecourt-subgraph:${subgraphEnv.PORT}/graphql`,
      listings: `http://listings:${envOf(listings?.environment ?? {}).LISTINGS_PORT}/graphql`,
    });
  });

  it("mounts files that exist", () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith(".")) expect(existsSync(join(DEPLOY, source)), volume).toBe(true);
      }
    }
  });

  it("Prometheus scrapes each gateway with its metrics token; the collector listens where they send", async () => {
    const prometheus = parse(await read("prometheus.yml")) as {
      scrape_configs: {
        metrics_path: string;
        authorization: { credentials: string };
        static_configs: { targets: string[] }[];
      }[];
    };
    const job = prometheus.scrape_configs[0];
    const env = envOf(gateways[0]?.environment ?? {});
    expect(job?.metrics_path).toBe("/metrics");
    expect(job?.authorization.credentials).toBe(env.METRICS_TOKEN);
    expect(job?.static_configs[0]?.targets.sort()).toEqual([
      `gateway-a:${env.PORT}`,
      `gateway-b:${env.PORT}`,
    ]);
    const collector = parse(await read("otel-collector.yaml")) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
    };
    const port = collector.receivers.otlp.protocols.http.endpoint.split(":").at(-1);
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(`http://otel-collector:${port}`);
  });

  it("the dashboard asks only for metrics the gateway serves", async () => {
    const dashboard = JSON.parse(await read("grafana/dashboards/forecourt.json")) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    harness = await startGateway();
    const served = await (await harness.fetch("/metrics")).text();
    const names = new Set(
      served
        .split("\n")
        .filter((line) => line.startsWith("# TYPE "))
        .flatMap((line) => {
          const [, , name, type] = line.split(" ");
          return type === "histogram"
            ? [`${name}_bucket`, `${name}_count`, `${name}_sum`]
            : [name ?? ""];
        }),
    );
    const asked = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((t) => t.expr.match(/\b(?:forecourt|nodejs)_[a-z_]+/g) ?? []),
    );
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((name) => !names.has(name))).toEqual([]);
    // Spend per client and upstream, latency, errors, cache, refusals, subscriptions.
    const titles = dashboard.panels.map((p) => p.title).join("\n");
    for (const topic of [
      /Spend per client/,
      /latency/,
      /errors/,
      /Cache hit/,
      /Refusals/,
      /Subscriptions/,
    ]) {
      expect(titles).toMatch(topic);
    }
  });
});

describe("deploy/kubernetes", async () => {
  const files = ["configmap.yaml", "secret.yaml", "deployment.yaml", "service.yaml", "hpa.yaml"];
  const documents = (
    await Promise.all(
      files.map(async (file) => parseAllDocuments(await read(`kubernetes/${file}`))),
    )
  )
    .flat()
    .map(
      (doc) => doc.toJS() as Record<string, unknown> & { kind: string; metadata: { name: string } },
    );
  const byKind = (kind: string) => documents.filter((doc) => doc.kind === kind);
  const configMap = byKind("ConfigMap")[0] as { data: Env } | undefined;
  const secrets = byKind("Secret") as unknown as { metadata: { name: string }; stringData: Env }[];
  const secret = secrets.find((s) => s.metadata.name === "forecourt");
  const deployment = byKind("Deployment")[0] as unknown as {
    metadata: { name: string };
    spec: {
      template: {
        metadata: { labels: Env };
        spec: {
          terminationGracePeriodSeconds: number;
          containers: {
            ports: { containerPort: number }[];
            envFrom: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
            readinessProbe: { httpGet: { path: string } };
            livenessProbe: { httpGet: { path: string } };
            lifecycle: { preStop: { exec: { command: string[] } } };
            volumeMounts: { mountPath: string }[];
            resources: { limits: { memory: string } };
          }[];
        };
      };
    };
  };

  // As an operator fills the Secret in.
  const filled: Env = {
    ...(configMap?.data ?? {}),
    ...(secret?.stringData ?? {}),
    CARCUTTER_API_TOKEN: "token",
    CARCUTTER_CUSTOMER: "customer",
    ONEAUTO_API_KEY: "key",
    WEBHOOK_SECRET: "w".repeat(40),
    RESULT_LINK_SECRET: "r".repeat(40),
    METRICS_TOKEN: "m".repeat(24),
  };

  it("the ConfigMap and Secret hold only variables the config reads, and together they load", () => {
    const keys = [...Object.keys(configMap?.data ?? {}), ...Object.keys(secret?.stringData ?? {})];
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((name) => !KNOWN.has(name))).toEqual([]);
    const config = loadConfig(filled);
    expect(config.gateway.production).toBe(true);
    expect(config.clients.path).toBe(configMap?.data.CLIENTS_PATH);
  });

  it("the Deployment probes /ready and /health on PORT, drains before it is killed, and mounts the clients file", () => {
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    const config = loadConfig(filled);
    expect(container?.ports[0]?.containerPort).toBe(config.gateway.port);
    expect(container?.readinessProbe.httpGet.path).toBe("/ready");
    expect(container?.livenessProbe.httpGet.path).toBe("/health");
    expect(container?.envFrom).toEqual([
      { configMapRef: { name: "forecourt" } },
      { secretRef: { name: "forecourt" } },
    ]);
    const preStopSeconds = Number(container?.lifecycle.preStop.exec.command.at(-1));
    expect(preStopSeconds).toBeGreaterThan(0);
    const { delayMs, graceMs } = config.gateway.drain;
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      preStopSeconds * 1000 + delayMs + graceMs,
    );
    expect(container?.volumeMounts.map((m) => m.mountPath)).toContain(
      dirname(config.clients.path ?? ""),
    );
  });

  it("the Service selects the pods, and the autoscaler scales the Deployment", () => {
    const service = byKind("Service")[0] as unknown as { spec: { selector: Env } };
    const labels = deployment.spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(labels[key]).toBe(value);
    }
    const hpa = byKind("HorizontalPodAutoscaler")[0] as unknown as {
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number };
    };
    expect(hpa.spec.scaleTargetRef).toMatchObject({
      kind: "Deployment",
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it("its memory limit holds the image's V8 heap limit with room for the rest of the process", async () => {
    const dockerfile = await readFile(join(ROOT, "Dockerfile"), "utf8");
    const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile)?.[1] ?? "";
    const heapMb = Number(/--max-old-space-size=(\d+)/.exec(options)?.[1]);
    // Without a cap V8 sizes its heap from the machine, not the container: measured under the
    // peer benchmark's load, 270-300 MB resident.
    expect(heapMb).toBeGreaterThan(0);
    const limit = deployment?.spec.template.spec.containers[0]?.resources.limits.memory ?? "";
    const limitMb = (Number(/^(\d+)Mi$/.exec(limit)?.[1]) * 2 ** 20) / 1e6;
    // Besides the old generation: the young one (up to 48 MB), code, and an idle process's
    // 100 MB of modules and native memory; measured peak 150-175 MB with the cap at 96.
    expect(limitMb).toBeGreaterThanOrEqual(heapMb + 150);
  });
});
