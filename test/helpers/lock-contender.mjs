// A compile's lock taker in its own process, driven line by line over stdin by test/io/lock.test.ts:
// "go DIR AT" → at the instant AT (ms since the epoch, spun for, so that all contenders start
// together) try once to take the lock of DIR (no waiting) and answer "won" or "lost";
// "release" → release a lock won; end of input → exit.
import { createInterface } from 'node:readline';
import { acquireLock } from '../../dist/io/lock.js';

let held;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('go ')) {
    const [, dir, at] = line.split(' ');
    while (Date.now() < Number(at));
    try {
      held = await acquireLock(dir, { waitMs: 0 });
      process.stdout.write('won\n');
    } catch (err) {
      process.stdout.write(err?.code === 'LOCK_HELD' ? 'lost\n' : `error ${err?.message}\n`);
    }
  } else if (line === 'release') {
    held?.release();
    held = undefined;
    process.stdout.write('released\n');
  }
}
