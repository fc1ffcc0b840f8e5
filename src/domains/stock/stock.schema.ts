import { z } from "zod";
import { builder, describedValues } from "../../builder.js";
import {
  type FieldCost,
  MATCHING_CALLS,
  STOCK_MATCHES_MAX,
  STOCK_SEARCH_MAX,
  STOCK_VIEW_COUNT,
} from "../../cost/cost-estimate.js";
import { isStreamed, itemsAsTheyCome } from "../../selection.js";
import { hasProcessedPhoto } from "../image/image.schema.js";
import { VehicleRef } from "../vehicle/vehicle.schema.js";
import { VIN_SHAPE } from "../vehicle/vin.js";
import {
  type STOCK_BACKGROUNDS,
  STOCK_VIEWS,
  type StockBackground,
  type StockImage,
  type StockVehicle,
  type StockView,
  stockVehicleFromDto,
} from "./stock.model.js";
import { stockImageFor, stockPhotoLinksOf, stockPhotosOf } from "./stock-photos.js";

const VIEW_TEXT: Record<StockView, string> = {
  FRONT: "Front.",
  FRONT_RIGHT: "Front, three-quarter from the right.",
  RIGHT: "Right side.",
  REAR_RIGHT: "Rear, three-quarter from the right.",
  REAR: "Rear.",
  REAR_LEFT: "Rear, three-quarter from the left.",
  LEFT: "Left side.",
  FRONT_LEFT: "Front, three-quarter from the left.",
  INSIDE_1: "Interior, first view.",
  INSIDE_2: "Interior, second view.",
  INSIDE_3: "Interior, third view.",
  UNKNOWN: "A view OneAuto added after this gateway was built.",
};

export const StockViewEnum = builder.enumType("StockView", {
  description: "Camera angle of a stock photo.",
  values: describedValues(STOCK_VIEWS, VIEW_TEXT),
});

export const StockBackgroundEnum = builder.enumType("StockBackground", {
  description: "Background of a stock photo.",
  values: {
    TRANSPARENT: { description: "Transparent (PNG alpha)." },
    OPAQUE: { description: "A plain studio background." },
  } satisfies Record<(typeof STOCK_BACKGROUNDS)[number], { description: string }>,
});

export const StockImageRef = builder.objectRef<StockImage>("StockImage").implement({
  description: "A stock photo link from OneAuto. Each new link is billed (15p); links live 7 days.",
  fields: (t) => ({
    imageId: t.exposeString("imageId", { description: "OneAuto's image id." }),
    view: t.expose("view", {
      type: StockViewEnum,
      nullable: true,
      description: "Camera angle, when known.",
    }),
    color: t.exposeString("color", {
      nullable: true,
      description: "The generic colour the photo shows; null for the model's default colour.",
    }),
    requestedColor: t.exposeString("requestedColor", {
      nullable: true,
      description:
        "The colour that was wanted when OneAuto had no photo in it, so the default colour was used instead; null otherwise.",
    }),
    background: t.expose("background", {
      type: StockBackgroundEnum,
      nullable: true,
      description: "The background asked for; null for OneAuto's default.",
    }),
    url: t.expose("url", { type: "URL", description: "Pre-signed link to the picture." }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: "When the link stops working (from the link's own signature).",
    }),
  }),
});

const colorArg = z.string().trim().min(1, "must not be empty").max(64, "at most 64 characters");

export const StockVehicleRef = builder.objectRef<StockVehicle>("StockVehicle").implement({
  description: "A make and model that OneAuto has stock photos of.",
  fields: (t) => ({
    manufacturer: t.exposeString("manufacturer", { description: "Make." }),
    modelRange: t.exposeString("modelRange", { description: "Model range, e.g. 3 Series." }),
    derivative: t.exposeString("derivative", { nullable: true, description: "Derivative." }),
    bodyType: t.exposeString("bodyType", { nullable: true, description: "Body type." }),
    year: t.exposeInt("year", { nullable: true, description: "Year of manufacture." }),
    views: t.field({
      type: [StockViewEnum],
      description: "The views OneAuto has photos of for this vehicle.",
      resolve: (vehicle) => vehicle.photos.map((p) => p.view),
    }),
    colors: t.exposeStringList("colors", {
      description: "The model's paint range as OneAuto lists it; not every colour has a photo.",
    }),
    photo: t.field({
      type: StockImageRef,
      nullable: true,
      extensions: { cost: ONE_LINK },
      description:
        "A link to one view (paid: 15p per distinct link); null when there is no such view.",
      args: {
        view: t.arg({ type: StockViewEnum, description: "Which view." }),
        color: t.arg.string({
          required: false,
          description: "A generic colour, e.g. Black.",
          validate: colorArg,
        }),
        background: t.arg({
          type: StockBackgroundEnum,
          required: false,
          description: "Background.",
        }),
      },
      resolve: (vehicle, args, ctx) => {
        const photo = vehicle.photos.find((p) => p.view === args.view);
        if (!photo) return null;
        const key = {
          imageId: photo.imageId,
          color: args.color ?? null,
          background: args.background ?? null,
        };
        return stockImageFor(ctx.loaders, key, photo.view);
      },
    }),
  }),
});

