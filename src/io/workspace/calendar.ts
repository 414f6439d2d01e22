/**
 * Loading the working-day calendar (objections.md "The calendar, and its coverage guard"): the
 * built-in years from the data files of the pinned `chinese-days` package, then the workspace's
 * `calendar/<year>.json` (and `calendar.extraFile` of the config), each of which replaces the
 * built-in data for its year. Imported only by the commands that count working days.
 *
 * Only the package's data is used, never its functions: `isWorkday('2027-01-01')` answers `true`
 * for a year it knows nothing of, while here a year is covered only when the data has it.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ZodError } from 'zod';
import { ToolError } from '../../diagnostics/tool-error.js';
import { addDays, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { yearOf, type Calendar, type CalendarSource, type DayName, type YearSchedule } from '../../domain/working-days.js';
import { CalendarFileSchema, type CalendarFile } from '../../schemas/calendar.js';
import { formatZodPath } from './workspace.js';
import { displayPath } from '../paths.js';
import { settingsText } from '../json-file.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export const CALENDAR_DIR = 'calendar';
export const BUILTIN_PACKAGE = 'chinese-days';
/** A year's schedule is a few hundred bytes; anything near this is not one. */
export const MAX_CALENDAR_FILE_BYTES = 1_048_576;
const MAX_BUILTIN_BYTES = 8 * 1_048_576;
const YEAR_FILE = /^(\d{4})\.json$/;

/** Reads a regular file (no link, folder or device) of at most `max` bytes; else why not (notFile, tooLarge, an errno code). */
function readRegularFile(path: string, max: number, io: IoPort = nodePort): { text?: string; problem?: string } {
  if (io !== nodePort) return readOnPort(io, path, max);
  let fd: number | undefined;
  try {
    if (!lstatSync(path).isFile()) return { problem: 'notFile' };
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: 'notFile' };
    if (st.size > max) return { problem: 'tooLarge' };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decoded(buf.subarray(0, read));
  } catch (err) {
    return { problem: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A calendar file is written by hand like the config (Notepad's GBK or UTF-16 included): io/json-file.ts settingsText. */
function decoded(bytes: Uint8Array): { text?: string; problem?: string } {
  const text = settingsText(bytes);
  return text === undefined ? { problem: 'encoding' } : { text };
}

/** readRegularFile() on another port (a MemoryPort): the same answers from the port's bounded read. */
function readOnPort(io: IoPort, path: string, max: number): { text?: string; problem?: string } {
  try {
    if (io.lstatSync(path).kind !== 'file') return { problem: 'notFile' };
    const bytes = io.readFileSync(path, max);
    return decoded(bytes);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { problem: code === 'EFBIG' ? 'tooLarge' : code === 'ENOTFILE' ? 'notFile' : (code ?? 'unreadable') };
  }
}

// ---------------------------------------------------------------------------------------------
// Built-in: chinese-days' dist/chinese-days.json, `{"holidays":{"2026-01-01":"New Year's Day,元旦,1",…},
// "workdays":{…},"inLieuDays":{…}}`. inLieuDays are holidays already (调休 days off), so they are not read.

export interface BuiltinCalendar {
  package: string;
  version: string;
  /** The years its data covers, ascending (1.5.7: 2004–2026). */
  years: number[];
  schedules: Map<number, YearSchedule>;
}

let builtinCache: BuiltinCalendar | undefined;

function internal(message: string): ToolError {
  return new ToolError('INTERNAL', { message: `${BUILTIN_PACKAGE}: ${message}` });
}

function nameOf(value: string): DayName {
  // "Spring Festival,春节,4": English, Chinese, the number of statutory days.
  const [en, zh] = value.split(',');
  return zh ? { zh, ...(en ? { en } : {}) } : { zh: value };
}

function readDays(raw: unknown, key: string): Map<IsoDate, DayName> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw internal(`${key} is not an object`);
  const out = new Map<IsoDate, DayName>();
  for (const [date, value] of Object.entries(raw)) {
    if (!isIsoDate(date) || typeof value !== 'string') throw internal(`${key}: unexpected entry ${date}`);
    out.set(date, nameOf(value));
  }
  return out;
}

/** The built-in years, read once per process. */
export function loadBuiltinCalendar(): BuiltinCalendar {
  if (builtinCache) return builtinCache;
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve(`${BUILTIN_PACKAGE}/package.json`));
  } catch {
    throw internal('package not installed');
  }
  const pkgText = readRegularFile(join(root, 'package.json'), MAX_CALENDAR_FILE_BYTES).text;
  const dataText = readRegularFile(join(root, 'dist', 'chinese-days.json'), MAX_BUILTIN_BYTES).text;
  if (pkgText === undefined || dataText === undefined) throw internal('data file unreadable');
  let version: unknown;
  let data: { holidays?: unknown; workdays?: unknown };
  try {
    version = (JSON.parse(pkgText) as { version?: unknown }).version;
    data = JSON.parse(dataText) as typeof data;
  } catch {
    throw internal('data file is not JSON');
  }
  if (typeof version !== 'string') throw internal('no version');
  const holidays = readDays(data.holidays, 'holidays');
  const workdays = readDays(data.workdays, 'workdays');
  const source: CalendarSource = { kind: 'builtin', package: BUILTIN_PACKAGE, version };
  // A year is covered when the data lists holidays for it: every notice has at least 元旦.
  const schedules = new Map<number, YearSchedule>();
  const scheduleFor = (year: number): YearSchedule => {
    let s = schedules.get(year);
    if (!s) {
      s = { year, holidays: new Map(), workdays: new Map(), source };
      schedules.set(year, s);
    }
    return s;
  };
  for (const [date, name] of holidays) (scheduleFor(yearOf(date)).holidays as Map<IsoDate, DayName>).set(date, name);
  for (const [date, name] of workdays) {
    const s = schedules.get(yearOf(date));
    if (!s) throw internal(`workday ${date} in a year without holidays`);
    (s.workdays as Map<IsoDate, DayName>).set(date, name);
  }
  builtinCache = { package: BUILTIN_PACKAGE, version, years: [...schedules.keys()].sort((a, b) => a - b), schedules };
  return builtinCache;
}

