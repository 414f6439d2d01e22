// The layers of src/ are enforced (delivery.md "Layers, enforced"): `npm run lint:layers`, part of
// `npm test` and so of .ci/run, passes on the tree as it stands and fails, naming the rule, when a
// copy of src/ gets wrong imports.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Cruise {
  summary: { error: number; violations: { rule: { name: string }; from: string; to: string }[] };
  modules: { source: string; dependencies: { resolved: string }[] }[];
}

function cruise(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The top-level folder of src/ a module is in (or the file itself, for src/index.ts and src/version.ts). */
function folderOf(path: string): string {
  return path.replace(/^src\//, '').split('/')[0] as string;
}

/** A cycle in a directed graph, or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of edges.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

describe('layers', () => {
  it('src/ as it stands breaks no layer rule, and its top-level folders form no cycle', () => {
    const r = cruise(ROOT, ['--output-type', 'json']);
    const out = JSON.parse(r.stdout) as Cruise;
    expect(out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    const edges = new Map<string, Set<string>>();
    for (const m of out.modules) {
      if (!m.source.startsWith('src/')) continue;
      for (const d of m.dependencies) {
        if (!d.resolved.startsWith('src/')) continue;
        const [a, b] = [folderOf(m.source), folderOf(d.resolved)];
        if (a === b) continue;
        if (!edges.has(a)) edges.set(a, new Set());
        edges.get(a)?.add(b);
      }
    }
    expect(edges.size).toBeGreaterThan(5);
    expect(findCycle(edges)).toBeUndefined();
  });

  describe('a copy of src/ with wrong imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrss-credit-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    for (const f of ['package.json', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, f), join(dir, f));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction');
    // Each line: the file that gets the import, the import, and the rule (or rules) that must name it.
    const wrong: [string, string, string | string[]][] = [
      ['src/rules/row/minor.ts', "import '../../io/paths.js';", 'rules-never-import-io-or-reporters'],
      ['src/rules/row/expired.ts', "import '../../reporters/json.js';", 'rules-never-import-io-or-reporters'],
      ['src/table/header.ts', "import '../rules/row/index.js';", 'table-never-imports-rules'],
      ['src/api/quarter/status.ts', "import '../../reporters/pretty.js';", 'api-never-imports-reporters-or-cli'],
      ['src/api/quarter/verify.ts', "import '../../cli/env.js';", 'api-never-imports-reporters-or-cli'],
      ['src/io/paths.ts', "import '../api/context.js';", 'io-never-imports-api-or-rules'],
      ['src/io/register/who.ts', "import '../../rules/types.js';", 'io-never-imports-api-or-rules'],
      ['src/messages/calendar.ts', "import '../api/quarter/status.js';", 'messages-import-only-diagnostics'],
      ['src/domain/quarter.ts', "import '../schemas/enums.js';", 'domain-imports-nothing-of-the-project'],
      ['src/schemas/enums.ts', "import '../diagnostics/codes.js';", 'schemas-import-only-domain'],
      ['src/register/state.ts', "import '../io/paths.js';", 'register-is-a-pure-model'],
      ['src/rules/row/required.ts', "import 'node:fs';", ['file-system-only-in-io', 'pure-folders-no-node-module-but-crypto']],
      ['src/api/reports/summary.ts', "import { readFileSync } from 'node:fs';", 'file-system-only-in-io'],
      // The api modules that opened files themselves until their file operations moved into io (docs/decisions.md "Layers, enforced").
      ['src/api/department/validate.ts', "import { statSync } from 'node:fs';", 'file-system-only-in-io'],
      ['src/api/quarter/verify.ts', "import { openSync } from 'node:fs';", 'file-system-only-in-io'],
      ['src/api/quarter/export.ts', "import { existsSync } from 'node:fs';", 'file-system-only-in-io'],
      ['src/api/quarter/compile.ts', "import { rmSync } from 'node:fs';", 'file-system-only-in-io'],
      ['src/api/quarter/package.ts', "import { mkdirSync } from 'node:fs';", 'file-system-only-in-io'],
      ['src/api/register/register.ts', "import { readFileSync } from 'node:fs';", 'file-system-only-in-io'],
      // The self-check page's browser entry (issue 20): nothing imports it; it runs the api, never the CLI; no Node built-in.
      ['src/api/reports/summary.ts', "import '../../page/protocol.js';", 'nothing-imports-the-page'],
      ['src/page/ui.ts', "import '../cli/env.js';", 'page-runs-the-tool-never-the-cli'],
      ['src/page/protocol.ts', "import { join } from 'node:path';", 'page-takes-no-node-built-in'],
      // The pure folders (rules, domain, schemas): npm packages but zod, Node built-ins but crypto (issue 18).
      ['src/domain/text.ts', "import chalk from 'chalk';", 'pure-folders-no-npm-package-but-zod'],
      ['src/schemas/fields.ts', "import ExcelJS from 'exceljs';", 'pure-folders-no-npm-package-but-zod'],
      ['src/rules/row/period.ts', "import { stringify } from 'csv-parse/sync';", 'pure-folders-no-npm-package-but-zod'],
      ['src/rules/row/credit-code.ts', "import { execFileSync } from 'node:child_process';", 'pure-folders-no-node-module-but-crypto'],
      ['src/schemas/cover.ts', "import { spawn } from 'child_process';", 'pure-folders-no-node-module-but-crypto'],
      ['src/domain/dates.ts', "import { createRequire } from 'node:module';", 'pure-folders-no-node-module-but-crypto'],
      ['src/schemas/names.ts', "import { createRequire } from 'module';", 'pure-folders-no-node-module-but-crypto'],
      ['src/rules/quarter/places.ts', "import { join } from 'node:path';", 'pure-folders-no-node-module-but-crypto'],
      [
        'src/domain/mask.ts',
        "import { readFile } from 'node:fs/promises';",
        ['file-system-only-in-io', 'pure-folders-no-node-module-but-crypto'],
      ],
      ['src/schemas/matrix.ts', "import { readFileSync } from 'fs';", ['file-system-only-in-io', 'pure-folders-no-node-module-but-crypto']],
    ];
    // What the pure folders may import, planted where it is not yet used: no rule names these.
    const allowed: [string, string][] = [
      ['src/rules/row/minor.ts', "import { z } from 'zod';"],
      ['src/schemas/enums.ts', "import { createHash } from 'node:crypto';"],
    ];
    for (const [file, line] of allowed) appendFileSync(join(dir, file), `\n${line}\n`);
    for (const [file, line] of wrong) appendFileSync(join(dir, file), `\n${line}\n`);
    // A cycle inside one folder, which no folder rule sees.
    writeFileSync(join(dir, 'src/domain/cycle-a.ts'), "import './cycle-b.js';\nexport const a = 1;\n");
    writeFileSync(join(dir, 'src/domain/cycle-b.ts'), "import './cycle-a.js';\nexport const b = 2;\n");

    it('npm run lint:layers (in npm test) fails', () => {
      const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'lint:layers'], {
        cwd: dir,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toContain('rules-never-import-io-or-reporters: src/rules/row/minor.ts → src/io/paths.ts');
    });

    it('each wrong import is named by its rule, and the cycle too', () => {
      // (With --output-type json depcruise exits 0 whatever it finds: the exit code is the test above's.)
      const r = cruise(dir, ['--output-type', 'json']);
      const found = (JSON.parse(r.stdout) as Cruise).summary.violations.map((v) => `${v.rule.name} ${v.from}`);
      const expected = wrong.flatMap(([file, , rules]) => [rules].flat().map((rule) => `${rule} ${file}`));
      for (const e of expected) expect(found).toContain(e);
      expect(found.some((f) => /^no-circular src\/domain\/cycle-[ab]\.ts$/.test(f))).toBe(true);
      // Nothing else breaks a layer rule (the io → api import also closes module cycles: no-circular),
      // and neither do the allowed imports.
      expect(found.filter((f) => !f.startsWith('no-circular ')).sort()).toEqual(expected.sort());
    });
  });

  it('reads the clock only at the edges: no new Date() or Date.now() outside cli/ and io/ (the api takes Context.now)', () => {
    const offenders: string[] = [];
    for (const e of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts')) continue;
      const dir = e.parentPath ?? (e as unknown as { path: string }).path;
      const rel = join(dir, e.name)
        .slice(join(ROOT, 'src').length + 1)
        .split('\\')
        .join('/');
      if (/^(cli|io)\//.test(rel)) continue;
      readFileSync(join(dir, e.name), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/new Date\(\)|Date\.now\(\)/.test(line.replace(/\/\/.*$/, ''))) offenders.push(`src/${rel}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
