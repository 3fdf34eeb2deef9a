// The fuzzer in the test suite: its generator is deterministic and varied, its oracle catches the failures
// it is meant to catch, and a small seeded run (in a worker thread, each step under the time limit) is clean.
// Long runs: `npm run fuzz -- --iterations 100000`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { isMap } from 'yaml';
import { getMap } from '../../server/src/model/nodes';
import { Rule } from '../../server/src/rules/types';
import { generate } from './fuzz/mutate';
import { loadSeeds } from './fuzz/seeds';
import { examine } from './oracle';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: shop:1.4.2\n';

/** A rule with a configurable fix, to show what the oracle reports. */
function ruleWith(fix: Rule['check']): Rule {
  return {
    meta: { id: 'test-rule', checklist: 'syntax', severity: 'warning', fixable: true, title: 'A test rule', whenItFails: 'Nothing.', remediation: 'Nothing.' },
    check: fix,
  };
}

describe('fuzzer', () => {
  const { seeds, sources } = loadSeeds(process.cwd());

  it('reads its seeds from examples/, the fixtures and the shared corpus when present', () => {
    assert.ok(sources.examples >= 4, JSON.stringify(sources));
    assert.ok(sources['test/robustness/fixtures'] >= 8, JSON.stringify(sources));
    assert.ok('../shared/corpus' in sources);
    assert.equal(seeds.length, Object.values(sources).reduce((a, b) => a + b, 0));
  });

  it('generates the same input for the same seed and iteration, and varied inputs otherwise', () => {
    const a = generate(seeds, 42, 17);
    const b = generate(seeds, 42, 17);
    assert.deepEqual(a, b);
    const texts = new Set<string>();
    const used = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const g = generate(seeds, 42, i);
      texts.add(g.text);
      g.mutations.forEach(m => used.add(m));
    }
    assert.ok(texts.size > 380, `${texts.size} distinct inputs of 400`);
    for (const m of ['deleteLine', 'truncate', 'invalidUtf8', 'injectTemplate', 'scalarToMap', 'mapToScalar', 'indentLine', 'duplicateLine', 'deepNest', 'anchorAlias']) {
      assert.ok(used.has(m), `mutation ${m} never chosen`);
    }
  });

  describe('the oracle catches', () => {
    it('a rule that throws', () => {
      const verdict = examine(POD, { rules: [ruleWith(() => { throw new Error('boom'); })] });
      assert.match(verdict.failures.join('\n'), /rule test-rule threw: Error: boom/);
    });
    it('a fix that breaks the YAML', () => {
      const rule = ruleWith(ctx => ctx.report({ node: ctx.object.nameNode, message: 'm', fixes: [{ title: 'break', preferred: true, edit: b => b.insertAt(0, 'key: [unclosed\n') }] }));
      const verdict = examine(POD, { rules: [rule] });
      assert.match(verdict.failures.join('\n'), /fix "break" of test-rule on Pod\/p produced YAML that does not parse/);
      assert.match(verdict.failures.join('\n'), /fix-all produced YAML that does not parse/);
    });
    it('a fix whose finding survives', () => {
      const rule = ruleWith(ctx => ctx.report({ node: ctx.object.nameNode, message: 'm', fixes: [{ title: 'comment', edit: b => b.insertAt(0, '# nothing\n') }] }));
      assert.match(examine(POD, { rules: [rule] }).failures.join('\n'), /fix "comment" of test-rule on Pod\/p: the finding survives the fix/);
    });
    it('overlapping edits, LF in a CRLF file, edits out of bounds', () => {
      const rule = ruleWith(ctx => {
        const spec = getMap(ctx.object.map, 'spec', ctx.doc)!;
        assert.ok(isMap(spec));
        ctx.report({
          node: ctx.object.nameNode, message: 'm', fixes: [
            { title: 'overlap', edit: b => b.replace(spec, '{}').replace(spec, '{a: 1}') },
            { title: 'lf', edit: b => b.insertAt(0, '# a\n') },
            { title: 'far', edit: b => b.insertAt(100_000, 'x') },
          ],
        });
      });
      const failures = examine(POD.replace(/\n/g, '\r\n'), { rules: [rule] }).failures.join('\n');
      assert.match(failures, /fix "overlap" .*: overlapping edits/);
      assert.match(failures, /fix "lf" .*: edit inserts a bare LF into a CRLF file/);
      assert.match(failures, /fix "far" .*: edit out of bounds/);
    });
  });

  it('a seeded run of 250 inputs in a worker is clean (no step over 20 s)', { timeout: 300_000 }, () => {
    const r = spawnSync(process.execPath, ['scripts/fuzz.mjs', '--iterations', '250', '--seed', '2024', '--workers', '1', '--time-limit', '20000', '--no-save', '--json'], {
      encoding: 'utf8', env: { ...process.env, FUZZ_OUT_DIR: 'out/fuzz-runner-test' }, maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(r.stdout.trim(), `no summary: ${r.stderr}`);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.equal(summary.iterations, 250);
    assert.ok(summary.fixesChecked > 500, `only ${summary.fixesChecked} fixes checked`);
    assert.deepEqual(summary.failures, [], JSON.stringify(summary.failures, null, 2));
    assert.equal(r.status, 0, r.stderr);
  });
});
