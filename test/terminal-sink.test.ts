// Issue 18: terminal escapes from register records, --by, the host, objection text and calendar
// files never reach the terminal — one sanitising sink (reporters/sink.ts) for every line, pretty
// and JSON; and a bidi override in a summary does not reverse the letter's text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../src/reporters/sink.js';
import { ZipArchive } from '../src/io/zip/zip.js';
import { DEFAULT_LIMITS } from '../src/schemas/config.js';
import { publishedSuite, runCli, ROOT } from './register/helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const { fresh } = publishedSuite('sink', env);

/** What a terminal would act on: C0 but LF/TAB, DEL, C1, bidi controls, line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const ACTS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Hostile strings of several kinds: OSC (window title, clipboard), CSI (clear, cursor), SGR conceal, C1 CSI, RLO, isolates, CR. */
const HOSTILE = [
  '王\x1b]0;pwned\x07五',
  '甲\x1b[2J\x1b[H乙',
  '丙\x1b[8m隐\x1b[0m',
  '丁\x9b31m戊',
  '己\u202e庚辛',
  '壬\u2067癸\u2069',
  '子\r丑',
  '寅\x1b]52;c;ZXZpbA==\x07卯',
];

const cli = (ws: string, today: string, args: string[], extra: Record<string, string> = {}) =>
  runCli([...args, '-w', ws, '--today', today], ROOT, { ...env, ...extra });

function assertClean(label: string, out: { stdout: string; stderr: string }): void {
  const both = out.stdout + out.stderr;
  const m = ACTS.exec(both);
  expect(
    m ? `${label}: U+${m[0].charCodeAt(0).toString(16)} at …${JSON.stringify(both.slice(Math.max(0, m.index - 20), m.index + 20))}` : '',
  ).toBe('');
}

describe('one sink: nothing a terminal would obey reaches stdout or stderr', () => {
  it.each(HOSTILE.map((h, i) => [i, h] as const))(
    'hostile text #%i through --by, objection add, register list/show, objection list (pretty and JSON)',
    async (_i, h) => {
      const ws = fresh();
      const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')).records as { id: string }[];
      const id = records[0]!.id;
      const runs: [string, string[]][] = [
        ['objection add', ['objection', 'add', '--received', '2026-10-12', '--from', h, '--summary', h, '--record', id, '--by', h]],
        ['register note', ['register', 'note', id, '--text', h, '--by', h]],
      ];
      for (const [label, args] of runs) {
        const r = await cli(ws, '2026-10-15', args);
        assertClean(label, r);
      }
      for (const args of [
        ['register', 'list'],
        ['register', 'show', id],
        ['objection', 'list', '--all'],
        ['register', 'verify'],
      ]) {
        for (const format of [[], ['--format', 'json']]) {
          const r = await cli(ws, '2026-10-15', [...args, ...format]);
          assertClean(args.join(' '), r);
          if (format.length) JSON.parse(r.stdout);
        }
      }
      // The JSON still carries the text itself: `\u202e` in a JSON string is that character.
      const shown = JSON.parse((await cli(ws, '2026-10-15', ['register', 'show', id, '--format', 'json'])).stdout) as Record<
        string,
        unknown
      >;
      expect(JSON.stringify(shown)).toContain(JSON.stringify(h).slice(1, -1));
    },
  );

  it('calendar: holiday names and the source of a workspace calendar file are shown, not obeyed', async () => {
    const ws = fresh();
    mkdirSync(join(ws, 'calendar'), { recursive: true });
    writeFileSync(
      join(ws, 'calendar', '2027.json'),
      JSON.stringify({
        year: 2027,
        source: HOSTILE.join(''),
        holidays: HOSTILE.map((h, i) => [`2027-0${(i % 9) + 1}-01`, `2027-0${(i % 9) + 1}-01`, h]),
        workdays: [],
      }),
    );
    for (const format of [[], ['--format', 'json']]) {
      const r = await cli(ws, '2026-10-15', ['calendar', '2027', ...format]);
      assertClean(`calendar ${format.join(' ')}`, r);
    }
  });

  it('with colour on, only our own colour codes survive: a planted SGR, OSC or CSI does not', async () => {
    const ws = fresh();
    const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')).records as { id: string }[];
    await cli(ws, '2026-10-15', [
      'objection',
      'add',
      '--received',
      '2026-10-12',
      '--from',
      HOSTILE.join(''),
      '--summary',
      's',
      '--record',
      records[0]!.id,
      '--by',
      HOSTILE.join(''),
    ]);
    const r = await cli(ws, '2026-10-15', ['register', 'show', records[0]!.id], { FORCE_COLOR: '1' });
    expect(r.stdout).toContain('\x1b[');
    // eslint-disable-next-line no-control-regex
    const escapes = [...(r.stdout + r.stderr).matchAll(/\x1b[^m]*?m|\x1b./g)].map((m) => m[0]);
    // eslint-disable-next-line no-control-regex
    for (const e of escapes) expect(e).toMatch(/^\x1b\[(?:(?:0|1|2|22|3[0-79]|39|4[0-79]|49|9[0-7]|10[0-7])(?:;|m))+$/);
    expect(r.stdout).not.toContain('\x1b]');
    expect(r.stdout).not.toContain('\x1b[8m');
  });

  it('terminalSafe keeps JSON parsable to the same data and our progress line intact', () => {
    const doc = { s: 'a\u202eb\u0085c\u2028d', t: 'plain 中文' };
    const text = JSON.stringify(doc, null, 2);
    expect(JSON.parse(terminalSafe(text, false))).toEqual(doc);
    expect(ACTS.test(terminalSafe(text, false))).toBe(false);
    expect(terminalSafe('\r\x1b[K进度 3/8', false)).toBe('\r\x1b[K进度 3/8');
    expect(terminalSafe('\x1b[31m错误\x1b[39m', true)).toBe('\x1b[31m错误\x1b[39m');
    expect(terminalSafe('\x1b[31m错误\x1b[39m', false)).toBe('␛[31m错误␛[39m');
    expect(terminalSafe('x\x1b[8my', true)).toBe('x␛[8my');
  });
});

describe('the letter carries no bidi control', () => {
  it.each(['\u202e', '\u202d', '\u2067', '\u200f', '\u061c'])(
    'U+%s in the summary, applicant and opinion does not reach word/document.xml',
    async (ch) => {
      const ws = fresh();
      const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')).records as { id: string }[];
      expect(
        (
          await cli(ws, '2026-10-09', [
            'objection',
            'add',
            '--received',
            '2026-09-30',
            '--from',
            `申请人${ch}甲`,
            '--summary',
            `认定${ch}事实有误`,
            '--record',
            records[0]!.id,
          ])
        ).code,
      ).toBe(0);
      expect(
        (
          await cli(ws, '2026-10-09', [
            'objection',
            'resolve',
            'O2026-001',
            '--outcome',
            '维持',
            '--opinion',
            `经核查${ch}认定无误`,
            '--by',
            '李四',
          ])
        ).code,
      ).toBe(0);
      const out = join(ws, 'letter.docx');
      expect((await cli(ws, '2026-10-09', ['objection', 'letter', 'O2026-001', '--out', out])).code).toBe(0);
      const zip = await ZipArchive.open(out, DEFAULT_LIMITS);
      let xml: string;
      try {
        xml = (await zip.read('word/document.xml')).toString('utf8');
      } finally {
        zip.close();
      }
      expect(xml).not.toContain(ch);
      for (const t of ['申请人甲', '认定事实有误', '经核查认定无误']) expect(xml).toContain(t);
    },
  );
});
