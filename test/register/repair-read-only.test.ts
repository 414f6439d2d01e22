// register repair of a read-only events.jsonl (its permissions, or Windows' read-only attribute): refused
// naming events.jsonl — the file that cannot be written, not the backup — with the fix, and nothing lost:
// the log unchanged, no stray backup. EACCES is injected (HRSS_CREDIT_FAULT, src/io/faults.ts): the
// tests run as root, where chmod does not stop a write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledExample, copyWorkspace, eventsFile, runCli, tempDir, TODAY, ROOT } from './helpers.js';
import { withFault } from '../helpers/faults.js';

let tmp: string;
let published: string;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', TODAY], ROOT, env);

beforeAll(async () => {
  tmp = tempDir('repair-read-only');
  published = copyWorkspace(await compiledExample(tmp), join(tmp, 'published'));
  expect((await cli(published, ['publish', '2026Q3'])).code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('register repair of a log it may not write', () => {
  it.each([
    ['EACCES', 'zh-CN', '写入失败（EACCES', '：register/events.jsonl；', '请取消它的“只读”属性（Windows：右键 → 属性 → 去掉“只读”勾选）'],
    [
      'EPERM',
      'en',
      'writing failed (EPERM',
      ': register/events.jsonl;',
      'clear its read-only attribute (Windows: right-click → Properties → untick Read-only)',
    ],
  ])(
    '%s (%s): WRITE_FAILED naming register/events.jsonl and the fix; the log unchanged, no backup left',
    async (code, lang, what, where, fix) => {
      for (const [i, tail] of ['{"seq":2,"ty', '\n'].entries()) {
        const ws = copyWorkspace(published, join(tmp, `ws-${code}-${i}`));
        const broken = Buffer.concat([readFileSync(eventsFile(ws)), Buffer.from(tail, 'utf8')]);
        writeFileSync(eventsFile(ws), broken);
        const r = await withFault(`io:${code}@events.jsonl`, () => cli(ws, ['register', 'repair', '--lang', lang]));
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(what);
        expect(r.stderr).toContain(where);
        expect(r.stderr).toContain(fix);
        expect(r.stderr).not.toContain('.bak');
        const j = await withFault(`io:${code}@events.jsonl`, () => cli(ws, ['register', 'repair', '--format', 'json']));
        expect(JSON.parse(j.stdout).error).toMatchObject({ code: 'WRITE_FAILED' });
        expect(readFileSync(eventsFile(ws)).equals(broken)).toBe(true);
        expect(readdirSync(join(ws, 'register')).filter((f) => f.includes('.bak'))).toEqual([]);
        // Once it may be written, repair mends it as usual.
        expect((await cli(ws, ['register', 'repair'])).code).toBe(0);
        expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
      }
    },
  );
});
