// `npm run example`: the example's history in a temporary copy — import 2026Q2, compile and publish
// 2026Q3 (a resent record, a removal request, an expiry), diff — leaving the clone clean.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers.js';

describe('npm run example', () => {
  it('tells the story in a temporary copy and leaves the clone clean', () => {
    const before = spawnSync('git', ['status', '--porcelain', '--', 'fixtures'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'example.mjs'), '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z' },
    });
    expect(res.status, res.stderr).toBe(0);
    const ws = res.stdout.trim().split('\n').pop() as string;
    try {
      const events = readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.map((e) => [e.type, e.batch, e.on])).toEqual([
        ['import', '2026Q2', '2026-07-20'],
        ['publish', '2026Q3', '2026-10-15'],
      ]);
      const pkg = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8'));
      expect(pkg.records).toHaveLength(16);
      expect(pkg.unchanged).toEqual(['458483766165']);
      expect(pkg.removals.map((r: { type: string; department: string }) => [r.type, r.department])).toEqual([
        ['violation', '劳动关系科'],
        ['expired', '劳动关系科'],
      ]);
      const csv = readFileSync(join(ws, 'packages', '2026Q3', '公示', '移出名单.csv'), 'utf8').split('\r\n');
      expect(csv[1]).toContain(',违法违规移出,2026-09-25,拖欠劳动者工资，受到行政处罚,,劳动关系科');
      expect(csv[2]).toContain(',到期,2026-08-09,,,劳动关系科');
    } finally {
      rmSync(dirname(ws), { recursive: true, force: true });
    }
    expect(spawnSync('git', ['status', '--porcelain', '--', 'fixtures'], { cwd: ROOT, encoding: 'utf8' }).stdout).toBe(before);
  });
});
