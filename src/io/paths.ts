/** Paths as reports show them: relative, with `/` separators (cli.md "location.file"). */
import { relative, sep } from 'node:path';

export function displayPath(base: string, path: string): string {
  const rel = relative(base, path);
  const out = rel === '' ? '.' : rel;
  return sep === '/' ? out : out.split(sep).join('/');
}

/** For the terminal: relative when inside `base`, else absolute (clearer than ../../..). */
export function shownPath(base: string, path: string): string {
  const rel = displayPath(base, path);
  return rel.startsWith('../') || rel === '..' ? path : rel;
}
