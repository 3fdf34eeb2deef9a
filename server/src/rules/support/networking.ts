// What the networking rules share: the pods a Service selects, the ports they declare, Service ports and
// Ingress backends.
import { isMap, isScalar, Node, Scalar, YAMLMap } from 'yaml';
import { K8sObject } from '../../model/manifest';
import { getMap, getNode, getScalar, getSeq, getString, seqItems, stringMap } from '../../model/nodes';
import { ContainerView, containersOf, PodTemplate, podTemplate, WORKLOAD_KINDS } from '../../model/workloads';
import { WorkspaceIndex } from '../../analysis/workspace';
import { LabelledKind, labelledMatching } from './selecting';

export interface SelectedWorkload {
  object: K8sObject;
  /** The pod template's labels. */
  labels: Record<string, string>;
  /** The pod template; undefined when the template has labels but no pod spec. */
  pod: PodTemplate | undefined;
}

/** A Service's `spec.selector` (a plain label map); undefined when it has none or an empty one. */
export function selectorOfService(service: K8sObject): { labels: Record<string, string>; node: YAMLMap } | undefined {
  const node = getMap(getMap(service.map, 'spec', service.doc), 'selector', service.doc);
  if (!node) return undefined;
  const labels = stringMap(node, service.doc);
  return Object.keys(labels).length ? { labels, node } : undefined;
}

export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  // Asked for every pair of selector and labelled object in a namespace: no allocation.
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** Workloads in the namespace group of `subject` whose pod template carries every label of `selector`. */
export function workloadsWithLabels(workspace: WorkspaceIndex, subject: K8sObject, selector: Record<string, string>): SelectedWorkload[] {
  return labelledMatching(workspace, subject, WORKLOADS_BY_POD_LABEL, selector, labels => labelsMatch(selector, labels));
}

/**
 * Every Service asks which workloads of its namespace carry its selector's labels: a table of the namespace
 * group's workloads by label answers without going through all of them (in `inNamespaceOf` order: kind by
 * kind, file order), rebuilt when a workload of the group changes.
 */
export const WORKLOADS_BY_POD_LABEL: LabelledKind<SelectedWorkload> = {
  name: 'workloads by pod label',
  kinds: WORKLOAD_KINDS,
  entryOf: object => {
    const pod = podTemplate(object);
    const labels = pod?.labels ?? templateLabels(object);
    return labels ? { object, labels, pod } : undefined;
  },
};

/** The labels of a workload's pod template, read even when the template has no pod spec. */
function templateLabels(object: K8sObject): Record<string, string> | undefined {
  if (object.kind === 'Pod') return object.labels;
  const doc = object.doc;
  let spec = getMap(object.map, 'spec', doc);
  if (object.kind === 'CronJob') spec = getMap(getMap(spec, 'jobTemplate', doc), 'spec', doc);
  const template = getMap(spec, 'template', doc);
  return template ? stringMap(getMap(getMap(template, 'metadata', doc), 'labels', doc), doc) : undefined;
}

export interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
  protocol: string;
  container: ContainerView;
}

/**
 * Ports a pod serves on: those of its containers and of its sidecar init containers
 * (`restartPolicy: Always`, which keep running beside the app).
 */
export function podPorts(pod: PodTemplate | undefined): DeclaredPort[] {
  if (!pod) return [];
  const doc = pod.object.doc;
  const out: DeclaredPort[] = [];
  for (const container of containersOf(pod)) {
    if (container.init && getString(container.map, 'restartPolicy', doc) !== 'Always') continue;
    for (const port of seqItems(getSeq(container.map, 'ports', doc), doc)) {
      if (!isMap(port)) continue;
      const name = getString(port, 'name', doc);
      const number = getScalar(port, 'containerPort', doc)?.value;
      out.push({
        name: name || undefined,
        number: typeof number === 'number' ? number : undefined,
        protocol: getString(port, 'protocol', doc) || 'TCP',
        container,
      });
    }
  }
  return out;
}

