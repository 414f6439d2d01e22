// English counts agree with their number: "1 byte", "1 error", never "1 bytes" (found in register repair's
// "(1 bytes)"). Each message below takes a count that can be 1 and is rendered with it and with 2.
import { describe, expect, it } from 'vitest';
import { enRegisterUi } from '../../src/messages/en/register.js';
import { enObjectionUi } from '../../src/messages/en/objections.js';
import { enPageText } from '../../src/messages/en/page.js';
import { enUi } from '../../src/messages/en/ui.js';
import { bytesEn, countEn } from '../../src/messages/en/words.js';
import { en } from '../../src/messages/en/codes.js';

describe('English counts: singular for 1, plural otherwise', () => {
  it('countEn and bytesEn', () => {
    expect(countEn(1, 'byte')).toBe('1 byte');
    expect(countEn(0, 'byte')).toBe('0 bytes');
    expect(countEn(2, 'entry', 'entries')).toBe('2 entries');
    expect(bytesEn(1)).toBe('1 byte');
    expect(bytesEn(900)).toBe('900 bytes');
  });

  it('register repair, the objection letter, the feedback copy and the self-check page', () => {
    expect(enRegisterUi.repairCut(3, 1, 'register/x')).toContain('(1 byte)');
    expect(enRegisterUi.repairCut(3, 2, 'register/x')).toContain('(2 bytes)');
    expect(enRegisterUi.repairCutNoCopy(3, 1, 'ENOSPC')).toContain('(1 byte)');
    expect(enRegisterUi.repairCutBlank(1, 1, 'register/x', undefined)).toContain('(1 byte)');
    expect(enObjectionUi.letter('a.docx', 1)).toContain('(1 byte;');
    const sheet = enUi.forms.annotate;
    const overview = sheet.overview;
    expect(sheet.omitted(1)).toMatch(/^1 more finding of the same kinds was not marked/);
    expect(sheet.omitted(3)).toMatch(/^3 more findings of the same kinds were not marked/);
    expect(overview(1, 1, 1)).toMatch(/^1 error, 1 warning, 1 note\. /);
    expect(overview(2, 0, 0)).toMatch(/^2 errors, 0 warnings\. /);
    expect(enPageText.baked('', '2026-10-09 10:00', 'hrss-credit 0.1.0', 1, 5)).toContain('(1 department)');
  });

  it('every message that took "(s)": the summary, verify, export, status, register, objections and the findings', () => {
    // [render with 1, render with 2, what 1 reads, what 2 reads]
    const msg = (code: keyof typeof en, a: Record<string, unknown>): string => en[code].message(a as never);
    const stats = (n: number) => ({ files: n, rows: n, errors: n, warnings: n, info: n });
    const pairs: [string, string, string, string][] = [
      [
        enUi.summary(stats(1)),
        enUi.summary(stats(2)),
        '1 file, 1 row checked: 1 error, 1 warning',
        '2 files, 2 rows checked: 2 errors, 2 warnings',
      ],
      [enUi.verify.ok(1), enUi.verify.ok(2), '1 file matches', '2 files match'],
      [enUi.verify.bad(1), enUi.verify.bad(2), '1 difference ', '2 differences '],
      [enUi.exported(1, 'x'), enUi.exported(2, 'x'), '1 file exported', '2 files exported'],
      [
        enUi.status.awaiting({ department: 'd', removals: ['a'], corrections: ['b'] }),
        enUi.status.awaiting({ department: 'd', removals: ['a', 'b'], corrections: ['b', 'c'] }),
        '1 removal request awaited (a); 1 correction awaited',
        '2 removal requests awaited (a, b); 2 corrections awaited',
      ],
      [enObjectionUi.listSummary(1, 't'), enObjectionUi.listSummary(2, 't'), '1 objection ', '2 objections '],
      [enObjectionUi.deadline('2026-10-09', 1), enObjectionUi.deadline(null, 2), '(1 working day after', '2 working days after'],
      [enRegisterUi.imported('b', 'o', 1), enRegisterUi.imported('b', 'o', 2), ', 1 record', ', 2 records'],
      [enRegisterUi.published('b', 'o', 1, 1), enRegisterUi.published('b', 'o', 2, 2), '1 record, 1 removal', '2 records, 2 removals'],
      [enRegisterUi.verifyOk(1, null), enRegisterUi.verifyOk(2, null), '1 event', '2 events'],
      [enRegisterUi.listSummary(1, 'o'), enRegisterUi.listSummary(2, 'o'), ': 1 record', ': 2 records'],
      [enUi.progressRows('f', 1), enUi.progressRows('f', 2), '1 row read', '2 rows read'],
      [msg('FILE_NO_LIST', { sheets: 1 }), msg('FILE_NO_LIST', { sheets: 2 }), 'the one sheet is not', 'none of the 2 sheets is'],
      [
        msg('SHEET_COLUMN_MISSING', { field: 'creditCode', rows: 1, firstRow: 3 }),
        msg('SHEET_COLUMN_MISSING', { field: 'creditCode', rows: 2, firstRow: 3 }),
        '1 row needs it',
        '2 rows need it',
      ],
      [
        msg('SCHEMA_EXTRA_CELL', { count: 1, lastHeader: 'L' }),
        msg('SCHEMA_EXTRA_CELL', { count: 2, lastHeader: 'L' }),
        '1 non-empty cell ',
        '2 non-empty cells ',
      ],
      [
        msg('MEASURES_FILLED', { items: 1, list: 'black', domain: 'x' }),
        msg('MEASURES_FILLED', { items: 2, list: 'black', domain: 'x' }),
        'the 1 measure of',
        'the 2 measures of',
      ],
      [msg('COVER_MISSING', { lists: 1 }), msg('COVER_MISSING', { lists: 2 }), '1 list file but', '2 list files but'],
      [msg('COVER_NIL_WITH_ROWS', { rows: 1 }), msg('COVER_NIL_WITH_ROWS', { rows: 2 }), 'hold 1 record', 'hold 2 records'],
      [
        msg('EVIDENCE_REPORT_MISSING', { black: 1 }),
        msg('EVIDENCE_REPORT_MISSING', { black: 2 }),
        '1 black-list record but',
        '2 black-list records but',
      ],
      [
        msg('EVIDENCE_PICTURE_MISSING', { black: 1 }),
        msg('EVIDENCE_PICTURE_MISSING', { black: 2 }),
        '1 black-list record but',
        '2 black-list records but',
      ],
      [
        msg('EXPORT_REMOVED_NOT_FOUND', { count: 1, quarter: 'q', ids: ['a'] }),
        msg('EXPORT_REMOVED_NOT_FOUND', { count: 2, quarter: 'q', ids: ['a', 'b'] }),
        '1 record the q package removes is not',
        '2 records the q package removes are not',
      ],
      [
        msg('REGISTER_PACKAGE_CHANGED', { batch: 'b', count: 1, changed: 'x' }),
        msg('REGISTER_PACKAGE_CHANGED', { batch: 'b', count: 2, changed: 'x' }),
        '1 file differs',
        '2 files differ',
      ],
      [
        msg('OBJECTION_OVERDUE', { number: 'O', deadline: 'd', today: 't', workingDaysLeft: -1 }),
        msg('OBJECTION_OVERDUE', { number: 'O', deadline: 'd', today: 't', workingDaysLeft: -2 }),
        ', 1 working day late',
        ', 2 working days late',
      ],
    ];
    for (const [one, two, oneReads, twoReads] of pairs) {
      expect(one).toContain(oneReads);
      expect(two).toContain(twoReads);
      expect(`${one} ${two}`).not.toContain('(s)');
    }
  });

  // Seen: a config that sets a limit to 1 read "more than 1 rows"; every limit's figure now agrees with its noun.
  it('FILE_UNREADABLE over a limit: the figure and its noun agree, for 1 and for 2', () => {
    const limit = (name: string, n: number): string =>
      en.FILE_UNREADABLE.message({ reason: 'limit', limit: name, max: n, actual: n } as never);
    const reads: [string, string, string][] = [
      ['maxRows', 'more than 1 row (', 'more than 2 rows ('],
      ['maxColumns', '1 column, over', '2 columns, over'],
      ['maxCellChars', 'more than 1 character (', 'more than 2 characters ('],
      ['maxZipEntries', 'holds 1 entry, over', 'holds 2 entries, over'],
      ['maxXmlDepth', 'more than 1 level deep', 'more than 2 levels deep'],
      ['maxSharedStrings', 'more than 1 entry (', 'more than 2 entries ('],
      ['maxSharedStringChars', 'more than 1 character in all', 'more than 2 characters in all'],
      ['maxSheets', 'declares 1 sheet, over', 'declares 2 sheets, over'],
    ];
    for (const [name, one, two] of reads) {
      expect(limit(name, 1), name).toContain(one);
      expect(limit(name, 2), name).toContain(two);
    }
  });
});
