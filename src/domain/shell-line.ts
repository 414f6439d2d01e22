/**
 * A command line the person can paste (people.md "Commands a person can paste"): every next-step
 * command the tool prints goes through commandLine(), so that it runs when pasted into the shell the
 * tool runs under — cmd.exe on Windows, a POSIX shell elsewhere. Pure: the caller names the shell.
 */
export type Shell = 'cmd' | 'posix';

/** A word of the line that is a path: shown with the shell's own separators. */
export interface PathWord {
  path: string;
}

export function shellFor(platform: string): Shell {
  return platform === 'win32' ? 'cmd' : 'posix';
}

/**
 * A path with the shell's separators only (no `C:\a/b`), and without a trailing one (`D:\工作区\`
 * is what makes cmd.exe's `"D:\工作区\"` swallow the rest of the line); a drive or root stays whole.
 */
export function nativePath(path: string, shell: Shell): string {
  const p = shell === 'cmd' ? path.replace(/\//g, '\\') : path;
  const sep = shell === 'cmd' ? /[\\]+$/ : /\/+$/;
  const trimmed = p.replace(sep, '');
  if (trimmed === '' || (shell === 'cmd' && /^[A-Za-z]:$/.test(trimmed))) return p;
  return trimmed;
}

// cmd.exe: a word holding a space or one of these is quoted (& | < > ^ split or redirect the line;
// ( ) , ; = split arguments of some commands; % and ! expand variables).
const CMD_SPECIAL = /[\s"&|<>^(),;=%!]/u;
// A POSIX shell: words of these characters only are safe as they stand; CJK letters are too.
const POSIX_SAFE = /^[\p{L}\p{N}_@%+=:,./-]+$/u;

function quoteCmd(word: string): string {
  if (word !== '' && !CMD_SPECIAL.test(word)) return word;
  // Inside "…", backslashes are literal unless they come before a quote (CommandLineToArgvW): those
  // are doubled, and a quote in the word is written \".
  const inner = word.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
  return `"${inner}"`;
}

function quotePosix(word: string): string {
  if (word !== '' && POSIX_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The words as one line for `shell`: paths with its separators, words quoted where they must be. */
export function commandLine(words: readonly (string | PathWord)[], shell: Shell): string {
  const quote = shell === 'cmd' ? quoteCmd : quotePosix;
  return words.map((w) => quote(typeof w === 'string' ? w : nativePath(w.path, shell))).join(' ');
}
