// An empty register/ folder (made by hand, copied from a colleague's skeleton, or left after events.jsonl was moved
// away) and a log with no event are a register not begun (docs/decisions.md "An empty register/ folder", round 33):
// it records nothing of what is public, so compile and status check nothing against it — as with no folder — and
// publish begins it; supervise and the report say there is no register yet. Before, the folder turned compile's
// checks on: the example's removal request of a record published before the tool was REMOVAL_NOT_FOUND, so compile
// refused the first quarter that publish, given a package compiled without the folder, recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

let tmp: string;
const ws: Record<'without' | 'folder' | 'noEvent', string> = { without: '', folder: '', noEvent: '' };
const TODAY = ['--today', '2026-10-09'];
const ENV = { SOURCE_DATE_EPOCH: '1790000000', HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z' };
const json = async (w: string, args: string[], today = TODAY) => {
  const r = await runCli([...args, '-w', w, ...today, '--format', 'json'], ROOT, ENV);
  return { code: r.code, doc: JSON.parse(r.stdout) };
};
const codes = (doc: { diagnostics: Array<{ code: string }> }) => doc.diagnostics.map((d) => d.code);

/** Every file below `dir`, by its path under it. */
function files(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, r)).isDirectory()) for (const [k, v] of files(dir, r)) out.set(k, v);
    else out.set(r, readFileSync(join(dir, r)));
  }
  return out;
}

beforeAll(() => {
  tmp = tempDir('empty-register-folder');
  ws.without = join(tmp, 'without');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws.without, { recursive: true });
  ws.folder = join(tmp, 'folder');
  cpSync(ws.without, ws.folder, { recursive: true });
  mkdirSync(join(ws.folder, 'register'));
  ws.noEvent = join(tmp, 'no-event');
  cpSync(ws.folder, ws.noEvent, { recursive: true });
  writeFileSync(join(ws.noEvent, 'register', 'events.jsonl'), '');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an empty register/ folder, or a log with no event, is a register not begun: as no register, in every view', () => {
  it('status and compile check nothing against it: the same findings, exit and package as without the folder', async () => {
    const base = await json(ws.without, ['status', '2026Q3']);
    expect(base.code).toBe(0);
    for (const w of [ws.folder, ws.noEvent]) {
      const s = await json(w, ['status', '2026Q3']);
      expect([s.code, codes(s.doc)]).toEqual([base.code, codes(base.doc)]);
      expect(codes(s.doc)).not.toContain('REMOVAL_NOT_FOUND');
      // The whole document: no `published`, no objection counts where no folder gives none (review11: a log with no
      // event gave published null and objectionsOverdue 0 in every row).
      expect(JSON.stringify(s.doc)).toBe(JSON.stringify(base.doc));
    }
    for (const w of Object.values(ws)) expect((await json(w, ['compile', '2026Q3'])).code).toBe(0);
    const pkg = files(join(ws.without, 'packages'));
    for (const w of [ws.folder, ws.noEvent]) {
      const other = files(join(w, 'packages'));
      expect([...other.keys()]).toEqual([...pkg.keys()]);
      for (const [k, v] of pkg) expect(Buffer.compare(other.get(k) as Buffer, v), k).toBe(0);
    }
  }, 120_000);

  it('export of a published package: a log emptied gives EXPORT_NO_REGISTER, as no folder does', async () => {
    const published = join(tmp, 'published');
    cpSync(ws.without, published, { recursive: true });
    // As `npm run example`: 劳动关系科's 2026Q2 imported, so that the package lists removals the register holds.
    const history = join(published, 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    const imported = ['register', 'import', ...lists, '--batch', '2026Q2', '--published-on', '2026-07-20', '--department', '劳动关系科'];
    expect((await json(published, imported)).code).toBe(0);
    expect((await json(published, ['compile', '2026Q3', '--force'])).code).toBe(0);
    expect((await json(published, ['publish', '2026Q3', '--on', '2026-10-15'], ['--today', '2026-10-15'])).code).toBe(0);
    const emptied = join(tmp, 'emptied');
    cpSync(published, emptied, { recursive: true });
    writeFileSync(join(emptied, 'register', 'events.jsonl'), '');
    const gone = join(tmp, 'gone');
    cpSync(published, gone, { recursive: true });
    rmSync(join(gone, 'register'), { recursive: true });
    const exported = async (w: string) => {
      const r = await runCli(
        ['export', '2026Q3', '--to', join(tmp, `export-${w.split('/').at(-1)}`), '-w', w, '--today', '2026-10-15', '--format', 'json'],
        ROOT,
        ENV,
      );
      return codes(JSON.parse(r.stdout));
    };
    expect(await exported(published)).not.toContain('EXPORT_NO_REGISTER');
    const none = await exported(gone);
    expect(none).toContain('EXPORT_NO_REGISTER');
    expect(await exported(emptied)).toEqual(none);
  }, 120_000);

  it('supervise and the report: no register yet (null, 尚未建立发布台账), as without the folder', async () => {
    for (const w of Object.values(ws)) {
      const rows = (await json(w, ['supervise', '2026'])).doc.rows as Array<Record<string, unknown>>;
      expect(rows.find((r) => r.department === '就业办' && r.batch === '2026Q3')?.published).toBeNull();
      expect((await runCli(['supervise', '2026', '-w', w, ...TODAY], ROOT)).stdout).toContain('尚未建立发布台账');
      for (const target of ['2026Q3', '2026']) {
        const out = join(tmp, `r-${target}-${w.split('/').at(-1)}.html`);
        expect((await json(w, ['report', target, '--out', out])).doc.registerKnown).toBe(false);
      }
    }
  }, 120_000);

  it('publish begins it; then status of the batch says published and checks nothing, in each', async () => {
    for (const w of Object.values(ws)) {
      rmSync(join(w, 'packages'), { recursive: true, force: true });
      expect((await json(w, ['compile', '2026Q3'])).code).toBe(0);
      const p = await json(w, ['publish', '2026Q3', '--on', '2026-10-15'], ['--today', '2026-10-15']);
      expect([p.code, p.doc.outcome ?? 'published']).toEqual([0, 'published']);
      const s = await json(w, ['status', '2026Q3'], ['--today', '2026-10-16']);
      expect([s.code, s.doc.published?.batch, codes(s.doc).includes('REMOVAL_NOT_FOUND')]).toEqual([0, '2026Q3', false]);
    }
  }, 120_000);
});
