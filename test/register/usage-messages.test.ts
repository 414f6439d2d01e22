// A bad argument to a register or objection command is refused (exit 2) with a catalogued message that
// names the argument, says what is wrong and how to fix it, in Chinese and English — not "usage error:
// note" or "--id nosuch" — and nothing is written to the register.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventsFile, publishedSuite, ROOT, runCli } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const { fresh } = publishedSuite('usage-messages', env);
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', '2026-10-09'], ROOT, env);
const add = ['objection', 'add', '--received', '2026-09-30'];

const cases: Array<[string, string[], string, string]> = [
  [
    'register note with an empty remark',
    ['register', 'note', '  '],
    '备注内容为空：请在 register note 后用引号写上备注，例如 hrss-credit register note "',
    'the remark is empty: write it in quotes after register note, e.g. hrss-credit register note "',
  ],
  [
    'register note --id of no record',
    ['register', 'note', '已电话告知', '--id', 'nosuch'],
    '--id nosuch：登记簿中没有这个编号的记录；记录编号是 register list、register show 显示的 12 位编号',
    "--id nosuch: no record in the register has this id; a record's id is the 12 characters (0–9, a–f) register list and register show print",
  ],
  [
    'objection add without --record or --subject',
    [...add, '--from', '申请人甲', '--summary', '认定有误'],
    '请用 --record, --subject 之一指明异议针对的记录',
    'give one of --record, --subject to say which record the objection is about',
  ],
  [
    'objection add with an empty --from',
    [...add, '--subject', 'x', '--from', ' ', '--summary', '认定有误'],
    '选项 --from 的取值为空：请写上内容',
    'option --from is empty: write its text',
  ],
  [
    'objection add with a channel not on the list',
    [...add, '--subject', 'x', '--from', '甲', '--summary', '有误', '--channel', '微信'],
    '选项 --channel 的取值“微信”无效，可选：信用中国, 来函, 来访, 电话, 其他',
    'option --channel: "微信" is not allowed; choose one of 信用中国, 来函, 来访, 电话, 其他',
  ],
  [
    'objection resolve with an outcome not on the list (toString is no outcome either)',
    ['objection', 'resolve', 'O2026-001', '--outcome', 'toString', '--opinion', '认定无误'],
    '选项 --outcome 的取值“toString”无效，可选：维持, 更正, 撤销',
    'option --outcome: "toString" is not allowed; choose one of 维持, 更正, 撤销',
  ],
  [
    'objection resolve with an empty opinion',
    ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', ''],
    '选项 --opinion 的取值为空',
    'option --opinion is empty',
  ],
  [
    'objection list with two choices',
    ['objection', 'list', '--open', '--all'],
    '--open, --overdue, --all 只能选一个',
    'give only one of --open, --overdue, --all',
  ],
  [
    'objection list --year 26',
    ['objection', 'list', '--year', '26'],
    '选项 --year 的取值“26”不是年份：请写四位数字',
    'option --year: "26" is not a year',
  ],
];

describe('bad arguments: a catalogued message, exit 2, nothing written', () => {
  it.each(cases)('%s', async (_name, args, zh, en) => {
    const ws = fresh();
    const before = readFileSync(eventsFile(ws));
    const z = await cli(ws, args);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain(zh);
    const e = await cli(ws, [...args, '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(en);
    const j = await cli(ws, [...args, '--format', 'json', '--lang', 'en']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error).toMatchObject({ code: 'USAGE' });
    expect(JSON.parse(j.stdout).error.message).toContain(en);
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
  });
});
