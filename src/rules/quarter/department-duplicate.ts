/** Two folders (or a folder and a zip) of one department in the quarter that each sent something: every one after the first. */
import { defineQuarterRule } from '../types.js';

export const departmentDuplicate = defineQuarterRule({
  id: 'package/department-duplicate',
  emits: ['PACKAGE_DEPARTMENT_DUPLICATE'],
  check(facts, report) {
    const q = facts.quarter;
    if (!q) return;
    const byDept = new Map<string, { display: string }[]>();
    for (const d of q.departments) {
      // A folder holding only the untouched form (or nothing) beside the department's zip sent nothing.
      if (d.name === undefined || d.sent === false) continue;
      const list = byDept.get(d.name) ?? [];
      list.push(d);
      byDept.set(d.name, list);
    }
    for (const [name, list] of byDept) {
      for (const d of list.slice(1)) {
        report(
          'PACKAGE_DEPARTMENT_DUPLICATE',
          { department: name, folders: list.map((x) => x.display) },
          { file: d.display },
          { department: name, sort: { departmentRank: q.matrix.departmentRank(name) } },
        );
      }
    }
  },
});
