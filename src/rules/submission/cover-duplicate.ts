/** One cover per department per quarter. */
import { defineSubmissionRule } from '../types.js';

export const coverDuplicate = defineSubmissionRule({
  id: 'cover/duplicate',
  emits: ['COVER_DUPLICATE'],
  check(f, report) {
    if (f.covers.length < 2) return;
    const names = f.covers.map((c) => ({ file: c.file, ...(c.sheet ? { sheet: c.sheet } : {}) }));
    for (const c of f.covers.slice(1))
      report('COVER_DUPLICATE', { covers: names }, { file: c.file, ...(c.sheet ? { sheet: c.sheet } : {}) });
  },
});
