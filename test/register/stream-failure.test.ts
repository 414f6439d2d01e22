// cli.md: `--format json` prints one JSON document on stdout, also when the tool cannot go on (exit 2: `"valid":
// false` and an `"error"` object). register list and diff write their records as they are read (64 KiB parts): a
// read that failed half-way left the parts already written — a document cut off — and then the error document
// after them (round 30's note). Now a failure before any part is written gives the usual error document alone,
// and one after closes the document where it stands with `"valid": false` and the error (cli/write-bytes.ts),
// exit 2: stdout parses as one JSON document either way. The failure is injected between two parts
// (HRSS_CREDIT_FAULT stream-fail-after:N, io/faults.ts), as a register read failing half-way would be.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { runCli } from '../helpers/cases.js';
import { withFault } from '../helpers/faults.js';
import { schemaProblems } from '../helpers/json-schema-check.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import type { CommandEnv } from '../../src/cli/env.js';
import { writeStreamedDocument } from '../../src/cli/write-bytes.js';

const record = (i: number): RegisterRecord =>
  ({
    id: `s${String(i).padStart(11, '0')}`,
    listType: 'black',
    domain: '劳务派遣',
    department: '就业办',
    subjectName: `新乡市测试主体${i}有限公司`,
    subjectType: '法人及非法人组织',
    creditCode: '',
    idType: '',
    idNumber: '',
    decisionNo: `新人社罚〔2026〕${i}号`,
    decisionDate: '2026-01-01',
    publishUntil: '2030-01-01',
    severity: '严重',
  }) as unknown as RegisterRecord;

let ws = '';
const TOTAL = 2110;
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'hrss-stream-failure-'));
  mkdirSync(join(ws, 'register'));
  const first = Array.from({ length: 10 }, (_, i) => record(i));
  const second = Array.from({ length: TOTAL - 10 }, (_, i) => record(10 + i));
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records: first, removals: [], unchanged: [] },
    { type: 'publish', batch: '2026Q2', on: '2026-07-15', package: 'e'.repeat(64), records: second, removals: [], unchanged: [] },
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const AT = ['-w', '.', '--today', '2026-10-15', '--format', 'json'];
type Doc = {
  valid?: boolean;
  error?: { code: string; message: string };
  records?: unknown[];
  added?: unknown[];
  removed?: unknown[];
};

describe('a streamed JSON document whose read fails', () => {
  it('register list: whole without a failure; cut after two parts, closed with valid false and the error, exit 2', async () => {
    const whole = await runCli(['register', 'list', ...AT], ws);
    expect(whole.code).toBe(0);
    const doc = JSON.parse(whole.stdout) as Doc;
    expect(doc.records).toHaveLength(TOTAL);
    expect(doc.error).toBeUndefined();
    for (const lang of ['zh-CN', 'en']) {
      const cut = await withFault('stream-fail-after:2', () => runCli(['register', 'list', ...AT, '--lang', lang], ws));
      expect(cut.code).toBe(2);
      const parsed = JSON.parse(cut.stdout) as Doc;
      expect(parsed).toMatchObject({ command: 'register list', on: '2026-10-15', valid: false, error: { code: 'INTERNAL' } });
      expect(parsed.error?.message).toContain('EIO');
      // Two parts of about 64 KiB were written: some records, not all, each whole (the first ones of the list).
      expect(parsed.records?.length).toBeGreaterThan(100);
      expect(parsed.records?.length).toBeLessThan(TOTAL);
      expect(parsed.records).toEqual(doc.records?.slice(0, parsed.records?.length));
      expect(cut.stdout.endsWith('}\n')).toBe(true);
    }
  });

  it('diff: its first section cut the same way, one JSON document, exit 2', async () => {
    const whole = await runCli(['diff', '2026Q1', '2026Q2', ...AT], ws);
    expect(whole.code).toBe(0);
    expect((JSON.parse(whole.stdout) as Doc).added).toHaveLength(TOTAL - 10);
    const cut = await withFault('stream-fail-after:1', () => runCli(['diff', '2026Q1', '2026Q2', ...AT], ws));
    expect(cut.code).toBe(2);
    const parsed = JSON.parse(cut.stdout) as Doc;
    expect(parsed).toMatchObject({ command: 'diff', from: '2026Q1', to: '2026Q2', valid: false, error: { code: 'INTERNAL' } });
    expect(parsed.added?.length).toBeGreaterThan(0);
    expect(parsed.added?.length).toBeLessThan(TOTAL - 10);
  });

  it('a failure before any part is written: the usual error document alone', async () => {
    const cut = await withFault('stream-fail-after:0', () => runCli(['register', 'list', ...AT], ws));
    expect(cut.code).toBe(2);
    const parsed = JSON.parse(cut.stdout) as Doc & { diagnostics: unknown[] };
    expect(parsed).toMatchObject({ command: 'register list', valid: false, diagnostics: [], error: { code: 'INTERNAL' } });
    expect(parsed.records).toBeUndefined();
  });
});

