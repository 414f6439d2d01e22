/**
 * `hrss-credit export <quarter|package-dir> --to DIR`: the credit-office files of a compiled
 * package, written again from its records.json with a template and for an audience.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatQuarter, parseQuarter, resolveQuarter } from '../domain/quarter.js';
import { parseRecordsFile } from '../schemas/record.js';
import { makeContext, type CommonOptions } from './context.js';
import { ToolError } from './errors.js';
import { fixedInstant, templateFor, writeListFiles } from './package.js';
import type { Audience } from './records.js';

export interface ExportOptions extends CommonOptions {
  to: string;
  template?: string;
  audience?: Audience;
  sourceDateEpoch?: number;
}

export async function exportPackage(target: string, options: ExportOptions): Promise<{ files: string[]; dir: string; records: number }> {
  const ctx = makeContext(options);
  let dir = resolve(ctx.cwd, target);
  if (!existsSync(join(dir, 'records.json'))) {
    // Not a package folder: a quarter of the workspace's packages/, else a path that is not there.
    const q = existsSync(dir) ? undefined : resolveQuarter(target, ctx.today);
    if (q && ctx.workspace) dir = join(ctx.workspace, 'packages', formatQuarter(q));
  }
  const recordsPath = join(dir, 'records.json');
  if (!existsSync(recordsPath)) throw new ToolError('PACKAGE_NOT_FOUND', { path: target });
  let data;
  try {
    data = parseRecordsFile(JSON.parse(readFileSync(recordsPath, 'utf8')));
  } catch (err) {
    throw new ToolError('PACKAGE_INVALID', { path: target, problem: (err as Error).message.slice(0, 200) });
  }
  const template = templateFor(ctx, options.template);
  const instant = fixedInstant(parseQuarter(data.quarter), options.sourceDateEpoch);
  const audience = options.audience ?? 'public';
  const out = resolve(ctx.cwd, options.to);
  const files = await writeListFiles(out, data.records, template.template, audience, {
    bureau: { name: ctx.config.bureau.name, creditCode: ctx.config.bureau.creditCode },
    maskRule: ctx.config.publication.maskRule,
    quarter: data.quarter,
    instant,
    csvEncoding: ctx.config.export.csvEncoding,
    withCsv: true,
  });
  return { files, dir: out, records: data.records.length };
}
