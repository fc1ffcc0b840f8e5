import { createHash } from "node:crypto";
import { Hono } from "hono";
import { readPngHeader } from "../../png.js";
import {
  CARCUTTER,
  CUT_TYPES,
  type ImageStatusResponseDto,
  MAX_IMAGE_URLS_PER_CALL,
  PROCESSING_SPEEDS,
  RETOUCHING_ACCURACIES,
  SUBMISSION_FILES,
  type SubmissionFileField,
  type SubmissionTextField,
} from "../../upstreams/carcutter/dto.js";
import { colourOf, renderJpeg } from "../pictures.js";
import {
  ApiError,
  badRequest,
  CREDITS_EXCEEDED_MESSAGE,
  EXPIRED_MESSAGE,
  NO_SUCH_IMAGE_MESSAGE,
  RESULT_NOT_READY_MESSAGE,
} from "./errors.js";
import {
  checkEnum,
  checkHttpUrl,
  type FormInput,
  MAX_CUSTOM_JSON_CHARS,
  MAX_URL_CHARS,
  queryTexts,
  readForm,
} from "./input.js";
import { angleOf, outcomeOf } from "./lifecycle.js";
import type { CarCutterState, ImageRecord, StoredUpload } from "./state.js";

/**
 * Image submission, status and result. Images have no id: a URL is the image. Choices the contract
 * leaves open:
 * - the 1..60 limit counts `image_url` values as sent; duplicates are then listed and billed once;
 * - the named vehicle need not exist (images may arrive before or without a vehicle record);
 * - a URL already known is processed and billed again, and its lifecycle (and webhook) restarts;
 * - the status of a URL never submitted is `unknown`, phase `unknown`, quality null, angle [];
 * - a result still processing is 404 "result not available yet"; an error image is 404
 *   "no such image" like an unknown URL; an expired one is 410.
 */

export interface ImageRoutesDeps {
  state: CarCutterState;
  maxUploadBytes: number;
  /** Called with the records a submission created, after they are stored. */
  onAccepted(records: readonly ImageRecord[]): void;
}

const RAW_BACKGROUND = [196, 196, 196] as const;
const FINAL_BACKGROUND = [255, 255, 255] as const;

