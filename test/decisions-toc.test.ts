import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it("docs/decisions.md's contents list every section, in order", () => {
  const text = readFileSync(join(import.meta.dirname, '..', 'docs', 'decisions.md'), 'utf8');
  const start = text.indexOf('## Contents\n');
  const end = text.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  const listed = [...text.slice(start, end).matchAll(/^\s*- \[(.+)\]\(#[^)]+\)$/gm)].map((m) => m[1]);
  const headings = [...text.slice(end).matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]);
  expect(listed).toEqual(headings);
});
