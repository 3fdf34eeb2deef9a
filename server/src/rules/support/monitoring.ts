// What the observability rules share: which Services and pods a ServiceMonitor or PodMonitor selects
// (prometheus-operator semantics), and which Services select a workload's pods.
import { isScalar } from 'yaml';
import { WorkspaceIndex } from '../../analysis/workspace';
import { K8sObject } from '../../model/manifest';
import { memoByObject } from '../../model/memo';
import { getBool, getMap, getSeq, seqItems, stringMap } from '../../model/nodes';
import { LabelSelector, selectorMatches, selectorOf, WORKLOAD_KINDS } from '../../model/workloads';
import { podLabels } from './availability';
import { labelsMatch } from './networking';
import { objectsSelecting, SelectorKind } from './selecting';

export const MONITOR_KINDS = ['ServiceMonitor', 'PodMonitor'] as const;

/** The namespaces a monitor looks in: `any: true`, `matchNames`, else its own namespace. */
export type MonitorNamespaces = { any: true } | { names: Array<string | undefined> };

/** Memoized: every workload is checked against every monitor. */
export const monitorNamespaces: (monitor: K8sObject) => MonitorNamespaces = memoByObject(readMonitorNamespaces);

function readMonitorNamespaces(monitor: K8sObject): MonitorNamespaces {
  const ns = getMap(getMap(monitor.map, 'spec', monitor.doc), 'namespaceSelector', monitor.doc);
  if (getBool(ns, 'any', monitor.doc) === true) return { any: true };
  const names = seqItems(getSeq(ns, 'matchNames', monitor.doc), monitor.doc)
    .filter(isScalar)
    .map(n => String(n.value ?? ''))
    .filter(n => n !== '');
  return { names: names.length ? names : [monitor.namespace] };
}

export function inNamespaces(namespaces: MonitorNamespaces, namespace: string | undefined): boolean {
  return 'any' in namespaces || namespaces.names.includes(namespace);
}

export function describeNamespaces(namespaces: MonitorNamespaces): string {
  if ('any' in namespaces) return 'any namespace';
  const names = namespaces.names;
  if (names.length === 1) return names[0] === undefined ? 'the default namespace' : `namespace \`${names[0]}\``;
  return `namespaces ${names.map(n => (n === undefined ? 'default' : `\`${n}\``)).join(', ')}`;
}

/** The monitor's `spec.selector`; a missing one is empty, which prometheus-operator treats as "everything". */
/** Memoized: every workload is checked against every monitor. */
export const selectorOfMonitor: (monitor: K8sObject) => LabelSelector = memoByObject(readSelectorOfMonitor);

function readSelectorOfMonitor(monitor: K8sObject): LabelSelector {
  const map = getMap(getMap(monitor.map, 'spec', monitor.doc), 'selector', monitor.doc);
  return selectorOf(map, monitor.doc) ?? { matchLabels: {}, matchExpressions: [], node: undefined };
}

/** Objects of `kinds` in the namespaces a monitor looks in: its namespace groups, or every object for `any`. */
function inMonitorNamespaces(workspace: WorkspaceIndex, monitor: K8sObject, kinds: readonly string[]): K8sObject[] {
  const namespaces = monitorNamespaces(monitor);
  if ('any' in namespaces) return workspace.ofKind(...kinds);
  return [...new Set(namespaces.names)].flatMap(namespace => workspace.inNamespaceOfKinds({ namespace }, kinds));
}

/** Services a ServiceMonitor selects. */
export function servicesSelectedBy(workspace: WorkspaceIndex, monitor: K8sObject): K8sObject[] {
  const selector = selectorOfMonitor(monitor);
  return inMonitorNamespaces(workspace, monitor, ['Service']).filter(s => selectorMatches(selector, s.labels));
}

/** Workloads whose pods a PodMonitor selects. */
export function workloadsSelectedBy(workspace: WorkspaceIndex, monitor: K8sObject): K8sObject[] {
  const selector = selectorOfMonitor(monitor);
  return inMonitorNamespaces(workspace, monitor, WORKLOAD_KINDS).filter(w => selectorMatches(selector, podLabels(w)));
}

/** The tables of monitorsLookingIn, named and listed once (they are read for every workload). */
const MONITOR_TABLES = {
  PodMonitor: { name: 'PodMonitors by the namespaces they look in', kinds: ['PodMonitor'] },
  ServiceMonitor: { name: 'ServiceMonitors by the namespaces they look in', kinds: ['ServiceMonitor'] },
} as const;

/**
 * Monitors of a kind that look in a namespace, in file order. Every workload asks; a table per monitor kind,
 * filled one namespace at a time, answers without going through every monitor of the workspace each time.
 */
function monitorsLookingIn(workspace: WorkspaceIndex, kind: (typeof MONITOR_KINDS)[number], namespace: string | undefined): K8sObject[] {
  const { name, kinds } = MONITOR_TABLES[kind];
  const table = workspace.derived(name, kinds, monitors => ({ monitors, byNamespace: new Map<string | undefined, K8sObject[]>() }));
  let list = table.byNamespace.get(namespace);
  if (!list) {
    list = table.monitors.filter(m => inNamespaces(monitorNamespaces(m), namespace));
    table.byNamespace.set(namespace, list);
  }
  return list;
}

/**
 * A Service's `spec.selector` as labels; undefined when it has none (its endpoints are managed by hand).
 * Memoized: every workload of a namespace reads every Service of it.
 */
export const serviceSelectorLabels: (service: K8sObject) => Record<string, string> | undefined = memoByObject(readServiceSelectorLabels);

function readServiceSelectorLabels(service: K8sObject): Record<string, string> | undefined {
  const labels = stringMap(getMap(getMap(service.map, 'spec', service.doc), 'selector', service.doc), service.doc);
  return Object.keys(labels).length ? labels : undefined;
}

const SERVICES_BY_SELECTOR: SelectorKind<Record<string, string>> = {
  name: 'Services by selector label',
  kinds: ['Service'],
  selectorOf: serviceSelectorLabels,
  requiredLabels: selector => selector,
  matches: labelsMatch,
};

/** Services in the workload's namespace group that select its pods. */
export function servicesSelecting(workspace: WorkspaceIndex, workload: K8sObject): K8sObject[] {
  return objectsSelecting(workspace, workload, SERVICES_BY_SELECTOR, podLabels(workload));
}

/** The ServiceMonitor or PodMonitor that scrapes a workload, if any. */
export function monitorScraping(workspace: WorkspaceIndex, workload: K8sObject): K8sObject | undefined {
  const labels = podLabels(workload);
  for (const monitor of monitorsLookingIn(workspace, 'PodMonitor', workload.namespace)) {
    if (selectorMatches(selectorOfMonitor(monitor), labels)) return monitor;
  }
  // The Services come from the workload's namespace group: the monitors that look there are the candidates.
  const services = servicesSelecting(workspace, workload);
  if (!services.length) return undefined;
  for (const monitor of monitorsLookingIn(workspace, 'ServiceMonitor', workload.namespace)) {
    const selector = selectorOfMonitor(monitor);
    if (services.some(s => selectorMatches(selector, s.labels))) return monitor;
  }
  return undefined;
}
