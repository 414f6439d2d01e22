// The calendar is years 1900–2999: serials beyond Excel's calendar, dates and quarters outside it are
// refused where they enter, and the date helpers end on any input (a NaN date once looped forever).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, isIsoDate, monthsBetweenCeil, parseDateSerial, parseDateText, serialToIso } from '../../src/domain/dates.js';
import { parseQuarter, resolveQuarter } from '../../src/domain/quarter.js';

describe('serials beyond the calendar', () => {
  it.each([1e20, -1, -1e20, 2958466, 2958465, Number.MAX_VALUE, Infinity, -Infinity, NaN, 401769 /* 3000-01-01 */])(
    'serial %s is no date',
    (n) => {
      expect(serialToIso(n)).toBeUndefined();
      expect(serialToIso(n, true)).toBeUndefined();
      expect(parseDateSerial(n).ok).toBe(false);
    },
  );
  it('keeps the calendar edges', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(401768)).toBe('2999-12-31');
  });
  it('any number gives a valid date or none', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -5_000_000, max: 5_000_000 })), fc.boolean(), (n, d1904) => {
        const iso = serialToIso(n, d1904);
        if (iso !== undefined) expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });
});

describe('years outside 1900–2999', () => {
  it.each(['1899-12-31', '3000-01-01', '0999-01-01', '9999-12-31', '1000-01-01', '30000101', '3000年1月1日'])('text %s is refused', (t) => {
    expect(parseDateText(t).ok).toBe(false);
    expect(isIsoDate(t)).toBe(false);
  });
  it.each(['1899Q4', '3000Q1', '999Q3', '1000Q3', '0999-Q1', '3000年第一季度'])('quarter %s is refused', (q) => {
    expect(parseQuarter(q)).toBeUndefined();
  });
  it('a short quarter name never resolves outside the calendar', () => {
    expect(resolveQuarter('Q3', '1000-01-01')).toBeUndefined();
    expect(resolveQuarter('Q3', '1900-01-01')).toBeUndefined();
    expect(resolveQuarter('Q1', '1900-01-01')).toEqual({ year: 1900, q: 1 });
    expect(resolveQuarter('Q3', 'not a date')).toBeUndefined();
  });
});

describe('the date helpers end on any input', () => {
  it.each(['0NaN-NaN-NaN', '', '2026-13-01', 'x'])('%s throws instead of looping', (bad) => {
    expect(() => monthsBetweenCeil(bad, '2026-01-01')).toThrow(RangeError);
    expect(() => monthsBetweenCeil('2026-01-01', bad)).toThrow(RangeError);
    expect(() => addMonths(bad, 1)).toThrow(RangeError);
    expect(() => addDays(bad, 1)).toThrow(RangeError);
  });
  it('counts months on valid dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400000 }), fc.integer({ min: 0, max: 600 }), (day, months) => {
        const from = serialToIso(day + 1);
        if (!from) return;
        const to = addMonths(from, months);
        expect(monthsBetweenCeil(from, to)).toBe(to <= from ? 0 : months);
      }),
    );
  });
});

describe('ISO durations', () => {
  it('a duration past the calendar is no deadline, never a throw or a five-digit year', async () => {
    const { addIsoDuration } = await import('../../src/domain/dates.js');
    expect(addIsoDuration('2026-09-30', 'P10D')).toBe('2026-10-10');
    expect(addIsoDuration('2026-09-30', 'P99999Y')).toBeUndefined();
    expect(addIsoDuration('2026-09-30', 'P9999999999D')).toBeUndefined();
    expect(addIsoDuration('2990-09-30', 'P20Y')).toBeUndefined();
    expect(addIsoDuration('0NaN-NaN-NaN', 'P1D')).toBeUndefined();
  });
});
