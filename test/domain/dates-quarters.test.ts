import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addIsoDuration,
  addYears,
  formatYmd,
  monthsBetweenCeil,
  parseDateSerial,
  parseDateText,
  serialToIso,
  todayInShanghai,
} from '../../src/domain/dates.js';
import { formatQuarter, parseQuarter, quarterEnd, quarterStart, resolveQuarter } from '../../src/domain/quarter.js';
import { cleanText, columnIndex, columnLetter, foldDepartment, foldKey, toHalfWidth } from '../../src/domain/text.js';

describe('dates typed by clerks', () => {
  it.each([
    ['2026-08-03', '2026-08-03'],
    ['2026/8/3', '2026-08-03'],
    ['2026.08.03', '2026-08-03'],
    ['20260803', '2026-08-03'],
    ['2026年8月3日', '2026-08-03'],
    ['2026-08-03 00:00:00', '2026-08-03'],
    ['2026/8/3 0:00', '2026-08-03'],
    ['２０２６年８月３日', '2026-08-03'],
    ['46237', '2026-08-03'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, date: iso });
  });
  it.each(['2026', '2026-8', '8/3/2026', '2026-08-03 12:30', 'yesterday', '12345'])('rejects %s', (text) => {
    expect(parseDateText(text).ok).toBe(false);
  });
  it('says a date does not exist', () => {
    expect(parseDateText('2026-02-30')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseDateText('2028-02-29').ok).toBe(true);
  });
  it('reads serials in both date systems', () => {
    expect(serialToIso(46237)).toBe('2026-08-03');
    expect(serialToIso(46237 - 1462, true)).toBe('2026-08-03');
    expect(serialToIso(60)).toBe('1900-02-29');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(parseDateSerial(20260803)).toEqual({ ok: true, date: '2026-08-03' });
  });
  it('formats and re-reads every date in range the same way', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDateText(`${y}年${m}月${dd}日`)).toEqual({ ok: true, date: iso });
        expect(parseDateText(`${y}/${m}/${dd}`)).toEqual({ ok: true, date: iso });
        expect(parseDateText(iso.replace(/-/g, ''))).toEqual({ ok: true, date: iso });
      }),
    );
  });
  it('counts periods', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(monthsBetweenCeil('2026-08-03', '2029-08-02')).toBe(36);
    expect(monthsBetweenCeil('2026-08-03', '2029-08-03')).toBe(36);
    expect(monthsBetweenCeil('2026-08-03', '2029-08-04')).toBe(37);
    expect(addIsoDuration('2026-09-30', 'P10D')).toBe('2026-10-10');
  });
  it('takes today in Asia/Shanghai', () => {
    expect(todayInShanghai(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(todayInShanghai(new Date('2026-09-30T15:59:00Z'))).toBe('2026-09-30');
  });
});

describe('quarters', () => {
  it.each(['2026Q3', '2026-Q3', '2026q3', '2026 Q3', '2026年第三季度', '2026年第3季度', '２０２６Ｑ３'])('reads %s', (s) => {
    expect(parseQuarter(s)).toEqual({ year: 2026, q: 3 });
  });
  it('reads Q3 as the most recent third quarter begun by today', () => {
    expect(resolveQuarter('Q3', '2026-11-25')).toEqual({ year: 2026, q: 3 });
    expect(resolveQuarter('Q3', '2026-07-01')).toEqual({ year: 2026, q: 3 });
    expect(resolveQuarter('Q3', '2026-06-30')).toEqual({ year: 2025, q: 3 });
    expect(resolveQuarter('Q4', '2026-02-01')).toEqual({ year: 2025, q: 4 });
  });
  it('rejects what is not a quarter', () => {
    expect(parseQuarter('2026Q5')).toBeUndefined();
    expect(resolveQuarter('third', '2026-11-25')).toBeUndefined();
  });
  it('knows where a quarter starts and ends', () => {
    expect(quarterStart({ year: 2026, q: 3 })).toBe('2026-07-01');
    expect(quarterEnd({ year: 2026, q: 3 })).toBe('2026-09-30');
    expect(quarterEnd({ year: 2028, q: 1 })).toBe('2028-03-31');
    expect(formatQuarter({ year: 2026, q: 1 })).toBe('2026Q1');
  });
});

describe('text folding', () => {
  it('folds full-width characters', () => {
    expect(toHalfWidth('ＡＢ１２（）　')).toBe('AB12() ');
  });
  it('cleans cells without touching names', () => {
    expect(cleanText('  新乡市\u00a0某公司（分公司）_x000D_\u200b ')).toBe('新乡市 某公司（分公司）');
    expect(cleanText('第一行\r\n  第二行')).toBe('第一行\n第二行');
  });
  it('folds keys and department names', () => {
    expect(foldKey(' 法定代表人（负责人）\n')).toBe('法定代表人(负责人)');
    expect(foldDepartment('01 就业办')).toBe('就业办');
    expect(foldDepartment('一、就业办')).toBe('就业办');
    expect(foldDepartment('3.社保中心')).toBe('社保中心');
  });
  it('turns column indexes into letters and back', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetter(i)) === i));
  });
  it('formats y-m-d', () => {
    expect(formatYmd(2026, 8, 3)).toBe('2026-08-03');
  });
});

describe('quarter spellings on covers and folders', () => {
  it.each(['2026年三季度', '2026年第3季', '2026第三季度', '2026三季度', '2026年3季度'])('reads %s', (s) => {
    expect(parseQuarter(s)).toEqual({ year: 2026, q: 3 });
  });
  it.each(['20263', '2026', '2026年', '2026Q'])('does not take %s for a quarter', (s) => {
    expect(parseQuarter(s)).toBeUndefined();
  });
});
