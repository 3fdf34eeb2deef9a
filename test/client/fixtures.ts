// Hand-made checklist snapshots for the client's unit tests: exact inputs, so the tests can assert exact trees.
import type { ChecklistEntry, ChecklistFinding, ChecklistItem, ChecklistSnapshot, ItemStatus } from '../../server/src/analysis/checklist';

const TITLES: Record<string, string> = {
  resources: 'Resources', health: 'Health checks', rbac: 'RBAC', replicas: 'Replicas', observability: 'Observability',
  security: 'Security', state: 'State', networking: 'Networking', syntax: 'Syntax',
};

export function finding(ruleId: string, line: number, extra: Partial<ChecklistFinding> = {}): ChecklistFinding {
  return {
    ruleId, severity: 'warning', message: `Container "web" breaks ${ruleId}: and here is why it matters.`,
    range: { start: { line, character: 8 }, end: { line, character: 11 } }, fixable: true, ...extra,
  };
}

export function item(id: string, status: ItemStatus, findings: ChecklistFinding[] = []): ChecklistItem {
  return { id: id as ChecklistItem['id'], title: TITLES[id], status, findings };
}

/** A workload with the six core items; `overrides` replaces items by id (and may add state/networking). */
export function workload(uri: string, kind: string, name: string, overrides: ChecklistItem[] = [], namespace?: string, line = 3): ChecklistEntry {
  const core = ['resources', 'health', 'rbac', 'replicas', 'observability', 'security'];
  const items = core.map(id => overrides.find(o => o.id === id) ?? item(id, 'pass'));
  for (const o of overrides) if (!core.includes(o.id)) items.push(o);
  const counted = items.filter(i => i.status !== 'n/a');
  const passing = counted.filter(i => i.status !== 'fail').length;
  const entry: ChecklistEntry = {
    uri, kind, name, workload: true,
    range: { start: { line, character: 8 }, end: { line, character: 8 + name.length } },
    items, score: counted.length ? passing / counted.length : 1, ready: passing === counted.length,
  };
  if (namespace !== undefined) entry.namespace = namespace;
  return entry;
}

export function other(uri: string, kind: string, name: string, items: ChecklistItem[], line = 1): ChecklistEntry {
  const failing = items.some(i => i.status === 'fail');
  return {
    uri, kind, name, workload: false,
    range: { start: { line, character: 8 }, end: { line, character: 8 + name.length } },
    items, score: failing ? 0 : 1, ready: !failing,
  };
}

export const WEB = 'file:///ws/k8s/web.yaml';
export const DB = 'file:///ws/k8s/db.yaml';
export const BROKEN = 'file:///ws/k8s/broken.yaml';

/**
 * web.yaml: Deployment web (fails resources with 2 findings, health with 1; replicas accepted) and
 * Deployment api (ready); db.yaml: StatefulSet db (fails state), CronJob backup (n/a items, ready),
 * Role reader (other object, fails rbac); broken.yaml: a syntax error.
 */
export function sampleSnapshot(): ChecklistSnapshot {
  return {
    indexing: false,
    workloads: [
      workload(WEB, 'Deployment', 'web', [
        item('resources', 'fail', [finding('memory-limit', 20), finding('cpu-request', 20, { severity: 'info', fixable: false })]),
        item('health', 'fail', [finding('readiness-probe', 19)]),
        item('replicas', 'accepted', [finding('pdb', 3, { suppressed: 'annotation kubeready.io/ignore: single replica by design' })]),
      ], 'shop', 3),
      workload(WEB, 'Deployment', 'api', [], 'shop', 40),
      workload(DB, 'StatefulSet', 'db', [item('state', 'fail', [finding('stateful-data-ephemeral', 30, { severity: 'error' })])], 'data', 3),
      workload(DB, 'CronJob', 'backup', [item('health', 'n/a'), item('replicas', 'n/a'), item('observability', 'n/a')], 'data', 60),
    ],
    others: [other(DB, 'Role', 'reader', [item('rbac', 'fail', [finding('wildcard-rbac', 80, { message: 'Role "reader" grants "*" on "*": any new resource type is readable.' })])], 78)],
    fileFindings: [{ uri: BROKEN, findings: [finding('yaml-syntax', 4, { severity: 'error', message: 'Nested mappings are not allowed in compact mappings at line 5.', fixable: false })] }],
    objects: 9,
    files: 3,
  };
}

export function emptySnapshot(indexing = false): ChecklistSnapshot {
  return { indexing, workloads: [], others: [], fileFindings: [], objects: 0, files: 0 };
}
