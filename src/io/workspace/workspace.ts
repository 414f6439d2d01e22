/** Finding the workspace and loading its config (workspace.md). */
import { ZodError, type z } from 'zod';
import { RESERVED_KEYS } from '../../schemas/names.js';
import { makeConfigSchema, type Config } from '../../schemas/config.js';
import { ALL_CODES, CODES, type Code } from '../../diagnostics/codes.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { MAX_SETTINGS_BYTES, parseJsonText, readRegularOn, ReadFileProblem, settingsText } from '../json-file.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export { CONFIG_FILE, findWorkspaceUp } from './find.js';

/** Whether `path` is a folder, something else (a file), or nothing (`-w` and `--out` need a folder). */
/** Whether anything is at `path` (fs.existsSync): for the api, which opens no file itself. */
export function pathExists(path: string, io: IoPort = nodePort): boolean {
  return io.exists(path);
}

export function folderState(path: string, io: IoPort = nodePort): 'folder' | 'file' | 'missing' {
  try {
    return io.statSync(path).kind === 'folder' ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

export function formatZodPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '[') || '(root)'
  );
}

type Args = Record<string, string | number>;

/** The value at a zod path in the parsed JSON, shown in the message (cut short). */
function valueAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = json;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p as string)) return undefined;
    v = (v as Record<string, unknown>)[p as string];
  }
  if (v === undefined) return undefined;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A key of Object.prototype anywhere in the file: refused before it reaches a plain object (STYLE.md 14). */
function findReservedKey(v: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  for (const key of Object.keys(v)) {
    const p = [...path, Array.isArray(v) ? Number(key) : key];
    if (!Array.isArray(v) && RESERVED_KEYS.has(key)) return p;
    const inner = findReservedKey((v as Record<string, unknown>)[key], p);
    if (inner) return inner;
  }
  return undefined;
}

/** A zod issue as data for the catalogue: the kind of problem and what it needs, never zod's English. */
export function zodIssueArgs(issue: z.core.$ZodIssue, json: unknown): Args {
  const value = valueAt(json, issue.path);
  const base: Args = { key: formatZodPath(issue.path), ...(value !== undefined ? { value } : {}) };
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, problem: value === undefined ? 'missing' : 'type', expected: issue.expected };
    case 'unrecognized_keys':
      return { ...base, key: formatZodPath([...issue.path, issue.keys[0] ?? '']), problem: 'unknownKey', value: issue.keys.join(', ') };
    case 'invalid_value':
      return { ...base, problem: 'choice', allowed: issue.values.map(String).join(', ') };
    case 'too_small':
      return {
        ...base,
        problem: issue.origin === 'string' || issue.origin === 'array' ? 'tooShort' : 'tooSmall',
        limit: Number(issue.minimum),
      };
    case 'too_big':
      return {
        ...base,
        problem: issue.origin === 'string' || issue.origin === 'array' ? 'tooLong' : 'tooBig',
        limit: Number(issue.maximum),
      };
    case 'invalid_format':
      return { ...base, problem: 'format' };
    case 'custom': {
      const params = (issue.params ?? {}) as Args;
      return { ...base, problem: 'invalid', ...params };
    }
    default:
      return { ...base, problem: 'invalid' };
  }
}

/**
 * Loads and validates a JSON file against a zod schema; a bad key names itself, its value and the
 * file (exit 2). Every problem is data rendered by the catalogue in the chosen language.
 */
export function loadJson<T>(
  file: string,
  parse: (v: unknown) => T,
  code: 'CONFIG_INVALID' | 'TEMPLATE_INVALID',
  display: string,
  io: IoPort = nodePort,
): T {
  return loadJsonWithBytes(file, parse, code, display, io).value;
}

