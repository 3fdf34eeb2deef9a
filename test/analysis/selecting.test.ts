// The selector tables of rules/support/selecting.ts must answer exactly what filtering the namespace group
// answers (the same objects, in the same order), for any labels and selectors, and follow edits of the group.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { K8sObject, parseManifest } from '../../server/src/model/manifest';
import { selectorMatches, selectorOf } from '../../server/src/model/workloads';
import { getMap } from '../../server/src/model/nodes';
import { LabelledKind, objectsSelectedBy, objectsSelecting, SelectorKind } from '../../server/src/rules/support/selecting';
import { LabelSelector } from '../../server/src/model/workloads';
import { Rng } from '../robustness/fuzz/rng';

/** Seeded numbers in [0, 1), so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const KEYS = ['app', 'tier', 'team', 'toString', 'app.kubernetes.io/name'];
const VALUES = ['web', 'api', 'db', ''];

function labelsYaml(next: () => number, indent: string): string {
  const lines: string[] = [];
  for (const key of KEYS) if (next() < 0.5) lines.push(`${indent}${JSON.stringify(key)}: ${JSON.stringify(VALUES[Math.floor(next() * VALUES.length)])}`);
  return lines.length ? `\n${lines.join('\n')}` : ' {}';
}

function selectorYaml(next: () => number): string {
  const parts = [`\n      matchLabels:${labelsYaml(next, '        ')}`];
  if (next() < 0.4) {
    const key = KEYS[Math.floor(next() * KEYS.length)];
    const operator = ['In', 'NotIn', 'Exists', 'DoesNotExist'][Math.floor(next() * 4)];
    parts.push(`\n      matchExpressions:\n        - key: ${JSON.stringify(key)}\n          operator: ${operator}\n          values: [${JSON.stringify(VALUES[Math.floor(next() * VALUES.length)])}]`);
  }
  return parts.join('');
}

/** A namespace of labelled Pods and of Services with selectors, as one multi-document file. */
function namespaceText(seed: number): string {
  const next = random(seed);
  const docs: string[] = [];
  for (let i = 0; i < 30; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  labels:${labelsYaml(next, '    ')}\nspec:\n  containers: [{name: a, image: a:1}]`);
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:${selectorYaml(next)}`);
  }
  return docs.join('\n---\n') + '\n';
}

const serviceSelector = (service: K8sObject) => selectorOf(getMap(getMap(service.map, 'spec', service.doc), 'selector', service.doc), service.doc);

const SERVICES: SelectorKind<LabelSelector> = {
  name: 'test: services by selector label',
  kinds: ['Service'],
  selectorOf: serviceSelector,
  requiredLabels: selector => selector.matchLabels,
  matches: selectorMatches,
};

/** Every third pod has no labels to match (as a workload without a pod template): it is never selected. */
const unlabelled = (pod: K8sObject) => Number(pod.name.replace(/\D/g, '')) % 3 === 0;
const PODS: LabelledKind = { name: 'test: pods by label', kinds: ['Pod'], entryOf: pod => (unlabelled(pod) ? undefined : { object: pod, labels: pod.labels }) };

function assertSameAsFilter(index: WorkspaceIndex, label: string): void {
  const pods = index.ofKind('Pod');
  const services = index.ofKind('Service');
  for (const pod of pods) {
    const expected = services.filter(s => { const sel = serviceSelector(s); return !!sel && selectorMatches(sel, pod.labels); });
    assert.deepEqual(objectsSelecting(index, pod, SERVICES, pod.labels).map(o => o.name), expected.map(o => o.name), `${label}: services selecting ${pod.name}`);
  }
  for (const service of services) {
    const selector = serviceSelector(service);
    if (!selector) continue;
    const expected = pods.filter(p => !unlabelled(p) && selectorMatches(selector, p.labels));
    assert.deepEqual(objectsSelectedBy(index, service, PODS, selector).map(o => o.name), expected.map(o => o.name), `${label}: pods selected by ${service.name}`);
  }
}

describe('selector tables (rules/support/selecting.ts)', () => {
  it('answer what filtering the namespace answers, for random labels and selectors', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const index = new WorkspaceIndex();
      index.setFile('file:///ns.yaml', parseManifest('file:///ns.yaml', namespaceText(seed)).documents.flatMap(d => d.objects));
      assertSameAsFilter(index, `seed ${seed}`);
    }
  });

  it('are rebuilt when an object of the group changes, and only then', () => {
    const index = new WorkspaceIndex();
    index.setFile('file:///a.yaml', parseManifest('file:///a.yaml', namespaceText(7)).documents.flatMap(d => d.objects));
    assertSameAsFilter(index, 'before');
    // Another file with objects of the same namespace group: the tables must see them.
    index.setFile('file:///b.yaml', parseManifest('file:///b.yaml', namespaceText(8).replace(/name: (pod|svc)-/g, 'name: b-$1-')).documents.flatMap(d => d.objects));
    assertSameAsFilter(index, 'after adding a file');
    index.removeFile('file:///a.yaml');
    assertSameAsFilter(index, 'after removing a file');
  });
});
