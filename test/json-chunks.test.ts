import { it, expect } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from '../src/core/io.js';
it('jsonChunks equals JSON.stringify', () => {
  const v = {
    campaign: { year: 2023, city: '南昌市' },
    files: [{ a: 1, b: [1, 2], c: { d: '字' } }, { a: 2 }],
    empty: [],
    units: [{ n: 'x' }],
    summary: { files: 2 },
    skip: undefined,
  };
  expect([...jsonChunks(v, ['files', 'units'])].join('')).toBe(JSON.stringify(v, null, 2) + '\n');
});
it('jsonChunks keeps a value with a raw line or paragraph separator (U+2028, U+2029) as it is', () => {
  const v = { files: [{ text: '第一行\u2028第二行\u2029第三行\r\n第四行' }] };
  const out = [...jsonChunks(v, ['files'])].join('');
  expect(out).toBe(JSON.stringify(v, null, 2) + '\n');
  expect(JSON.parse(out)).toEqual(v);
});
it('jsonChunks equals JSON.stringify on any JSON value, streamed or not (dates, empty and nested arrays, raw separators)', () => {
  const value = fc.record({
    files: fc.array(fc.oneof(fc.jsonValue(), fc.date({ noInvalidDate: true }), fc.string({ unit: 'grapheme' }))),
    units: fc.jsonValue(),
    summary: fc.oneof(fc.jsonValue(), fc.constant([]), fc.constant({}), fc.constant('\u2028\n\u2029')),
  });
  fc.assert(
    fc.property(value, (v) => {
      expect([...jsonChunks(v, ['files', 'units'])].join('')).toBe(JSON.stringify(v, null, 2) + '\n');
    }),
    { numRuns: 500 },
  );
});
