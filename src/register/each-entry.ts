/**
 * Every entry of a state, in the map's order (first publication), for a caller that looks at each once and
 * keeps none (register list, diff): a state read through a checkpoint makes them one at a time
 * (lazy-state.ts LazyRecords.stream) instead of building its whole map — a province's million entries.
 */
import { LazyRecords } from './lazy-state.js';
import type { RecordEntry, RegisterState } from './state-types.js';

export function eachEntry(state: RegisterState): Iterable<RecordEntry> {
  return state.records instanceof LazyRecords && !state.records.built ? state.records.stream() : state.records.values();
}
