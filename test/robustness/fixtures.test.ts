// Regression fixtures: hand-written hostile manifests (fixtures/*.yaml) and inputs the fuzzer once failed on
// (fixtures/found/*.json, saved by `npm run fuzz`). Each must now pass the oracle: no exception, every fix
// and fix-all valid, every fixed finding gone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { examine } from './oracle';

const ROOT = 'test/robustness/fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(name => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ya?ml|json)$/.test(name) ? [full] : [];
  });
}

describe('robustness fixtures', () => {
  const all = files(ROOT);
  it('there are fixtures', () => assert.ok(all.length >= 8, `${all.length} fixtures`));
  for (const file of all) {
    it(relative(ROOT, file), () => {
      const raw = readFileSync(file, 'utf8');
      const { text, path } = file.endsWith('.json')
        ? JSON.parse(raw) as { text: string; path: string }
        : { text: raw, path: relative(ROOT, file) };
      const started = Date.now();
      const verdict = examine(text, { path });
      assert.deepEqual(verdict.failures, [], verdict.failures.join('\n'));
      assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    });
  }
});
