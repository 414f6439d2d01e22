/** Types of bench/module-trace.mjs's one export, for test/module-loads.test.ts. */
export function summarise(lines: string[]): { dist: string[]; packages: Record<string, number>; builtins: string[] };
