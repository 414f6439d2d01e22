// The register's writer seals an event and makes its line from one canonical text (chain.ts sealLine): the
// same event and the same bytes as sealEvent and eventLine, whatever the body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventLine, hashOfEvent, sealEvent, sealLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';

const AUTHOR = { at: '2026-10-15T09:30:00+08:00', by: '张三', host: 'HRSS-PC07' };
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '"', '\\', '\n', '\u2028', '新乡市〔2026〕3号', 'hash', 'zz'));
const body: fc.Arbitrary<EventBody> = fc.oneof(
  fc.record({
    type: fc.constant('publish' as const),
    batch: fc.constantFrom('2026Q1', '2026Q3'),
    on: fc.constant('2026-10-15'),
    package: fc.constant('f'.repeat(64)),
    records: fc.array(fc.record({ id: fc.constantFrom('aaaaaaaaaaa1', 'aaaaaaaaaaa2'), subjectName: text, facts: text }), { maxLength: 3 }),
    removals: fc.array(
      fc.record({ id: fc.constant('aaaaaaaaaaa3'), type: fc.constant('expired'), on: fc.constant('2026-09-30'), reason: text }),
      {
        maxLength: 3,
      },
    ),
    unchanged: fc.array(fc.constant('aaaaaaaaaaa4'), { maxLength: 2 }),
    contents: fc.option(fc.dictionary(fc.constantFrom('aaaaaaaaaaa1', 'b'), fc.constant('0'.repeat(16))), { nil: undefined }),
  }) as unknown as fc.Arbitrary<EventBody>,
  fc.record({ type: fc.constant('note' as const), text, ids: fc.array(fc.constant('aaaaaaaaaaa1'), { maxLength: 2 }) }),
);

describe('sealLine', () => {
  it('is sealEvent’s event and eventLine’s line, with or without a head', () => {
    fc.assert(
      fc.property(body, fc.option(fc.record({ seq: fc.nat(), hash: fc.constant('c'.repeat(64)) }), { nil: null }), (b, head) => {
        const { event, line } = sealLine(b, AUTHOR, head);
        const sealed = sealEvent(b, AUTHOR, head);
        expect(event).toEqual(sealed);
        expect(line).toBe(eventLine(sealed));
        expect(hashOfEvent(event)).toBe(event.hash);
      }),
    );
  });
});
