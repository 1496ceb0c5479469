import { it, expect } from 'vitest';
import { jsonChunks } from '../src/core/io.js';
it('jsonChunks equals JSON.stringify', () => {
  const v = { campaign: { year: 2023, city: '南昌市' }, files: [{ a: 1, b: [1, 2], c: { d: '字' } }, { a: 2 }], empty: [], units: [{ n: 'x' }], summary: { files: 2 }, skip: undefined };
  expect([...jsonChunks(v, ['files', 'units'])].join('')).toBe(JSON.stringify(v, null, 2) + '\n');
});