const StockSearchInput = builder.inputType("StockSearchInput", {
  description: "A make, model and year to find stock photos for.",
  fields: (t) => ({
    manufacturer: t.string({
      description: "Make, e.g. BMW.",
      validate: z.string().trim().min(1).max(128),
    }),
    modelRange: t.string({
      description: "Model range, e.g. 3 Series.",
      validate: z.string().trim().min(1).max(128),
    }),
    year: t.int({
      description: "Year of manufacture.",
      validate: z.number().int().min(1900).max(2100),
    }),
    derivative: t.string({
      required: false,
      description: "Derivative.",
      validate: z.string().trim().min(1).max(256),
    }),
    bodyType: t.string({
      required: false,
      description: "Body type.",
      validate: z.string().trim().min(1).max(128),
    }),
  }),
});

const vin = z
  .string()
  .trim()
  .toUpperCase()
  .regex(VIN_SHAPE, "must be a VIN: 17 letters and digits, without I, O or Q");
const registration = z
  .string()
  .transform((s) => s.replace(/\s+/g, "").toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z0-9]{2,8}$/, "must be a UK registration: 2 to 8 letters and digits"),
  );

/** One paid identification (imagesearchfromvin/vrm), answering a few matches. */
const IDENTIFICATION: FieldCost = {
  paidCalls: 1,
  calls: { upstream: "oneauto", each: 1 },
  listSize: { assumedSize: STOCK_MATCHES_MAX },
};

/** One link (imagefromid, 15p). */
const ONE_LINK: FieldCost = { paidCalls: 1, calls: { upstream: "oneauto", each: 1 } };

builder.queryFields((t) => ({
  stockSearch: t.field({
    type: [StockVehicleRef],
    nullable: true,
    // imagesearch is free, but what is selected under its answers is not.
    extensions: {
      cost: {
        calls: { upstream: "oneauto", each: 1 },
        listSize: { assumedSize: STOCK_SEARCH_MAX },
      } satisfies FieldCost,
    },
    description: "Stock photo sets for a make, model and year (free at OneAuto).",
    args: { input: t.arg({ type: StockSearchInput, description: "What to look for." }) },
    resolve: async (_, { input }, ctx) =>
      (
        await ctx.oneauto.search({
          manufacturer: input.manufacturer,
          modelRange: input.modelRange,
          year: input.year,
          derivative: input.derivative ?? undefined,
          bodyType: input.bodyType ?? undefined,
        })
      ).map(stockVehicleFromDto),
  }),
  stockByVin: t.field({
    type: [StockVehicleRef],
    nullable: true,
    extensions: { cost: IDENTIFICATION },
    description: "Stock photo sets matching a VIN (paid at OneAuto); empty when none match.",
    args: { vin: t.arg.string({ description: "A 17-character VIN.", validate: vin }) },
    resolve: async (_, args, ctx) =>
      (await ctx.oneauto.searchByVin(args.vin)).map(stockVehicleFromDto),
  }),
  stockByRegistration: t.field({
    type: [StockVehicleRef],
    nullable: true,
    extensions: { cost: IDENTIFICATION },
    description:
      "Stock photo sets matching a UK registration (paid at OneAuto); empty when none match.",
    args: {
      registration: t.arg.string({
        description: "A UK registration, spaces allowed.",
        validate: registration,
      }),
    },
    resolve: async (_, args, ctx) =>
      (await ctx.oneauto.searchByRegistration(args.registration)).map(stockVehicleFromDto),
  }),
  stockImage: t.field({
    type: StockImageRef,
    nullable: true,
    extensions: { cost: ONE_LINK },
    description:
      "A link to one stock photo by id (paid: 15p); null when OneAuto has no such image.",
    args: {
      imageId: t.arg.string({
        description: "OneAuto image id.",
        validate: z.string().trim().min(1).max(256),
      }),
      color: t.arg.string({
        required: false,
        description: "A generic colour, e.g. Black.",
        validate: colorArg,
      }),
      background: t.arg({ type: StockBackgroundEnum, required: false, description: "Background." }),
    },
    resolve: (_, args, ctx) =>
      stockImageFor(
        ctx.loaders,
        {
          imageId: args.imageId,
          color: args.color ?? null,
          background: (args.background as StockBackground | null) ?? null,
        },
        null,
      ),
  }),
}));

