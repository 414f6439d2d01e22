// Objection deadlines (objections.md "The deadline") against the 2026 schedule as the State Council
// published it, typed here from the notice — not taken from chinese-days — and counted day by day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countWorkingDays,
  deadline,
  holidayRanges,
  isWorkingDay,
  workingDaysLeft,
  type Calendar,
  type YearSchedule,
} from '../../src/domain/working-days.js';
import { loadBuiltinCalendar, loadCalendar } from '../../src/io/workspace/calendar.js';

// 国务院办公厅关于2026年部分节假日安排的通知 (gov.cn/zhengce/content/202511/content_7047090.htm):
// 元旦 1/1–1/3, 1/4 (Sun) worked; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) worked; 清明 4/4–4/6;
// 劳动节 5/1–5/5, 5/9 (Sat) worked; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7, 9/20 (Sun) and
// 10/10 (Sat) worked.
const NOTICE_2026 = {
  holidays: [
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
} as const;

// The plain reference: Date objects, getUTCDay, two sets. Nothing shared with the code under test.
const OFF = new Set<string>();
for (const [from, to] of NOTICE_2026.holidays) {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    OFF.add(new Date(t).toISOString().slice(0, 10));
}
const ON = new Set<string>(NOTICE_2026.workdays);

function plainIsWorking(date: string): boolean {
  if (ON.has(date)) return true;
  if (OFF.has(date)) return false;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The Nth working day after `received`, or the first year outside 2026 that the count reaches. */
function plainDeadline(received: string, n: number): { deadline: string } | { notCovered: number } {
  let t = Date.parse(`${received}T00:00:00Z`);
  let found = 0;
  for (;;) {
    t += 86_400_000;
    const date = new Date(t).toISOString().slice(0, 10);
    if (!date.startsWith('2026-')) return { notCovered: Number(date.slice(0, 4)) };
    if (plainIsWorking(date)) {
      found++;
      if (found === n) return { deadline: date };
    }
  }
}

const DAYS_2026: string[] = [];
for (let t = Date.parse('2026-01-01T00:00:00Z'); t <= Date.parse('2026-12-31T00:00:00Z'); t += 86_400_000)
  DAYS_2026.push(new Date(t).toISOString().slice(0, 10));

/** The notice as a Calendar covering 2026 only. */
function noticeCalendar(): Calendar {
  const schedule: YearSchedule = {
    year: 2026,
    holidays: new Map([...OFF].map((d) => [d, undefined])),
    workdays: new Map([...ON].map((d) => [d, undefined])),
    source: { kind: 'file', path: 'calendar/2026.json' },
  };
  return { years: new Map([[2026, schedule]]) };
}

/** A calendar of one year with no holidays and no 调休: Monday–Friday only. */
function plainYear(year: number): YearSchedule {
  return { year, holidays: new Map(), workdays: new Map(), source: { kind: 'file', path: `calendar/${year}.json` } };
}

describe('objection deadlines on the 2026 schedule', () => {
  const cal = noticeCalendar();
  it.each([
    // objections.md's example: 10-01…10-07 国庆, then Thu 10-08, Fri 10-09, Sat 10-10 (调休).
    ['2026-09-30', 3, '2026-10-10'],
    // received on a holiday (a Saturday inside 国庆): counting starts the next day all the same.
    ['2026-10-03', 3, '2026-10-10'],
    ['2026-10-03', 7, '2026-10-15'],
    // received on the 调休 Saturday itself: not counted, the next working day is Mon 10-12.
    ['2026-10-10', 3, '2026-10-14'],
    // 春节: Sat 2-14 is worked (1), 2-15…2-23 off, Tue 2-24 (2), Wed 2-25 (3).
    ['2026-02-13', 3, '2026-02-25'],
    ['2026-02-13', 7, '2026-03-02'],
    ['2026-02-16', 3, '2026-02-26'],
    // 劳动节: 5-1…5-5 off; 5-6, 5-7, 5-8; with N=7 the 调休 Saturday 5-9 counts.
    ['2026-04-30', 3, '2026-05-08'],
    ['2026-04-30', 7, '2026-05-13'],
    ['2026-05-03', 3, '2026-05-08'],
    // An ordinary week: Monday → Thursday.
    ['2026-03-09', 3, '2026-03-12'],
    // Friday → over the weekend.
    ['2026-03-13', 3, '2026-03-18'],
  ] as const)('received %s, N=%i → %s', (received, n, due) => {
    expect(deadline(received, n, cal)).toEqual({ deadline: due });
  });

  it('never guesses past the year the calendar knows: 2026-12-30 + 3 needs 2027', () => {
    expect(deadline('2026-12-30', 3, cal)).toEqual({ notCovered: 2027 });
    // 12-31 is the 1st working day: N=1 still fits in 2026.
    expect(deadline('2026-12-30', 1, cal)).toEqual({ deadline: '2026-12-31' });
    expect(deadline('2026-12-31', 1, cal)).toEqual({ notCovered: 2027 });
  });

  it('computes across New Year once 2027 is covered', () => {
    const with2027: Calendar = {
      years: new Map([
        ...cal.years,
        [
          2027,
          {
            ...plainYear(2027),
            holidays: new Map([
              ['2027-01-01', undefined],
              ['2027-01-02', undefined],
              ['2027-01-03', undefined],
            ]),
          },
        ],
      ]),
    };
    // Thu 12-31 (1), 1-1…1-3 off, Mon 1-4 (2), Tue 1-5 (3).
    expect(deadline('2026-12-30', 3, with2027)).toEqual({ deadline: '2027-01-05' });
  });

  it('a receipt day in an uncovered year is fine when the counted days are covered', () => {
    // 1-1…1-3 off, Sun 1-4 worked (调休).
    expect(deadline('2025-12-31', 1, cal)).toEqual({ deadline: '2026-01-04' });
    expect(deadline('2025-12-30', 1, cal)).toEqual({ notCovered: 2025 });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => deadline('2026-03-09', 0, cal)).toThrow(RangeError);
    expect(() => deadline('2026-03-09', 2.5, cal)).toThrow(RangeError);
  });

  it('answers undefined, never a guess, for a day of an uncovered year', () => {
    expect(isWorkingDay('2027-01-01', cal)).toBeUndefined();
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-03-14', cal)).toBe(false);
  });

  it('matches the plain count on every receipt day of 2026 for N=3 and N=7', () => {
    for (const n of [3, 7]) for (const day of DAYS_2026) expect([day, n, deadline(day, n, cal)]).toEqual([day, n, plainDeadline(day, n)]);
  });

  it('matches the plain count for any N', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DAYS_2026), fc.integer({ min: 1, max: 60 }), (day, n) => {
        expect(deadline(day, n, cal)).toEqual(plainDeadline(day, n));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('working days left', () => {
  const cal = noticeCalendar();
  it.each([
    ['2026-09-30', 3],
    ['2026-10-01', 3],
    ['2026-10-08', 2],
    ['2026-10-09', 1],
    ['2026-10-10', 0],
    // Sunday after a Saturday deadline: overdue, though no working day has passed since.
    ['2026-10-11', -1],
    ['2026-10-12', -1],
    ['2026-10-13', -2],
  ] as const)('deadline 2026-10-10, today %s → %i', (today, left) => {
    expect(workingDaysLeft(today, '2026-10-10', cal)).toBe(left);
  });
  it('is null while the deadline is pending or the span leaves the calendar', () => {
    expect(workingDaysLeft('2026-10-08', null, cal)).toBeNull();
    expect(workingDaysLeft('2027-01-04', '2026-12-31', cal)).toBeNull();
    expect(countWorkingDays('2026-12-30', '2027-01-04', cal)).toEqual({ notCovered: 2027 });
  });
  it('shows N on the day of receipt and 0 on the deadline, for every day of 2026', () => {
    for (const n of [3, 7]) {
      for (const day of DAYS_2026) {
        const r = deadline(day, n, cal);
        if (!('deadline' in r)) continue;
        expect([day, workingDaysLeft(day, r.deadline, cal)]).toEqual([day, n]);
        expect(workingDaysLeft(r.deadline, r.deadline, cal)).toBe(0);
      }
    }
  });
});

describe('holiday ranges', () => {
  it('groups consecutive days of one festival', () => {
    const s: YearSchedule = {
      ...plainYear(2026),
      holidays: new Map([
        ['2026-10-02', { zh: '国庆节' }],
        ['2026-10-01', { zh: '国庆节' }],
        ['2026-09-27', { zh: '中秋' }],
        ['2026-09-26', { zh: '中秋' }],
        ['2026-09-28', { zh: '国庆节' }],
      ]),
    };
    expect(holidayRanges(s).map((r) => [r.from, r.to, r.days, r.name?.zh])).toEqual([
      ['2026-09-26', '2026-09-27', 2, '中秋'],
      ['2026-09-28', '2026-09-28', 1, '国庆节'],
      ['2026-10-01', '2026-10-02', 2, '国庆节'],
    ]);
  });
});

describe('the built-in calendar (chinese-days, pinned)', () => {
  const builtin = loadBuiltinCalendar();
  it('is the exact version package.json pins, covering the years its data has', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['chinese-days']).toBe(builtin.version);
    expect(builtin.version).toBe('1.5.7');
    expect(builtin.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
  it('agrees with the notice on every day of 2026', () => {
    const cal = loadCalendar({ cwd: '/' });
    for (const day of DAYS_2026) expect([day, isWorkingDay(day, cal)]).toEqual([day, plainIsWorking(day)]);
  });
  it('gives the official deadlines on every receipt day of 2026 (N=3, N=7), and notCovered 2027 at the year end', () => {
    const cal = loadCalendar({ cwd: '/' });
    for (const n of [3, 7]) for (const day of DAYS_2026) expect([day, n, deadline(day, n, cal)]).toEqual([day, n, plainDeadline(day, n)]);
    expect(deadline('2026-12-30', 3, cal)).toEqual({ notCovered: 2027 });
  });
  it('never treats 2027-01-01 as a working day (chinese-days itself would)', () => {
    const cal = loadCalendar({ cwd: '/' });
    expect(isWorkingDay('2027-01-01', cal)).toBeUndefined();
    expect(isWorkingDay('2003-06-02', cal)).toBeUndefined();
  });
  it('keeps the 2020 extension of 春节 and 2025 元旦 across the year end', () => {
    const cal = loadCalendar({ cwd: '/' });
    // 国办发明电〔2020〕1号 extended 春节 to 2-2: 1-31 (Fri) was a day off.
    expect(isWorkingDay('2020-01-31', cal)).toBe(false);
    // 2025-12-31 (Wed): 2026-01-01…01-03 off, Sun 01-04 worked (1), 01-05 (2), 01-06 (3).
    expect(deadline('2025-12-31', 3, cal)).toEqual({ deadline: '2026-01-06' });
  });
});
