// Both file-system ports side by side, for tests that run one check on each (io/port.ts): Node's on a
// temporary folder (removed after the file's tests) and a fresh MemoryPort at /ws.
import { afterAll } from 'vitest';
import { MemoryPort } from '../../src/io/memory-port.js';
import { nodePort } from '../../src/io/node-port.js';
import type { IoPort } from '../../src/io/port.js';
import { cleanup, tempDir } from './cases.js';

/** The errno-style code a call throws (or rejects with); undefined when it succeeds. */
export async function codeOf(f: () => unknown): Promise<string | undefined> {
  try {
    await f();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

/** [name, make] for each port; call at the top of a test file (it registers the folders' removal). */
export function bothPorts(prefix: string): [string, () => { io: IoPort; root: string }][] {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) cleanup(d);
  });
  return [
    [
      'node',
      () => {
        const root = tempDir(prefix);
        dirs.push(root);
        return { io: nodePort, root };
      },
    ],
    ['memory', () => ({ io: new MemoryPort(), root: '/ws' })],
  ];
}
