// Seals event bodies into a chain as the register's writer would (one author, seq from 1), for the register's tests.
import { sealEvent, type Head } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';

export const AUTHOR = { at: '2026-10-15T09:30:00+08:00', by: '张三', host: 'HRSS-PC07' };

export function chain(bodies: EventBody[]): RegisterEvent[] {
  const out: RegisterEvent[] = [];
  let head: Head | null = null;
  for (const b of bodies) {
    const e = sealEvent(b, AUTHOR, head);
    out.push(e);
    head = { seq: e.seq, hash: e.hash };
  }
  return out;
}
