#!/usr/bin/env node
// The README's first command: the bundled example workspace's story, in a fresh temporary copy (the
// clone stays clean, and it can run any number of times):
//   1. register import: 劳动关系科's 2026Q2 list, published before the tool was used;
//   2. compile 2026Q3 (with --zip) against the register: a resent record not published again, a
//      removal request (违法违规移出) and an expiry listed in 移出名单; verify the package;
//   3. publish 2026Q3, then diff 2026Q2 2026Q3.
// One process runs every step (the CLI's own run()), so the story takes a couple of seconds.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../dist/cli/program.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'hrss-credit-example-'));
const workspace = join(out, 'example-workspace');
cpSync(join(root, 'fixtures', 'example-workspace'), workspace, { recursive: true });
// The example's records are dated 2026Q3; a fixed "today" keeps the run the same in any year.
const extra = process.argv.slice(2);
const common = ['-w', workspace, '--today', '2026-10-15', ...extra];
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: { ...process.env, HRSS_CREDIT_USER: process.env.HRSS_CREDIT_USER ?? '示例' },
  cwd: out,
};
const step = async (title, args) => {
  process.stdout.write(`\n$ hrss-credit ${args.join(' ')}\n`);
  const code = await run([...args, ...common], io);
  if (code !== 0) {
    process.stderr.write(`${title}: exit ${code}\n`);
    process.exit(code);
  }
};
const history = join(workspace, 'history', '2026Q2');
const lists = readdirSync(history).map((f) => join('example-workspace', 'history', '2026Q2', f));
await step('register import', [
  'register',
  'import',
  ...lists,
  '--batch',
  '2026Q2',
  '--published-on',
  '2026-07-20',
  '--department',
  '劳动关系科',
]);
await step('compile', ['compile', '2026Q3', '--zip']);
await step('verify', ['verify', join('example-workspace', 'packages', '2026Q3')]);
await step('publish', ['publish', '2026Q3', '--on', '2026-10-15']);
await step('diff', ['diff', '2026Q2', '2026Q3']);
process.stdout.write(`\n${workspace}\n`);
