// Analysis memos: shared by the rules of one analysis, dropped when it ends (so the index's trees do not keep them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { defaultSettings } from '../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { AnalysisMemo, endAnalysis } from '../../server/src/model/memo';
import { parseManifest } from '../../server/src/model/manifest';

describe('model: analysis memos', () => {
  it('computes a value once per key until the analysis ends, then again', () => {
    const memo = new AnalysisMemo<object, number>();
    const key = {};
    let computed = 0;
    const read = () => memo.get(key, () => ++computed);
    assert.equal(read(), 1);
    assert.equal(read(), 1);
    endAnalysis();
    assert.equal(read(), 2);
  });

  it('an undefined result is remembered too (a container without a restricted-context fix)', () => {
    const memo = new AnalysisMemo<object, number | undefined>();
    const key = {};
    let computed = 0;
    memo.get(key, () => (computed++, undefined));
    memo.get(key, () => (computed++, undefined));
    assert.equal(computed, 1);
  });

  it('analyze ends the analysis: what it memoized is not kept afterwards', () => {
    const memo = new AnalysisMemo<object, string>();
    const key = {};
    memo.get(key, () => 'during');
    const file = parseManifest('file:///a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: a:1\n');
    analyze(file, defaultSettings(), new WorkspaceIndex());
    assert.equal(memo.get(key, () => 'after'), 'after');
  });
});
