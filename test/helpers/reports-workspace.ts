// A workspace of two quarters for supervise and report: 2026Q3 is the example workspace compiled
// (facts read back from its package); 2026Q2 is still being collected (facts from its covers),
// with a late department, one without 报送日期, one not signed off and four that never submitted.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './cases.js';
import { memoryWorkspace, runCliOn } from './memory-workspace.js';
import type { MemoryPort } from '../../src/io/memory-port.js';

export const EPOCH = '1790000000';
export const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');

function cover(unit: string, fields: Record<string, string>): string {
  const lines = [
    '信用红黑名单报送单',
    '项目,内容',
    `报送单位,${unit}`,
    '报送季度,2026年第二季度',
    '填报人,王晓敏',
    '联系电话,0373-3000000',
  ];
  for (const [k, v] of Object.entries(fields)) lines.push(`${k},${v}`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const SIGNED = { 审核人: '李建国', 审核日期: '2026-07-06', 审定人: '赵振华', 审定日期: '2026-07-07' };

/** Q2 deadline: 2026-06-30 + P10D = 2026-07-10. */
export const Q2_COVERS: Record<string, string> = {
  就业办: cover('就业办', { ...SIGNED, 报送日期: '2026-07-08', 无信息报告: '是' }),
  劳动关系科: cover('劳动关系科', { ...SIGNED, 报送日期: '2026-07-15', 无信息报告: '是' }),
  监察科: cover('监察科', { ...SIGNED, 无信息报告: '是' }),
  社保中心: cover('市社保中心', { 审核人: '李建国', 审核日期: '2026-07-06', 报送日期: '2026-07-09', 无信息报告: '是' }),
};

export async function makeExampleCompiled(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  cpSync(EXAMPLE, dir, { recursive: true });
  const res = await runCli(['compile', '2026Q3', '--today', '2026-10-20'], dir, { SOURCE_DATE_EPOCH: EPOCH });
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  return dir;
}

export async function makeTwoQuarters(prefix: string): Promise<string> {
  const dir = await makeExampleCompiled(prefix);
  for (const [folder, text] of Object.entries(Q2_COVERS)) {
    mkdirSync(join(dir, 'submissions', '2026Q2', folder), { recursive: true });
    writeFileSync(join(dir, 'submissions', '2026Q2', folder, '报送单.csv'), text);
  }
  return dir;
}

/** makeTwoQuarters() held in memory (test/helpers/memory-workspace.ts): compiled on the file-system port. */
export async function makeTwoQuartersInMemory(name: string): Promise<{ io: MemoryPort; ws: string }> {
  const { io, ws } = memoryWorkspace(name);
  const res = await runCliOn(io, ['compile', '2026Q3', '--today', '2026-10-20'], ws, { SOURCE_DATE_EPOCH: EPOCH });
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  for (const [folder, text] of Object.entries(Q2_COVERS)) io.put(join(ws, 'submissions', '2026Q2', folder, '报送单.csv'), text);
  return { io, ws };
}
