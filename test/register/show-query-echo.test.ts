// What the clerk typed, echoed back (register show's “not found” line and JSON `query`; objection add's
// findings and JSON `query`): a partial ID number was echoed as typed when anything came with it (ID:…,
// 身份证号…), a full ID with a stray digit (19 digits) was echoed whole, objection add echoed a partial ID
// as typed, and the mask of a partial ID kept its last digits — birth-date digits (privacy.md;
// docs/decisions.md "Echoing a query"). Identifiers synthetic.
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { echoQuery } from '../../src/domain/query-echo.js';
import { memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';

const ID = makeIdNumber('410702', '1980-01-01', '001');
const stars = (n: number): string => '*'.repeat(n);
const flat = (s: string): string => s.replace(/[\s│]/g, '');

describe('echoQuery', () => {
  it('masks a run of 6 or more digits whole, however it was typed: no birth-date digit kept', () => {
    expect(echoQuery(ID.slice(0, 10))).toBe(stars(10));
    expect(echoQuery(ID.slice(0, 12))).toBe(stars(12));
    expect(echoQuery('４１０７０２１９８０')).toBe(stars(10));
    expect(echoQuery(`${ID.slice(0, 6)} ${ID.slice(6, 14)}`)).toBe(stars(15));
    expect(echoQuery(ID.slice(0, 6))).toBe(stars(6));
    expect(echoQuery(ID.slice(0, 15))).toBe(stars(15));
    expect(echoQuery(ID.slice(0, 16))).toBe(stars(16));
    expect(echoQuery(`${ID.slice(0, 16)}x`)).toBe(stars(17));
  });

  it('masks the digits wherever they stand in the text: after a prefix, between words', () => {
    expect(echoQuery(`ID:${ID.slice(0, 16)}`)).toBe(`ID:${stars(16)}`);
    expect(echoQuery(`身份证号${ID.slice(0, 16)}`)).toBe(`身份证号${stars(16)}`);
    expect(echoQuery(`张三 ${ID.slice(0, 10)} 牧野区`)).toBe(`张三 ${stars(10)} 牧野区`);
    expect(echoQuery(`身份证号：${ID}`)).toBe(`身份证号：${ID.slice(0, 6)}********${ID.slice(-4)}`);
  });

  it('masks a full ID with a stray digit (19 digits) whole, before or after it', () => {
    expect(echoQuery(`${ID}3`)).toBe(stars(19));
    expect(echoQuery(`3${ID}`)).toBe(stars(19));
    expect(echoQuery(`ID:${ID}38`)).toBe(`ID:${stars(20)}`);
  });

  it('masks a whole ID and a phone number as the gate does, and leaves other queries as typed', () => {
    expect(echoQuery(ID)).toBe(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    expect(echoQuery('13812345678')).toBe('138****5678');
    const code = makeCreditCode('91410711', 'MA4B7N2Q');
    for (const q of ['3fa2b1', '12345', '新乡市牧野区诚信劳务有限公司', code, '新人社劳〔2026〕3号']) expect(echoQuery(q), q).toBe(q);
  });

  it('follows the workspace mask rule for an ID the gate finds', () => {
    expect(echoQuery(ID.slice(0, 17), { keepStart: 3, keepEnd: 2 })).toBe(`${ID.slice(0, 3)}************${ID.slice(15, 17)}`);
  });
});

/** No digit of the query's ID part left in what the clerk sees: at most the mask rule's tail of a whole ID. */
function noDigitsOf(out: string, typed: string): void {
  expect(out).not.toContain(typed);
  expect(out).not.toContain(ID.slice(0, 6));
  expect(out).not.toContain(ID.slice(6, 14));
}

describe('register show with part of an ID number', () => {
  it('says nothing matches without the digits typed, on the terminal and in JSON, in both languages', async () => {
    const { io, ws } = memoryWorkspace('show-query-echo');
    const part = ID.slice(0, 10);
    const json = await runCliOn(io, ['register', 'show', part, '-w', ws, '--format', 'json'], ws);
    const zh = await runCliOn(io, ['register', 'show', part, '-w', ws], ws);
    const en = await runCliOn(io, ['register', 'show', part, '-w', ws, '--lang', 'en'], ws);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'register show', query: stars(10), records: [] });
    expect(zh.stdout).toBe(`登记簿中没有与“${stars(10)}”对应的记录\n`);
    expect(en.stdout).toBe(`no record in the register matches “${stars(10)}”\n`);
    for (const r of [json, zh, en]) {
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(part);
    }
  });

  it.each([
    [`ID:${ID.slice(0, 16)}`, `ID:${stars(16)}`],
    [`身份证号${ID.slice(0, 16)}`, `身份证号${stars(16)}`],
    [`${ID}3`, stars(19)],
  ])('%s: the digits masked whole, terminal (zh-CN, en) and JSON', async (typed, shown) => {
    const { io, ws } = memoryWorkspace('show-query-echo-prefix');
    const json = await runCliOn(io, ['register', 'show', typed, '-w', ws, '--format', 'json'], ws);
    const zh = await runCliOn(io, ['register', 'show', typed, '-w', ws], ws);
    const en = await runCliOn(io, ['register', 'show', typed, '-w', ws, '--lang', 'en'], ws);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'register show', query: shown, records: [] });
    expect(zh.stdout).toBe(`登记簿中没有与“${shown}”对应的记录\n`);
    expect(en.stdout).toBe(`no record in the register matches “${shown}”\n`);
    for (const r of [json, zh, en]) {
      expect(r.code).toBe(1);
      noDigitsOf(r.stdout + r.stderr, typed);
    }
  });
});

