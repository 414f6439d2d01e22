#!/usr/bin/env node
// The README's first command: compiles the bundled example workspace into a fresh temporary
// folder (the clone stays clean, and it can run any number of times), then verifies the package.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'hrss-credit-example-'));
const bin = join(root, 'bin', 'hrss-credit.js');
const workspace = join(root, 'fixtures', 'example-workspace');
// The example's records are dated 2026Q3; a fixed "today" keeps the run the same in any year.
const common = ['--today', '2026-10-15', ...process.argv.slice(2)];
const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit', cwd: root }).status ?? 2;
let code = run(['compile', '2026Q3', '-w', workspace, '--out', out, '--zip', ...common]);
if (code === 0) code = run(['verify', join(out, '2026Q3'), ...common.filter((a, i) => a !== '--today' && common[i - 1] !== '--today')]);
process.exit(code);
