/** Two folders under submissions/ name the same quarter (2026Q3 and 2026年第三季度): both are read. */
import { defineQuarterRule } from '../types.js';

export const quarterDuplicate = defineQuarterRule({
  id: 'package/quarter-duplicate',
  emits: ['PACKAGE_QUARTER_DUPLICATE'],
  check(facts, report) {
    const q = facts.quarter;
    if (!q || q.folders.length < 2) return;
    for (const f of q.folders.slice(1)) {
      report(
        'PACKAGE_QUARTER_DUPLICATE',
        { quarter: q.label, folders: q.folders.map((x) => `submissions/${x}`) },
        { file: `submissions/${f}` },
      );
    }
  },
});
