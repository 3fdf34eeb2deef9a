// Which service account a pod runs as, and whether the workspace binds that account to a role.
import { isScalar, Node, Pair } from 'yaml';
import { WorkspaceIndex } from '../../analysis/workspace';
import { K8sObject } from '../../model/manifest';
import { findPair, resolve } from '../../model/nodes';
import { PodTemplate } from '../../model/workloads';
import { namedInNamespace, NamedKind } from './named';
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
  return namedInNamespace(workspace, subject, SERVICE_ACCOUNTS, name);
}

const SERVICE_ACCOUNTS: NamedKind = { table: 'ServiceAccounts by name', kinds: ['ServiceAccount'] };

/** Bindings in the workspace whose subjects include this service account (namespace group of `subject`). */
export function bindingsOf(workspace: WorkspaceIndex, subject: K8sObject, name: string): K8sObject[] {
  // Every workload asks about its account: the bindings are indexed by (namespace, account) once, not scanned
  // per workload (quadratic in a large workspace).
  return workspace.derived('bindings by service account', BINDING_KINDS, bindingsByAccount).get(subject.namespace)?.get(name) ?? [];
}

/** Bindings (in index order, each once) by the namespace and name of the service accounts they name. */
function bindingsByAccount(bindings: readonly K8sObject[]): Map<string | undefined, Map<string, K8sObject[]>> {
  const index = new Map<string | undefined, Map<string, K8sObject[]>>();
  for (const binding of bindings) {
    for (const s of subjectsOf(binding)) {
      if (s.kind !== 'ServiceAccount') continue;
      const namespace = s.namespace ?? binding.namespace;
      let byName = index.get(namespace);
      if (!byName) index.set(namespace, (byName = new Map()));
      const list = byName.get(s.name);
      if (!list) byName.set(s.name, [binding]);
      else if (list[list.length - 1] !== binding) list.push(binding);
    }
  }
  return index;
}
