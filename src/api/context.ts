/** Options shared by every command, and what they resolve to. */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isIsoDate, todayInShanghai, type IsoDate } from '../domain/dates.js';
import {
  CONFIG_FILE,
  configKeyLine,
  findWorkspaceUp,
  fixedOverrides,
  folderState,
  loadConfig,
  pathExists,
} from '../io/workspace/workspace.js';
import { displayPath, resolveFrom } from '../io/paths.js';
import { systemNow } from '../io/clock.js';
import { buildMatrix, type Matrix } from '../schemas/matrix.js';
import type { Config } from '../schemas/config.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { RuleEnv } from '../rules/types.js';
import { ToolError } from '../diagnostics/tool-error.js';
import { loadMeasures } from '../io/workspace/measures.js';
import type { MeasureEntry } from '../schemas/measures.js';
import { nodePort } from '../io/node-port.js';
import type { IoPort } from '../io/port.js';

export interface CommonOptions {
  /** The folder relative paths are resolved against (the process's cwd in the CLI). */
  cwd: string;
  workspace?: string;
  config?: string;
  /** YYYY-MM-DD; the CLI passes --today, else HRSS_CREDIT_TODAY, else Asia/Shanghai's date. */
  today?: string;
  /** The instant of the run (the register's and the package's timestamps); else the system clock (io/clock.ts). */
  now?: Date;
  strict?: boolean;
  ignore?: readonly string[];
  /** The file system the command reads and writes (io/port.ts); Node's by default, a MemoryPort in tests and the page. */
  io?: IoPort;
}

export interface Context {
  cwd: string;
  workspace?: string;
  config: Config;
  matrix: Matrix;
  today: IsoDate;
  /** The run's instant: options.now, else the system clock when the context was made. */
  now: Date;
  collector: DiagnosticCollector;
  strict: boolean;
  /** 联合奖惩措施清单 (config `measures`); empty when none is configured. */
  measures: MeasureEntry[];
  /** The measures file the config names when it is not there (CONFIG_FILE_MISSING; `measures` is then empty). */
  measuresMissing?: string;
  /** The file system (io/port.ts): options.io, else Node's. */
  io: IoPort;
}

/** `clock`: the system's instant (Asia/Shanghai's date of it is today unless a date is given). */
export function resolveToday(today: string | undefined, clock: Date): IsoDate {
  if (today === undefined) return todayInShanghai(clock);
  if (!isIsoDate(today)) throw new ToolError('DATE_INVALID', { value: today });
  return today;
}

/** Finds the workspace (-w, else upwards from the first path, else from cwd) and loads its config. */
export function makeContext(options: CommonOptions, firstPath?: string): Context {
  const clock = systemNow();
  const io = options.io ?? nodePort;
  const cwd = resolve(options.cwd);
  let workspace: string | undefined;
  if (options.workspace) {
    workspace = resolveFrom(cwd, options.workspace);
    const state = folderState(workspace, io);
    if (state === 'missing') throw new ToolError('PATH_NOT_FOUND', { path: options.workspace });
    if (state === 'file') throw new ToolError('PATH_NOT_FOLDER', { path: options.workspace });
  } else {
    workspace = (firstPath ? findWorkspaceUp(resolve(cwd, firstPath), io) : undefined) ?? findWorkspaceUp(cwd, io);
  }
  const configPath = options.config ? resolve(cwd, options.config) : workspace ? join(workspace, CONFIG_FILE) : undefined;
  if (options.config && configPath && !pathExists(configPath, io)) throw new ToolError('PATH_NOT_FOUND', { path: options.config });
  const config = loadConfig(configPath, configPath ? displayPath(cwd, configPath) : CONFIG_FILE, io);
  const matrix = buildMatrix(config.matrix);
  matrix.addPrefix(config.bureau.name);
  const collector = new DiagnosticCollector({
    severity: config.severity as never,
    ignore: options.ignore ?? [],
    maskRule: config.publication.maskRule,
    maxPerCode: config.limits.maxFindingsPerCode,
  });
  // A severity the config sets for a fixed code is not applied: said, with the key's line (not ignored without a word).
  // The workspace's own config is named from the workspace (compile's report.json is the same from any folder);
  // a --config file elsewhere from the current folder, as it was given.
  const fixed = fixedOverrides(config, configPath, io);
  // The config's own name on a finding about one of its keys.
  const configName = (at: string): string => {
    const rel = workspace !== undefined ? relative(workspace, at) : '..';
    return rel.startsWith('..') || isAbsolute(rel) ? displayPath(cwd, at) : displayPath(workspace as string, at);
  };
  if (fixed.length > 0 && configPath !== undefined) {
    const file = configName(configPath);
    for (const f of fixed)
      collector.add(
        makeDiagnostic(
          'CONFIG_SEVERITY_FIXED',
          { code: f.code, value: f.value, fixed: f.fixed, key: `severity.${f.code}` },
          { file, ...(f.line !== undefined ? { row: f.line } : {}) },
        ),
      );
  }
  // A file the config names that is not there (calendar.extraFile, measures): said at the key's line, as a severity
  // that cannot take effect is, and not applied — not exit 2 for every command (docs/decisions.md). A file that is
  // there but broken is still CONFIG_INVALID (exit 2).
  const missingFile = (key: string, file: string | undefined, parent?: string): boolean => {
    if (file === undefined || configPath === undefined || pathExists(resolve(workspace ?? cwd, file), io)) return false;
    const line = configKeyLine(configPath, parent, parent === undefined ? key : key.slice(parent.length + 1), io);
    collector.add(
      makeDiagnostic(
        'CONFIG_FILE_MISSING',
        { key, file: file.replace(/\\/g, '/') },
        { file: configName(configPath), ...(line !== undefined ? { row: line } : {}) },
      ),
    );
    return true;
  };
  missingFile('calendar.extraFile', config.calendar.extraFile, 'calendar');
  // With its file missing the catalogue is empty: as with none configured (department.md), and the finding says why.
  const measuresFile = typeof config.measures === 'string' ? config.measures : undefined;
  const measuresMissing = missingFile('measures', measuresFile);
  return {
    cwd,
    ...(workspace ? { workspace } : {}),
    config,
    matrix,
    // Today comes from --today or the system's date, not from `now` (HRSS_CREDIT_NOW stamps the register only).
    today: resolveToday(options.today, clock),
    now: options.now ?? clock,
    collector,
    strict: options.strict ?? false,
    measures: measuresMissing ? [] : loadMeasures(config, workspace ?? cwd, io),
    ...(measuresMissing && measuresFile !== undefined ? { measuresMissing: measuresFile.replace(/\\/g, '/') } : {}),
    io,
  };
}

/** A command that cannot do without the measures catalogue (the department form, `measures`) stops when its file is missing. */
export function requireMeasures(ctx: Context, command: 'template' | 'measures'): void {
  if (ctx.measuresMissing !== undefined) throw new ToolError('MEASURES_FILE_MISSING', { file: ctx.measuresMissing, command });
}

export function baseEnv(ctx: Context): RuleEnv {
  const c = ctx.config;
  return {
    today: ctx.today,
    matrix: ctx.matrix,
    maxYears: c.publication.maxYears,
    domainMaxYears: c.publication.domainMaxYears,
    maskRule: c.publication.maskRule,
    allowCreditCodes: new Set(c.creditCode.allow.map((s) => s.trim().toUpperCase())),
    deadline: c.submission.deadline,
    measures: ctx.measures,
  };
}