// The printed schemas (`hrss-credit schema register-list`, `schema diff`) described the whole document only: the
// closing one (valid false, error; diff without its later sections and counts) failed them (round 31).
describe('the printed schema of a streamed document describes the one cut short', () => {
  const schemaOf = async (name: string): Promise<Record<string, unknown>> => {
    const r = await runCli(['schema', name], ws);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  it('register list and diff: the whole and the cut document validate; a cut one without its error does not', async () => {
    for (const [name, args, fault] of [
      ['register-list', ['register', 'list'], 'stream-fail-after:2'],
      ['diff', ['diff', '2026Q1', '2026Q2'], 'stream-fail-after:1'],
    ] as const) {
      const schema = await schemaOf(name);
      const whole = JSON.parse((await runCli([...args, ...AT], ws)).stdout) as Record<string, unknown>;
      expect(schemaProblems(schema, whole), name).toEqual([]);
      const cut = JSON.parse((await withFault(fault, () => runCli([...args, ...AT], ws))).stdout) as Record<string, unknown>;
      expect(cut.valid).toBe(false);
      expect(schemaProblems(schema, cut), name).toEqual([]);
      const { error: _e, ...noError } = cut;
      expect(schemaProblems(schema, noError).length, name).toBeGreaterThan(0);
    }
  });
});

// A diff whose later sections wait in a temporary file (io/spool.ts) and a failure once parts are on stdout
// (cli/write-bytes.ts closes the open array and ends the document with the error): each part the diff writes
// must end where that closing is valid JSON — after an item of an open top-level array. The part that began a
// later section ended after its member's name (`"removed": `), and the spool gave its bytes back in 64 KiB
// pieces cut anywhere in a record, so a failure there (the injected read failure, or the spool's own read)
// printed `"removed": \n  ],` or half a record before the closing: stdout was no JSON document.
let sectionsWs = '';
const KEPT = 1200;
const REMOVED = 1500;
beforeAll(() => {
  sectionsWs = mkdtempSync(join(tmpdir(), 'hrss-stream-sections-'));
  mkdirSync(join(sectionsWs, 'register'));
  const first = Array.from({ length: KEPT + REMOVED }, (_, i) => record(i));
  const removals = first.slice(KEPT).map((r) => ({ id: r.id, type: 'early' as const, reason: '撤销', department: '就业办' }));
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records: first, removals: [], unchanged: [] },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: 'e'.repeat(64),
      records: [record(KEPT + REMOVED)],
      removals,
      unchanged: [],
    },
  ]);
  writeFileSync(join(sectionsWs, 'register', 'events.jsonl'), events.map(eventLine).join(''));
});
afterAll(() => rmSync(sectionsWs, { recursive: true, force: true }));

describe('diff --format json cut in its later sections', () => {
  it('is one JSON document wherever the failure falls, each listed record whole', async () => {
    const whole = await runCli(['diff', '2026Q1', '2026Q2', ...AT], sectionsWs);
    expect(whole.code).toBe(0);
    const doc = JSON.parse(whole.stdout) as Doc;
    expect(doc.added).toHaveLength(1);
    expect(doc.removed).toHaveLength(REMOVED);
    // The removed section is several 64 KiB parts; the added one fits in the first part.
    const schema = JSON.parse((await runCli(['schema', 'diff'], sectionsWs)).stdout) as Record<string, unknown>;
    const parts = Math.ceil(Buffer.byteLength(whole.stdout) / 65536);
    expect(parts).toBeGreaterThan(3);
    for (let n = 1; n <= parts; n++) {
      const cut = await withFault(`stream-fail-after:${n}`, () => runCli(['diff', '2026Q1', '2026Q2', ...AT], sectionsWs));
      if (cut.code === 0) {
        expect(cut.stdout).toBe(whole.stdout);
        continue;
      }
      expect(cut.code).toBe(2);
      let parsed: Doc;
      try {
        parsed = JSON.parse(cut.stdout) as Doc;
      } catch {
        throw new Error(`after ${n} parts stdout is no JSON document: …${cut.stdout.slice(-80)}`);
      }
      expect(parsed).toMatchObject({ command: 'diff', valid: false, error: { code: 'INTERNAL' } });
      // The printed schema describes it (a cut in its later sections as one in its first).
      expect(schemaProblems(schema, parsed as Record<string, unknown>), `after ${n} parts`).toEqual([]);
      // What was written is the whole document's beginning: the added record, then the first removed ones.
      expect(parsed.added).toEqual(doc.added);
      expect(parsed.removed ?? []).toEqual(doc.removed?.slice(0, (parsed.removed ?? []).length));
    }
  });
});

describe('a streamed document stopped before its end', () => {
  it('lets its parts clean up (a spooled section closes its temporary file) when stdout fails', async () => {
    let closed = false;
    function* parts(): Generator<Buffer> {
      try {
        yield Buffer.from('{\n  "records": [\n    1');
        yield Buffer.from(',\n    2');
      } finally {
        closed = true;
      }
    }
    const env = {
      io: {
        stdout: {
          write: () => true,
          writeBytes: () => {
            throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
          },
        },
        stderr: { write: () => true },
      },
      flags: { format: 'json', ignore: [] },
    } as unknown as CommandEnv;
    await expect(writeStreamedDocument(env, 'diff', parts())).rejects.toThrow('EPIPE');
    expect(closed).toBe(true);
  });
});
