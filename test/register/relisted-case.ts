// The case both relisted tests play (relisted-expired, diff-relisted): one 劳动关系科 black-list row of an invented
// company, sent with a 公示截止日期 and a 失信程度 of the test's choosing, in a copy of the example workspace driven
// through the CLI on 2026-10-15.
import { afterAll, beforeAll, expect } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { cleanup } from '../helpers/cases.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '测试' };
const CODE = makeCreditCode('91410702', 'MA4R7T2K');
export const HEADER =
  '序号,名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,失信程度';
export const row = (until: string, severity: string): string =>
  `1,黑名单,工时及休息休假,法人及非法人组织,新乡市示例餐饮管理有限公司,${CODE},李示例,安排劳动者超时加班,《中华人民共和国劳动法》第九十条,` +
  `新人社劳罚〔2026〕5号,2026-03-20,${until},${severity}`;

/** A fresh copy of the example workspace for the file's tests (made before them, removed after), and its CLI. */
export function relistedCase(prefix: string) {
  const at = { tmp: '', ws: '' };
  beforeAll(() => {
    at.tmp = tempDir(prefix);
    at.ws = join(at.tmp, 'ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), at.ws, { recursive: true });
  });
  afterAll(() => cleanup(at.tmp));
  const cli = (args: string[], today = '2026-10-15') => runCli([...args, '-w', at.ws, '--today', today], ROOT, env);
  const json = async (args: string[], today?: string): Promise<Record<string, unknown>> => {
    const res = await cli([...args, '--format', 'json'], today);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    return JSON.parse(res.stdout) as Record<string, unknown>;
  };
  return { tmp: () => at.tmp, ws: () => at.ws, cli, json };
}