export function imageRoutes(deps: ImageRoutesDeps): Hono {
  const { state } = deps;
  const app = new Hono();

  app.on(CARCUTTER.submitImages.method, CARCUTTER.submitImages.path, async (c) => {
    const form = await readForm(c);
    const urls = distinct(imageUrlsOf(form.texts("image_url", MAX_URL_CHARS)));
    for (const url of urls) checkHttpUrl("image_url", url);

    const fields: Partial<Record<SubmissionTextField, string>> = {};
    const set = (name: SubmissionTextField, value: string | undefined) => {
      if (value !== undefined) fields[name] = value;
    };
    set("vehicle_id", form.text("vehicle_id", { required: true }));
    set("cut_type", checkEnum("cut_type", form.text("cut_type"), CUT_TYPES));
    set("guideline_id", form.text("guideline_id"));
    if (fields.cut_type === undefined && fields.guideline_id === undefined) {
      throw badRequest("cut_type or guideline_id is required (send at least one)");
    }
    set("location_id", form.text("location_id"));
    set("scene_id", form.text("scene_id"));
    const speed = checkEnum("processing_speed", form.text("processing_speed"), PROCESSING_SPEEDS);
    set("processing_speed", speed);
    set(
      "retouching_accuracy",
      checkEnum("retouching_accuracy", form.text("retouching_accuracy"), RETOUCHING_ACCURACIES),
    );
    const webhookUrl = form.text("webhook_url", { maxChars: MAX_URL_CHARS });
    set(
      "webhook_url",
      webhookUrl === undefined ? undefined : checkHttpUrl("webhook_url", webhookUrl),
    );
    set("webhook_response_auth_key", form.text("webhook_response_auth_key"));
    set("custom_json", checkJson(form.text("custom_json", { maxChars: MAX_CUSTOM_JSON_CHARS })));
    const uploads = await readUploads(form, deps.maxUploadBytes);

    // Checked last: a request that would be refused anyway must not be reported as unaffordable.
    if (state.credits < urls.length) throw new ApiError(402, CREDITS_EXCEEDED_MESSAGE);
    state.credits -= urls.length;

    const now = state.clock.now();
    const id = state.nextSubmissionId();
    state.submissions.push({
      id,
      receivedAt: now,
      imageUrls: urls,
      creditsCharged: urls.length,
      seeded: false,
      fields,
      uploads,
    });
    const webhook =
      fields.webhook_url === undefined
        ? undefined
        : {
            url: fields.webhook_url,
            ...(fields.webhook_response_auth_key === undefined
              ? {}
              : { authKey: fields.webhook_response_auth_key }),
          };
    const records = urls.map((url): ImageRecord => {
      const record: ImageRecord = {
        url,
        submissionId: id,
        submittedAt: now,
        lazy: speed === "lazy",
        outcome: outcomeOf(url),
        angle: angleOf(url),
        ...(webhook === undefined ? {} : { webhook }),
      };
      state.images.set(url, record);
      return record;
    });
    deps.onAccepted(records);
    const body: ImageStatusResponseDto = {
      data: { images: urls.map((url) => state.imageStatus(url, now)) },
    };
    return c.json(body);
  });

  app.on(CARCUTTER.imageStatuses.method, CARCUTTER.imageStatuses.path, (c) => {
    const urls = distinct(imageUrlsOf(queryTexts(c, "image_url", MAX_URL_CHARS)));
    const now = state.clock.now();
    const body: ImageStatusResponseDto = {
      data: { images: urls.map((url) => state.imageStatus(url, now)) },
    };
    return c.json(body);
  });

  app.on(CARCUTTER.imageResult.method, CARCUTTER.imageResult.path, (c) => {
    const urls = queryTexts(c, "image_url", MAX_URL_CHARS);
    const [url] = urls;
    if (url === undefined) throw badRequest("image_url is required");
    if (urls.length > 1) throw badRequest(`image_url: exactly one per request, got ${urls.length}`);
    const record = state.images.get(url);
    if (!record) throw new ApiError(404, NO_SUCH_IMAGE_MESSAGE);
    const { status } = state.imageState(record);
    if (status === "expired") throw new ApiError(410, EXPIRED_MESSAGE);
    if (status === "processing") throw new ApiError(404, RESULT_NOT_READY_MESSAGE);
    if (status !== "raw" && status !== "final") throw new ApiError(404, NO_SUCH_IMAGE_MESSAGE);
    const jpeg = renderJpeg({
      body: colourOf(url),
      background: status === "raw" ? RAW_BACKGROUND : FINAL_BACKGROUND,
    });
    return c.body(new Uint8Array(jpeg), 200, { "content-type": "image/jpeg" });
  });

  return app;
}

function imageUrlsOf(values: readonly string[]): readonly string[] {
  if (values.length === 0) {
    throw badRequest(`image_url is required (1 to ${MAX_IMAGE_URLS_PER_CALL} per request)`);
  }
  if (values.length > MAX_IMAGE_URLS_PER_CALL) {
    throw badRequest(
      `image_url: at most ${MAX_IMAGE_URLS_PER_CALL} per request, got ${values.length}`,
    );
  }
  return values;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function checkJson(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : "unparsable";
    throw badRequest(`custom_json: must be a JSON document (${reason})`);
  }
  return text;
}

async function readUploads(
  form: FormInput,
  maxBytes: number,
): Promise<Partial<Record<SubmissionFileField, StoredUpload>>> {
  const uploads: Partial<Record<SubmissionFileField, StoredUpload>> = {};
  for (const name of Object.values(SUBMISSION_FILES)) {
    const file = form.file(name, maxBytes);
    if (!file) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const header = readPngHeader(bytes);
    if (!header) throw badRequest(`${name}: must be an RGBA PNG, got a file that is not a PNG`);
    if (header.colorType !== 6) {
      throw badRequest(
        `${name}: must be an RGBA PNG (colour type 6), got PNG colour type ${header.colorType}`,
      );
    }
    uploads[name] = {
      bytes: file.size,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      filename: file.name,
      contentType: file.type,
    };
  }
  return uploads;
}
