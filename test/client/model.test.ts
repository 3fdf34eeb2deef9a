// The checklist tree model (client/src/checklist/model.ts): workloads x items x findings, scopes, scores.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  buildTree, countIssues, entryScore, headline, inScope, isRuleId, ruleDocUrl, summarize, summaryLabel, TreeNode,
  scoreSentence, baseName, findingLabel, OTHER_OBJECTS_LABEL, FILE_PROBLEMS_LABEL,
} from '../../client/src/checklist/model';
import { buildChecklist } from '../../server/src/analysis/checklist';
import { Project } from '../../server/src/analysis/project';
import { defaultSettings } from '../../server/src/analysis/settings';
import { ruleDocUrl as serverRuleDocUrl } from '../../server/src/rules';
import { BROKEN, DB, emptySnapshot, item, sampleSnapshot, WEB, workload } from './fixtures';

const rel = (uri: string) => uri.replace('file:///ws/', '');

function find(nodes: TreeNode[], label: string): TreeNode {
  const n = nodes.find(x => x.label === label);
  assert.ok(n, `no node "${label}" among ${JSON.stringify(nodes.map(x => x.label))}`);
  return n;
}

function allIds(nodes: TreeNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.id);
    if (n.children) allIds(n.children, out);
  }
  return out;
}

describe('checklist tree model', () => {
  it('shows a summary row, one node per workload, other objects and file problems (workspace scope)', () => {
    const roots = buildTree(sampleSnapshot(), { scope: 'workspace', displayPath: rel });
    assert.deepEqual(roots.map(r => [r.kind, r.label, r.description]), [
      ['summary', '2 of 4 workloads production-ready', 'workspace'],
      ['workload', 'Deployment/web', 'shop · k8s/web.yaml'],
      ['workload', 'Deployment/api', 'shop · k8s/web.yaml'],
      ['workload', 'StatefulSet/db', 'data · k8s/db.yaml'],
      ['workload', 'CronJob/backup', 'data · k8s/db.yaml'],
      ['group', OTHER_OBJECTS_LABEL, '1 object · 1 finding'],
      ['group', FILE_PROBLEMS_LABEL, '1 finding'],
    ]);
    assert.deepEqual(roots.map(r => r.icon), ['fail', 'fail', 'pass', 'fail', 'pass', 'group', 'group']);
  });

  it('lists the six items under a workload with pass/fail and the count of findings, then the findings', () => {
    const web = find(buildTree(sampleSnapshot(), { scope: 'workspace', displayPath: rel }), 'Deployment/web');
    assert.deepEqual(web.children!.map(c => [c.label, c.description, c.icon]), [
      ['Resources', '2 findings', 'fail'],
      ['Health checks', '1 finding', 'fail'],
      ['RBAC', 'pass', 'pass'],
      ['Replicas', 'accepted exception', 'accepted'],
      ['Observability', 'pass', 'pass'],
      ['Security', 'pass', 'pass'],
    ]);
    const resources = find(web.children!, 'Resources');
    assert.deepEqual(resources.children!.map(f => [f.kind, f.label, f.description, f.icon]), [
      ['finding', 'Container "web" breaks memory-limit', 'memory-limit · line 21', 'warning'],
      ['finding', 'Container "web" breaks cpu-request', 'cpu-request · line 21', 'info'],
    ]);
    // Clicking a finding reveals its exact range.
    assert.deepEqual(resources.children![0].target, { uri: WEB, range: { start: { line: 20, character: 8 }, end: { line: 20, character: 11 } } });
    assert.equal(resources.children![0].finding?.ruleId, 'memory-limit');
    assert.equal(resources.children![0].entry?.name, 'web');
    // RBAC passes: no children, nothing to expand.
    assert.equal(find(web.children!, 'RBAC').children, undefined);
    const accepted = find(web.children!, 'Replicas').children![0];
    assert.equal(accepted.icon, 'accepted');
    assert.equal(accepted.description, 'pdb · accepted');
    assert.match(accepted.tooltip!, /Accepted exception \(annotation kubeready\.io\/ignore: single replica by design\)/);
  });

  it('adds State and Networking when they apply and marks items that do not apply', () => {
    const roots = buildTree(sampleSnapshot(), { scope: 'workspace', displayPath: rel });
    const db = find(roots, 'StatefulSet/db');
    assert.deepEqual(db.children!.map(c => c.label), ['Resources', 'Health checks', 'RBAC', 'Replicas', 'Observability', 'Security', 'State']);
    assert.equal(find(db.children!, 'State').children![0].icon, 'error');
    const backup = find(roots, 'CronJob/backup');
    assert.deepEqual(backup.children!.map(c => `${c.label}: ${c.description}`), [
      'Resources: pass', 'Health checks: not applicable', 'RBAC: pass', 'Replicas: not applicable', 'Observability: not applicable', 'Security: pass',
    ]);
    assert.equal(find(backup.children!, 'Replicas').icon, 'n/a');
  });

  it('groups non-workload objects with their findings', () => {
    const others = find(buildTree(sampleSnapshot(), { scope: 'workspace', displayPath: rel }), OTHER_OBJECTS_LABEL);
    assert.deepEqual(others.children!.map(o => [o.kind, o.label, o.description, o.icon]), [['object', 'Role/reader', 'k8s/db.yaml', 'fail']]);
    const rbac = others.children![0].children!;
    assert.deepEqual(rbac.map(i => [i.label, i.description]), [['RBAC', '1 finding']]);
    assert.equal(rbac[0].children![0].label, 'Grants "*" on "*"');
    const files = find(buildTree(sampleSnapshot(), { scope: 'workspace', displayPath: rel }), FILE_PROBLEMS_LABEL);
    assert.deepEqual(files.children!.map(f => [f.kind, f.label, f.description]), [['file', 'broken.yaml', 'k8s/broken.yaml']]);
    assert.equal(files.children![0].children![0].target?.uri, BROKEN);
  });

  it('scopes to the active file', () => {
    const roots = buildTree(sampleSnapshot(), { scope: 'file', activeUri: DB, displayPath: rel });
    assert.deepEqual(roots.map(r => r.label), ['1 of 2 workloads production-ready', 'StatefulSet/db', 'CronJob/backup', OTHER_OBJECTS_LABEL]);
    assert.equal(roots[0].description, 'k8s/db.yaml');
    // The file scope opens the workloads and their failing items.
    assert.equal(roots[1].expanded, true);
    assert.equal(find(roots[1].children!, 'State').expanded, true);
    assert.equal(find(roots[1].children!, 'RBAC').expanded, false);
    const broken = buildTree(sampleSnapshot(), { scope: 'file', activeUri: BROKEN, displayPath: rel });
    assert.deepEqual(broken.map(r => r.label), ['No workloads', FILE_PROBLEMS_LABEL]);
    const none = buildTree(sampleSnapshot(), { scope: 'file', activeUri: undefined, displayPath: rel });
    assert.deepEqual(none.map(r => [r.kind, r.label]), [['message', 'No manifest in the active editor']]);
    assert.deepEqual(inScope(sampleSnapshot(), 'file', 'file:///elsewhere.yaml'), { workloads: [], others: [], fileFindings: [] });
  });

  it('is empty (welcome view) with no snapshot or no manifests, and says when it is indexing', () => {
    assert.deepEqual(buildTree(undefined, { scope: 'workspace' }), []);
    assert.deepEqual(buildTree(emptySnapshot(), { scope: 'workspace' }), []);
    const onlyConfigMaps = { ...emptySnapshot(true), objects: 2, files: 1 };
    const roots = buildTree(onlyConfigMaps, { scope: 'workspace' });
    assert.deepEqual(roots.map(r => [r.label, r.description, r.icon]), [['No workloads', 'workspace · indexing…', 'n/a']]);
  });

  it('gives every node a unique id, stable across rebuilds', () => {
    const snap = sampleSnapshot();
    // The same object twice in one file (a copy-paste) must not collide.
    snap.workloads.push(workload(WEB, 'Deployment', 'api', [], 'shop', 40));
    const a = allIds(buildTree(snap, { scope: 'workspace' }));
    assert.equal(new Set(a).size, a.length);
    assert.deepEqual(allIds(buildTree(snap, { scope: 'workspace' })), a);
  });
});

