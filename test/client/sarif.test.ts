// SARIF 2.1.0 validity: the CLI's `--format sarif` output (and the same formatter the editor's "Export SARIF
// Report" uses) validated against the SARIF 2.1.0 JSON schema. The schema comes from the npm package
// @microsoft/jest-sarif (Microsoft's SARIF SDK), which ships `sarif-2.1.0-rtm.5.json`, the schema of the
// final 2.1.0 format (JSON Schema draft-04, hence ajv-draft-04); formats (uri, uri-reference, date-time)
// are checked with ajv-formats.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { artifactUri, sarifLog } from '../../server/src/analysis/sarif';
import { FindingRecord } from '../../server/src/analysis/records';
import { allRules, ruleDocUrl } from '../../server/src/rules';

const CLI = resolve('dist/cli.js');
const SCHEMA_PATH = createRequire(join(process.cwd(), 'package.json')).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  // unicodeRegExp: false because the schema's `language` pattern (`...[a-zA-Z]{2}]?$`) has a stray `]`
  // that only non-unicode regular expressions accept (as a literal), as draft-04 validators read it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const validate = validator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

function lintSarif(args: string[], cwd?: string): { runs: Array<Record<string, any>> } & Record<string, unknown> {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'sarif', '--fail-on', 'never', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const dirs: string[] = [];
after(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeready-sarif-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const SUPPRESSED_AND_BROKEN = {
  'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubeready.io/ignore: "replicas -- a single replica by design"
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: "wéb-ü"
          image: nginx
`,
  'app/with space/#1.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n',
  'app/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  data: [unclosed\n',
};

function assertRulesDescribed(log: { runs: Array<Record<string, any>> }): void {
  const driver = log.runs[0].tool.driver;
  const checklistOf = new Map(allRules.map(r => [r.meta.id, r.meta.checklist]));
  assert.ok(driver.rules.length > 0);
  for (const rule of driver.rules) {
    assert.equal(rule.helpUri, ruleDocUrl(rule.id));
    assert.ok(rule.properties.tags.includes(checklistOf.get(rule.id)), `${rule.id} tags ${rule.properties.tags}`);
  }
  for (const result of log.runs[0].results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
}

describe('SARIF 2.1.0 output', () => {
  it('the validator rejects logs that break the schema (so a pass means something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a', level: 'warn', message: { text: 'm' } }] }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }), false);
    assertValid({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] });
  });

  it('kubeready lint --format sarif validates on the examples, with helpUri and checklist tags per rule', () => {
    const log = lintSarif(['examples/']);
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 10);
    assert.ok(log.runs[0].results.every((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('examples/')));
    assertRulesDescribed(log);
  });

  it('validates with suppressed findings, syntax errors and non-ASCII names', () => {
    const dir = workspace(SUPPRESSED_AND_BROKEN);
    const log = lintSarif(['--include-suppressed', 'app'], dir);
    assertValid(log);
    const results = log.runs[0].results as Array<Record<string, any>>;
    assert.ok(results.some(r => r.ruleId === 'yaml-syntax'), JSON.stringify(results.map(r => r.ruleId)));
    const suppressed = results.filter(r => r.suppressions);
    assert.ok(suppressed.some(r => r.ruleId === 'replicas'), 'the accepted replicas finding is in the log, marked suppressed');
    assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource' }]);
    const uris = new Set(results.map(r => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('app/with%20space/%231.yaml'), JSON.stringify([...uris]));
    assertRulesDescribed(log);
  });

  it('validates the log of the shared formatter that the editor exports, for every rule and level', () => {
    const records: FindingRecord[] = allRules.map((r, i) => ({
      file: `k8s/dir with space/file-${i}.yaml`, ruleId: r.meta.id, severity: r.meta.severity, checklist: r.meta.checklist,
      message: `${r.meta.title}.`, line: i + 1, column: 1, endLine: i + 1, endColumn: 5, fixable: r.meta.fixable,
      object: { kind: 'Deployment', name: 'web', namespace: 'shop' }, ...(i % 3 === 0 ? { container: 'app' } : {}), ...(i % 4 === 0 ? { suppressed: true } : {}),
    }));
    records.push({ file: 'C:\\repo\\win.yaml', ruleId: 'yaml-syntax', severity: 'error', checklist: 'syntax', message: 'Bad.', line: 3, column: 7, endLine: 3, endColumn: 7, fixable: false });
    const log = sarifLog(records, '1.2.3') as { runs: Array<Record<string, any>> };
    assertValid(log);
    assert.equal(log.runs[0].tool.driver.rules.length, allRules.length);
    assert.equal(log.runs[0].tool.driver.version, '1.2.3');
    assertRulesDescribed(log);
    assertValid(sarifLog([]));
  });

  it('writes file paths as URI references', () => {
    assert.equal(artifactUri('k8s/web.yaml'), 'k8s/web.yaml');
    assert.equal(artifactUri('k8s\\dir with space\\a#b.yaml'), 'k8s/dir%20with%20space/a%23b.yaml');
    assert.equal(artifactUri('a:b/c.yaml'), 'a%3Ab/c.yaml');
    assert.equal(artifactUri('/abs/pâth.yaml'), 'file:///abs/p%C3%A2th.yaml');
    assert.equal(artifactUri('C:\\repo\\x.yaml'), 'file:///C:/repo/x.yaml');
    assert.equal(artifactUri('<stdin>'), '%3Cstdin%3E');
  });
});
