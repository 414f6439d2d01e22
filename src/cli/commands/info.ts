/** `hrss-credit rules [CODE]` and `hrss-credit matrix`. */
import type { CommandEnv } from '../env.js';
import { ALL_CODES, CODES, isCode, type Code, type CodeArgs } from '../../diagnostics/codes.js';
import { makeTable } from '../../reporters/pretty.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';
import { wrapText } from '../../reporters/wrap.js';
import { makeContext } from '../../api/context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { suggest } from '../../domain/suggest.js';

/** A sample args object so that a code's hint can be shown without a finding. */
const SAMPLE = new Proxy(
  {},
  {
    get: (_t, key) =>
      key === 'reason'
        ? 'damaged'
        : key === 'missing'
          ? 'both'
          : key === 'what'
            ? 'row'
            : key === 'allowed' || key === 'responsible'
              ? ['…']
              : '…',
  },
);

export async function rulesCommand(env: CommandEnv, code?: string): Promise<number> {
  const codes: Code[] = code ? (isCode(code.toUpperCase()) ? [code.toUpperCase() as Code] : []) : ALL_CODES;
  if (codes.length === 0) {
    const suggestion = suggest(code ?? '', ALL_CODES);
    throw new ToolError('USAGE', { kind: 'unknownCode', value: code ?? '', ...(suggestion ? { suggestion } : {}) });
  }
  const rows = codes.map((c) => {
    const info = CODES[c];
    const entry = env.m.codes[c];
    return {
      code: c,
      severity: info.severity,
      fixed: 'fixed' in info,
      group: info.group,
      title: entry.title,
      hint: entry.hint(SAMPLE as CodeArgs[typeof c] as never),
    };
  });
  if (env.flags.format === 'json') {
    env.io.stdout.write(formatJson(toJsonDocument('rules', { rules: rows })));
    return 0;
  }
  const r = env.m.ui.rules;
  const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width };
  const w = Math.max(80, Math.min(env.width, 160));
  const widths = [32, 17, Math.floor((w - 55) * 0.35), Math.floor((w - 55) * 0.65)];
  const table = makeTable([r.code, r.severity, r.meaning, r.fix], o, widths);
  const wrap = (t: string, i: number): string => wrapText(t, (widths[i] as number) - 2).join('\n');
  for (const row of rows)
    table.push([row.code, wrap(env.m.ui.severity[row.severity] + (row.fixed ? r.fixed : ''), 1), wrap(row.title, 2), wrap(row.hint, 3)]);
  env.io.stdout.write(`${table.toString()}\n`);
  return 0;
}

export async function matrixCommand(env: CommandEnv): Promise<number> {
  const ctx = makeContext(env.common);
  const matrix = ctx.matrix;
  const bureau = ctx.config.bureau.name;
  if (env.flags.format === 'json') {
    env.io.stdout.write(
      formatJson(
        toJsonDocument('matrix', {
          departments: matrix.departments.map((d) => ({ ...d, authority: d.authority ?? bureau })),
          domains: matrix.domains,
        }),
      ),
    );
    return 0;
  }
  const t = env.m.ui.matrix;
  const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width };
  const table = makeTable(['#', t.department, t.aliases, t.domains], o);
  for (const [i, d] of matrix.departments.entries()) table.push([String(i + 1), d.name, d.aliases.join('、'), d.domains.join('、')]);
  const domains = makeTable([t.domains, t.domainAliases], o);
  for (const d of matrix.domains) domains.push([d.name, d.aliases.join('、')]);
  env.io.stdout.write(`${table.toString()}\n${domains.toString()}\n${t.authority}: ${bureau}\n`);
  return 0;
}
