// Every fixture under fixtures/real/ is made again by a script (scripts/make-real-files.sh, or
// scripts/make-form-fixture.sh for the department form): a fixture no script makes cannot be
// regenerated when LibreOffice or gnumeric change, nor checked for how it was made. The scripts need
// soffice, gnumeric and openpyxl and are not run here; real-files.test.ts checks the findings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cases.js';

const SCRIPTS = ['make-real-files.sh', 'make-form-fixture.sh'].map((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8'));

describe('fixtures/real/', () => {
  it.each(readdirSync(join(ROOT, 'fixtures', 'real')).sort())('%s is made by a script', (name) => {
    // Named as the folder the script writes to ("$out/<name>" or fixtures/real/<name>).
    expect(SCRIPTS.some((s) => s.includes(`$out/${name}`) || s.includes(`fixtures/real/${name}`))).toBe(true);
  });
});
