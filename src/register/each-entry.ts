/**
 * Every entry of a state, in the map's order (first publication), for a caller that looks at each once and
 * keeps none (register list, diff): a state read through a checkpoint makes them one at a time
 * (lazy-state.ts LazyRecords.stream) instead of building its whole map — a province's million entries.
 * `only`: entries statusOn surely gives no status on that day (or, `active`, none active) may be left out
 * unmade — register list's default, a province's ~400,000 removed records; the caller still filters.
 * `part`: only a part of them (register list on two threads), for a state streamRows says can be cut so.
 */
import { LazyRecords, type StreamFilter, type StreamPart } from './lazy-state.js';
import type { RecordEntry, RegisterState } from './state-types.js';

export function eachEntry(state: RegisterState, only?: StreamFilter, part?: StreamPart): Iterable<RecordEntry> {
  if (state.records instanceof LazyRecords && !state.records.built) return state.records.stream(only, part);
  if (part) throw new Error('only a stream through a checkpoint is made in parts');
  return state.records.values();
}

/** The rows a stream of `state` is cut into parts by (its checkpoint's), or undefined: it is streamed whole. */
export function streamRows(state: RegisterState): number | undefined {
  return state.records instanceof LazyRecords && !state.records.built ? state.records.rows : undefined;
}
