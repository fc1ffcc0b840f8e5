import { useDocumentCache } from "../document-cache.js";
import { useIncrementalDelivery } from "../incremental-delivery.js";
import { useRouterEntryPoints } from "../router-entry-points.js";
import { documentChecks } from "../security.js";
import { useTrustedDocuments } from "../trusted-documents.js";
import type { PipelinePlugin, PipelineSetup } from "./setup.js";

/** The operation's document: bounded, checked, parsed and validated once, and trusted or not. */
export function documents(setup: PipelineSetup): PipelinePlugin[] {
  const { security, guards, trustedDocuments, federation } = setup;
  const plugins: PipelinePlugin[] = [
    // Size and nesting before parsing; the backstops and validation rules, their 400 status last.
    ...documentChecks(security, { backstops: guards }),
    // After the checks' parse hooks: a refused document is never kept.
    useDocumentCache(),
    // @defer/@stream are validation rules (and the schema's directives): they belong with validation.
    ...useIncrementalDelivery(),
  ];
  // Before sharing (execution phase): a document sent by hash or as other text becomes the
  // manifest's text first, so sharing keys on what runs, however it was sent.
  if (trustedDocuments) plugins.push(...useTrustedDocuments(trustedDocuments));
  // Subgraph mode: who may run the router's entry points, before the execution phase estimates
  // or reserves anything for them.
  if (federation) plugins.push(useRouterEntryPoints(federation.routerKey));
  return plugins;
}
