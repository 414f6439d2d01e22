/** `hrss-credit rules [CODE]` and `hrss-credit matrix`. */
import type { CommandEnv } from '../env.js';
import { ALL_CODES, CODES, isCode, type Code, type CodeArgs } from '../../diagnostics/codes.js';
import { toJsonDocument } from '../../reporters/json.js';
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
  const doc: MatrixDocument = toJsonDocument('matrix', {
    departments: matrix.departments.map((d) => ({
      name: d.name,
      aliases: [...d.aliases],
      authority: d.authority ?? bureau,
      domains: [...d.domains],
    })),
    domains: matrix.domains.map((d) => ({ name: d.name, aliases: [...d.aliases] })),
  });
  emit(env, 'matrix', doc, { bureau });
  return 0;
}
