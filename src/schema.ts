import { builder } from "./builder.js";
import "./domains/vehicle/vehicle.schema.js";
import "./domains/image/image.schema.js";
import "./domains/feature/feature.schema.js";
import "./domains/stock/stock.schema.js";

/** The whole graph. Each domain file registers its types; this only assembles them. */
export const schema = builder.toSchema({ sortSchema: true });
