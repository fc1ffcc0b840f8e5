import type { YogaServerOptions } from "graphql-yoga";
import type { ClientGate } from "../../clients/client-gate.js";
import type { Context, GatewayDeps } from "../../context.js";
import type { DailyBudget } from "../../cost/daily-budget.js";
import type { OperationLimits } from "../../limits.js";
import type { Logger } from "../../logger.js";
import type { OperationNames } from "../../observability/operation-names.js";
import type { InFlight } from "../../upstreams/in-flight.js";
import type { EmbeddedEmulatorApp } from "../embedded-emulator-links.js";
import type { GraphiQLOff } from "../graphiql-page.js";
import type { MetricsEndpointOptions } from "../metrics-endpoint.js";
import type { RequestObservability } from "../request-observability.js";
import type { SecurityPolicy } from "../security.js";
import type { ShowroomOptions } from "../showroom.js";
import type { TrustedDocuments } from "../trusted-documents.js";

/** What every phase is built from: createGateway's options with their defaults, made once. */
export interface PipelineSetup {
  deps: GatewayDeps & { clients: ClientGate; limits: OperationLimits };
  logger: Logger | undefined;
  isReady: () => boolean | Promise<boolean>;
  maxRequestBodyBytes: number;
  webhookSecret: string;
  security: SecurityPolicy & { graphiql: boolean };
  guards: boolean;
  /** Where identical queries in flight are shared (shared-operations.ts); undefined: not at all. */
  sharedOperations: InFlight | undefined;
  tracing: boolean;
  trustedDocuments: TrustedDocuments | undefined;
  metricsEndpoint: Pick<MetricsEndpointOptions, "token" | "allowLoopbackWithoutToken"> | undefined;
  showroom: Pick<ShowroomOptions, "files" | "enabled">;
  oneautoEmulator: EmbeddedEmulatorApp | undefined;
  graphiqlOff: GraphiQLOff | undefined;
  operationNames: OperationNames;
  /** One per gateway: the reporting phase's hooks, which sharing tells of requests that joined. */
  observability: RequestObservability;
  budget: DailyBudget;
  /** Subgraph mode (FEDERATION=true): the key the router's requests carry. */
  federation: { routerKey: string } | undefined;
}

/**
 * One entry of a phase: yoga accepts plugins typed for parts of the context (the caller, the cost
 * meter), each reading only what it declares.
 */
export type PipelinePlugin = NonNullable<
  YogaServerOptions<Record<string, unknown>, Context>["plugins"]
>[number];