export const StockMatchMethodEnum = builder.enumType("StockMatchMethod", {
  description: "How stock imagery was found for a CarCutter vehicle.",
  values: {
    VIN: { description: "By the vehicle's VIN (its vehicleId): a paid OneAuto search." },
    SEARCH: {
      description:
        "By make, model and year (free), because the VIN found nothing or the vehicleId is not a VIN. The year comes from the VIN when it encodes one, else this year.",
    },
  },
});

builder.objectField(StockVehicleRef, "matchedBy", (t) =>
  t.expose("matchedBy", {
    type: StockMatchMethodEnum,
    nullable: true,
    description:
      "How it was found for a vehicle (Vehicle.stockMatches); null when asked for directly.",
  }),
);

builder.objectFields(VehicleRef, (t) => ({
  stockMatches: t.field({
    type: [StockVehicleRef],
    nullable: true,
    extensions: { cost: IDENTIFICATION },
    description:
      "OneAuto stock vehicles matching this vehicle: by VIN (paid, cached), else by make, model and year (free). Empty when nothing matches.",
    // Streamed (@stream), its payload goes first and the matches after the search, each sent
    // once its own selection (its paid photo links) is resolved.
    resolve: (vehicle, _, ctx, info) => {
      const matches = ctx.loaders.stockMatchesByVehicle.load(vehicle);
      return isStreamed(info) ? itemsAsTheyCome(matches) : matches;
    },
  }),
  stockPhotos: t.field({
    type: [StockImageRef],
    nullable: true,
    // The VIN identified (paid), then one link per view asked for (all of them when none are
    // given). A colour OneAuto lacks is asked again in its default colour, but only after a 400,
    // which is not billed: still one paid link per view.
    extensions: {
      cost: {
        paidCalls: 1,
        paidCallsPerItem: 1,
        calls: { upstream: "oneauto", each: MATCHING_CALLS, perItem: 1 },
        listSize: { assumedSize: STOCK_VIEW_COUNT, slicingArguments: ["views"] },
      } satisfies FieldCost,
    },
    description:
      "Stock photos of the best match, in this vehicle's colour mapped to OneAuto's generic colours (see StockImage.color and requestedColor for fallbacks). Each distinct link is paid (15p) unless cached.",
    args: {
      views: t.arg({
        type: [StockViewEnum],
        required: false,
        description: "Which views (default: every view OneAuto has).",
      }),
      background: t.arg({ type: StockBackgroundEnum, required: false, description: "Background." }),
      unlessPhotographed: t.arg.boolean({
        required: false,
        description:
          "Only for a vehicle without a processed photo of its own (RAW or FINAL): otherwise an empty list, and nothing paid. For a list's thumbnails, which show the vehicle's own photo when it has one.",
      }),
    },
    // Streamed (@stream), each photo goes as its paid link arrives, in the list's order; a link
    // that fails is that item's error, and the others still come.
    resolve: (vehicle, args, ctx, info) => {
      const options = { views: args.views ?? null, background: args.background ?? null };
      const photographed = args.unlessPhotographed
        ? hasProcessedPhoto(vehicle.vehicleId, ctx.ledger, ctx.loaders.imageStatusByUrl)
        : undefined;
      if (isStreamed(info)) {
        const links = () => stockPhotoLinksOf(vehicle, options, ctx.loaders);
        return itemsAsTheyCome(
          photographed ? photographed.then((has) => (has ? [] : links())) : links(),
          { skipMissing: true },
        );
      }
      return photographed
        ? photographed.then((has) => (has ? [] : stockPhotosOf(vehicle, options, ctx.loaders)))
        : stockPhotosOf(vehicle, options, ctx.loaders);
    },
  }),
}));
