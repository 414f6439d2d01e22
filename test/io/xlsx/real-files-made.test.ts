// Every fixture under fixtures/real/ is made again by a script (scripts/make-real-files.sh, or
// scripts/make-form-fixture.sh for the department form): a fixture no script makes cannot be
// regenerated when LibreOffice or gnumeric change, nor checked for how it was made. The scripts need
// soffice, gnumeric and openpyxl and are not run here; real-files.test.ts checks the findings.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cases.js';

const SCRIPTS = ['make-real-files.sh', 'make-form-fixture.sh'].map((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8'));

describe('fixtures/real/', () => {
  it.each(readdirSync(join(ROOT, 'fixtures', 'real')).sort())('%s is made by a script', (name) => {
    // Named as the folder the script writes to ("$out/<name>" or fixtures/real/<name>).
    expect(SCRIPTS.some((s) => s.includes(`$out/${name}`) || s.includes(`fixtures/real/${name}`))).toBe(true);
  });
});

// The script's tools are checked first, each named with its Debian package: under `set -e` a missing
// ssconvert stopped it half-way with only "command not found". gnumeric is optional (its fixtures skipped).
describe('scripts/make-real-files.sh --check', () => {
  const script = join(ROOT, 'scripts', 'make-real-files.sh');
  const run = (bin: string, python: string) =>
    spawnSync('/bin/bash', [script, '--check'], { env: { PATH: bin, PYTHON: python }, encoding: 'utf8' });
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'real-files-check-'));
    mkdirSync(join(tmp, 'empty'));
    mkdirSync(join(tmp, 'lo'));
    for (const [dir, name] of [
      ['lo', 'soffice'],
      ['', 'python-with-openpyxl'],
    ] as const) {
      writeFileSync(join(tmp, dir, name), '#!/bin/sh\nexit 0\n');
      chmodSync(join(tmp, dir, name), 0o755);
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('nothing installed: names every package to install and stops before writing (exit 1)', () => {
    const r = run(join(tmp, 'empty'), join(tmp, 'empty', 'no-python'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('apt-get install libreoffice-calc-nogui python3-openpyxl gnumeric');
  });

  it('without gnumeric only: says which package would make them and skips its fixtures (exit 0)', () => {
    const r = run(join(tmp, 'lo'), join(tmp, 'python-with-openpyxl'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('ssconvert not found (apt-get install gnumeric): the gnumeric fixtures are skipped');
  });
});