/** loadJson() and the bytes it parsed (a template's hash is over exactly what was validated). */
export function loadJsonWithBytes<T>(
  file: string,
  parse: (v: unknown) => T,
  code: 'CONFIG_INVALID' | 'TEMPLATE_INVALID',
  display: string,
  io: IoPort = nodePort,
): { value: T; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readRegularOn(io, file, MAX_SETTINGS_BYTES);
  } catch (err) {
    if (err instanceof ReadFileProblem) throw new ToolError(code, { file: display, key: '', ...err.info });
    throw err;
  }
  const text = settingsText(bytes);
  if (text === undefined) throw new ToolError(code, { file: display, key: '', problem: 'encoding' });
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ToolError(code, { file: display, key: '', problem: 'jsonSyntax', line: parsed.line, column: parsed.column });
  const reserved = findReservedKey(parsed.value);
  if (reserved)
    throw new ToolError(code, {
      file: display,
      key: formatZodPath(reserved),
      problem: 'reservedKey',
      value: String(reserved[reserved.length - 1]),
    });
  try {
    return { value: parse(parsed.value), bytes };
  } catch (err) {
    if (err instanceof ZodError)
      throw new ToolError(code, { file: display, ...zodIssueArgs(err.issues[0] as z.core.$ZodIssue, parsed.value) });
    throw err;
  }
}

/** hrss-credit.config.json's schema: `severity` may name every finding code. */
export const ConfigSchema = makeConfigSchema(ALL_CODES);

/** A `severity` entry of the config that names a fixed code with another severity: not applied (CONFIG_SEVERITY_FIXED). */
export interface FixedOverride {
  code: Code;
  value: string;
  fixed: string;
  /** The line of its key in the file (1-based), when it can be found. */
  line?: number;
}

/**
 * The config's `severity` entries that cannot take effect: a fixed code (checks.md "error (fixed)") set to another
 * severity. The file is read again for their lines only when there is one (a config is a few KB).
 */
export function fixedOverrides(config: Config, file: string | undefined, io: IoPort = nodePort): FixedOverride[] {
  const out: FixedOverride[] = [];
  for (const [code, value] of Object.entries(config.severity)) {
    const info = CODES[code as Code];
    if (!info || !('fixed' in info) || value === undefined || value === info.severity) continue;
    out.push({ code: code as Code, value, fixed: info.severity });
  }
  if (out.length === 0 || file === undefined) return out;
  let text = '';
  try {
    text = settingsText(readRegularOn(io, file, MAX_SETTINGS_BYTES)) ?? '';
  } catch {
    return out;
  }
  for (const o of out) {
    const line = keyLine(text, 'severity', o.code);
    if (line !== undefined) o.line = line;
  }
  return out;
}

/** The line (1-based) of `"parent": { "key": … }` in the config file, when it can be read and found. */
export function configKeyLine(file: string, parent: string | undefined, key: string, io: IoPort = nodePort): number | undefined {
  try {
    return keyLine(new TextDecoder().decode(readRegularOn(io, file, MAX_SETTINGS_BYTES)), parent, key);
  } catch {
    return undefined;
  }
}

/**
 * The line of `"key":` inside the object `"parent": { … }` of a JSON text (names of [A-Za-z_] only); with no parent,
 * the first `"key":` whose value is a string (a top-level key naming a file, as `measures` does).
 */
function keyLine(text: string, parent: string | undefined, key: string): number | undefined {
  if (parent === undefined) {
    const k = text.search(new RegExp(`"${key}"\\s*:\\s*"`));
    return k < 0 ? undefined : text.slice(0, k).split('\n').length;
  }
  const p = text.search(new RegExp(`"${parent}"\\s*:\\s*\\{`));
  if (p < 0) return undefined;
  const k = text.slice(p).search(new RegExp(`"${key}"\\s*:`));
  if (k < 0) return undefined;
  return text.slice(0, p + k).split('\n').length;
}

export function loadConfig(file: string | undefined, display: string, io: IoPort = nodePort): Config {
  if (!file || !io.exists(file)) return ConfigSchema.parse({});
  return loadJson(file, (v) => ConfigSchema.parse(v), 'CONFIG_INVALID', display, io);
}
