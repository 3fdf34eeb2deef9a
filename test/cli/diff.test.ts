// `kubeready fix --dry-run` diffs (server/src/cli/diff.ts): a unified diff that applies, with well-formed hunks,
// found without comparing every line with every other; jsdiff's own whole-file diff where lines line up one way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPatch, createTwoFilesPatch, parsePatch } from 'diff';
import { unifiedDiff } from '../../server/src/cli/diff';
import { Rng } from '../robustness/fuzz/rng';

/** Seeded numbers in [0, 1), so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** Manifest-like lines: many repeated (`spec:`, `---`), some unique (names). */
function manifest(next: () => number, docs: number): string[] {
  const lines: string[] = [];
  for (let d = 0; d < docs; d++) {
    if (d) lines.push('---\n');
    lines.push('apiVersion: v1\n', 'kind: Service\n', 'metadata:\n', `  name: svc-${d}\n`, 'spec:\n');
    for (let p = 0; p < 1 + Math.floor(next() * 3); p++) lines.push('  ports:\n', `    - port: ${80 + p}\n`);
  }
  return lines;
}

/** What fixes do to a file: lines inserted, replaced and removed here and there, documents added. */
function edited(next: () => number, lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const r = next();
    if (r < 0.05) continue;
    if (r < 0.1) out.push(`  changed: ${Math.floor(next() * 5)}\n`);
    else out.push(line);
    if (next() < 0.08) out.push('  securityContext:\n', '    runAsNonRoot: true\n');
    if (line === 'spec:\n' && next() < 0.1) out.push('---\n', 'apiVersion: v1\n', 'kind: ServiceAccount\n', 'metadata:\n', '  name: sa\n');
  }
  return out;
}

/** Hunks in order, apart, with at most three lines of context at each end and at least one change. */
function assertWellFormed(patch: string, label: string): void {
  const [file] = parsePatch(patch);
  let lastOldEnd = 0;
  for (const hunk of file.hunks) {
    assert.ok(hunk.oldStart >= lastOldEnd, `${label}: hunks in order and apart`);
    lastOldEnd = hunk.oldStart + hunk.oldLines;
    const lines = hunk.lines.filter(l => !l.startsWith('\\'));
    const leading = lines.findIndex(l => l[0] !== ' ');
    const trailing = [...lines].reverse().findIndex(l => l[0] !== ' ');
    assert.ok(leading >= 0 && leading <= 3 && trailing <= 3, `${label}: context of ${leading} and ${trailing} lines`);
  }
}

const jsdiff = (path: string, before: string, after: string) =>
  createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');

describe('fix --dry-run diffs', () => {
  it('apply and are well formed, on random edits of manifest-like files', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const lines = manifest(next, 1 + Math.floor(next() * 12));
      const before = lines.join('');
      let after = edited(next, lines).join('');
      // Both ends of the file too: a changed first line, a missing or added final newline.
      if (next() < 0.2) after = `# header\n${after}`;
      if (next() < 0.2) after = after.replace(/\n$/, '');
      if (before === after) continue;
      const ours = unifiedDiff('f.yaml', before, after);
      assert.equal(applyPatch(before, ours), after, `seed ${seed}: the patch applies`);
      assertWellFormed(ours, `seed ${seed}`);
    }
  });

  it('handles CRLF, empty texts and texts without a shared line', () => {
    const cases: Array<[string, string]> = [
      ['a: 1\r\nb: 2\r\n', 'a: 1\r\nb: 3\r\n'],
      ['', 'a: 1\n'],
      ['a: 1\n', ''],
      ['a\nb\nc\n', 'x\ny\nz'],
      ['same\n'.repeat(50), `${'same\n'.repeat(25)}new\n${'same\n'.repeat(25)}`],
    ];
    for (const [before, after] of cases) {
      const ours = unifiedDiff('f.yaml', before, after);
      assert.equal(applyPatch(before, ours), after, JSON.stringify([before, after]));
      assert.equal(ours, jsdiff('f.yaml', before, after), JSON.stringify([before, after]));
    }
  });

  it('diffs a large file with changes all over it in linear time', () => {
    const next = random(99);
    const lines = manifest(next, 3000);
    const before = lines.join('');
    const after = edited(next, lines).join('');
    const start = process.hrtime.bigint();
    const ours = unifiedDiff('big.yaml', before, after);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.equal(applyPatch(before, ours), after);
    assertWellFormed(ours, 'large file');
    // jsdiff alone takes minutes here; the anchored diff well under a second on any machine we run on.
    assert.ok(ms < 5000, `${ms} ms`);
  });
});
