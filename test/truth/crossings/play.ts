// Plays a crossing history (crossings/history.ts) on the consistency property's World: its steps as World plays
// them, and the new ones — an import of older lists, an objection left open, the oldest open one resolved —
// through the same CLI run() on the same port.
import { join } from 'node:path';
import { makeCreditCode } from '../../../dist/domain/credit-code.js';
import { addDays, addYears } from '../../../dist/domain/dates.js';
import { DEPTS } from '../consistency/history.js';
import type { PlayedBatch, World } from '../consistency/world.js';
import type { CrossStep, ImportRow } from './history.js';

const QUARTER_END = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];

/** An imported record as the history meant it: its subject's name and the period end it was given by default. */
export interface Imported {
  subjectName: string;
  listType: 'red' | 'black';
  until: string;
  /** How many batches were played before the import (a list imported later is expired by a later batch). */
  after: number;
}

/** An objection the history filed: its number and day of receipt, and its outcome once resolved. */
export interface Filed {
  number: string;
  recordId: string;
  received: string;
  outcome?: '维持' | '撤销' | '更正';
  resolvedOn?: string;
}

const oldName = (d: number, s: number): string => `新乡市旧档${'甲乙'[d]}${'一二三'[s]}有限公司`;
const oldCode = (d: number, s: number): string => makeCreditCode('91410700', `MB5${d}${s}K7Q`);

export class Crossing {
  readonly imported: Imported[] = [];
  readonly filed: Filed[] = [];
  constructor(readonly world: World) {}

  /** Plays one step: a batch's PlayedBatch, else undefined. */
  async play(step: CrossStep): Promise<PlayedBatch | undefined> {
    // World forgets its step's documents (diffs, the report models) in play(); the new steps change them too.
    (this.world as unknown as { stepDocs: Map<string, unknown> }).stepDocs.clear();
    if (step.kind === 'import') {
      await this.import(step.dept, step.rows);
      return undefined;
    }
    if (step.kind === 'open') {
      await this.open(step.pick);
      return undefined;
    }
    if (step.kind === 'resolve') {
      await this.resolve(step.outcome, step.after);
      return undefined;
    }
    const before = this.world.played.length;
    if (step.kind === 'objection') {
      // World's objection: added and resolved at once; recorded here from objection list.
      await this.world.play(step);
      await this.readFiled();
      return undefined;
    }
    await this.world.play(step);
    return this.world.played.length > before ? this.world.played.at(-1) : undefined;
  }

  /** A list published before the tool was used: each row's period (by default 3 years less a day) ends beside a quarter's end. */
  private async import(d: number, rows: ImportRow[]): Promise<void> {
    const dept = DEPTS[d]!;
    const seen = new Set<string>();
    const lines: string[][] = [];
    let latest = '2023-01-01';
    for (const r of rows) {
      const key = String(r.subject); // one list per subject (PACKAGE_RED_BLACK_CONFLICT)
      if (seen.has(key)) continue;
      seen.add(key);
      const until = addDays(QUARTER_END[r.q]!, r.edge);
      const decided = addYears(addDays(until, 1), -3);
      if (decided > latest) latest = decided;
      this.imported.push({ subjectName: oldName(d, r.subject), listType: r.list, until, after: this.world.played.length });
      lines.push([
        String(lines.length + 1),
        r.list === 'red' ? '红名单' : '黑名单',
        dept.domain,
        '法人及非法人组织',
        oldName(d, r.subject),
        oldCode(d, r.subject),
        '张三',
        '未按规定履行义务',
        '《劳动保障监察条例》',
        `新人社${r.list === 'red' ? '表' : '罚'}〔2023〕${d + 1}${r.subject + 1}号`,
        decided,
        r.list === 'black' ? '严重' : '',
      ]);
    }
    const headers = ['序号', '名单类型', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人（负责人）'];
    headers.push('列入事由', '认定依据', '认定文书号', '认定日期', '失信程度');
    const file = join(`${this.world.ws}-import`, `${dept.name}_旧名单.csv`);
    const text = `\uFEFF${[headers, ...lines].map((l) => l.join(',')).join('\r\n')}\r\n`;
    this.world.put(file, Buffer.from(text, 'utf8'));
    const on = addDays(latest, 10);
    const batch = `${on.slice(0, 4)}Q${Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1}`;
    const res = await this.world.cli(['register', 'import', file, '--batch', batch, '--published-on', on, '--department', dept.name]);
    // Imported after batches were published, the list was public on their days too: what was public then is read anew.
    this.world.publicOn.clear();
    if (res.code !== 0) throw new Error(`register import: exit ${res.code}\n${res.stdout}\n${res.stderr}`);
  }

  private async open(pick: number): Promise<void> {
    if (this.world.played.length === 0 && this.imported.length === 0) return;
    const active = await this.world.active();
    const target = active[pick % Math.max(active.length, 1)];
    if (!target) return;
    this.world.today = addDays(this.world.today, 1);
    const args = ['objection', 'add', '--received', this.world.today, '--from', '王某', '--record', target.id, '--summary', '认定事实有误'];
    await this.world.json(args);
    await this.readFiled();
  }

  private async resolve(outcome: '维持' | '撤销' | '更正', after: number): Promise<void> {
    const open = this.filed.find((f) => f.outcome === undefined);
    if (!open) return;
    const on = addDays(open.received, after);
    this.world.today = on > this.world.today ? on : addDays(this.world.today, 1);
    const args = ['objection', 'resolve', open.number, '--outcome', outcome, '--opinion', `经核查，${outcome}`, '--on', this.world.today];
    await this.world.cli([...args, '--by', '李四']);
    await this.readFiled();
  }

  /** What objection list says was filed and resolved (the history's own account, compared by the checks). */
  private async readFiled(): Promise<void> {
    type Listed = { number: string; recordId: string; received: string; outcome: Filed['outcome'] | null; resolvedOn: string | null };
    const doc = await this.world.json<{ objections: Listed[] }>(['objection', 'list', '--all']);
    this.filed.length = 0;
    for (const o of doc.objections)
      this.filed.push({
        number: o.number,
        recordId: o.recordId,
        received: o.received,
        ...(o.outcome ? { outcome: o.outcome } : {}),
        ...(o.resolvedOn ? { resolvedOn: o.resolvedOn } : {}),
      });
  }
}
