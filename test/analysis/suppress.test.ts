// Every suppression form: what it accepts, what it leaves alone, and what it reports when stale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/analysis/lint';
import { defaultSettings } from '../../server/src/analysis/settings';
import { ConfigIgnores } from '../../server/src/analysis/suppress';

const deployment = (annotations: string, templateAnnotations = '', containerComment = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  template:
    metadata:
${templateAnnotations}      labels: {app: web}
    spec:
      containers:
${containerComment}        - name: app
          image: app:1.0
        - name: sidecar
          image: proxy:1.0
`;

function verdicts(text: string, config?: ConfigIgnores) {
  const { findings } = lintText('k8s/web.yaml', text, defaultSettings(), undefined, { suppressions: config });
  const active = findings.filter(f => !f.suppressed);
  const suppressed = findings.filter(f => f.suppressed);
  return {
    active: (rule: string, container?: string) => active.some(f => f.ruleId === rule && (container === undefined || f.container === container)),
    suppressed: (rule: string, container?: string) => suppressed.find(f => f.ruleId === rule && (container === undefined || f.container === container)),
    unused: active.filter(f => f.ruleId === 'unused-suppression').map(f => f.message),
  };
}

describe('suppressions', () => {
  it('kubeready.io/ignore on the object, with a reason', () => {
    const v = verdicts(deployment('  annotations:\n    kubeready.io/ignore: "memory-limit,cpu-limit -- sized by the VPA"\n'));
    assert.ok(!v.active('memory-limit') && !v.active('cpu-limit'));
    assert.deepEqual(v.suppressed('memory-limit', 'app')?.suppressed, { source: 'annotation kubeready.io/ignore', reason: 'sized by the VPA' });
    assert.ok(v.active('memory-request'));
    assert.deepEqual(v.unused, []);
  });

  it('kubeready.io/ignore: "*" on the pod template', () => {
    const v = verdicts(deployment('', '      annotations:\n        kubeready.io/ignore: "*"\n'));
    assert.ok(!v.active('memory-limit') && !v.active('cpu-request'));
    assert.ok(v.suppressed('cpu-request'));
  });

  it('kubeready.io/ignore.<container> only for that container', () => {
    const v = verdicts(deployment('', '      annotations:\n        kubeready.io/ignore.sidecar: "memory-limit"\n'));
    assert.ok(v.suppressed('memory-limit', 'sidecar'));
    assert.ok(v.active('memory-limit', 'app'));
  });

  it('# kubeready-ignore on the line above the finding', () => {
    const v = verdicts(deployment('', '', '        # kubeready-ignore memory-limit -- measured peak is 40Mi\n'));
    assert.ok(v.suppressed('memory-limit', 'app'));
    assert.ok(v.active('memory-limit', 'sidecar'));
  });

  it('# kubeready-ignore at the end of the line', () => {
    const text = deployment('').replace('        - name: sidecar\n', '        - name: sidecar # kubeready-ignore cpu-limit,cpu-request\n');
    const v = verdicts(text);
    assert.ok(v.suppressed('cpu-limit', 'sidecar') && v.suppressed('cpu-request', 'sidecar'));
    assert.ok(v.active('cpu-limit', 'app'));
  });

  it('# kubeready-ignore-file for the whole document', () => {
    const v = verdicts('# kubeready-ignore-file memory-limit\n' + deployment(''));
    assert.ok(!v.active('memory-limit'));
  });

  it("peer annotations: kube-linter, Polaris, kube-score", () => {
    assert.ok(verdicts(deployment('  annotations:\n    ignore-check.kube-linter.io/unset-memory-requirements: "sized elsewhere"\n')).suppressed('memory-limit'));
    assert.ok(verdicts(deployment('  annotations:\n    polaris.fairwinds.com/memoryLimitsMissing-exempt: "true"\n')).suppressed('memory-limit'));
    assert.ok(!verdicts(deployment('  annotations:\n    polaris.fairwinds.com/memoryLimitsMissing-exempt: "false"\n')).suppressed('memory-limit'));
    const polarisAll = verdicts(deployment('  annotations:\n    polaris.fairwinds.com/exempt: "true"\n'));
    assert.ok(polarisAll.suppressed('cpu-request') && polarisAll.suppressed('memory-limit'));
    assert.ok(verdicts(deployment('  annotations:\n    kube-score/ignore: container-resources\n')).suppressed('cpu-limit'));
  });

  it('config file ignore entries match kind, name glob, namespace and path', () => {
    const entry = (e: object): ConfigIgnores => ({ entries: [{ rule: 'memory-limit', ...e } as never], relativePath: 'k8s/web.yaml', source: '.kubeready.yaml' });
    assert.ok(verdicts(deployment(''), entry({ kind: 'Deployment', name: 'w*' })).suppressed('memory-limit'));
    assert.ok(!verdicts(deployment(''), entry({ kind: 'StatefulSet' })).suppressed('memory-limit'));
    assert.ok(!verdicts(deployment(''), entry({ namespace: 'shop' })).suppressed('memory-limit'));
    assert.ok(verdicts(deployment(''), entry({ path: 'k8s/**' })).suppressed('memory-limit'));
    assert.ok(!verdicts(deployment(''), entry({ path: 'vendor/**' })).suppressed('memory-limit'));
    assert.equal(verdicts(deployment(''), entry({ reason: 'vendor chart' })).suppressed('memory-limit')?.suppressed?.reason, 'vendor chart');
  });

  it('reports suppressions that suppress nothing', () => {
    const v = verdicts(deployment('  annotations:\n    kubeready.io/ignore: "memory-limitz"\n'));
    assert.equal(v.unused.length, 1);
    assert.match(v.unused[0], /Unknown rule id "memory-limitz"/);
    assert.ok(v.active('memory-limit'));
  });

  it('a turned-off unused-suppression rule reports nothing', () => {
    const settings = { ...defaultSettings(), rules: { 'unused-suppression': 'off' as const } };
    const { findings } = lintText('a.yaml', deployment('  annotations:\n    kubeready.io/ignore: "nope"\n'), settings);
    assert.ok(!findings.some(f => f.ruleId === 'unused-suppression'));
  });
});
