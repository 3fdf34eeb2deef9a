import { Node } from 'yaml';
import { YamlValue } from '../model/edits';
import { K8sObject } from '../model/manifest';
import { findPair, getMap, getString } from '../model/nodes';
import { formatLabels, isEmptySelector, PodTemplate, selectorMatches, workloadSelector } from '../model/workloads';
import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { labelsMatch, podPorts, selectorOfService } from './support/networking';
import { FixSpec, Rule } from './types';

export const statefulsetService: Rule = {
  meta: {
    id: 'statefulset-service', checklist: 'state', severity: 'warning', kinds: ['StatefulSet'], fixable: true, crossResource: true,
    title: 'StatefulSets have their headless Service',
    whenItFails: 'The pods get no stable DNS names (`<pod>.<service>`), so replicas of a clustered database cannot find each other and clients cannot reach a given replica.',
    remediation: 'Create a Service with `clusterIP: None` named as the StatefulSet\'s serviceName, in its namespace, selecting its pods.',
  },
  check(ctx) {
    const spec = getMap(ctx.object.map, 'spec', ctx.doc);
    // The node as written (an alias stays an alias) places the finding.
    const nameNode = findPair(spec, 'serviceName', ctx.doc)?.value as Node | undefined;
    const serviceName = getString(spec, 'serviceName', ctx.doc);
    if (!nameNode || !serviceName) return; // optional: without it the pods simply get no per-pod DNS names
    const where = namespaceLabel(ctx.object.namespace);
    const subject = describeObject(ctx.object);
    const service = ctx.workspace.inNamespaceOf(ctx.object, 'Service').find(s => s.name === serviceName);
    if (!service) {
      ctx.report({
        node: nameNode,
        message: `${subject} names serviceName "${serviceName}", but no Service "${serviceName}" in ${where} is in the workspace: its pods get no stable DNS names.`,
        fixes: createServiceFix(ctx.object, serviceName, ctx.pod()),
      });
      return;
    }
    const clusterIP = getString(getMap(service.map, 'spec', service.doc), 'clusterIP', service.doc);
    if (clusterIP !== 'None') {
      ctx.report({
        node: nameNode,
        message: `${subject} names serviceName "${serviceName}", but Service "${serviceName}" in ${where} is not headless (clusterIP: None): its pods get no stable DNS names.`,
      });
      return;
    }
    const selector = selectorOfService(service);
    const pod = ctx.pod();
    if (selector && pod && !labelsMatch(selector.labels, pod.labels)) {
      ctx.report({
        node: nameNode,
        message: `${subject} names serviceName "${serviceName}", but headless Service "${serviceName}" in ${where} selects ${formatLabels(selector.labels)}, which its pod template labels (${formatLabels(pod.labels)}) do not match: its pods get no DNS records.`,
      });
    }
  },
};

/**
 * A new headless Service after the StatefulSet: selector = the StatefulSet's matchLabels (when they match its
 * template and say everything), ports = the declared container ports. No fix when the labels are not clear.
 */
function createServiceFix(object: K8sObject, name: string, pod: PodTemplate | undefined): FixSpec[] {
  if (!pod || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) return [];
  const selector = workloadSelector(object);
  let labels: Record<string, string>;
  if (selector && !isEmptySelector(selector)) {
    if (selector.matchExpressions.length || !selectorMatches(selector, pod.labels)) return [];
    labels = selector.matchLabels;
  } else {
    labels = pod.labels;
  }
  if (!Object.keys(labels).length) return [];
  const metadata: { [key: string]: YamlValue } = { name };
  if (object.namespace !== undefined) metadata.namespace = object.namespace;
  const spec: { [key: string]: YamlValue } = { clusterIP: 'None', selector: labels };
  const ports = servicePortsFor(pod);
  if (ports.length) spec.ports = ports;
  return [{
    title: `Create headless Service ${name}`,
    preferred: true,
    edit: b => b.appendDocument({ apiVersion: 'v1', kind: 'Service', metadata, spec }),
  }];
}

/** One Service port per declared container port; names are required when there are several. */
function servicePortsFor(pod: PodTemplate): YamlValue[] {
  const seen = new Set<string>();
  const declared = podPorts(pod).filter(p => {
    if (p.number === undefined) return false;
    const key = `${p.number}/${p.protocol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const names = new Set<string>();
  const out: YamlValue[] = [];
  for (const p of declared) {
    let name = p.name ?? (declared.length > 1 ? `${p.protocol.toLowerCase()}-${p.number}` : undefined);
    if (name && names.has(name)) name = `${name}-${p.number}`.slice(0, 15);
    if (name) names.add(name);
    const port: { [key: string]: YamlValue } = {};
    if (name) port.name = name;
    port.port = p.number!;
    port.targetPort = p.name ?? p.number!;
    if (p.protocol !== 'TCP') port.protocol = p.protocol;
    out.push(port);
  }
  return out;
}
