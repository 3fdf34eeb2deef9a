// Pod templates, containers and selectors of every workload kind.
import { Document, isMap, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { K8sObject } from './manifest';
import { getMap, getNode, getScalar, getSeq, readStringMapOnce, resolve, seqItems, stringMap } from './nodes';

/** Kinds whose pods run until stopped. */
export const LONG_RUNNING_KINDS: readonly string[] = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig',
];
export const BATCH_KINDS: readonly string[] = ['Job', 'CronJob'];
export const WORKLOAD_KINDS: readonly string[] = [...LONG_RUNNING_KINDS, ...BATCH_KINDS];
/** Kinds with a `spec.replicas` the user controls. */
export const REPLICATED_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig'];

export interface PodTemplate {
  object: K8sObject;
  /** The pod spec map. */
  spec: YAMLMap;
  /** The map that holds `metadata` and `spec` of the pod (the object itself for a Pod). */
  template: YAMLMap;
  /** The template's metadata map (absent when the template has none). */
  metadata: YAMLMap | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface ContainerView {
  map: YAMLMap;
  name: string;
  nameNode: Scalar | undefined;
  init: boolean;
  index: number;
  seq: YAMLSeq;
}

export function isWorkload(object: K8sObject): boolean {
  return WORKLOAD_KINDS.includes(object.kind);
}

export function isLongRunning(object: K8sObject): boolean {
  return LONG_RUNNING_KINDS.includes(object.kind);
}

const templateCache = new WeakMap<YAMLMap, PodTemplate | null>();

export function podTemplate(object: K8sObject): PodTemplate | undefined {
  const cached = templateCache.get(object.map);
  if (cached !== undefined) return cached ?? undefined;
  const found = findPodTemplate(object);
  templateCache.set(object.map, found ?? null);
  return found;
}

function findPodTemplate(object: K8sObject): PodTemplate | undefined {
  if (!isWorkload(object)) return undefined;
  const doc = object.doc;
  let template: YAMLMap | undefined;
  if (object.kind === 'Pod') template = object.map;
  else if (object.kind === 'CronJob') template = getMap(getMap(getMap(getMap(object.map, 'spec', doc), 'jobTemplate', doc), 'spec', doc), 'template', doc);
  else template = getMap(getMap(object.map, 'spec', doc), 'template', doc);
  const spec = getMap(template, 'spec', doc);
  if (!template || !spec) return undefined;
  const metadata = getMap(template, 'metadata', doc);
  return {
    object,
    spec,
    template,
    metadata,
    // Read once: the template is memoized per object.
    labels: object.kind === 'Pod' ? object.labels : readStringMapOnce(getMap(metadata, 'labels', doc), doc),
    annotations: object.kind === 'Pod' ? object.annotations : readStringMapOnce(getMap(metadata, 'annotations', doc), doc),
  };
}

const containerCache = new WeakMap<PodTemplate, { all?: ContainerView[]; main?: ContainerView[] }>();

/**
 * The containers of a pod template (init containers too unless `init: false`). Memoized per template: most
 * rules ask. The list is shared (read-only, so no rule can change what the next one sees).
 */
export function containersOf(pod: PodTemplate, options: { init?: boolean } = {}): readonly ContainerView[] {
  let cached = containerCache.get(pod);
  if (!cached) containerCache.set(pod, (cached = {}));
  const which = options.init === false ? 'main' : 'all';
  return (cached[which] ??= readContainers(pod, options));
}

function readContainers(pod: PodTemplate, options: { init?: boolean }): ContainerView[] {
  const doc = pod.object.doc;
  const out: ContainerView[] = [];
  const add = (key: string, init: boolean) => {
    const seq = getSeq(pod.spec, key, doc);
    if (!seq) return;
    seqItems(seq, doc).forEach((item, index) => {
      if (!isMap(item)) return;
      const nameNode = getScalar(item, 'name', doc);
      out.push({ map: item, name: nameNode?.value == null ? '' : String(nameNode.value), nameNode, init, index, seq });
    });
  };
  add('containers', false);
  if (options.init !== false) add('initContainers', true);
  return out;
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: Array<{ key: string; operator: string; values: string[] }>;
  /** The selector map in the source, for positions. */
  node: YAMLMap | undefined;
}

/**
 * A workload's selector. Deployment-like kinds use `matchLabels`/`matchExpressions`; ReplicationController,
 * DeploymentConfig and Service use a plain map of labels.
 */
const selectors = new WeakMap<YAMLMap, { plain?: LabelSelector; set?: LabelSelector }>();

/**
 * A selector read from its map. Memoized per map (cross-resource rules match every selector against many
 * objects); the selector is shared: do not modify it.
 */
export function selectorOf(map: YAMLMap | undefined, doc: Document, plain = false): LabelSelector | undefined {
  if (!map) return undefined;
  let cached = selectors.get(map);
  if (!cached) selectors.set(map, (cached = {}));
  return plain ? (cached.plain ??= readSelector(map, doc, true)) : (cached.set ??= readSelector(map, doc, false));
}

function readSelector(map: YAMLMap, doc: Document, plain: boolean): LabelSelector {
  if (plain) return { matchLabels: stringMap(map, doc), matchExpressions: [], node: map };
  const matchLabels = stringMap(getMap(map, 'matchLabels', doc), doc);
  const matchExpressions = seqItems(getSeq(map, 'matchExpressions', doc), doc).flatMap(expr => {
    if (!isMap(expr)) return [];
    const key = getScalar(expr, 'key', doc)?.value;
    const operator = getScalar(expr, 'operator', doc)?.value;
    if (typeof key !== 'string' || typeof operator !== 'string') return [];
    const values = seqItems(getSeq(expr, 'values', doc), doc).map(v => String((resolve(v, doc) as Scalar).value ?? ''));
    return [{ key, operator, values }];
  });
  return { matchLabels, matchExpressions, node: map };
}

export function workloadSelector(object: K8sObject): LabelSelector | undefined {
  const spec = getMap(object.map, 'spec', object.doc);
  const plain = object.kind === 'ReplicationController' || object.kind === 'DeploymentConfig';
  return selectorOf(getMap(spec, 'selector', object.doc), object.doc, plain);
}

/** Kubernetes label-selector semantics. An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  // Called for every pair of selector and labelled object a cross-resource rule considers: no allocation.
  const matchLabels = selector.matchLabels;
  for (const k in matchLabels) if (labels[k] !== matchLabels[k]) return false;
  for (const e of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': if (!has || !e.values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && e.values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '(none)';
}

/** `spec.replicas` as a number; undefined when absent (Kubernetes then uses 1). */
export function replicasOf(object: K8sObject): number | undefined {
  const n = getNode(getMap(object.map, 'spec', object.doc), 'replicas', object.doc);
  const v = (n as Scalar | undefined)?.value;
  return typeof v === 'number' ? v : undefined;
}
