// Every hostile input through the command line (dist/cli.js): `lint` reports what the engine reports,
// positions in code points; `fix` never breaks a file that parsed and never touches one that did not; stdin
// and a 50 MB file work; no input makes the CLI crash ("internal error", exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseManifest } from '../../server/src/model/manifest';
import { assertExpectation, Reported } from './expect';
import { CHECKED_DEPLOYMENT, HOSTILE_INPUTS, hugeManifest } from './inputs';

const CLI = resolve('dist/cli.js');

interface JsonRecord {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  object?: { name: string };
}

function cli(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  assert.doesNotMatch(r.stderr, /internal error/, `kubeready ${args.join(' ')} crashed:\n${r.stderr}`);
  return r;
}

function writeInputs(root: string): void {
  for (const input of HOSTILE_INPUTS) {
    const path = join(root, input.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, input.bytes ?? input.text);
  }
}

describe('hostile input: CLI', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kubeready-hostile-'));
    writeInputs(join(root, 'ws'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lint --format json: every input gets what it should, nothing crashes', () => {
    const r = cli(['lint', '--format', 'json', '--fail-on', 'error', '.'], { cwd: join(root, 'ws') });
    assert.equal(r.status, 1, r.stderr); // yaml-syntax and invalid-type are errors
    assert.equal(r.stderr.includes('failed on'), false, `a rule threw:\n${r.stderr}`);
    const out = JSON.parse(r.stdout) as { findings: JsonRecord[]; summary: { files: number } };
    assert.equal(out.summary.files, HOSTILE_INPUTS.length);
    for (const input of HOSTILE_INPUTS) {
      const reported: Reported[] = out.findings.filter(f => f.file === input.path).map(f => ({
        ruleId: f.ruleId, line: f.line, column: f.column, severity: f.severity, object: f.object?.name,
      }));
      assertExpectation(input.name, reported, input.expect);
    }
  });

  it('lint --format text and sarif run over all of them', () => {
    const text = cli(['lint', '--fail-on', 'never', '.'], { cwd: join(root, 'ws') });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /broken\/indent\.yaml:4:9 error .*\[yaml-syntax\]/);
    const sarif = cli(['lint', '--format', 'sarif', '--fail-on', 'never', '.'], { cwd: join(root, 'ws') });
    assert.equal(sarif.status, 0, sarif.stderr);
    assert.equal(JSON.parse(sarif.stdout).version, '2.1.0');
  });

  it('non-Kubernetes files alone: exit 0 and no finding', () => {
    const r = cli(['lint', '--format', 'json', '.github', 'docker-compose.yml', 'chart/values.yaml', 'chart/Chart.yaml', 'ansible', 'api', 'overlays', 'empty.yaml', 'comments.yaml', 'image.yaml'], { cwd: join(root, 'ws') });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings, []);
  });

  it('fix: files that parsed still parse, files that did not are left alone, line endings kept', () => {
    const copy = join(root, 'fixed');
    cpSync(join(root, 'ws'), copy, { recursive: true });
    const r = cli(['fix', '.'], { cwd: copy });
    assert.equal(r.status, 0, r.stderr);
    for (const input of HOSTILE_INPUTS) {
      const before = input.bytes ? input.bytes.toString('utf8') : input.text;
      const after = readFileSync(join(copy, input.path), 'utf8');
      const parsedBefore = parseManifest(input.path, before).documents.every(d => !d.problems.length);
      const fileAfter = parseManifest(input.path, after);
      if (parsedBefore) {
        assert.deepEqual(fileAfter.documents.flatMap(d => d.problems.map(p => p.message)), [], `${input.name}: fix broke the YAML:\n${after}`);
      } else {
        assert.equal(after, before, `${input.name}: a file that does not parse was changed`);
        assert.match(r.stderr, new RegExp(`${input.path.replace(/[.]/g, '\\.')}: skipped: the YAML does not parse`));
      }
      if (after !== before) {
        if (before.includes('\r\n')) assert.doesNotMatch(after, /[^\r]\n/, `${input.name}: fix inserted LF into a CRLF file`);
        else if (before.includes('\r')) assert.doesNotMatch(after, /\n/, `${input.name}: fix inserted LF into a CR-only file`);
        if (before.startsWith('\ufeff')) assert.ok(after.startsWith('\ufeff') && !after.slice(1).includes('\ufeff'), `${input.name}: BOM moved`);
      }
    }
    // What fix-all leaves behind still lints without a crash, and the fixed findings are gone.
    const again = cli(['lint', '--format', 'json', '--fail-on', 'never', 'crlf.yaml', 'cr.yaml', 'no-eol.yaml'], { cwd: copy });
    const left = JSON.parse(again.stdout).findings.map((f: JsonRecord) => f.ruleId);
    for (const id of ['memory-limit', 'cpu-request', 'memory-request']) assert.ok(!left.includes(id), `${id} survived fix: ${left}`);
  });

  it('stdin: CRLF text and a Helm template', () => {
    const crlf = cli(['lint', '--format', 'json', '--fail-on', 'never', '-'], { input: CHECKED_DEPLOYMENT.replace(/\n/g, '\r\n') });
    assert.equal(crlf.status, 0, crlf.stderr);
    const f = JSON.parse(crlf.stdout).findings.find((x: JsonRecord) => x.ruleId === 'memory-limit');
    assert.equal(f.file, '<stdin>');
    assert.deepEqual([f.line, f.column], [14, 17]);
    const helm = cli(['lint', '--format', 'json', '-'], { input: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n' });
    assert.equal(helm.status, 0, helm.stderr);
    assert.deepEqual(JSON.parse(helm.stdout).findings.map((x: JsonRecord) => x.ruleId), ['helm-template']);
  });

  it('a 50 MB file is checked (the editor skips it; the CLI does not)', () => {
    const path = join(root, 'huge.yaml');
    writeFileSync(path, hugeManifest(50));
    const started = Date.now();
    const r = cli(['lint', '--format', 'json', '--fail-on', 'never', path]);
    assert.equal(r.status, 0, r.stderr);
    const findings = JSON.parse(r.stdout).findings as JsonRecord[];
    const memory = findings.find(f => f.ruleId === 'memory-limit');
    assert.ok(memory, 'the Deployment after the 50 MB ConfigMap is checked');
    assert.equal(memory.object?.name, 'checked');
    assert.ok(memory.line > 500_000, `line ${memory.line}`);
    assert.ok(Date.now() - started < 90_000, `took ${Date.now() - started} ms`);
  });
});
