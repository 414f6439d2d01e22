/**
 * `hrss-credit page`: what the self-check page carries (selfcheck.md "One engine"): the workspace's
 * config as its file says it (the page reads it with the same schema, so severities, limits, the
 * matrix and the allowed credit codes are the CLI's), with the measures catalogue inline, and when.
 */
import { basename, join } from 'node:path';
import { makeContext, type CommonOptions } from '../context.js';
import { CONFIG_FILE, fixedOverrides } from '../../io/workspace/workspace.js';
import { resolveFrom } from '../../io/paths.js';
import { settingsText } from '../../io/json-file.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { Lang } from '../../messages/index.js';

/** Baked into the page (`<script type="application/json" id="page-data">`). */
export interface PageData {
  tool: string;
  version: string;
  /** When the page was written (ISO 8601, UTC): the matrix, config and measures are those in force then. */
  writtenAt: string;
  /** The workspace's folder name, or empty when the page was written outside one. */
  workspace: string;
  /** The page's language by default (`--lang`); the clerk may switch. */
  lang: Lang;
  /** The config file's JSON as the tool reads it (measures inline), or {} for the built-in defaults. */
  config: unknown;
  /** The departments of the matrix in force, for the picker. */
  departments: string[];
  /** Measures in force (how many), shown on the page. */
  measures: number;
  /** limits.maxFileBytes: a larger file is not read into memory at all (its size alone is judged). */
  maxFileBytes: number;
}

function configJson(bytes: Uint8Array): Record<string, unknown> {
  const value = JSON.parse(settingsText(bytes) ?? '{}') as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function pageData(options: CommonOptions, lang: Lang, writtenAt: Date): PageData {
  const ctx = makeContext(options);
  const configPath =
    options.config !== undefined
      ? resolveFrom(ctx.cwd, options.config)
      : ctx.workspace !== undefined
        ? join(ctx.workspace, CONFIG_FILE)
        : undefined;
  // loadConfig has read and checked it already: the page gets the file as written, re-read by the same schema.
  const config = configPath !== undefined && ctx.io.exists(configPath) ? configJson(ctx.io.readFileSync(configPath)) : {};
  // A measures file named by the config is read here: the page has no workspace to read it from.
  if (typeof config.measures === 'string') config.measures = ctx.measures;
  // A severity set for a fixed code is not applied (CONFIG_SEVERITY_FIXED, the bureau's to fix): the page gets the
  // config without it, so that a department's check does not report the bureau's settings file.
  const severity = config.severity;
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    const kept = { ...(severity as Record<string, unknown>) };
    for (const f of fixedOverrides(ctx.config, undefined, ctx.io)) delete kept[f.code];
    config.severity = kept;
  }
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    writtenAt: writtenAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    workspace: ctx.workspace !== undefined ? basename(ctx.workspace) : '',
    lang,
    config,
    departments: ctx.matrix.departments.map((d) => d.name),
    measures: ctx.measures.length,
    maxFileBytes: ctx.config.limits.maxFileBytes,
  };
}
