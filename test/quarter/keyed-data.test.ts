// Keyed data from files and config (STYLE.md habit 14): a value called toString, constructor or
// __proto__ is just a name, never a key of Object.prototype.
import { describe, expect, it } from 'vitest';
import { countRecords, exportRow } from '../../src/api/quarter/records.js';
import type { CreditRecord } from '../../src/schemas/record.js';
import type { TemplateColumn } from '../../src/schemas/template.js';

const ctx = { bureau: { name: 'b', creditCode: '' }, maskRule: { keepStart: 6, keepEnd: 4 } };

describe('template codes', () => {
  it('a cell reading toString, constructor or __proto__ is exported as written', () => {
    const column = { header: '事由', field: 'facts', public: 'show', codes: { 甲: '1' } } as TemplateColumn;
    for (const facts of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const rec = { facts, listType: 'black' } as unknown as CreditRecord;
      expect(exportRow(rec, 0, [column], 'sharing', ctx)).toEqual([facts]);
    }
    expect(exportRow({ facts: '甲', listType: 'black' } as unknown as CreditRecord, 0, [column], 'sharing', ctx)).toEqual(['1']);
  });
});

describe('counts by domain', () => {
  it('a domain called constructor or toString keeps its counts', () => {
    const recs = [
      { domain: 'constructor', listType: 'red' },
      { domain: 'constructor', listType: 'black' },
      { domain: 'toString', listType: 'black' },
    ] as unknown as CreditRecord[];
    const c = countRecords(recs);
    expect(c.byDomain.constructor).toEqual({ red: 1, black: 1 });
    expect(c.byDomain.toString).toEqual({ red: 0, black: 1 });
    expect(Object.keys(c.byDomain)).toEqual(['constructor', 'toString']);
  });
});
