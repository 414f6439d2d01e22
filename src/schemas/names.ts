/**
 * Names from config that become path segments (department folders, aliases matched as folders, the
 * evidence folders of a package) or keys of keyed data (domains). A name is data, so it must be a
 * plain file name on every system the package travels to, and never a key of Object.prototype.
 */

/** Keys that would reach Object.prototype through a plain object (STYLE.md habit 14). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Windows device names, with or without an extension (CON, con.txt, COM1 …). */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?:\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/** 64 characters: far more than any department's name, short enough for Windows' 260-character paths. */
export const MAX_NAME_LENGTH = 64;

export type NameProblem = 'reservedKey' | 'pathSegment' | 'windowsName' | 'trailingDotSpace' | 'nameTooLong';

export function nameProblem(name: string): NameProblem | undefined {
  if (RESERVED_KEYS.has(name)) return 'reservedKey';
  if (name === '.' || name === '..' || FORBIDDEN.test(name)) return 'pathSegment';
  if (WINDOWS_DEVICE.test(name.trim())) return 'windowsName';
  if (/[. ]$/.test(name)) return 'trailingDotSpace';
  if ([...name].length > MAX_NAME_LENGTH) return 'nameTooLong';
  return undefined;
}
