// --debug prints the stack of an unexpected failure; its message may quote a value the tool read (a cell, a log
// line). An ID number in it is masked as everywhere on the screen (privacy.md; review10 found it printed whole).
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/id-number.js';
import { messagesFor } from '../dist/messages/index.js';
import { reportFailure } from '../dist/cli/program.js';

describe('the stack under --debug', () => {
  it('masks an ID number quoted in the error and keeps the stack', async () => {
    const id = makeIdNumber('410702', '1985-03-12', '051');
    let out = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: '/' };
    const { Chalk } = await import('chalk');
    const err = new TypeError(`Cannot read properties of undefined (reading '${id}')`);
    expect(await reportFailure(err, messagesFor('zh-CN'), io, false, 'validate', new Chalk({ level: 0 }), true, 'linux')).toBe(2);
    expect(out).not.toContain(id);
    expect(out).toContain(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(out).toMatch(/\n\s+at /);
  });
});
