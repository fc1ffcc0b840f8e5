import { createHash } from "node:crypto";
import { Hono } from "hono";
import { CARCUTTER, CUT_TYPES, type CutTypeValue } from "../../upstreams/carcutter/dto.js";
import { colourOf, type Rgb, renderJpeg } from "../pictures.js";
import { ApiError, badRequest, CREDITS_EXCEEDED_MESSAGE } from "./errors.js";
import { checkEnum, checkHttpUrl, MAX_URL_CHARS, readForm } from "./input.js";
import type { CarCutterState } from "./state.js";

/**
 * The synchronous cut. Choices the contract leaves open: `image` wins when both `image` and
 * `image_url` are sent; every call costs one credit, `cut_type=none` included; the layout options
 * (location, resolution, padding…) are accepted and ignored; the picture's body colour follows the
 * input and its background the cut type, so answers differ where a client could mix them up.
 */

const BACKGROUNDS: Readonly<Record<Exclude<CutTypeValue, "none">, Rgb>> = {
  complete: [255, 255, 255],
  normal: [236, 236, 236],
  blur: [150, 170, 160],
};

export interface CompositionRoutesDeps {
  state: CarCutterState;
  maxUploadBytes: number;
}

export function compositionRoutes(deps: CompositionRoutesDeps): Hono {
  const app = new Hono();

  app.on(CARCUTTER.cutSingleSegment.method, CARCUTTER.cutSingleSegment.path, async (c) => {
    const form = await readForm(c);
    const image = form.file("image", deps.maxUploadBytes);
    const imageUrl = form.text("image_url", { maxChars: MAX_URL_CHARS });
    if (!image && imageUrl === undefined) throw badRequest("image or image_url is required");
    if (imageUrl !== undefined) checkHttpUrl("image_url", imageUrl);
    const cutType = checkEnum("cut_type", form.text("cut_type", { required: true }), CUT_TYPES);
    const source = image
      ? createHash("sha256")
          .update(new Uint8Array(await image.arrayBuffer()))
          .digest("hex")
      : (imageUrl ?? "");

    if (deps.state.credits < 1) throw new ApiError(402, CREDITS_EXCEEDED_MESSAGE);
    deps.state.credits -= 1;

    if (cutType === undefined || cutType === "none") return c.json({});
    const jpeg = renderJpeg({ body: colourOf(source), background: BACKGROUNDS[cutType] });
    return c.text(jpeg.toString("base64"));
  });

  return app;
}