export interface ServicePort {
  map: YAMLMap;
  name: string | undefined;
  port: number | undefined;
  /** The targetPort scalar, when present. */
  targetPort: Scalar | undefined;
}

export function servicePorts(service: K8sObject): ServicePort[] {
  const doc = service.doc;
  return seqItems(getSeq(getMap(service.map, 'spec', doc), 'ports', doc), doc).flatMap(item => {
    if (!isMap(item)) return [];
    const port = getScalar(item, 'port', doc)?.value;
    const target = getNode(item, 'targetPort', doc);
    return [{
      map: item,
      name: getString(item, 'name', doc) || undefined,
      port: typeof port === 'number' ? port : undefined,
      targetPort: isScalar(target) ? target : undefined,
    }];
  });
}

/** A named targetPort: a string that is not all digits (a quoted number is read as the number). */
export function namedPort(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || /^\d+$/.test(value)) return undefined;
  return value;
}

/** `80`, `"80"` and `80.0` are port numbers; anything else is not. */
export function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

export interface IngressBackend {
  serviceName: string;
  nameNode: Scalar;
  /** The port the backend asks for; undefined when it names none. */
  port: { kind: 'number'; value: number; node: Scalar } | { kind: 'name'; value: string; node: Scalar } | undefined;
}

/**
 * Service backends of an Ingress: `spec.defaultBackend` (`spec.backend` in extensions/v1beta1) and every
 * `rules[].http.paths[].backend`, in networking.k8s.io/v1 form (`service.name`, `service.port.number|name`)
 * or the old form (`serviceName`, `servicePort`). Resource backends are not Services and are skipped.
 */
export function ingressBackends(ingress: K8sObject): IngressBackend[] {
  const doc = ingress.doc;
  const spec = getMap(ingress.map, 'spec', doc);
  const backends: Node[] = [];
  for (const key of ['defaultBackend', 'backend']) {
    const b = getMap(spec, key, doc);
    if (b) backends.push(b);
  }
  for (const rule of seqItems(getSeq(spec, 'rules', doc), doc)) {
    for (const path of seqItems(getSeq(getMap(rule, 'http', doc), 'paths', doc), doc)) {
      const b = getMap(path, 'backend', doc);
      if (b) backends.push(b);
    }
  }
  const out: IngressBackend[] = [];
  for (const backend of backends) {
    const service = getMap(backend, 'service', doc);
    if (service) {
      const nameNode = getScalar(service, 'name', doc);
      if (!nameNode || typeof nameNode.value !== 'string' || !nameNode.value) continue;
      const port = getMap(service, 'port', doc);
      const number = getScalar(port, 'number', doc);
      const name = getScalar(port, 'name', doc);
      const n = portNumber(number?.value);
      out.push({
        serviceName: nameNode.value,
        nameNode,
        port: number && n !== undefined ? { kind: 'number', value: n, node: number }
          : name && typeof name.value === 'string' && name.value ? { kind: 'name', value: name.value, node: name } : undefined,
      });
      continue;
    }
    const nameNode = getScalar(backend, 'serviceName', doc);
    if (!nameNode || typeof nameNode.value !== 'string' || !nameNode.value) continue;
    const portNode = getScalar(backend, 'servicePort', doc);
    const n = portNumber(portNode?.value);
    out.push({
      serviceName: nameNode.value,
      nameNode,
      port: !portNode ? undefined
        : n !== undefined ? { kind: 'number', value: n, node: portNode }
        : typeof portNode.value === 'string' && portNode.value ? { kind: 'name', value: portNode.value, node: portNode } : undefined,
    });
  }
  return out;
}

/** `80`, `80/UDP`, `http (80)`: how a Service port reads in a message. */
export function describeServicePort(port: ServicePort): string {
  if (port.name && port.port !== undefined) return `${port.name} (${port.port})`;
  return port.name ?? String(port.port ?? '?');
}

export function quoteList(items: string[]): string {
  return items.map(i => `"${i}"`).join(', ');
}
