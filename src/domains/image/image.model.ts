import type { LedgerEntry } from "../../ledger/ledger.js";
import {
  type ImageStatusDto,
  IMAGE_PHASES as WIRE_PHASES,
  IMAGE_QUALITIES as WIRE_QUALITIES,
  IMAGE_STATUSES as WIRE_STATUSES,
} from "../../upstreams/carcutter/dto.js";
import { enumValueOf, graphEnumOf } from "../../wire-enums.js";

/**
 * A photo submitted to CarCutter, identified by the exact URL it was submitted with. Upstream
 * enum strings are mapped here; values CarCutter adds later become UNKNOWN instead of failing.
 */

export const IMAGE_STATUSES = graphEnumOf(WIRE_STATUSES);
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export const IMAGE_PHASES = graphEnumOf(WIRE_PHASES);
export type ImagePhase = (typeof IMAGE_PHASES)[number];

export const IMAGE_QUALITIES = graphEnumOf(WIRE_QUALITIES);
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

export interface Image {
  url: string;
  status: ImageStatus;
  phase: ImagePhase | null;
  quality: ImageQuality | null;
  angle: string[];
  /** Known when the gateway saw the submission; CarCutter's status does not say. */
  vehicleId: string | null;
  submittedAt: Date | null;
}

/** Results can be fetched once CarCutter has a raw or final cut. */
export function isResultAvailable(status: ImageStatus): boolean {
  return status === "RAW" || status === "FINAL";
}

/** States after which CarCutter changes nothing more. */
export function isTerminal(status: ImageStatus): boolean {
  return status === "FINAL" || status === "ERROR" || status === "EXPIRED";
}

/**
 * CarCutter's status joined with what this gateway recorded of the submission (the vehicle and
 * when; CarCutter's status says neither), when it saw one.
 */
export function imageFromDto(
  dto: ImageStatusDto,
  submission?: Pick<LedgerEntry, "vehicleId" | "submittedAt">,
): Image {
  return {
    url: dto.image,
    status: enumValueOf(IMAGE_STATUSES, dto.status),
    phase: dto.phase ? enumValueOf(IMAGE_PHASES, dto.phase) : null,
    quality: dto.quality ? enumValueOf(IMAGE_QUALITIES, dto.quality) : null,
    angle: dto.angle ?? [],
    vehicleId: submission?.vehicleId ?? null,
    submittedAt: submission?.submittedAt ?? null,
  };
}

/**
 * How far along a photo is, to order reports that may arrive out of order (a late webhook): a
 * report further back than one already seen is stale. States that say nothing of progress
 * (UNDEFINED, UNKNOWN, a value CarCutter adds later) rank lowest. FINAL may later EXPIRE; an
 * expired photo never comes back.
 */
export function progressOf(image: Pick<Image, "status" | "phase">): number {
  switch (image.status) {
    case "PROCESSING":
      return 1 + (image.phase === null ? 0 : IMAGE_PHASES.indexOf(image.phase));
    case "RAW":
      return 20;
    case "FINAL":
    case "ERROR":
      return 30;
    case "EXPIRED":
      return 40;
    default:
      return 0;
  }
}
