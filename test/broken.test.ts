// Hostile and damaged files (made by scripts/make-broken.mjs): each ends with its finding and exit 1,
// never a crash, a hang or exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';
import { messagesFor, renderMessage } from '../src/messages/index.js';

const BROKEN = join(ROOT, 'fixtures', 'broken');
const specs = JSON.parse(readFileSync(join(BROKEN, 'expect.json'), 'utf8')) as Record<
  string,
  { code?: string; codes?: string[]; limit?: string; config?: unknown }
>;
let tmp: string;
beforeAll(() => {
  tmp = tempDir('broken');
});
afterAll(() => cleanup(tmp));

describe.each(Object.entries(specs))('%s', (name, spec) => {
  it(`gives ${spec.code ?? (spec.codes?.join(', ') || 'no finding')}`, async () => {
    const args = [
      'validate',
      join(BROKEN, name),
      '--department',
      '就业办',
      '--quarter',
      '2026Q3',
      '--today',
      '2026-10-15',
      '--format',
      'json',
    ];
    if (spec.config) {
      const cfg = join(tmp, `${name}.config.json`);
      writeFileSync(cfg, JSON.stringify(spec.config));
      args.push('--config', cfg);
    }
    const res = await runCli(args, tmp);
    const doc = JSON.parse(res.stdout);
    const codes = doc.diagnostics.map((d: { code: string }) => d.code);
    if (spec.codes) {
      expect(codes).toEqual(spec.codes);
      expect(res.code).toBe(spec.codes.length > 0 ? 1 : 0);
      return;
    }
    expect(res.code).toBe(1);
    expect(codes).toEqual([spec.code]);
    if (spec.limit) expect(doc.diagnostics[0].args.limit).toBe(spec.limit);
    // The finding names the file, and its message is the catalogue's, rendered from the args.
    const d = doc.diagnostics[0];
    expect(d.location.file).toBe(relative(tmp, join(BROKEN, name)).split(sep).join('/'));
    expect(d.message).toBe(renderMessage(messagesFor('zh-CN'), d).message);
  });
});
