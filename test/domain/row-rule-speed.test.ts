// What the row rules ask once a row, answered faster (issue 22 item 3) and the same: addMonths and
// addDays remembered by date, a quarter's first and last days kept, the credit-code check by a table and
// without slices, a folded code not folded again. Each against the expression it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, checkCreditCode, makeCreditCode, normaliseCreditCode } from '../../src/domain/credit-code.js';
import { addDays, addMonths, formatYmd } from '../../src/domain/dates.js';
import { quarterEnd, quarterStart } from '../../src/domain/quarter.js';
import { toHalfWidth } from '../../src/domain/text.js';

/** addMonths as Date arithmetic: the day clamped to the target month's last. */
function monthsOracle(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return formatYmd(ny, nm, Math.min(d, last));
}

function daysOracle(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const isoDate = fc
  .record({ y: fc.integer({ min: 1990, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => formatYmd(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())));

describe('dates remembered', () => {
  it('addMonths and addDays give the arithmetic, asked once or many times, past the memo’s bound', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(isoDate, fc.integer({ min: -60, max: 60 })), { minLength: 1, maxLength: 50 }), (asks) => {
        for (let round = 0; round < 2; round++)
          for (const [date, n] of asks) {
            expect(addMonths(date, n)).toBe(monthsOracle(date, n));
            expect(addDays(date, n)).toBe(daysOracle(date, n));
          }
      }),
      { numRuns: 200, seed: 22 },
    );
    // More distinct dates than are remembered: still right.
    for (let i = 0; i < 5000; i++) {
      const date = daysOracle('2010-01-01', i);
      expect(addMonths(date, 36)).toBe(monthsOracle(date, 36));
      expect(addDays(date, -1)).toBe(daysOracle(date, -1));
    }
  });

  it('a date refused once is refused again, however many were answered before', () => {
    expect(addMonths('2026-07-31', 3)).toBe('2026-10-31');
    for (let i = 0; i < 2; i++) {
      expect(() => addMonths('2026-7-31', 3)).toThrow(RangeError);
      expect(() => addDays('31/07/2026', 1)).toThrow(RangeError);
      expect(() => addMonths('2026-07-31', 0.5)).toThrow(RangeError);
    }
  });

  it("a quarter's first and last days, quarters asked in turn", () => {
    const asks: [number, 1 | 2 | 3 | 4, string, string][] = [
      [2026, 3, '2026-07-01', '2026-09-30'],
      [2026, 1, '2026-01-01', '2026-03-31'],
      [2024, 1, '2024-01-01', '2024-03-31'],
      [2026, 3, '2026-07-01', '2026-09-30'],
      [2027, 3, '2027-07-01', '2027-09-30'],
      [2026, 4, '2026-10-01', '2026-12-31'],
      [2026, 2, '2026-04-01', '2026-06-30'],
    ];
    for (const [year, q, start, end] of asks) {
      expect(quarterStart({ year, q })).toBe(start);
      expect(quarterEnd({ year, q })).toBe(end);
      expect(quarterEnd({ year, q })).toBe(end);
    }
  });
});

/** The check as it was: characters by indexOf, the bodies sliced. */
function checkOracle(value: string): string {
  const v = (ch: string | undefined) => (ch === undefined || ch === '' ? -1 : CREDIT_CODE_CHARSET.indexOf(ch));
  if (value.length !== 18 || [...value].length !== 18 || [...value].some((ch) => v(ch) < 0)) return 'format';
  const body = value.slice(8, 16);
  let sum = 0;
  [3, 7, 9, 10, 5, 8, 4, 2].forEach((w, i) => {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * w;
  });
  const r = 11 - (sum % 11);
  const org = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  if (org !== value[16]) return `17:${org}`;
  let s = 0;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  for (let i = 0; i < 17; i++) s += v(value[i]) * (weights[i] as number);
  const expected = CREDIT_CODE_CHARSET[(31 - (s % 31)) % 31] as string;
  return expected === value[17] ? 'ok' : `18:${expected}`;
}

function verdict(value: string): string {
  const r = checkCreditCode(value);
  if (r.ok) return 'ok';
  return r.kind === 'format' ? 'format' : `${r.position}:${r.expected}`;
}

describe('the credit-code check by table', () => {
  const valid = fc
    .tuple(
      fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}$/),
      fc.stringMatching(/^[0-9A-Z]{8}$/).filter((b) => !/[IOZSV]/.test(b)),
    )
    .map(([p, b]) => makeCreditCode(p, b));
  it('gives what the old check gave on valid codes and codes with one character changed', () => {
    const odd = fc.constantFrom('I', 'O', 'Z', 'S', 'V', 'a', '０', '中', ' ', '-', '\u00ff', '😀');
    fc.assert(
      fc.property(valid, fc.nat({ max: 17 }), fc.oneof(fc.constantFrom(...CREDIT_CODE_CHARSET), odd), (code, at, ch) => {
        expect(verdict(code)).toBe('ok');
        const changed = code.slice(0, at) + ch + code.slice(at + 1);
        expect(verdict(changed)).toBe(checkOracle(changed));
      }),
      { numRuns: 500, seed: 22 },
    );
  });

  it('a folded code comes back as it is; any other is folded as before', () => {
    const fold = (raw: string) =>
      toHalfWidth(raw)
        .replace(/[\s\u00a0-]+/g, '')
        .toUpperCase();
    for (const raw of ['91410700MA44XXXX1X', '914107', '', 'abc', '９１４１', '91 41-07', '9141\u00a007', 'ß', 'İ', '91410700ma44'])
      expect(normaliseCreditCode(raw)).toBe(fold(raw));
  });
});
