// What the RBAC rules share: the rules of a Role/ClusterRole with their source nodes, what a rule grants,
// and how bindings name their subjects.
import { isAlias, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { K8sObject } from '../../model/manifest';
import { memoByObject } from '../../model/memo';
import { findPair, getMap, getSeq, getString, resolve, seqItems } from '../../model/nodes';
import { namespaceLabel } from '../../analysis/workspace';

export const ROLE_KINDS: readonly string[] = ['Role', 'ClusterRole'];
export const BINDING_KINDS: readonly string[] = ['RoleBinding', 'ClusterRoleBinding'];

export interface Entry {
  value: string;
  node: Node;
}

export interface PolicyRule {
  map: YAMLMap;
  apiGroups: Entry[];
  /** False when the rule has no apiGroups at all (invalid for resource rules; read as the core group). */
  hasApiGroups: boolean;
  resources: Entry[];
  verbs: Entry[];
  resourceNames: Entry[];
}

function entries(map: YAMLMap, key: string, object: K8sObject): Entry[] {
  const doc = object.doc;
  const pair = findPair(map, key, doc);
  if (!pair) return [];
  const seq = resolve(pair.value, doc);
  if (!isSeq(seq)) return [];
  // Findings point where the value is used: at an aliased list, or at an aliased item, not at their anchors.
  const listAlias = isAlias(pair.value) ? (pair.value as Node) : undefined;
  const out: Entry[] = [];
  for (const raw of seq.items) {
    const item = resolve(raw, doc);
    if (isScalar(item) && item.value !== null) out.push({ value: String(item.value), node: listAlias ?? (isAlias(raw) ? raw : item) });
  }
  return out;
}

/** The rules of a Role or ClusterRole; memoized (four RBAC rules read them, and the workloads bound to the role). Shared: do not modify. */
export const policyRules: (object: K8sObject) => readonly PolicyRule[] = memoByObject(readPolicyRules);

function readPolicyRules(object: K8sObject): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const rule of seqItems(getSeq(object.map, 'rules', object.doc), object.doc)) {
    if (!isMap(rule)) continue;
    out.push({
      map: rule,
      apiGroups: entries(rule, 'apiGroups', object),
      hasApiGroups: findPair(rule, 'apiGroups', object.doc) !== undefined,
      resources: entries(rule, 'resources', object),
      verbs: entries(rule, 'verbs', object),
      resourceNames: entries(rule, 'resourceNames', object),
    });
  }
  return out;
}

/** True when the rule applies to the core API group ("" or `*`; a rule without apiGroups is read as core). */
export function coversCoreGroup(rule: PolicyRule): boolean {
  if (!rule.hasApiGroups) return true;
  return rule.apiGroups.some(g => g.value === '' || g.value === '*');
}

/** The verbs of `wanted` the rule grants (`*` grants them all). */
export function grantedVerbs(rule: PolicyRule, wanted: readonly string[]): string[] {
  const verbs = rule.verbs.map(v => v.value.toLowerCase());
  if (verbs.includes('*')) return ['*'];
  return wanted.filter(v => verbs.includes(v));
}

export function describeVerbs(verbs: string[]): string {
  return verbs.includes('*') ? 'every verb' : verbs.join(', ');
}

/** A Role or ClusterRole that allows every write on every resource of every API group: cluster-admin by another name. */
export function isAllPowerful(role: K8sObject): boolean {
  if (getMap(role.map, 'aggregationRule', role.doc)) return false;
  return policyRules(role).some(rule => {
    if (!rule.apiGroups.some(g => g.value === '*') || !rule.resources.some(r => r.value === '*')) return false;
    if (rule.resourceNames.length) return false;
    const verbs = rule.verbs.map(v => v.value.toLowerCase());
    return verbs.includes('*') || ['create', 'update', 'patch', 'delete'].every(v => verbs.includes(v));
  });
}

export interface Subject {
  kind: string;
  name: string;
  namespace: string | undefined;
}

/** The subjects a binding names (memoized: every workload looks for its service account in every binding). */
export const subjectsOf: (binding: K8sObject) => Subject[] = memoByObject(readSubjects);

function readSubjects(binding: K8sObject): Subject[] {
  const out: Subject[] = [];
  for (const item of seqItems(getSeq(binding.map, 'subjects', binding.doc), binding.doc)) {
    if (!isMap(item)) continue;
    const name = getString(item, 'name', binding.doc);
    if (!name) continue;
    const namespace = getString(item, 'namespace', binding.doc);
    out.push({ kind: getString(item, 'kind', binding.doc) ?? '', name, namespace: namespace || undefined });
  }
  return out;
}

export function describeSubject(subject: Subject): string {
  const name = subject.kind === 'ServiceAccount' && subject.namespace ? `${subject.namespace}/${subject.name}` : subject.name;
  return `${subject.kind || 'subject'} ${name}`;
}

export function describeSubjects(subjects: Subject[]): string {
  const shown = subjects.slice(0, 3).map(describeSubject);
  const more = subjects.length - shown.length;
  const list = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : list;
}

export interface RoleRef {
  kind: string;
  name: string;
  /** The `name` value node, where findings about the grant point. */
  node: Node | undefined;
}

export function roleRefOf(binding: K8sObject): RoleRef | undefined {
  const ref = getMap(binding.map, 'roleRef', binding.doc);
  if (!ref) return undefined;
  const namePair = findPair(ref, 'name', binding.doc);
  const nameNode = namePair ? resolve(namePair.value, binding.doc) : undefined;
  const name = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : '';
  return { kind: getString(ref, 'kind', binding.doc) ?? '', name, node: nameNode ?? ref };
}

/** Where a role's grants apply: a namespaced Role's namespace, or anywhere a ClusterRole is bound. */
export function roleScope(role: K8sObject, what: string): string {
  if (role.kind === 'Role') return `${what} of ${namespaceLabel(role.namespace)}`;
  return `${what} of every namespace through a ClusterRoleBinding (of one namespace through a RoleBinding)`;
}
