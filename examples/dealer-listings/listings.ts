import SchemaBuilder from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import FederationPlugin from "@pothos/plugin-federation";
import type { GraphQLSchema } from "graphql";
import { createYoga } from "graphql-yoga";

/**
 * A second subgraph beside Forecourt (README, "Join a supergraph"): a dealer's listings, each a
 * price, a listing date and a dealer name for a vehicle that Forecourt knows by its vehicleId. It
 * references Forecourt's `Vehicle` entity by key, and adds `listing` to it, so a supergraph query
 * can go from a listing to its photos and from a vehicle to its price.
 */

export interface Listing {
  listingId: string;
  /** Forecourt's (CarCutter's) vehicle id, usually the VIN: the key of its Vehicle entity. */
  vehicleId: string;
  /** Asking price in pence (GBP). */
  price: number;
  /** The day it was listed, ISO 8601 (2026-11-02). */
  listedOn: string;
  dealerName: string;
}

/** The built-in CarCutter emulator's vehicles (its seed), as one dealer group's stock. */
export const DEMO_LISTINGS: readonly Listing[] = [
  ["WBA5R1C50KAE81715", 2_349_500, "2026-10-04", "Forecourt Motors Berlin"],
  ["WVWZZZCDZMW012345", 2_195_000, "2026-10-11", "Forecourt Motors Berlin"],
  ["WAUZZZ8K9BA123456", 1_129_900, "2026-09-27", "Forecourt Motors Hamburg"],
  ["1FA6P8TH3L5100001", 3_899_000, "2026-11-02", "Forecourt Motors Hamburg"],
  ["5YJ3E1EA4KF317001", 2_749_000, "2026-11-15", "Forecourt Motors Berlin"],
  ["WDD2050041F123456", 2_250_000, "2026-10-20", "Forecourt Motors München"],
  ["5UXCR6C07L9B12345", 4_195_000, "2026-11-21", "Forecourt Motors München"],
  ["TMBJJ7NE5L0123456", 1_649_500, "2026-11-28", "Forecourt Motors Hamburg"],
  ["WP0ZZZ998PS100123", 11_950_000, "2026-12-01", "Forecourt Motors München"],
].map(([vehicleId, price, listedOn, dealerName], i) => ({
  listingId: `L-${1001 + i}`,
  vehicleId: String(vehicleId),
  price: Number(price),
  listedOn: String(listedOn),
  dealerName: String(dealerName),
}));

/** The listings subgraph's schema over `listings` (a federation v2 subgraph, like Forecourt's). */
export function listingsSchema(listings: readonly Listing[] = DEMO_LISTINGS): GraphQLSchema {
  const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({
    plugins: [DirectivesPlugin, FederationPlugin],
    defaultFieldNullability: false,
  });
  const byVehicle = new Map(listings.map((listing) => [listing.vehicleId, listing]));

  // Forecourt's entity, by its key: this subgraph stores only the id and adds `listing`.
  const VehicleRef = builder.externalRef(
    "Vehicle",
    builder.selection<{ vehicleId: string }>("vehicleId"),
    (ref) => ({ vehicleId: ref.vehicleId }),
  );
  const ListingRef = builder.objectRef<Listing>("Listing").implement({
    description: "A vehicle for sale at one of the dealer's sites.",
    fields: (t) => ({
      listingId: t.exposeID("listingId", { description: "The dealer's id for the listing." }),
      price: t.exposeInt("price", { description: "Asking price in pence (GBP)." }),
      listedOn: t.exposeString("listedOn", {
        description: "The day it was listed (ISO 8601, e.g. 2026-11-02).",
      }),
      dealerName: t.exposeString("dealerName", { description: "The site that sells it." }),
      vehicle: t.field({
        type: VehicleRef,
        description: "The vehicle, resolved by Forecourt from its vehicleId.",
        resolve: (listing) => ({ vehicleId: listing.vehicleId }),
      }),
    }),
  });
  VehicleRef.implement({
    fields: (t) => ({
      // Worded as Forecourt's: composers hint at a field described differently by two subgraphs.
      vehicleId: t.exposeString("vehicleId", {
        description: "CarCutter's id for the vehicle; usually the VIN.",
      }),
      listing: t.field({
        type: ListingRef,
        nullable: true,
        description: "The dealer's listing of this vehicle; null when it is not for sale.",
        resolve: (vehicle) => byVehicle.get(vehicle.vehicleId) ?? null,
      }),
    }),
  });
  // No description: Query is Forecourt's too, and the supergraph keeps one (Forecourt's).
  builder.queryType({
    fields: (t) => ({
      listings: t.field({
        type: [ListingRef],
        description: "Every listing, newest first; of one site when `dealerName` is given.",
        args: {
          dealerName: t.arg.string({ required: false, description: "Only this site's." }),
        },
        resolve: (_, args) =>
          listings
            .filter((l) => !args.dealerName || l.dealerName === args.dealerName)
            .toSorted((a, b) => b.listedOn.localeCompare(a.listedOn)),
      }),
    }),
  });
  return builder.toSubGraphSchema({ linkUrl: "https://specs.apollo.dev/federation/v2.6" });
}

/** The subgraph as a fetch handler at /graphql (examples/dealer-listings/main.ts listens). */
export function createListingsSubgraph(listings: readonly Listing[] = DEMO_LISTINGS) {
  return createYoga({ schema: listingsSchema(listings), graphqlEndpoint: "/graphql" });
}
