/**
 * Every entry of a state, in the map's order (first publication), for a caller that looks at each once and
 * keeps none (register list, diff): a state read through a checkpoint makes them one at a time
 * (lazy-state.ts LazyRecords.stream) instead of building its whole map — a province's million entries.
 * `only`: entries statusOn surely gives no status on that day (or, `active`, none active) may be left out
 * unmade — register list's default, a province's ~400,000 removed records; the caller still filters.
 */
import { LazyRecords, type StreamFilter } from './lazy-state.js';
import type { RecordEntry, RegisterState } from './state-types.js';

export function eachEntry(state: RegisterState, only?: StreamFilter): Iterable<RecordEntry> {
  return state.records instanceof LazyRecords && !state.records.built ? state.records.stream(only) : state.records.values();
}
