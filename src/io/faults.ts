/**
 * Fault injection for the tests of "a package is written whole or not at all": a full disk after
 * N files, or a pause before the swap (so that a test can kill the process mid-compile), and a
 * file-system error on any path containing a given part (`io:EACCES@就业办`, `io:EBUSY@名单.xlsx`:
 * a folder the user may not read, a file Excel holds open on Windows, a read-only share — none of
 * which can be produced by chmod when the tests run as root, nor at all on Linux for EBUSY). Set by
 * the environment variable HRSS_CREDIT_FAULT (read at each call, so that an in-process test can
 * set it); never set in normal use.
 */
// globalThis.process: the browser page bundles the readers, and has no process.
const spec = (): string => globalThis.process?.env?.HRSS_CREDIT_FAULT ?? '';

let written = 0;

function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const err = new Error(`${code}: injected fault, ${syscall} '${path}'`) as NodeJS.ErrnoException;
  err.code = code;
  err.syscall = syscall;
  err.path = path;
  return err;
}

/** Throws ENOSPC once `enospc-after:N` files have been written. */
export function beforeWrite(path: string): void {
  const m = /enospc-after:(\d+)/.exec(spec());
  if (m && ++written > Number(m[1])) throw errnoError('ENOSPC', 'write', path);
}

/**
 * `enospc-partial@part`: the disk fills half-way through writing a file whose path contains `part`
 * (the writer writes half of the bytes, then fails with ENOSPC), as a real full disk does.
 */
export function partialWrite(path: string): boolean {
  for (const m of spec().matchAll(/enospc-partial@([^,]+)/g)) if (path.includes(m[1]!)) return true;
  return false;
}

/**
 * `stream-fail-after:N`: a streamed JSON document's read fails (EIO) once N of its parts are on stdout — the
 * failure of a register read half-way through `register list` or `diff` (cli/write-bytes.ts).
 */
export function beforeStreamPart(written: number): void {
  const m = /stream-fail-after:(\d+)/.exec(spec());
  if (m && written >= Number(m[1])) throw errnoError('EIO', 'read', 'register/events.jsonl');
}

/** Throws the injected `io:CODE@part` error when `path` contains `part`. */
export function beforeAccess(path: string): void {
  const s = spec();
  if (!s.includes('io:')) return;
  for (const m of s.matchAll(/io:([A-Z]+)@([^,]+)/g)) {
    if (path.includes(m[2]!)) throw errnoError(m[1]!, 'open', path);
  }
}

/**
 * `pause-before-swap`: the package is whole in its temporary folder. Tells the test over the IPC
 * channel it opened ("paused-before-swap") and waits for its word ("go on"): the test acts on
 * that event, not after a number of seconds. Without an IPC channel it does not pause.
 */
export async function beforeSwap(): Promise<void> {
  const send = process.send?.bind(process);
  if (!spec().includes('pause-before-swap') || !send) return;
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send('paused-before-swap');
  });
  process.disconnect?.();
}

/**
 * `pause-before-annotate-rename`: an annotated copy is whole under its temporary name (a CSV's also its
 * temporary workbook). Tells the test ("paused-before-annotate-rename") and waits for an interrupt, so that
 * the test can press Ctrl-C while the temporary files exist. Without an IPC channel it does not pause.
 */
export async function beforeAnnotateRename(): Promise<void> {
  const send = process.send?.bind(process);
  if (!spec().includes('pause-before-annotate-rename') || !send) return;
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send('paused-before-annotate-rename');
  });
  process.disconnect?.();
}

/** `workbook-thread-fail`: the thread that makes a package workbook fails (io/xlsx/workbook-thread.ts); the main thread makes it. */
export function workbookThreadFault(): boolean {
  return spec().includes('workbook-thread-fail');
}

/**
 * `ledger-thread-fail`: the thread that makes a 台账's sheet pieces fails at its second (io/xlsx/sheet-thread.ts); the main
 * thread makes the rest.
 */
export function ledgerThreadFault(): boolean {
  return spec().includes('ledger-thread-fail');
}

/** `ledger-thread-stall`: that thread posts nothing after its first piece; the main thread gives it up after 10 s. */
export function ledgerThreadStall(): boolean {
  return spec().includes('ledger-thread-stall');
}

/** `workbook-thread-stall`: the thread stays alive and never replies (io/xlsx/workbook-thread.ts gives it up, THREAD_STALLED). */
export function workbookThreadStallFault(): boolean {
  return spec().includes('workbook-thread-stall');
}
