// io/memory.ts collectGarbageAfterJob: what an `await` resumed a function with is on that job's stack until the
// job ends, whatever the function does with its variable (compile lets a province's register go so): a collection
// in that job (collectGarbage) left it, as it left the register (checked by hand: the same test gives false).
import { describe, expect, it } from 'vitest';
import { collectGarbageAfterJob } from '../../src/io/memory.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** Whether the value an await resumed the caller with was freed by `collect`, called as compile calls it. */
async function freedBy(collect: () => Promise<void>): Promise<boolean> {
  const freed: string[] = [];
  const registry = new FinalizationRegistry<string>((tag) => freed.push(tag));
  const read = async (): Promise<{ parts: Uint8Array } | undefined> => {
    await tick();
    const register = { parts: new Uint8Array(1 << 20) };
    registry.register(register, 'register');
    return register;
  };
  const compile = async (): Promise<void> => {
    let loaded = await read();
    if (loaded?.parts.length !== 1 << 20) throw new Error('not read');
    loaded = undefined;
    await collect();
  };
  await compile();
  // A finalizer runs in a task of its own after the collection that freed its object.
  for (let round = 0; round < 3; round++) await tick();
  return freed.includes('register');
}

describe('collectGarbageAfterJob', () => {
  it('frees what the job that called it was resumed with, once that job has ended', async () => {
    expect(await freedBy(collectGarbageAfterJob)).toBe(true);
  });
});