describe('readiness score', () => {
  it('is the share of applicable items that pass or are accepted exceptions', () => {
    const [web, api, db, backup] = sampleSnapshot().workloads;
    assert.deepEqual(entryScore(web), { applicable: 6, passing: 4, accepted: 1, score: 4 / 6, ready: false });
    assert.deepEqual(entryScore(api), { applicable: 6, passing: 6, accepted: 0, score: 1, ready: true });
    assert.deepEqual(entryScore(db), { applicable: 7, passing: 6, accepted: 0, score: 6 / 7, ready: false });
    // Items that do not apply are left out, not counted as passing.
    assert.deepEqual(entryScore(backup), { applicable: 3, passing: 3, accepted: 0, score: 1, ready: true });
    assert.deepEqual(entryScore({ items: [item('resources', 'n/a')] }), { applicable: 0, passing: 0, accepted: 0, score: 1, ready: true });
  });

  it('agrees with the score the server computes for each workload', () => {
    for (const w of sampleSnapshot().workloads) assert.equal(entryScore(w).score, w.score, `${w.kind}/${w.name}`);
  });

  it('pools the items of all workloads for the overall score', () => {
    const s = summarize(sampleSnapshot().workloads);
    assert.deepEqual(s, { workloads: 4, ready: 2, applicable: 22, passing: 19, accepted: 1, score: 19 / 22 });
    assert.equal(summaryLabel(s), '2 of 4 workloads production-ready');
    assert.equal(scoreSentence(s), 'Checklist score 86%: 19 of 22 applicable items pass (1 as accepted exceptions)');
    assert.equal(summaryLabel(summarize([sampleSnapshot().workloads[1]])), '1 of 1 workload production-ready');
    assert.deepEqual(summarize([]), { workloads: 0, ready: 0, applicable: 0, passing: 0, accepted: 0, score: 1 });
    assert.equal(summaryLabel(summarize([])), 'No workloads');
  });

  it('counts issues without accepted exceptions, per file or in all', () => {
    const snap = sampleSnapshot();
    assert.equal(countIssues(snap), 6); // 2 resources + 1 health + 1 state + 1 rbac + 1 syntax; the pdb one is accepted
    assert.equal(countIssues(snap, WEB), 3);
    assert.equal(countIssues(snap, DB), 2);
    assert.equal(countIssues(snap, BROKEN), 1);
    assert.equal(countIssues(snap, 'file:///none.yaml'), 0);
  });
});

