/**
 * Fault injection for the tests of "a package is written whole or not at all": a full disk after
 * N files, or a pause before the swap (so that a test can kill the process mid-compile). Set by
 * the environment variable HRSS_CREDIT_FAULT; never set in normal use.
 */
const spec = process.env.HRSS_CREDIT_FAULT ?? '';

let written = 0;

/** Throws ENOSPC once `enospc-after:N` files have been written. */
export function beforeWrite(path: string): void {
  const m = /enospc-after:(\d+)/.exec(spec);
  if (m && ++written > Number(m[1])) {
    const err = new Error(`ENOSPC: no space left on device, write '${path}'`) as NodeJS.ErrnoException;
    err.code = 'ENOSPC';
    throw err;
  }
}

export async function beforeSwap(): Promise<void> {
  const m = /pause-before-swap:(\d+)/.exec(spec);
  if (m) await new Promise((r) => setTimeout(r, Number(m[1])));
}
