/** One subject on the red list and on the black list in the same run. */
import { defineQuarterRule } from '../types.js';
import { placeArg, placeAt, placeLocation } from './places.js';

export const redBlackConflict = defineQuarterRule({
  id: 'package/red-black-conflict',
  emits: ['PACKAGE_RED_BLACK_CONFLICT'],
  check(facts, report) {
    for (const f of facts.records) {
      if (f.kind === 'conflict')
        report('PACKAGE_RED_BLACK_CONFLICT', { subject: f.subject, other: placeArg(f.other) }, placeLocation(f.place), placeAt(f.place));
    }
  },
});