describe('labels', () => {
  it('shortens a finding message to its headline', () => {
    assert.equal(headline('Container "web" has no memory limit: the node kills it.'), 'Container "web" has no memory limit');
    assert.equal(headline('Image uses latest. Pin it.'), 'Image uses latest');
    assert.equal(headline('No separator at all.'), 'No separator at all');
    assert.equal(headline('x'.repeat(150)).length, 100);
    assert.ok(headline('x'.repeat(150)).endsWith('…'));
  });

  it('leaves the object out of a finding label under that object', () => {
    const web = { kind: 'Deployment', name: 'web' };
    assert.equal(findingLabel('Container "app" of Deployment "web" has no memory limit: it may eat the node.', web), 'Container "app" has no memory limit');
    assert.equal(findingLabel('Deployment "web" runs 1 replica (at least 2 expected): a drain takes it down.', web), 'Runs 1 replica (at least 2 expected)');
    assert.equal(findingLabel('Deployment "webapp" runs 1 replica: x', web), 'Deployment "webapp" runs 1 replica');
    assert.equal(findingLabel('Container "app" of Deployment "web" has no limit: x'), 'Container "app" of Deployment "web" has no limit');
  });

  it('names files by their base name by default', () => {
    assert.equal(baseName('file:///ws/k8s/my%20app.yaml'), 'my app.yaml');
    assert.equal(baseName('untitled:Untitled-1'), 'Untitled-1');
  });

  it('links rules to the same documentation URL as the server', () => {
    for (const id of ['memory-limit', 'pdb', 'yaml-syntax']) assert.equal(ruleDocUrl(id), serverRuleDocUrl(id));
    assert.ok(isRuleId('memory-limit'));
    assert.ok(!isRuleId('../../etc/passwd'));
    assert.ok(!isRuleId('Memory Limit'));
    assert.ok(!isRuleId(42));
  });
});

describe('checklist tree from the real analysis of examples/', () => {
  it('builds the tree from buildChecklist output', () => {
    const dir = resolve('examples');
    const project = new Project();
    const uris = readdirSync(dir).filter(f => f.endsWith('.yaml')).map(f => {
      const uri = pathToFileURL(join(dir, f)).href;
      project.update(uri, readFileSync(join(dir, f), 'utf8'));
      return uri;
    });
    const snapshot = buildChecklist(uris.map(uri => ({ uri, file: project.get(uri)!, findings: project.analyze(uri, defaultSettings()) })));
    assert.ok(snapshot.objects >= snapshot.workloads.length + snapshot.others.length);
    assert.equal(snapshot.files, uris.length);
    const roots = buildTree(snapshot, { scope: 'workspace' });
    const storefront = find(roots, 'Deployment/storefront');
    assert.equal(storefront.icon, 'fail');
    assert.equal(storefront.description, 'shop · storefront.yaml');
    const resources = find(storefront.children!, 'Resources');
    assert.equal(resources.icon, 'fail');
    assert.ok(resources.children!.some(f => f.finding?.ruleId === 'memory-limit'), 'storefront has no memory limit');
    assert.equal(resources.description, `${resources.children!.filter(f => !f.finding?.suppressed).length} findings`);
    // Every workload shows at least the six core items, in the checklist's order.
    for (const w of roots.filter(r => r.kind === 'workload')) {
      assert.deepEqual(w.children!.slice(0, 6).map(c => c.label), ['Resources', 'Health checks', 'RBAC', 'Replicas', 'Observability', 'Security']);
    }
    const s = summarize(snapshot.workloads);
    assert.equal(roots[0].label, summaryLabel(s));
    assert.ok(s.ready < s.workloads, 'the examples include workloads that are not ready');
    assert.equal(countIssues(snapshot), snapshot.workloads.concat(snapshot.others)
      .reduce((n, e) => n + e.items.reduce((m, i) => m + i.findings.filter(f => !f.suppressed).length, 0), 0)
      + snapshot.fileFindings.reduce((n, f) => n + f.findings.filter(x => !x.suppressed).length, 0));
    assert.ok(find(roots, OTHER_OBJECTS_LABEL).children!.some(o => o.label.startsWith('ClusterRoleBinding/') || o.label.startsWith('Role/')));
  });
});
