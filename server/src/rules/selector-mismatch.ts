import { Document, isMap, isScalar, Node, YAMLMap } from 'yaml';
import { findPair, getMap } from '../model/nodes';
import { formatLabels, isEmptySelector, LabelSelector, selectorMatches, workloadSelector } from '../model/workloads';
import { describeObject } from './support/describe';
import { FixSpec, Rule } from './types';

/** Workloads whose controller finds its pods through `spec.selector`. */
const SELECTOR_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig'];

export const selectorMismatch: Rule = {
  meta: {
    id: 'selector-mismatch', checklist: 'networking', severity: 'error', kinds: SELECTOR_KINDS, fixable: true,
    title: 'Workload selectors match their pod template labels',
    whenItFails: 'The API server rejects the workload (`selector` does not match template `labels`), so the release never rolls out.',
    remediation: 'Give the pod template every label the selector asks for; the selector itself is immutable once the workload exists.',
  },
  check(ctx) {
    const selector = workloadSelector(ctx.object);
    const pod = ctx.pod();
    if (!selector || !pod || isEmptySelector(selector)) return;
    if (selectorMatches(selector, pod.labels)) return;
    const consequence = ctx.object.kind === 'Rollout'
      ? 'the Argo Rollouts controller marks it InvalidSpec and never creates its pods.'
      : 'the API server rejects the object, so it is never rolled out.';
    const labels = Object.keys(pod.labels).length ? formatLabels(pod.labels) : 'none';
    const key = findPair(getMap(ctx.object.map, 'spec', ctx.doc), 'selector', ctx.doc)?.key;
    ctx.report({
      node: (key as Node | undefined) ?? selector.node,
      message: `The selector of ${describeObject(ctx.object)} (${describeSelector(selector)}) does not match its pod template labels (${labels}): ${consequence}`,
      fixes: addLabelsFix(selector, pod.labels, pod.template, ctx.doc),
    });
  },
};

export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator.toLowerCase() === 'notin' ? 'notin' : 'in'} (${e.values.join(',')})`);
  }
  return parts.join(', ');
}

/**
 * Adds the selector's missing labels to the pod template, when that alone makes them match: no label with
 * another value, no unmet expression, and no label block that comes from an alias or a merge key.
 */
function addLabelsFix(selector: LabelSelector, labels: Record<string, string>, template: YAMLMap, doc: Document): FixSpec[] {
  const missing: Record<string, string> = {};
  for (const [k, v] of Object.entries(selector.matchLabels)) {
    if (!(k in labels)) missing[k] = v;
    else if (labels[k] !== v) return [];
  }
  if (!Object.keys(missing).length || !selectorMatches(selector, { ...labels, ...missing })) return [];
  const metadata = ownChild(template, 'metadata', doc);
  if (metadata === null) return [];
  if (metadata && ownChild(metadata, 'labels', doc) === null) return [];
  return [{
    title: 'Add selector labels to pod template',
    preferred: true,
    edit: b => b.merge(template, { metadata: { labels: missing } }),
  }];
}

/** The map under `key` when it is written in `map` itself; undefined when absent; null when aliased, merged or not a map. */
function ownChild(map: YAMLMap, key: string, doc: Document): YAMLMap | undefined | null {
  const pair = findPair(map, key, doc);
  if (!pair) return undefined;
  if (!map.items.includes(pair)) return null;
  const value = pair.value;
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) return undefined;
  if (!isMap(value)) return null;
  return value;
}
