/**
 * The ids a year's report has met (report-page.ts distinctTallies): a record's identity id is 12 hex digits
 * (48 bits, domain/identity.ts), read straight from a summary's `ids` string into a number and kept in an
 * open-addressing table of doubles. A Set of 80,000 sliced strings made a string and its hash per record and
 * most of the report's garbage; this makes neither.
 */
export class IdSet {
  private keys: Float64Array;
  private used: Uint8Array;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.used = new Uint8Array(cap);
  }

  /** Adds the id written at `at` in `ids` (12 lower-case hex digits); false when it was there already. */
  addAt(ids: string, at: number, length: number): boolean {
    let v = 0;
    for (let i = at; i < at + length; i++) {
      const c = ids.charCodeAt(i);
      v = v * 16 + (c <= 57 ? c - 48 : c - 87);
    }
    return this.add(v);
  }

  private add(v: number): boolean {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    // The low 32 bits mixed with the high 16 (an id's digits are a hash already: spread evenly).
    let h = (Math.imul((v % 4294967296) ^ Math.floor(v / 4294967296), 0x9e3779b1) >>> 0) & mask;
    while (this.used[h] === 1) {
      if (this.keys[h] === v) return false;
      h = (h + 1) & mask;
    }
    this.used[h] = 1;
    this.keys[h] = v;
    this.size++;
    return true;
  }

  private grow(): void {
    const keys = this.keys;
    const used = this.used;
    this.keys = new Float64Array(keys.length * 2);
    this.used = new Uint8Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (used[i] === 1) this.add(keys[i] as number);
  }
}
