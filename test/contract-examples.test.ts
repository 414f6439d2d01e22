// The contract's own examples, read as another implementer would copy them (docs/contract/, the
// in-repo copy of the shared pages): what a bureau pastes from a page must load as the page says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/io/workspace/workspace.js';
import { keepReplacedOf } from '../src/schemas/config.js';

const CONTRACT = join(import.meta.dirname, '..', 'docs', 'contract');

/** The first ```json block after `after` on a contract page. */
function jsonBlock(page: string, after: string): unknown {
  const text = readFileSync(join(CONTRACT, page), 'utf8');
  const from = text.indexOf(after);
  expect(from, `${page}: ${after}`).toBeGreaterThanOrEqual(0);
  const block = /```json\n([\s\S]*?)\n```/.exec(text.slice(from));
  return JSON.parse(block?.[1] ?? 'null');
}

describe('workspace.md: hrss-credit.config.json "The shape, by example"', () => {
  it('the example loads as written, every key of it (packages.keepReplaced included)', () => {
    const example = jsonBlock('workspace.md', 'The shape, by example') as Record<string, unknown>;
    expect(Object.keys(example)).toContain('packages');
    const parsed = ConfigSchema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(keepReplacedOf(parsed.data ?? ConfigSchema.parse({}))).toBe(3);
  });

  it('packages.keepReplaced is the setting; the older singular key is still read, and packages wins', () => {
    expect(keepReplacedOf(ConfigSchema.parse({ packages: { keepReplaced: 1 } }))).toBe(1);
    expect(keepReplacedOf(ConfigSchema.parse({ package: { keepReplaced: 2 } }))).toBe(2);
    expect(keepReplacedOf(ConfigSchema.parse({ packages: { keepReplaced: 0 }, package: { keepReplaced: 2 } }))).toBe(0);
    expect(keepReplacedOf(ConfigSchema.parse({}))).toBe(3);
    expect(ConfigSchema.safeParse({ packages: { keep: 1 } }).success).toBe(false);
  });
});
