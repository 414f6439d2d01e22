// `hrss-credit schema register-event` printed the events as this tool writes them after reading (every key of its
// own, `on` and `unchanged` required on a publish, `prev` lower-case hex or null, `seq` any integer), so register.md's
// own example line — no `on`, no `unchanged` — and a first line with `prev` "" did not fit it, although the reader
// takes them (register/foreign.ts). The tool's side was wrong: it now prints the line as the contract lets it be
// written (schemas/register-event.ts RegisterEventLineSchema), which fits the contract's example and every line the
// tool writes. The JSON Schema is applied as a script would (test/helpers/json-schema-check.ts).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir, TODAY } from '../helpers/cases.js';
import { schemaProblems } from '../helpers/json-schema-check.js';

/**
 * register.md "The event log: register/events.jsonl", its example line as the page writes it (copied here: nothing
 * reads the shared pages at test time). Its placeholders are filled with values of their kind below.
 */
const REGISTER_MD_EXAMPLE =
  '{"seq":12,"type":"publish","at":"2026-10-15T09:30:00+08:00","by":"张三","host":"HRSS-PC07","batch":"2026Q3",' +
  '"package":"<manifest sha256>","records":[…],"removals":[…],"prev":"<hash of line 11>",' +
  '"hash":"<sha256 of this object without hash>"}';

const HEX = (c: string): string => c.repeat(64);
/** The example with `[…]` an empty list and each `<…>` a SHA-256 as the page describes it. */
const example = (): Record<string, unknown> =>
  JSON.parse(
    REGISTER_MD_EXAMPLE.replaceAll('[…]', '[]')
      .replace('"<manifest sha256>"', `"${HEX('a')}"`)
      .replace('"<hash of line 11>"', `"${HEX('b')}"`)
      .replace('"<sha256 of this object without hash>"', `"${HEX('c')}"`),
  );

let schema: Record<string, unknown> = {};
const tmp = tempDir('event-line-schema');
beforeAll(async () => {
  const res = await runCli(['schema', 'register-event'], ROOT);
  expect(res.code).toBe(0);
  schema = JSON.parse(res.stdout);
});
afterAll(() => cleanup(tmp));

describe('schema register-event fits the contract’s example lines', () => {
  it('register.md’s example publish line (no `on`, no `unchanged`), as written', () => {
    expect(schemaProblems(schema, example())).toEqual([]);
  });

  it('its first-line forms the reader takes: seq 0 or 1, prev "", 64 zeros, null or absent; a hash in upper case', () => {
    const { prev: _prev, ...noPrev } = example();
    for (const first of [
      { ...example(), seq: 0, prev: '' },
      { ...example(), seq: 1, prev: HEX('0') },
      { ...example(), seq: 1, prev: null },
      { ...noPrev, seq: 0 },
      { ...example(), hash: HEX('C') },
    ])
      expect(schemaProblems(schema, first), JSON.stringify(first)).toEqual([]);
  });

  it('still refuses what no line is: a hash of mixed case, a negative seq, a key of no event', () => {
    expect(schemaProblems(schema, { ...example(), hash: `${HEX('c').slice(1)}C` })).not.toEqual([]);
    expect(schemaProblems(schema, { ...example(), seq: -1 })).not.toEqual([]);
    expect(schemaProblems(schema, { ...example(), extra: 1 })).not.toEqual([]);
  });

  it('every line the tool writes: publish, note, objection add and resolve', async () => {
    const ws = join(tmp, '工作 区');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const at = ['-w', ws, '--today', TODAY];
    expect((await runCli(['compile', '2026Q3', ...at], ROOT)).code).toBe(0);
    expect((await runCli(['publish', '2026Q3', '--by', '测试', ...at], ROOT)).code).toBe(0);
    expect((await runCli(['register', 'note', '已报送市信用办', '--by', '测试', ...at], ROOT)).code).toBe(0);
    const list = JSON.parse((await runCli(['register', 'list', '--format', 'json', ...at], ROOT)).stdout);
    const id = list.records[0].id as string;
    const add = ['objection', 'add', '--received', TODAY, '--from', '测试申请人', '--summary', '认为信息有误', '--record', id];
    expect((await runCli([...add, '--format', 'json', ...at], ROOT)).code).toBe(0);
    const lines = readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const number = JSON.parse(lines.at(-1) as string).objection as string;
    const resolve = ['objection', 'resolve', number, '--outcome', '维持', '--opinion', '经核查信息无误'];
    expect((await runCli([...resolve, ...at], ROOT)).code).toBe(0);
    const all = readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(all.map((l) => JSON.parse(l).type)).toEqual(['publish', 'note', 'objection-add', 'objection-resolve']);
    for (const line of all) expect(schemaProblems(schema, JSON.parse(line)), line.slice(0, 80)).toEqual([]);
  });
});
