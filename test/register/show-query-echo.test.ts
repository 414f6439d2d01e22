// `register show` echoes the query it was given (the “not found” line, the JSON `query`). A partial ID
// number typed by the clerk (its first 10 digits) was echoed as typed: now it is masked like any ID
// (privacy.md; docs/decisions.md "Echoing a query"). Identifiers synthetic.
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { echoQuery } from '../../src/domain/query-echo.js';
import { memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';

const ID = makeIdNumber('410702', '1980-01-01', '001');

describe('echoQuery', () => {
  it('masks a query of 6 to 17 digits as an identifier of its length, however it was typed', () => {
    expect(echoQuery(ID.slice(0, 10))).toBe('********80');
    expect(echoQuery('４１０７０２１９８０')).toBe('********80');
    expect(echoQuery(`${ID.slice(0, 6)} ${ID.slice(6, 14)}`)).toBe('************01');
    expect(echoQuery(ID.slice(0, 6))).toBe('****02');
    expect(echoQuery(ID.slice(0, 15))).toBe(`${ID.slice(0, 6)}*****${ID.slice(11, 15)}`);
    expect(echoQuery(`${ID.slice(0, 16)}x`)).toBe(`${ID.slice(0, 6)}*******${ID.slice(13, 16)}X`);
  });

  it('masks a whole ID and a phone number as the gate does, and leaves other queries as typed', () => {
    expect(echoQuery(ID)).toBe(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    expect(echoQuery('13812345678')).toBe('138****5678');
    for (const q of ['3fa2b1', '12345', '新乡市牧野区诚信劳务有限公司', '91410711MA4B7N2Q06', '新人社劳〔2026〕3号'])
      expect(echoQuery(q), q).toBe(q);
  });

  it('follows the workspace mask rule for 15 digits or more', () => {
    expect(echoQuery(ID.slice(0, 17), { keepStart: 3, keepEnd: 2 })).toBe(`${ID.slice(0, 3)}************${ID.slice(15, 17)}`);
  });
});

describe('register show with part of an ID number', () => {
  it('says nothing matches without the digits typed, on the terminal and in JSON, in both languages', async () => {
    const { io, ws } = memoryWorkspace('show-query-echo');
    const part = ID.slice(0, 10);
    const json = await runCliOn(io, ['register', 'show', part, '-w', ws, '--format', 'json'], ws);
    const zh = await runCliOn(io, ['register', 'show', part, '-w', ws], ws);
    const en = await runCliOn(io, ['register', 'show', part, '-w', ws, '--lang', 'en'], ws);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'register show', query: '********80', records: [] });
    expect(zh.stdout).toBe('登记簿中没有与“********80”对应的记录\n');
    expect(en.stdout).toBe('no record in the register matches “********80”\n');
    for (const r of [json, zh, en]) {
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(part);
    }
  });
});
