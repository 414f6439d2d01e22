// English table headers read as headers: capitalised, as status, compile, supervise and the findings tables
// have them ("Department", "Rows"). register list's and objection list's were the JSON-like words
// ("id", "list", "code / ID"; "number", "days left") above capitalised tables of every other command.
import { describe, expect, it } from 'vitest';
import { enCalendarUi } from '../../src/messages/en/calendar.js';
import { enObjectionUi } from '../../src/messages/en/objections.js';
import { enPageText } from '../../src/messages/en/page.js';
import { enRegisterUi } from '../../src/messages/en/register.js';
import { enReportsUi } from '../../src/messages/en/reports.js';
import { enUi } from '../../src/messages/en/ui.js';

/** Every string of every key named …Columns / columns (an array or a record of headers), with its path. */
function headers(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (node === null || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}.${key}`;
    if (/columns$/i.test(key) && typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out.push([`${at}.${k}`, v]);
    headers(value, at, out);
  }
  return out;
}

describe('English table headers', () => {
  it('start with a capital letter in every table the tool draws', () => {
    const all = [
      ...headers(enRegisterUi, 'register', []),
      ...headers(enObjectionUi, 'objections', []),
      ...headers(enReportsUi, 'reports', []),
      ...headers(enUi, 'ui', []),
      ...headers(enPageText, 'page', []),
      ...headers(enCalendarUi, 'calendar', []),
    ];
    expect(all.map(([p]) => p)).toEqual(expect.arrayContaining(['register.listColumns.0', 'objections.listColumns.6']));
    expect(all.filter(([, h]) => /^[a-z]/.test(h))).toEqual([]);
  });
});
