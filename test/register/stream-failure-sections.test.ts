// A diff whose later sections wait in a temporary file (io/spool.ts) and a failure once parts are on stdout
// (cli/write-bytes.ts closes the open array and ends the document with the error): each part the diff writes
// must end where that closing is valid JSON — after an item of an open top-level array. The part that began a
// later section ended after its member's name (`"removed": `), and the spool gave its bytes back in 64 KiB
// pieces cut anywhere in a record, so a failure there (the injected read failure, or the spool's own read)
// printed `"removed": \n  ],` or half a record before the closing: stdout was no JSON document.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { runCli } from '../helpers/cases.js';
import { withFault } from '../helpers/faults.js';
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
const KEPT = 1200;
const REMOVED = 1500;
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'hrss-stream-sections-'));
  mkdirSync(join(ws, 'register'));
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
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const AT = ['-w', '.', '--today', '2026-10-15', '--format', 'json'];
type Doc = { valid?: boolean; error?: { code: string }; added?: unknown[]; removed?: unknown[] };

describe('diff --format json cut in its later sections', () => {
  it('is one JSON document wherever the failure falls, each listed record whole', async () => {
    const whole = await runCli(['diff', '2026Q1', '2026Q2', ...AT], ws);
    expect(whole.code).toBe(0);
    const doc = JSON.parse(whole.stdout) as Doc;
    expect(doc.added).toHaveLength(1);
    expect(doc.removed).toHaveLength(REMOVED);
    // The removed section is several 64 KiB parts; the added one fits in the first part.
    const parts = Math.ceil(Buffer.byteLength(whole.stdout) / 65536);
    expect(parts).toBeGreaterThan(3);
    for (let n = 1; n <= parts; n++) {
      const cut = await withFault(`stream-fail-after:${n}`, () => runCli(['diff', '2026Q1', '2026Q2', ...AT], ws));
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
