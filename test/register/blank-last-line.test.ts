// A stray blank line after the last event (a clerk opened events.jsonl in an editor, which added one):
// every event is whole, yet the file is not what the writer wrote. Readers stop as on a torn line
// (REGISTER_CORRUPT, reason `blank`, exit 2); verify says so (exit 1) and that repair mends it; repair
// keeps a copy, cuts exactly the blank lines and records a `repair` event — nothing else is touched.
// A blank line with an event after it is not at the end: repair refuses it (decisions.md "A blank last line").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledExample, copyWorkspace, eventsFile, readEvents, runCli, tempDir, TODAY, ROOT } from './helpers.js';

let tmp: string;
let published: string;
let n = 0;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', TODAY], ROOT, env);

beforeAll(async () => {
  tmp = tempDir('blank-last-line');
  published = copyWorkspace(await compiledExample(tmp), join(tmp, 'published'));
  expect((await cli(published, ['publish', '2026Q3'])).code).toBe(0);
  expect((await cli(published, ['register', 'note', '第二条事件'])).code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The published example with `tail` appended to its log; the log's bytes before. */
function withTail(tail: string): { ws: string; before: Buffer } {
  const ws = copyWorkspace(published, join(tmp, `ws-${++n}`));
  rmSync(join(ws, 'register', 'events.jsonl.checkpoint'), { force: true });
  const before = readFileSync(eventsFile(ws));
  writeFileSync(eventsFile(ws), Buffer.concat([before, Buffer.from(tail, 'utf8')]));
  return { ws, before };
}

describe('blank lines after the last event', () => {
  it.each([
    ['one empty line', '\n'],
    ['an empty line with CR (Windows Notepad)', '\r\n'],
    ['spaces, a tab and a second line, the last unterminated', '  \n\t\n  '],
  ])('%s: verify says line 3 is blank, readers and writers refuse, repair cuts exactly them', async (_name, tail) => {
    const { ws, before } = withTail(tail);
    const broken = Buffer.concat([before, Buffer.from(tail, 'utf8')]);
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).broken).toEqual({ line: 3, reason: 'blank' });
    const pretty = await cli(ws, ['register', 'verify']);
    expect(pretty.stdout).toContain('第 3 行');
    expect(pretty.stdout).toContain('register repair');
    // A reader and a writer refuse, as on a torn line, and say how to mend it.
    for (const args of [
      ['register', 'list'],
      ['register', 'note', '不应写入'],
    ]) {
      const r = await cli(ws, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('第 3 行有问题（最后的事件之后多了空行）');
      expect(r.stderr).toContain('register repair 删去末尾的空行');
    }
    expect(readFileSync(eventsFile(ws)).equals(broken)).toBe(true);
    // repair: the copy is the file as it was; the log is its events as written, then one repair event.
    const r = await cli(ws, ['register', 'repair', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ action: 'cut', reason: 'blank', line: 3, bytes: Buffer.byteLength(tail) });
    expect(readFileSync(join(ws, doc.backup)).equals(broken)).toBe(true);
    const after = readFileSync(eventsFile(ws));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const added = after.subarray(before.length).toString('utf8');
    expect(added.endsWith('\n') && added.indexOf('\n') === added.length - 1).toBe(true);
    expect(readEvents(ws).map((e) => e.type)).toEqual(['publish', 'note', 'repair']);
    expect(readEvents(ws)[2]).toMatchObject({ line: 3, bytes: Buffer.byteLength(tail), backup: doc.backup });
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });

  it('repair says in words what it cut (zh-CN and en)', async () => {
    const zh = await cli(withTail('\n').ws, ['register', 'repair']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('已删去第 3 行起末尾的空行（1 字节），已登记的事件未作改动');
    const en = await cli(withTail('\n').ws, ['register', 'repair', '--lang', 'en']);
    // One byte is "1 byte", not "1 bytes" (messages/en/words.ts countEn); two are "2 bytes".
    expect(en.stdout).toContain('cut the blank lines from line 3 on (1 byte); no recorded event was changed');
    const two = await cli(withTail('\r\n').ws, ['register', 'repair', '--lang', 'en']);
    expect(two.stdout).toContain('cut the blank lines from line 3 on (2 bytes); no recorded event was changed');
  });

  it('a blank line with an event after it is no blank tail: repair refuses and changes nothing', async () => {
    const ws = copyWorkspace(published, join(tmp, `ws-${++n}`));
    rmSync(join(ws, 'register', 'events.jsonl.checkpoint'), { force: true });
    const lines = readFileSync(eventsFile(ws), 'utf8').split('\n');
    const edited = `${lines[0]}\n\n${lines.slice(1).join('\n')}`;
    writeFileSync(eventsFile(ws), edited);
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).broken).toEqual({ line: 2, reason: 'json' });
    const r = await cli(ws, ['register', 'repair']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 行有问题（不是有效的 JSON）');
    expect(readFileSync(eventsFile(ws), 'utf8')).toBe(edited);
  });

  // A log of nothing but blank lines has no "last event": it is said to hold no event, and how to mend it
  // (repair cuts them; a new register's file may simply be deleted). The JSON keeps reason `blank`, line 1.
  it.each([
    ['one empty line', '\n'],
    ['two lines, CR LF and spaces', '\r\n  \n'],
  ])('a log of blank lines only (%s): said to hold no event, in zh-CN and en; repair cuts them', async (_name, text) => {
    const ws = copyWorkspace(published, join(tmp, `ws-${++n}`));
    rmSync(join(ws, 'register', 'events.jsonl.checkpoint'), { force: true });
    writeFileSync(eventsFile(ws), text);
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).broken).toEqual({ line: 1, reason: 'blank' });
    const zh = await cli(ws, ['register', 'verify']);
    expect(zh.stdout).toContain('登记簿第 1 行有问题：没有任何事件，只有空行');
    expect(zh.stdout).toContain('也可以直接删除 register/events.jsonl');
    expect(zh.stdout).not.toContain('最后的事件之后');
    const en = await cli(ws, ['register', 'verify', '--lang', 'en']);
    expect(en.stdout).toContain('the register is broken at line 1: no event at all, only blank lines');
    expect(en.stdout).toContain('you may delete register/events.jsonl instead');
    expect(en.stdout).not.toContain('after the last event');
    for (const lang of ['zh-CN', 'en']) {
      const r = await cli(ws, ['register', 'list', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(lang === 'en' ? '(no event at all, only blank lines)' : '（文件里没有任何事件，只有空行）');
      expect(r.stderr).toContain(lang === 'en' ? 'you may delete register/events.jsonl instead' : '也可以直接删除 register/events.jsonl');
    }
    const repaired = await cli(ws, ['register', 'repair', '--format', 'json']);
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ action: 'cut', reason: 'blank', line: 1, bytes: Buffer.byteLength(text) });
    expect(readEvents(ws).map((e) => e.type)).toEqual(['repair']);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });
});
