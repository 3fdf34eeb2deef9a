// The `kubeready` launcher (dist/cli.js): V8's code cache in the user's cache directory, and every problem
// with that cache (missing, corrupt, unwritable, turned off) is only a slower run with the same result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve('dist/cli.js');
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n';

function run(cacheHome: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '-'], {
    input: POD, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, KUBEREADY_COMPILE_CACHE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (home: string) => {
  try {
    return readdirSync(join(home, 'kubeready')).filter(n => n.endsWith('.cache'));
  } catch {
    return [];
  }
};

describe('kubeready launcher', () => {
  it('writes the code cache on the first run, private to the user, and reuses it with the same output', () => {
    const home = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
    const first = run(home);
    assert.equal(first.code, 1, first.stderr);
    const files = cacheFiles(home);
    assert.equal(files.length, 1);
    const file = join(home, 'kubeready', files[0]);
    assert.match(files[0], new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-`));
    if (process.platform !== 'win32') {
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(join(home, 'kubeready')).mode & 0o777, 0o700);
    }
    const written = statSync(file).mtimeMs;
    const second = run(home);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.code, first.code);
    // An accepted cache is not written again.
    assert.equal(statSync(file).mtimeMs, written);
    assert.ok(JSON.parse(second.stdout).findings.length > 0);
  });

  it('a corrupt cache is replaced and changes nothing in the result', () => {
    const home = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
    const reference = run(home);
    const file = join(home, 'kubeready', cacheFiles(home)[0]);
    writeFileSync(file, Buffer.from('not a V8 code cache at all'));
    const r = run(home);
    assert.equal(r.stdout, reference.stdout);
    assert.equal(r.stderr, '');
    assert.ok(statSync(file).size > 1000, 'rewritten');
  });

  it('removes the caches of other bundles and Node versions when it writes its own', () => {
    const home = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
    mkdirSync(join(home, 'kubeready'));
    writeFileSync(join(home, 'kubeready', 'cli-v18.0.0-x64-1-1.cache'), 'an older bundle');
    writeFileSync(join(home, 'kubeready', 'notes.txt'), 'not ours');
    run(home);
    const left = readdirSync(join(home, 'kubeready')).sort();
    assert.equal(left.length, 2, left.join(' '));
    assert.ok(left.includes('notes.txt'));
    assert.match(left.find(n => n !== 'notes.txt')!, new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-`));
  });

  it('an unwritable cache directory and KUBEREADY_COMPILE_CACHE=0 only mean no cache', () => {
    const reference = run(mkdtempSync(join(tmpdir(), 'kubeready-cache-')));
    const off = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
    const r = run(off, { KUBEREADY_COMPILE_CACHE: '0' });
    assert.equal(r.stdout, reference.stdout);
    assert.deepEqual(cacheFiles(off), []);
    // A file where the cache directory should be.
    const blocked = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
    writeFileSync(join(blocked, 'kubeready'), 'a file, not a directory');
    const b = run(blocked);
    assert.equal(b.stdout, reference.stdout);
    assert.equal(b.stderr, '');
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const readOnly = mkdtempSync(join(tmpdir(), 'kubeready-cache-'));
      mkdirSync(join(readOnly, 'kubeready'));
      chmodSync(join(readOnly, 'kubeready'), 0o500);
      assert.equal(run(readOnly).stdout, reference.stdout);
    }
  });
});