// ---------------------------------------------------------------------------------------------
// Local files.

function invalid(file: string, key: string, problem: string, extra: Record<string, string | number> = {}): ToolError {
  return new ToolError('CALENDAR_FILE_INVALID', { file, key, problem, ...extra });
}

/** Reads and validates one calendar file; `expectYear` is the year its name says (calendar/<year>.json). */
export function loadCalendarFile(path: string, display: string, expectYear?: number, io: IoPort = nodePort): YearSchedule {
  const { text, problem } = readRegularFile(path, MAX_CALENDAR_FILE_BYTES, io);
  if (text === undefined)
    throw invalid(display, '(file)', problem ?? 'unreadable', problem === 'tooLarge' ? { max: MAX_CALENDAR_FILE_BYTES } : {});
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalid(display, '(JSON)', 'json', { detail: (err as Error).message });
  }
  let file: CalendarFile;
  try {
    file = CalendarFileSchema.parse(json);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const issue = err.issues[0];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]).join(',') : '';
    const path = issue?.path.length || !keys ? formatZodPath(issue?.path ?? []) : '';
    const params = issue?.code === 'custom' ? (issue.params as { problem?: string; value?: string } | undefined) : undefined;
    throw invalid(
      display,
      path && keys ? `${path}.${keys}` : path || keys,
      params?.problem ?? 'shape',
      params?.value !== undefined ? { value: params.value } : { detail: issue?.message ?? 'invalid' },
    );
  }
  if (expectYear !== undefined && file.year !== expectYear)
    throw invalid(display, 'year', 'yearMismatch', { value: file.year, expected: expectYear });
  const holidays = new Map<IsoDate, DayName | undefined>();
  for (const entry of file.holidays) {
    const [from, to, zh] = typeof entry === 'string' ? [entry, entry, undefined] : entry;
    for (let d = from; d <= to; d = addDays(d, 1)) holidays.set(d, zh !== undefined ? { zh } : undefined);
  }
  const workdays = new Map<IsoDate, DayName | undefined>(file.workdays.map((d) => [d, undefined]));
  return { year: file.year, holidays, workdays, source: { kind: 'file', path: display, ...(file.source ? { source: file.source } : {}) } };
}

export interface CalendarLocation {
  /** The folder relative paths are shown against. */
  cwd: string;
  workspace?: string;
  /** Config `calendar.extraFile`, relative to the workspace. */
  extraFile?: string;
  /** The workspace's file system (its calendar/ files); the built-in years are the tool's own, on the disk. */
  io?: IoPort;
}

export interface LoadedCalendar extends Calendar {
  builtin: { package: string; version: string; years: number[] };
  /** Years that come from workspace files, ascending. */
  localYears: number[];
}

/** The calendar in force: built-in years, each replaced by a workspace file for the same year. */
export function loadCalendar(where: CalendarLocation): LoadedCalendar {
  const builtin = loadBuiltinCalendar();
  const years = new Map<number, YearSchedule>(builtin.schedules);
  const local = new Map<number, YearSchedule>();
  const base = where.workspace ?? where.cwd;
  const io = where.io ?? nodePort;
  const add = (s: YearSchedule): void => {
    const other = local.get(s.year);
    if (other && other.source.kind === 'file' && s.source.kind === 'file')
      throw invalid(s.source.path, 'year', 'duplicateYear', { value: s.year, other: other.source.path });
    local.set(s.year, s);
  };
  if (where.workspace) {
    const dir = join(where.workspace, CALENDAR_DIR);
    let names: string[] = [];
    try {
      if (io.lstatSync(dir).kind === 'folder')
        names = io
          .readdirSync(dir)
          .map((e) => e.name)
          .sort();
    } catch {
      // No calendar/ folder: the built-in years only.
    }
    for (const name of names) {
      if (!name.toLowerCase().endsWith('.json')) continue;
      const path = join(dir, name);
      const display = displayPath(where.cwd, path);
      const m = YEAR_FILE.exec(name);
      if (!m) throw invalid(display, '(file name)', 'fileName');
      add(loadCalendarFile(path, display, Number(m[1]), io));
    }
  }
  // A config naming a file that is not there is CONFIG_FILE_MISSING (api/context.ts), a warning: the rest of the
  // calendar stands, and a year it leaves uncovered is CALENDAR_NOT_COVERED as for any workspace.
  if (where.extraFile && io.exists(resolve(base, where.extraFile))) {
    const path = resolve(base, where.extraFile);
    add(loadCalendarFile(path, displayPath(where.cwd, path), undefined, io));
  }
  for (const [year, s] of local) years.set(year, s);
  return {
    years,
    builtin: { package: builtin.package, version: builtin.version, years: builtin.years },
    localYears: [...local.keys()].sort((a, b) => a - b),
  };
}
