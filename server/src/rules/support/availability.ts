// What the replica and disruption rules share: the labels a workload's pods carry, the autoscalers that
// scale it, the PodDisruptionBudgets that cover it and how many pods it runs.
import { Node, YAMLMap } from 'yaml';
import { WorkspaceIndex } from '../../analysis/workspace';
import { EditBuilder, renderBlock, YamlValue } from '../../model/edits';
import { K8sObject } from '../../model/manifest';
import { memoByObject } from '../../model/memo';
import { findPair, getMap, getNode, getScalar, getString } from '../../model/nodes';
import { isEmptySelector, LabelSelector, LONG_RUNNING_KINDS, podTemplate, REPLICATED_KINDS, replicasOf, selectorMatches, selectorOf, workloadSelector } from '../../model/workloads';
import { fileUnder, LabelledKind, objectsSelectedBy, objectsSelecting, SelectorKind } from './selecting';

/**
 * The labels of a workload's pods: its pod template labels; when the template has none, the labels its
 * selector requires (the pods it manages carry them).
 */
export function podLabels(workload: K8sObject): Record<string, string> {
  const pod = podTemplate(workload);
  if (pod && Object.keys(pod.labels).length) return pod.labels;
  return workloadSelector(workload)?.matchLabels ?? pod?.labels ?? {};
}

export interface Autoscaler {
  object: K8sObject;
  /** The floor it scales down to (Kubernetes/KEDA defaults applied). */
  minReplicas: number;
  /** The node holding minReplicas, when set. */
  minNode: Node | undefined;
  maxReplicas: number | undefined;
}

export const AUTOSCALER_KINDS = ['HorizontalPodAutoscaler', 'ScaledObject'] as const;

