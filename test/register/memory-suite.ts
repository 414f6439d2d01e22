// The register tests' published example on a memory workspace (test/helpers/memory-workspace.ts): the example
// compiled and published on 2026-07-15 once in a MemoryPort, a copy within the port for each test — publishedSuite's
// twin for tests whose subject is the logic, not the disk.
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { MemoryPort } from '../../src/io/memory-port.js';
import { copyWithin, MEM_ROOT, memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';
import { onPort, TODAY, type TestFiles } from './helpers.js';

export function publishedSuiteOnPort(name: string, env: Record<string, string>): { io: MemoryPort; files: TestFiles; fresh: () => string } {
  const io = new MemoryPort();
  const template = join(MEM_ROOT, name, 'template');
  let n = 0;
  beforeAll(async () => {
    memoryWorkspace(`${name}/template`, 'example-workspace', io);
    const compiled = await runCliOn(io, ['compile', '2026Q3', '-w', template, '--today', TODAY], template);
    if (compiled.code !== 0) throw new Error(`compile failed: ${compiled.stdout}${compiled.stderr}`);
    const published = await runCliOn(
      io,
      ['publish', '2026Q3', '--on', '2026-07-15', '-w', template, '--today', '2026-07-15'],
      template,
      env,
    );
    if (published.code !== 0) throw new Error(`publish failed: ${published.stdout}${published.stderr}`);
  });
  const fresh = (): string => {
    const ws = join(MEM_ROOT, name, `ws-${++n}`);
    copyWithin(io, template, ws);
    return ws;
  };
  return { io, files: onPort(io), fresh };
}
