/** Finding the workspace and loading its config (workspace.md). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ZodError } from 'zod';
import { ConfigSchema, type Config } from '../schemas/config.js';
import { ToolError } from '../api/errors.js';

export const CONFIG_FILE = 'hrss-credit.config.json';

function isWorkspace(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, 'submissions'));
}

/** Whether `path` is a folder, something else (a file), or nothing (`-w` and `--out` need a folder). */
export function folderState(path: string): 'folder' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The nearest folder at or above `start` that holds the config or `submissions/`. */
export function findWorkspaceUp(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    if (isWorkspace(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function formatZodPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') || '(root)';
}

/** Loads and validates a JSON file against a zod schema; a bad key names itself and the file (exit 2). */
export function loadJson<T>(file: string, parse: (v: unknown) => T, code: 'CONFIG_INVALID' | 'TEMPLATE_INVALID', display: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new ToolError(code, { file: display, key: '(file)', problem: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ToolError(code, { file: display, key: '(JSON)', problem: (err as Error).message });
  }
  try {
    return parse(json);
  } catch (err) {
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? `.${(issue.keys as string[]).join(',')}` : '';
      throw new ToolError(code, { file: display, key: formatZodPath(issue?.path ?? []) + keys, problem: issue?.message ?? 'invalid' });
    }
    throw err;
  }
}

export function loadConfig(file: string | undefined, display: string): Config {
  if (!file || !existsSync(file)) return ConfigSchema.parse({});
  return loadJson(file, (v) => ConfigSchema.parse(v), 'CONFIG_INVALID', display);
}
