// register show echoed a record's own id typed in full as `"query": "************"` when its 12 hex digits were
// all digits (458483766165): the echo took it for part of an ID number. A record id is not personal (register.md's
// id form): the id that found the record is echoed as typed; 12 digits that name no record, and an ID number
// typed as the query, are still masked (privacy.md; docs/decisions.md "Echoing a query"). Identifiers synthetic.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { echoQuery } from '../../src/domain/query-echo.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import { ROOT, runCli } from '../helpers/cases.js';
import { chain } from '../helpers/register-chain.js';

const RECORD_ID = '458483766165';
const ID = makeIdNumber('410702', '1980-01-01', '001');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-record-id-echo-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  const record = {
    id: RECORD_ID,
    listType: 'black',
    domain: '劳务派遣',
    department: '就业办',
    subjectName: '新乡市示例劳务有限公司',
    subjectType: '法人及非法人组织',
    creditCode: '',
    idType: '',
    idNumber: '',
    decisionNo: '新人社罚〔2026〕1号',
    decisionDate: '2026-01-01',
    publishUntil: '2030-01-01',
    severity: '严重',
  } as unknown as RegisterRecord;
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records: [record], removals: [], unchanged: [] },
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  return ws;
}

describe('echoQuery: a record id is echoed, an ID number is not', () => {
  const digits12 = fc.stringMatching(/^[0-9]{12}$/);
  it('a query that is the id of the record it found (any case, spaces around, full-width) is echoed as typed', () => {
    fc.assert(
      fc.property(digits12, fc.constantFrom('', ' ', '  '), (id, pad) => {
        expect(echoQuery(`${pad}${id}${pad}`, undefined, id)).toBe(`${pad}${id}${pad}`);
      }),
    );
    expect(echoQuery('４５８４８３７６６１６５', undefined, RECORD_ID)).toBe('４５８４８３７６６１６５');
    expect(echoQuery('ABC012345678', undefined, 'abc012345678')).toBe('ABC012345678');
  });

  it('12 digits that found no record, or another record, are masked whole', () => {
    fc.assert(
      fc.property(digits12, digits12, (typed, other) => {
        fc.pre(typed !== other);
        expect(echoQuery(typed)).toBe('*'.repeat(12));
        expect(echoQuery(typed, undefined, other)).toBe('*'.repeat(12));
      }),
    );
  });

  it('an ID number, or one with the record id around it, is still masked: the id answers only the whole query', () => {
    fc.assert(
      fc.property(digits12, (id) => {
        for (const typed of [ID, `${id} ${ID}`, `${ID.slice(0, 12)}`, `${id}0`, `ID:${id}`]) {
          const out = echoQuery(typed, undefined, id);
          expect(out).not.toContain(ID.slice(6, 14));
          expect(out).not.toContain(id);
        }
      }),
    );
  });
});

describe('register show <a record id in digits>', () => {
  it('echoes the id that found the record, in JSON', async () => {
    const ws = workspace();
    const out = await runCli(['register', 'show', RECORD_ID, '-w', ws, '--today', '2026-10-15', '--format', 'json'], ROOT);
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout) as { query: string; records: { id: string }[] };
    expect(doc.query).toBe(RECORD_ID);
    expect(doc.records.map((r) => r.id)).toEqual([RECORD_ID]);
  });

  it('still masks 12 digits that name no record (the first 12 of an ID number), JSON and terminal', async () => {
    const ws = workspace();
    const part = ID.slice(0, 12);
    const json = await runCli(['register', 'show', part, '-w', ws, '--today', '2026-10-15', '--format', 'json'], ROOT);
    expect(JSON.parse(json.stdout)).toMatchObject({ query: '*'.repeat(12), records: [] });
    const en = await runCli(['register', 'show', part, '-w', ws, '--today', '2026-10-15', '--lang', 'en'], ROOT);
    expect(en.stdout).toBe(`no record in the register matches “${'*'.repeat(12)}”\n`);
    for (const r of [json, en]) expect(r.stdout + r.stderr).not.toContain(part);
  });
});

describe('objection add --record <a record id in digits>', () => {
  it('names the record by the id typed, as typed, when the objection is refused for it', async () => {
    const ws = workspace();
    const args = ['objection', 'add', '--record', RECORD_ID, '--received', '2026-04-01', '--from', '甲', '--summary', '乙'];
    const out = await runCli([...args, '-w', ws, '--today', '2026-10-15', '--format', 'json'], ROOT);
    const doc = JSON.parse(out.stdout) as { diagnostics: { code: string; args: { query: string } }[] };
    expect(doc.diagnostics.map((d) => [d.code, d.args.query])).toEqual([['OBJECTION_BEFORE_PUBLICATION', RECORD_ID]]);
  });
});
