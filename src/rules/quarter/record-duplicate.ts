/** One record (same subject, same decision) submitted more than once: every copy after the first (checks.md "Across records"). */
import { defineQuarterRule } from '../types.js';
import { placeArg, placeAt, placeLocation } from './places.js';

export const recordDuplicate = defineQuarterRule({
  id: 'package/duplicate',
  emits: ['PACKAGE_DUPLICATE'],
  check(facts, report) {
    for (const f of facts.records) {
      if (f.kind !== 'duplicate') continue;
      const places = f.places.map(placeArg);
      for (const p of f.places.slice(1)) {
        report('PACKAGE_DUPLICATE', { subject: f.subject, places, count: f.places.length, id: f.id }, placeLocation(p), placeAt(p));
      }
    }
  },
});
