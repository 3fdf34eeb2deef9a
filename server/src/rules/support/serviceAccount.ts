// Which service account a pod runs as, and whether the workspace binds that account to a role.
import { isScalar, Node, Pair } from 'yaml';
import { WorkspaceIndex } from '../../analysis/workspace';
import { K8sObject } from '../../model/manifest';
import { findPair, resolve } from '../../model/nodes';
import { PodTemplate } from '../../model/workloads';
import { BINDING_KINDS, subjectsOf } from './rbac';

export interface PodServiceAccount {
  /** The account name; `default` when the pod names none. */
  name: string;
  /** The pair that names it (serviceAccountName, or the deprecated serviceAccount), when there is one. */
  pair: Pair | undefined;
  node: Node | undefined;
}

export function podServiceAccount(pod: PodTemplate): PodServiceAccount {
  const doc = pod.object.doc;
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const pair = findPair(pod.spec, key, doc);
    const node = pair ? resolve(pair.value, doc) : undefined;
    if (isScalar(node) && node.value !== null && String(node.value) !== '') return { name: String(node.value), pair, node };
  }
  return { name: 'default', pair: undefined, node: undefined };
}

/** The ServiceAccount object of that name in the namespace group of `subject`, if the workspace has it. */
export function serviceAccountObject(workspace: WorkspaceIndex, subject: K8sObject, name: string): K8sObject | undefined {
  return workspace.inNamespaceOf(subject, 'ServiceAccount').find(sa => sa.name === name);
}

/** Bindings in the workspace whose subjects include this service account (namespace group of `subject`). */
export function bindingsOf(workspace: WorkspaceIndex, subject: K8sObject, name: string): K8sObject[] {
  return workspace.ofKind(...BINDING_KINDS).filter(binding =>
    subjectsOf(binding).some(s => s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? binding.namespace) === subject.namespace));
}
