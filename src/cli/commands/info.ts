/** `hrss-credit rules [CODE]` and `hrss-credit matrix`. */
import type { CommandEnv } from '../env.js';
import { ALL_CODES, CODES, isCode, type Code, type CodeArgs } from '../../diagnostics/codes.js';
import { makeTable } from '../../reporters/pretty.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';
import { emit } from '../render.js';
import { makeContext } from '../../api/context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { suggest } from '../../domain/suggest.js';
import type { MatrixDocument, RulesDocument } from '../../schemas/documents/commands-check.js';

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
  const doc: RulesDocument = toJsonDocument('rules', { rules: rows });
  emit(env, 'rules', doc);
  return 0;
}

export async function matrixCommand(env: CommandEnv): Promise<number> {
  const ctx = makeContext(env.common);
  const matrix = ctx.matrix;
  const bureau = ctx.config.bureau.name;
  if (env.flags.format === 'json') {
    const doc: MatrixDocument = toJsonDocument('matrix', {
      departments: matrix.departments.map((d) => ({
        name: d.name,
        aliases: [...d.aliases],
        authority: d.authority ?? bureau,
        domains: [...d.domains],
      })),
      domains: matrix.domains.map((d) => ({ name: d.name, aliases: [...d.aliases] })),
    });
    env.io.stdout.write(formatJson(doc));
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
