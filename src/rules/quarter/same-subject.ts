/** One subject with two decisions on the same list: shown, since it may be two findings or one typed twice. */
import { defineQuarterRule } from '../types.js';
import { placeArg, placeAt, placeLocation } from './places.js';

export const sameSubject = defineQuarterRule({
  id: 'package/same-subject',
  emits: ['PACKAGE_SAME_SUBJECT'],
  check(facts, report) {
    for (const f of facts.records) {
      if (f.kind === 'sameSubject')
        report('PACKAGE_SAME_SUBJECT', { subject: f.subject, other: placeArg(f.other) }, placeLocation(f.place), placeAt(f.place));
    }
  },
});
