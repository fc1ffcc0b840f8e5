import { fitsBudget, type ReservedSpend, roundPence, type SpendReservation } from "./ledger.js";

interface HeldSpend {
  client: string;
  day: string;
  pence: number;
  until: number;
}

/**
 * Spend reservations kept in one process's memory, for a store only this process writes (the
 * file ledger): a reservation dies with the operation that holds it, and a crash ends both.
 * `reserve` is one synchronous step, so two operations never both take the same remainder.
 */
export class HeldSpendBook {
  readonly #held = new Map<string, HeldSpend>();

  /** Takes `reservation` if it fits beside `spentPence` and the client's live reservations. */
  reserve(reservation: SpendReservation, spentPence: number): ReservedSpend {
    const { id, client, day, pence, limitPence } = reservation;
    const at = reservation.at.getTime();
    let reservedPence = 0;
    for (const [other, held] of this.#held) {
      if (held.until <= at || held.day < day) this.#held.delete(other);
      else if (held.client === client && held.day === day) reservedPence += held.pence;
    }
    reservedPence = roundPence(reservedPence);
    const reserved = fitsBudget(spentPence, reservedPence, pence, limitPence);
    if (reserved) this.#held.set(id, { client, day, pence, until: reservation.until.getTime() });
    return { reserved, spentPence, reservedPence };
  }

  release(id: string | undefined): void {
    if (id !== undefined) this.#held.delete(id);
  }
}