describe('objection add --subject with part of an ID number', () => {
  const add = (io: Parameters<typeof runCliOn>[0], ws: string, subject: string, more: string[]) =>
    runCliOn(
      io,
      [
        'objection',
        'add',
        '--received',
        '2026-10-15',
        '--from',
        '申请人甲',
        '--summary',
        '认定事实有误',
        '--subject',
        subject,
        '-w',
        ws,
        '--today',
        '2026-10-15',
        ...more,
      ],
      ws,
    );

  it.each([
    [ID.slice(0, 16), stars(16)],
    [`${ID}3`, stars(19)],
    [`ID:${ID.slice(0, 12)}`, `ID:${stars(12)}`],
  ])('%s: echoed masked in the finding, terminal (zh-CN, en) and JSON', async (typed, shown) => {
    const { io, ws } = memoryWorkspace('objection-query-echo');
    const json = await add(io, ws, typed, ['--format', 'json']);
    const zh = await add(io, ws, typed, []);
    const en = await add(io, ws, typed, ['--lang', 'en']);
    const doc = JSON.parse(json.stdout);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(['OBJECTION_RECORD_NOT_FOUND']);
    expect(doc.diagnostics[0].args.query).toBe(shown);
    // The finding's table wraps the message: read it without the table's borders and line breaks.
    expect(flat(zh.stdout)).toContain(`登记簿中没有与“${shown}”相符的公示中记录`);
    expect(flat(en.stdout)).toContain(`noactiverecordintheregistermatches"${shown}"`);
    for (const r of [json, zh, en]) {
      expect(r.code).toBe(1);
      noDigitsOf(r.stdout + r.stderr, typed);
    }
  });

  it('--record and --subject together: each part masked, joined as typed', async () => {
    const { io, ws } = memoryWorkspace('objection-query-echo-both');
    const res = await runCliOn(
      io,
      [
        'objection',
        'add',
        '--received',
        '2026-10-15',
        '--from',
        '甲',
        '--summary',
        '乙',
        '--record',
        '3fa2b1',
        '--subject',
        ID.slice(0, 16),
        '-w',
        ws,
        '--today',
        '2026-10-15',
        '--format',
        'json',
      ],
      ws,
    );
    expect(JSON.parse(res.stdout).diagnostics[0].args.query).toBe(`3fa2b1 / ${stars(16)}`);
  });
});

// register note --id names an id it does not know in its USAGE error: typed as part of an ID number, it was
// echoed as typed (the privacy gate masks only a whole ID).
describe('register note --id with part of an ID number', () => {
  it('names the unknown id masked, on the terminal and in JSON', async () => {
    const { io, ws } = memoryWorkspace('note-id-echo');
    const typed = ID.slice(0, 16);
    const json = await runCliOn(io, ['register', 'note', '备注', '--id', typed, '-w', ws, '--format', 'json'], ws);
    const zh = await runCliOn(io, ['register', 'note', '备注', '--id', typed, '-w', ws], ws);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'USAGE' });
    expect(JSON.parse(json.stdout).error.message).toContain(`--id ${stars(16)}`);
    expect(zh.stderr).toContain(`--id ${stars(16)}`);
    for (const r of [json, zh]) {
      expect(r.code).toBe(2);
      noDigitsOf(r.stdout + r.stderr, typed);
    }
  });
});
