import { refusalReasonOf } from "../../observability/metrics.js";
import { useClientGate } from "../client-plugin.js";
import { requestChecks, useRequestBodyLimit } from "../security.js";
import type { PipelinePlugin, PipelineSetup } from "./setup.js";

/** Whether the request may be read at all: who sends it, how large it is, and from where. */
export function admission(setup: PipelineSetup): PipelinePlugin[] {
  const { deps, maxRequestBodyBytes } = setup;
  return [
    // First: a caller without a key, or over its rate, costs no body read and no parse.
    useClientGate(deps.clients, (code) => deps.metrics?.refused(refusalReasonOf(code) ?? "auth")),
    // Before yoga parses the body: a declared Content-Length over the limit is refused unread.
    useRequestBodyLimit(maxRequestBodyBytes),
    // JSON query parameters, then CSRF: both before anything reads the body.
    ...requestChecks(),
  ];
}
