import { useGraphqlMetrics } from "../metrics-endpoint.js";
import { useTracing } from "../tracing-plugin.js";
import type { PipelinePlugin, PipelineSetup } from "./setup.js";

/**
 * What each request did: composed right after the unobserved endpoints, so its hooks wrap every
 * later phase and see each answer and refusal they give. (The cost report is in the execution
 * phase: it must see an operation before sharing decides whether it runs.)
 */
export function reporting(setup: PipelineSetup): PipelinePlugin[] {
  const { tracing, observability, operationNames, deps } = setup;
  const plugins: PipelinePlugin[] = [];
  // Outermost: its span is the parent of everything the request does, parsing included.
  if (tracing) plugins.push(useTracing());
  // The request id and the access log: one line per request, whatever later phases answer.
  plugins.push(observability);
  // Counted after the request id is set, with the bounded operation names the log uses.
  if (deps.metrics) plugins.push(useGraphqlMetrics(deps.metrics, operationNames));
  return plugins;
}
