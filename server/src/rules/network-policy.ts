import { isMap, isScalar } from 'yaml';
import { namespaceLabel } from '../analysis/workspace';
import { YamlValue } from '../model/edits';
import { K8sObject } from '../model/manifest';
import { findPair, getMap, getSeq, getString, resolve, seqItems } from '../model/nodes';
import { memoByObject } from '../model/memo';
import { containersOf, formatLabels, LabelSelector, LONG_RUNNING_KINDS, PodTemplate, selectorMatches, selectorOf } from '../model/workloads';
import { WorkspaceIndex } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { objectsSelecting, SelectorKind } from './support/selecting';
import { FixSpec, Rule, RuleContext } from './types';

/** True when the policy isolates the pods it selects for ingress (policyTypes defaults to include Ingress). */
function isolatesIngress(policy: K8sObject): boolean {
  const spec = getMap(policy.map, 'spec', policy.doc);
  const types = getSeq(spec, 'policyTypes', policy.doc);
  if (!types) return true;
  return seqItems(types, policy.doc).some(t => isScalar(t) && t.value === 'Ingress');
}

/**
 * The pods whose ingress a policy restricts (no or empty podSelector: all pods), or undefined when it does not
 * isolate ingress. Memoized: every workload of a namespace reads every policy of it.
 */
const ingressSelector: (policy: K8sObject) => LabelSelector | undefined = memoByObject(policy => {
  if (!isolatesIngress(policy)) return undefined;
  const spec = getMap(policy.map, 'spec', policy.doc);
  return selectorOf(getMap(spec, 'podSelector', policy.doc), policy.doc) ?? { matchLabels: {}, matchExpressions: [], node: undefined };
});

const POLICIES_BY_SELECTOR: SelectorKind<LabelSelector> = {
  name: 'NetworkPolicies by pod selector label',
  kinds: ['NetworkPolicy'],
  selectorOf: ingressSelector,
  requiredLabels: selector => selector.matchLabels,
  matches: selectorMatches,
};

/** NetworkPolicies of the namespace group that restrict ingress to pods with these labels. */
export function policiesSelecting(workspace: WorkspaceIndex, object: K8sObject, labels: Record<string, string>): K8sObject[] {
  return objectsSelecting(workspace, object, POLICIES_BY_SELECTOR, labels);
}

interface IngressPort {
  port: number;
  protocol: string;
}

/** Ports the pod declares: its containers' and its sidecar init containers' (`restartPolicy: Always`). */
function declaredPorts(pod: PodTemplate): IngressPort[] {
  const doc = pod.object.doc;
  const out: IngressPort[] = [];
  for (const container of containersOf(pod)) {
    if (container.init && getString(container.map, 'restartPolicy', doc) !== 'Always') continue;
    for (const port of seqItems(getSeq(container.map, 'ports', doc), doc)) {
      if (!isMap(port)) continue;
      const number = getScalar(port, 'containerPort');
      const protocol = (getString(port, 'protocol', doc) || 'TCP').toUpperCase();
      if (number === undefined || out.some(p => p.port === number && p.protocol === protocol)) continue;
      out.push({ port: number, protocol });
    }
  }
  return out;

  function getScalar(map: unknown, key: string): number | undefined {
    const pair = isMap(map) ? findPair(map, key, doc) : undefined;
    const node = pair ? resolve(pair.value, doc) : undefined;
    return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
  }
}

export const networkPolicy: Rule = {
  meta: {
    id: 'network-policy', checklist: 'security', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'A NetworkPolicy restricts who can reach each workload',
    whenItFails: 'Without a NetworkPolicy any pod in the cluster can connect to the workload, so one compromised pod can reach every database and internal API.',
    remediation: 'Add a NetworkPolicy whose podSelector selects the workload\'s pods and whose ingress rules allow only the clients and ports it serves.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    // NetworkPolicies do not apply to pods on the host network; host-namespaces reports those.
    const hostNetwork = findPair(pod.spec, 'hostNetwork', ctx.doc);
    const hostValue = hostNetwork ? resolve(hostNetwork.value, ctx.doc) : undefined;
    if (isScalar(hostValue) && hostValue.value === true) return;
    if (policiesSelecting(ctx.workspace, ctx.object, pod.labels).length) return;
    const fix = createPolicyFix(ctx, pod);
    ctx.report({
      node: ctx.object.nameNode,
      message: Object.keys(pod.labels).length
        ? `${describeObject(ctx.object)} accepts connections from any pod: no NetworkPolicy in ${namespaceLabel(ctx.object.namespace)} selects labels ${formatLabels(pod.labels)} for ingress, so one compromised pod anywhere in the cluster can reach it.`
        : `${describeObject(ctx.object)} accepts connections from any pod: its pods have no labels and no NetworkPolicy in ${namespaceLabel(ctx.object.namespace)} selects every pod for ingress, so one compromised pod anywhere in the cluster can reach it.`,
      fixes: fix ? [fix] : [],
    });
  },
};

/**
 * "Create NetworkPolicy for <name>": allows ingress to the declared container ports from anywhere and denies
 * the rest. Not offered without labels (the podSelector would select the whole namespace) or without declared
 * ports (a deny-all policy could cut traffic the manifest does not describe).
 */
function createPolicyFix(ctx: RuleContext, pod: PodTemplate): FixSpec | undefined {
  const object = ctx.object;
  if (!object.name || !Object.keys(pod.labels).length) return undefined;
  const ports = declaredPorts(pod);
  if (!ports.length) return undefined;
  const taken = new Set(ctx.workspace.inNamespaceOf(object, 'NetworkPolicy').map(p => p.name));
  const name = taken.has(object.name) ? `${object.name}-ingress` : object.name;
  if (taken.has(name)) return undefined;
  const metadata: Record<string, string> = { name };
  if (object.namespace !== undefined) metadata.namespace = object.namespace;
  const ingressPorts = ports.map((p): YamlValue => (p.protocol === 'TCP' ? { port: p.port } : { port: p.port, protocol: p.protocol }));
  return {
    title: `Create NetworkPolicy for ${object.name}`,
    preferred: true,
    edit: b => b.appendDocument({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: {
        podSelector: { matchLabels: { ...pod.labels } },
        policyTypes: ['Ingress'],
        ingress: [{ ports: ingressPorts }],
      },
    }),
  };
}