function numberAt(map: unknown, key: string, object: K8sObject): number | undefined {
  const v = getScalar(map, key, object.doc)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** An HPA or KEDA ScaledObject as an autoscaler, with the kind and name of what it scales. */
/** Memoized: every workload of a namespace reads every autoscaler of it. */
export const readAutoscaler: (object: K8sObject) => (Autoscaler & { targetKind: string; targetName: string }) | undefined = memoByObject(readAutoscalerOf);

function readAutoscalerOf(object: K8sObject): (Autoscaler & { targetKind: string; targetName: string }) | undefined {
  const spec = getMap(object.map, 'spec', object.doc);
  const ref = getMap(spec, 'scaleTargetRef', object.doc);
  const targetName = getString(ref, 'name', object.doc);
  if (!targetName) return undefined;
  if (object.kind === 'HorizontalPodAutoscaler') {
    const targetKind = getString(ref, 'kind', object.doc);
    if (!targetKind) return undefined;
    return {
      object, targetKind, targetName,
      minReplicas: numberAt(spec, 'minReplicas', object) ?? 1,
      minNode: getNode(spec, 'minReplicas', object.doc),
      maxReplicas: numberAt(spec, 'maxReplicas', object),
    };
  }
  if (object.kind === 'ScaledObject') {
    return {
      object, targetKind: getString(ref, 'kind', object.doc) || 'Deployment', targetName,
      minReplicas: numberAt(spec, 'minReplicaCount', object) ?? 0,
      minNode: getNode(spec, 'minReplicaCount', object.doc),
      maxReplicas: numberAt(spec, 'maxReplicaCount', object) ?? 100,
    };
  }
  return undefined;
}

/**
 * Autoscalers in the workload's namespace group whose scaleTargetRef names it (kind and name), in the group's
 * order. Every workload asks: a table of the group's autoscalers by target answers. Shared: do not modify.
 */
export function autoscalersOf(workspace: WorkspaceIndex, workload: K8sObject): readonly Autoscaler[] {
  if (!workload.name) return NO_AUTOSCALERS;
  const byTarget = workspace.derivedInNamespace('autoscalers by target', workload, AUTOSCALER_KINDS, autoscalersByTarget);
  return byTarget.get(workload.kind)?.get(workload.name) ?? NO_AUTOSCALERS;
}

const NO_AUTOSCALERS: readonly Autoscaler[] = Object.freeze([]);

/** Autoscalers by the kind, then the name, of their target. */
function autoscalersByTarget(objects: readonly K8sObject[]): Map<string, Map<string, Autoscaler[]>> {
  const byTarget = new Map<string, Map<string, Autoscaler[]>>();
  for (const object of objects) {
    const a = readAutoscaler(object);
    if (a) fileUnder(byTarget, a.targetKind, a.targetName, a);
  }
  return byTarget;
}

/**
 * How many pods a workload keeps when things are quiet: the lowest autoscaler floor when it is autoscaled,
 * else spec.replicas (1 when unset); a Pod is 1. Undefined when it cannot be known (DaemonSet: one per node;
 * replicas not a number).
 */
export function steadyPods(workspace: WorkspaceIndex, workload: K8sObject): { count: number; autoscaler?: Autoscaler } | undefined {
  if (workload.kind === 'Pod') return { count: 1 };
  if (!REPLICATED_KINDS.includes(workload.kind)) return undefined;
  const scalers = autoscalersOf(workspace, workload);
  if (scalers.length) {
    const lowest = scalers.reduce((a, b) => (b.minReplicas < a.minReplicas ? b : a));
    return { count: lowest.minReplicas, autoscaler: lowest };
  }
  const replicas = replicasNode(workload);
  if (replicas.node && replicas.value === undefined) return undefined;
  return { count: replicas.value ?? 1 };
}

/** spec.replicas: its node (when set) and numeric value (undefined when unset, null or not a number). */
export function replicasNode(workload: K8sObject): { node: Node | undefined; value: number | undefined } {
  const resolved = getNode(getMap(workload.map, 'spec', workload.doc), 'replicas', workload.doc);
  const value = replicasOf(workload);
  if (!resolved || (resolved as { value?: unknown }).value === null) return { node: undefined, value: undefined };
  // Positions point at what the object says: an alias stays an alias (its anchor may be in another object).
  const pair = findPair(getMap(workload.map, 'spec', workload.doc), 'replicas', workload.doc);
  const node = (pair?.value as Node | null | undefined) ?? resolved;
  return { node, value: value !== undefined && Number.isFinite(value) ? value : undefined };
}

/**
 * The selector of a PodDisruptionBudget, or undefined when it selects nothing: a missing selector, or an
 * empty one under policy/v1beta1 (policy/v1 made the empty selector select every pod of the namespace).
 * Memoized: every workload of a namespace reads every budget of it.
 */
export const pdbSelector: (pdb: K8sObject) => LabelSelector | undefined = memoByObject(readPdbSelector);

function readPdbSelector(pdb: K8sObject): LabelSelector | undefined {
  const map = getMap(getMap(pdb.map, 'spec', pdb.doc), 'selector', pdb.doc);
  const selector = selectorOf(map, pdb.doc);
  if (!selector) return undefined;
  if (isEmptySelector(selector) && pdb.apiVersion !== 'policy/v1') return undefined;
  return selector;
}

const BUDGETS_BY_SELECTOR: SelectorKind<LabelSelector> = {
  name: 'PodDisruptionBudgets by selector label',
  kinds: ['PodDisruptionBudget'],
  selectorOf: pdbSelector,
  requiredLabels: selector => selector.matchLabels,
  matches: selectorMatches,
};

/** PodDisruptionBudgets in the workload's namespace group that select its pods. */
export function pdbsCovering(workspace: WorkspaceIndex, workload: K8sObject): K8sObject[] {
  return objectsSelecting(workspace, workload, BUDGETS_BY_SELECTOR, podLabels(workload));
}

/** The workloads whose pods a PodDisruptionBudget holds (not Jobs), by their pods' labels. */
const BUDGETED_WORKLOADS: LabelledKind = {
  name: 'budgeted workloads by pod label',
  kinds: LONG_RUNNING_KINDS,
  entryOf: object => ({ object, labels: podLabels(object) }),
};

/** Workloads in the PDB's namespace group whose pods it selects (Jobs excluded: budgets do not hold them). */
export function workloadsCoveredBy(workspace: WorkspaceIndex, pdb: K8sObject): K8sObject[] {
  const selector = pdbSelector(pdb);
  if (!selector) return [];
  return objectsSelectedBy(workspace, pdb, BUDGETED_WORKLOADS, selector);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Inserts `key: value` as the first key of a block map (above the comments that lead into its current first
 * key), where people expect `replicas`; falls back to appending when the first key shares its line
 * (`- name: x`) or the map is in flow style.
 */
export function insertFirstKey(b: EditBuilder, map: YAMLMap, key: string, value: YamlValue): void {
  const first = map.items[0]?.key as Node | null | undefined;
  const start = first?.range?.[0];
  const text = b.pd.text;
  if (map.flow || start === undefined || text.slice(b.lineStart(start), start).trim() !== '') {
    b.insertKeys(map, { [key]: value });
    return;
  }
  const column = b.columnOf(start);
  let at = b.lineStart(start);
  // Climb over comment lines directly above (at the key's column or deeper): they belong to the first key.
  while (at > 0) {
    const prevStart = b.lineStart(at - 1 - (text[at - 2] === '\r' && text[at - 1] === '\n' ? 1 : 0));
    const line = text.slice(prevStart, at).replace(/\r?\n$|\r$/, '');
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#') || line.length - trimmed.length < column) break;
    at = prevStart;
  }
  const lines = renderBlock({ [key]: value }, column, b.style);
  b.insertAt(at, lines.map(l => l + b.style.eol).join(''));
}
