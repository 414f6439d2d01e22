/** One record (same subject, same decision) submitted more than once: every copy after the first (checks.md "Across records"). */
import { defineQuarterRule } from '../types.js';
import { placeArg, placeAt, placeLocation } from './places.js';

/**
 * Places a finding names at most: every copy after the first is a finding naming them, so a list filled down
 * with one record (n copies) made n findings of n places each — 3,000 copies a 300 MB JSON report, 6,000 an
 * internal error (no string that long). `count` stays exact (docs/decisions.md "A record copied a thousand times").
 */
export const MAX_NAMED_PLACES = 20;

export const recordDuplicate = defineQuarterRule({
  id: 'package/duplicate',
  emits: ['PACKAGE_DUPLICATE'],
  check(facts, report) {
    for (const f of facts.records) {
      if (f.kind !== 'duplicate') continue;
      const places = f.places.slice(0, MAX_NAMED_PLACES).map(placeArg);
      for (const p of f.places.slice(1)) {
        report('PACKAGE_DUPLICATE', { subject: f.subject, places, count: f.places.length, id: f.id }, placeLocation(p), placeAt(p));
      }
    }
  },
});
