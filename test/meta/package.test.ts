// The .vsix carries every bundle the build writes: a bundle left out by .vscodeignore (the server's indexing
// worker, say) only fails in an installed extension, never in the tests that run from dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('packages every bundle that esbuild.mjs writes', () => {
  const bundles = [...readFileSync('esbuild.mjs', 'utf8').matchAll(/outfile: '(dist\/[^']+\.js)'/g)].map(m => m[1]);
  assert.ok(bundles.length >= 5 && bundles.includes('dist/indexWorker.js'), bundles.join(' '));
  const listed = spawnSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const packaged = new Set(listed.stdout.split('\n').map(l => l.trim()));
  assert.deepEqual(bundles.filter(b => !packaged.has(b)), []);
});
