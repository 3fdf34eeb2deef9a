// Which settings apply: defaults < user settings < the nearest .kubeready.yaml (or an explicit one).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigResolver } from '../../server/src/analysis/configResolver';
import { lintText } from '../../server/src/analysis/lint';

const files: Record<string, string> = {
  '/repo/.kubeready.yaml': 'rules:\n  memory-limit: off\nreplicas: {minimum: 3}\nexclude: ["vendor/**"]\n',
  '/repo/team-b/.kubeready.yml': 'rules:\n  cpu-limit: error\n',
  '/elsewhere/custom.yaml': 'resources: {requireCpuLimit: false}\n',
};
const read = (p: string) => files[p];

describe('configuration resolution', () => {
  it('the nearest config file above a manifest applies', () => {
    const r = new ConfigResolver(read);
    assert.equal(r.configFor('/repo/k8s/app/web.yaml'), '/repo/.kubeready.yaml');
    assert.equal(r.configFor('/repo/team-b/svc/web.yaml'), '/repo/team-b/.kubeready.yml');
    assert.equal(r.configFor('/other/web.yaml'), undefined);
  });

  it('the file wins over user settings, which win over defaults', () => {
    const r = new ConfigResolver(read);
    const s = r.resolve('/repo/k8s/web.yaml', { rules: { 'memory-limit': 'error', 'cpu-request': 'info' }, replicas: { minimum: 5 } }).settings;
    assert.equal(s.rules['memory-limit'], 'off');
    assert.equal(s.rules['cpu-request'], 'info');
    assert.equal(s.replicas.minimum, 3);
    assert.equal(s.fixes.resources.limits.memory, '256Mi');
  });

  it('exclude globs are relative to the config file', () => {
    const r = new ConfigResolver(read);
    assert.equal(r.resolve('/repo/vendor/chart/x.yaml').excluded, true);
    assert.equal(r.resolve('/repo/k8s/x.yaml').excluded, false);
    assert.equal(r.resolve('/repo/k8s/x.yaml', { exclude: ['k8s/*.yaml'] }, '/repo').excluded, true);
  });

  it('an explicit config file (--config) replaces the search', () => {
    const r = new ConfigResolver(read, '/elsewhere/custom.yaml');
    const s = r.resolve('/repo/k8s/web.yaml').settings;
    assert.equal(s.resources.requireCpuLimit, false);
    assert.equal(s.rules['memory-limit'], undefined);
  });

  it('settings change what the engine reports', () => {
    const r = new ConfigResolver(read);
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: c:1\n';
    const { findings } = lintText('/repo/team-b/p.yaml', text, r.resolve('/repo/team-b/p.yaml').settings);
    assert.equal(findings.find(f => f.ruleId === 'cpu-limit')?.severity, 'error');
    const { findings: root } = lintText('/repo/p.yaml', text, r.resolve('/repo/p.yaml').settings);
    assert.ok(!root.some(f => f.ruleId === 'memory-limit'));
  });

  it('a broken config reports problems and still resolves to working settings', () => {
    const r = new ConfigResolver(p => (p === '/x/.kubeready.yaml' ? 'rules: [oops\n' : undefined));
    const resolved = r.resolve('/x/a.yaml');
    assert.ok(resolved.config!.problems.length > 0);
    assert.equal(resolved.settings.enable, true);
  });
});
