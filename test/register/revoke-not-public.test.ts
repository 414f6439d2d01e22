// An objection left open while its record's department removed it (a 移出申请 carried by a published batch), then
// resolved 撤销: the register turned the record's removal into a 撤销 and the next package listed it again, as
// revoked — the credit office told twice to take one record down, the second time in a batch it was not public
// before (the same with a record replaced by a correction under a new 认定文书号, or expired). Found by the
// crossings property's removed-once check (test/truth/crossings/). The 撤销 now removes nothing: the objection is
// resolved 撤销 all the same, the record keeps its removal, no package lists it again, and resolve says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { messagesFor } from '../../src/messages/index.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '测试' };
let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('revoke-not-public');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => cleanup(tmp));

const cli = (args: string[], today: string) => runCli([...args, '-w', ws, '--today', today], ROOT, env);
const json = async (args: string[], today: string) => JSON.parse((await cli([...args, '--format', 'json'], today)).stdout);
/** The record 2026Q3's 移出申请 removes (违法违规移出). */
const ID = '0f792e997252';

describe('an objection resolved 撤销 after its record left the list', () => {
  it('removes nothing: the record keeps its removal and the next package does not list it', async () => {
    const history = join(ws, 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    expect((await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT], '2026-10-10')).code).toBe(0);
    const add = ['objection', 'add', '--received', '2026-10-12', '--from', '王某', '--record', ID, '--summary', '认定有误'];
    expect((await cli(add, '2026-10-12')).code).toBe(0);
    expect((await cli(['compile', '2026Q3'], '2026-10-15')).code).toBe(0);
    expect((await cli(['publish', '2026Q3', '--on', '2026-10-15'], '2026-10-15')).code).toBe(0);

    const resolve = ['objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', '经核查，撤销', '--on', '2026-10-16'];
    const resolved = await json(resolve, '2026-10-16');
    expect(resolved.objection.outcome).toBe('撤销');
    expect(resolved.diagnostics.map((d: { code: string }) => d.code)).toEqual(['OBJECTION_LATE', 'OBJECTION_NOT_PUBLIC']);
    const notPublic = resolved.diagnostics[1];
    expect(notPublic.args).toEqual({
      number: 'O2026-001',
      id: ID,
      on: '2026-10-16',
      type: 'violation',
      removedOn: '2026-10-15',
      batch: '2026Q3',
    });
    expect(notPublic.message).toBe(
      `异议 O2026-001 所涉记录（编号 ${ID}）已于 2026-10-15 随 2026Q3 移出名单（违法违规移出），撤销不再移出它，也不列入下一批的移出名单；处理结果仍可登记`,
    );
    expect(messagesFor('en').codes.OBJECTION_NOT_PUBLIC.message(notPublic.args)).toBe(
      `the record of objection O2026-001 (${ID}) was no longer public: removed for a violation on 2026-10-15 (batch 2026Q3); ` +
        'the 撤销 removes nothing and no package lists it again; the outcome can still be recorded',
    );
    expect((await json(['objection', 'list', '--all'], '2026-10-20')).objections.map((o: { outcome: string }) => o.outcome)).toEqual([
      '撤销',
    ]);

    const listed = (await json(['register', 'list', '--status', 'all', '--find', ID], '2026-10-20')).records;
    expect(
      listed.map((r: { status: string; removal: { type: string; batch: string } }) => [r.status, r.removal.type, r.removal.batch]),
    ).toEqual([['removed', 'violation', '2026Q3']]);
    mkdirSync(join(ws, 'submissions', '2026Q4'));
    const compiled = await cli(['compile', '2026Q4'], '2027-01-12');
    expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
    const next = JSON.parse(readFileSync(join(ws, 'packages', '2026Q4', 'records.json'), 'utf8')) as { removals: { id: string }[] };
    expect(next.removals.map((r) => r.id)).not.toContain(ID);
  });
});
