import type { FeatureDto } from "../../upstreams/carcutter/dto.js";

/** A feature hotspot of a vehicle (a hover text, document or link shown on its photos). */
export interface Feature {
  featureId: string;
  vehicleId: string;
  title: string;
  description: string | null;
  icon: string;
  type: string;
  ruleName: string | null;
  annotationId: string | null;
  detailImageId: string | null;
}

export function featureFromDto(dto: FeatureDto): Feature {
  return {
    featureId: dto.feature_id,
    vehicleId: dto.vehicle_id,
    title: dto.title,
    description: dto.description ?? null,
    icon: dto.icon,
    type: dto.type,
    ruleName: dto.feature_rule_name ?? null,
    annotationId: dto.annotation_id ?? null,
    detailImageId: dto.detail_image_id ?? null,
  };
}
