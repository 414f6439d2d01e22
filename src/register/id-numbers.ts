/**
 * A number for each of many ids (diff's revisions of the ids active on its first side: a province's 600,000),
 * without a map of strings: when the state was read through a checkpoint, an id of its prefix is kept at its
 * first row (the checkpoint's id index is the hash table), in a typed array; other ids (published after the
 * prefix, or a state read without one) in a map.
 */
import { LazyRecords } from './lazy-state.js';
import type { RegisterState } from './state-types.js';

export class IdNumbers {
  /** Each first row's number + 1 (0: none). */
  private readonly rows: Uint32Array | undefined;
  private readonly others = new Map<string, number>();
  private readonly rowOf: (id: string) => number;

  /** `state`: the state whose checkpoint's rows key the ids (any state: an id it does not know goes to the map). */
  constructor(state: RegisterState) {
    const records = state.records;
    if (records instanceof LazyRecords && records.rows > 0) {
      this.rows = new Uint32Array(records.rows);
      this.rowOf = (id) => records.rowOf(id);
    } else this.rowOf = () => -1;
  }

  /** Sets id's number (a non-negative integer below 2³² − 1). */
  set(id: string, value: number): void {
    const row = this.rowOf(id);
    if (row >= 0 && this.rows) this.rows[row] = value + 1;
    else this.others.set(id, value);
  }

  get(id: string): number | undefined {
    const row = this.rowOf(id);
    if (row >= 0 && this.rows) {
      const v = this.rows[row] as number;
      return v === 0 ? undefined : v - 1;
    }
    return this.others.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
