// `node --import ./bench/main-thread-cpu.mjs bin/hrss-credit.js …`: prints to stderr, as the process exits, the CPU
// its main thread took (user + system, from /proc/self/task/<pid>/stat; Linux only). On a loaded machine the wall time
// of a command that works on two threads says little; its main thread's CPU is the path the other thread shortens
// (bench/README.md). Nothing of the tool is loaded or changed.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are the 14th and 15th fields of stat(5); after the name, the 12th and 13th. In clock ticks (100/s).
    const ticks = Number(fields[11]) + Number(fields[12]);
    process.stderr.write(`main thread: ${(ticks / 100).toFixed(2)} s CPU\n`);
  } catch {
    // Not Linux: nothing to say.
  }
});
