import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCpu, formatMemory, parseQuantity } from '../../server/src/model/quantity';

describe('Kubernetes quantities', () => {
  const cases: Array<[string | number, number | undefined]> = [
    ['100m', 0.1], ['1', 1], ['0.5', 0.5], ['.5', 0.5], ['1.', 1], ['1E3', 1000], ['1e-3', 0.001],
    ['128Mi', 128 * 2 ** 20], ['1Gi', 2 ** 30], ['1G', 1e9], ['1k', 1000], ['500u', 0.0005], ['5n', 5e-9], ['1Ei', 2 ** 60],
    ['+1', 1], ['-1', -1], [2, 2], [0.25, 0.25],
    ['512mb', undefined], ['1.5.0', undefined], ['1K', undefined], ['1 Gi', undefined], [' 1', undefined], ['', undefined], ['Gi', undefined], ['1gi', undefined], ['0x10', undefined], ['2e3m', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => {
      const q = parseQuantity(input);
      if (expected === undefined) assert.equal(q, undefined);
      else assert.ok(q && Math.abs(q.value - expected) <= Math.abs(expected) * 1e-12, `got ${q?.value}`);
    });
  }
  it('formats CPU and memory the way people write them', () => {
    assert.equal(formatCpu(0.5), '500m');
    assert.equal(formatCpu(2), '2');
    assert.equal(formatMemory(256 * 2 ** 20), '256Mi');
    assert.equal(formatMemory(2 ** 31), '2Gi');
    assert.equal(formatMemory(1000), '1000');
  });
});
