// The command line: exit codes, both formats, stdin, fix.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve('dist/cli.js');

function run(args: string[], options: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: options.input, cwd: options.cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POD_NO_LIMITS = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: app:1.0
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeready-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('kubeready lint', () => {
  it('prints file:line:column severity message [rule] and exits 1 on warnings', () => {
    const dir = workspace({ 'k8s/pod.yaml': POD_NO_LIMITS });
    const r = run(['lint', 'k8s'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^k8s\/pod\.yaml:7:13 warning Container "app" of Pod "demo" has no memory limit .*\[memory-limit\]$/m);
    assert.match(r.stdout, /\d+ findings \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 1 file/);
  });

  it('exits 0 when nothing reaches --fail-on', () => {
    const dir = workspace({ 'pod.yaml': POD_NO_LIMITS });
    assert.equal(run(['lint', '--fail-on', 'error', 'pod.yaml'], { cwd: dir }).code, 0);
    assert.equal(run(['lint', '--fail-on', 'never', 'pod.yaml'], { cwd: dir }).code, 0);
  });

  it('exits 0 on a clean manifest', () => {
    const dir = workspace({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n' });
    const r = run(['lint', 'cm.yaml'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 findings/);
  });

  it('writes versioned JSON with 1-based positions', () => {
    const dir = workspace({ 'pod.yaml': POD_NO_LIMITS });
    const r = run(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    const f = json.findings.find((x: { ruleId: string }) => x.ruleId === 'memory-limit');
    assert.deepEqual(
      { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, object: f.object, container: f.container, fixable: f.fixable, checklist: f.checklist, severity: f.severity },
      { file: 'pod.yaml', line: 7, column: 13, endLine: 7, endColumn: 16, object: { kind: 'Pod', name: 'demo' }, container: 'app', fixable: true, checklist: 'resources', severity: 'warning' },
    );
    assert.equal(json.summary.files, 1);
  });

  it('reads stdin with -', () => {
    const r = run(['lint', '-'], { input: POD_NO_LIMITS });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:7:13 warning/m);
  });

  it('exits 2 with a clear message on usage errors and unreadable paths', () => {
    const missing = run(['lint', '/nonexistent/path.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/nonexistent\/path\.yaml/);
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['lint', '--format', 'xml', 'x.yaml']).code, 2);
    assert.equal(run(['lint', '--bogus', 'x.yaml']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });

  it('treats all inputs as one workspace', () => {
    const dir = workspace({ 'a.yaml': POD_NO_LIMITS, 'b.yaml': POD_NO_LIMITS });
    const r = run(['lint', '--format', 'json', 'a.yaml', 'b.yaml'], { cwd: dir });
    assert.equal(JSON.parse(r.stdout).summary.files, 2);
  });

  it('counts columns in characters for multibyte text', () => {
    const dir = workspace({ 'pod.yaml': POD_NO_LIMITS.replace('name: app', 'name: "日本語"') });
    const r = run(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir });
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'memory-limit');
    assert.deepEqual([f.column, f.endColumn], [13, 18]);
  });
});

describe('kubeready lint with configuration and suppressions', () => {
  it('reads the nearest .kubeready.yaml, reports its mistakes, and --config points elsewhere', () => {
    const dir = workspace({
      '.kubeready.yaml': 'rules:\n  memory-limit: off\n  cpu-limits: off\n',
      'k8s/pod.yaml': POD_NO_LIMITS,
      'other/strict.yaml': 'rules:\n  cpu-request: error\n',
    });
    const r = run(['lint', '--format', 'json', 'k8s'], { cwd: dir });
    const json = JSON.parse(r.stdout);
    const rules = json.findings.map((f: { ruleId: string }) => f.ruleId);
    assert.ok(!rules.includes('memory-limit'));
    const bad = json.findings.find((f: { ruleId: string }) => f.ruleId === 'invalid-config');
    assert.equal(bad.file, '.kubeready.yaml');
    assert.equal(bad.line, 3);
    assert.match(bad.message, /Unknown rule id "cpu-limits" \(did you mean "cpu-limit"\?\)/);
    const strict = JSON.parse(run(['lint', '--format', 'json', '--config', 'other/strict.yaml', 'k8s'], { cwd: dir }).stdout);
    assert.ok(strict.findings.some((f: { ruleId: string; severity: string }) => f.ruleId === 'memory-limit'));
    assert.equal(strict.findings.find((f: { ruleId: string }) => f.ruleId === 'cpu-request').severity, 'error');
  });

  it('hides suppressed findings unless --include-suppressed', () => {
    const text = POD_NO_LIMITS.replace('  name: demo\n', '  name: demo\n  annotations:\n    kubeready.io/ignore: "memory-limit -- measured"\n');
    const dir = workspace({ 'pod.yaml': text });
    const plain = JSON.parse(run(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir }).stdout);
    assert.ok(!plain.findings.some((f: { ruleId: string }) => f.ruleId === 'memory-limit'));
    const all = JSON.parse(run(['lint', '--format', 'json', '--include-suppressed', 'pod.yaml'], { cwd: dir }).stdout);
    assert.equal(all.findings.find((f: { ruleId: string }) => f.ruleId === 'memory-limit').suppressed, true);
    assert.match(run(['lint', '--include-suppressed', 'pod.yaml'], { cwd: dir }).stdout, /\[memory-limit\] \(suppressed\)/);
  });
});

describe('kubeready rules', () => {
  it('lists the catalog as text and JSON', () => {
    const text = run(['rules']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^memory-limit +warning +resources +fix +Containers limit memory$/m);
    const json = JSON.parse(run(['rules', '--format', 'json']).stdout);
    assert.ok(json.rules.some((r: { id: string }) => r.id === 'cpu-request'));
  });
});

describe('kubeready fix', () => {
  it('--dry-run prints a unified diff and leaves the file alone', () => {
    const dir = workspace({ 'pod.yaml': POD_NO_LIMITS });
    const r = run(['fix', '--dry-run', '--rules', 'memory-limit', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\+\+\+ b\/pod\.yaml$/m);
    assert.match(r.stdout, /^\+ {6}resources:$/m);
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), POD_NO_LIMITS);
  });

  it('writes the fixes, and a second run changes nothing', () => {
    const dir = workspace({ 'pod.yaml': POD_NO_LIMITS });
    const r = run(['fix', '--rules', 'memory-limit,cpu-limit', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const fixed = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    assert.match(fixed, /limits:\n {10}cpu: 500m\n {10}memory: 256Mi\n/);
    run(['fix', '--rules', 'memory-limit,cpu-limit', 'pod.yaml'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), fixed);
  });

  it('never touches a file that does not parse', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n';
    const dir = workspace({ 'bad.yaml': broken });
    const r = run(['fix', 'bad.yaml'], { cwd: dir });
    assert.match(r.stderr, /skipped: the YAML does not parse/);
    assert.equal(readFileSync(join(dir, 'bad.yaml'), 'utf8'), broken);
  });

  it('rejects unknown rule ids', () => {
    assert.equal(run(['fix', '--rules', 'nope', 'x.yaml']).code, 2);
  });
});

describe('kubeready output into a closed pipe', () => {
  it('stops quietly when the reader goes away (`kubeready lint . | head`)', async () => {
    // Megabytes of output, so the pipe is still being written when its reader closes it.
    const manifests = Array.from({ length: 3000 }, (_, i) => POD_NO_LIMITS.replace('name: demo', `name: demo-${i}`)).join('---\n');
    const child = spawn(process.execPath, [CLI, 'lint', '--format', 'text', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += chunk));
    child.stdin.end(manifests);
    const firstChunk = new Promise<void>(resolveChunk => child.stdout.once('data', () => resolveChunk()));
    await firstChunk;
    child.stdout.destroy();
    const code = await new Promise<number | null>(resolveExit => child.on('close', c => resolveExit(c)));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|internal error/, stderr);
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
  });

  it('says so and exits 2 when the output cannot be written (a full disk)', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, () => {
    const out = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '-'], { input: POD_NO_LIMITS, stdio: ['pipe', out, 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^kubeready: cannot write the output: ENOSPC/);
      assert.doesNotMatch(r.stderr, /internal error|at /);
    } finally {
      closeSync(out);
    }
  });
});

