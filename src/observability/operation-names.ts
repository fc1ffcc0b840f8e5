/**
 * Operation names as label values, bounded: a client chooses its operation names, so an open
 * gateway could be sent a new one with every request and grow every series without end. The
 * names of the trusted documents always count as themselves; beyond them, the first `capacity`
 * distinct names seen, then `other`. An operation without a name is `anonymous`.
 */
export class OperationNames {
  readonly #known = new Set<string>();
  readonly #trusted: ReadonlySet<string>;
  readonly #capacity: number;

  constructor(options: { trusted?: Iterable<string>; capacity?: number } = {}) {
    this.#trusted = new Set(options.trusted ?? []);
    this.#capacity = options.capacity ?? 200;
  }

  label(name: string | undefined): string {
    if (!name) return "anonymous";
    if (this.#trusted.has(name) || this.#known.has(name)) return name;
    if (this.#known.size >= this.#capacity || !/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) {
      return "other";
    }
    this.#known.add(name);
    return name;
  }
}
