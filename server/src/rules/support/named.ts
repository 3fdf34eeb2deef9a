// Objects looked up by name in a namespace group (a workload's ServiceAccount, a binding's Role) or in the
// workspace (a ClusterRole): every object that asks would otherwise go through the whole group. A table per group
// (or per workspace), kept by the workspace index until an object of its kind changes.
import type { WorkspaceIndex } from '../../analysis/workspace';
import type { K8sObject } from '../../model/manifest';

/** The first object of each name, in the list's order: what `find(o => o.name === name)` answers. */
export function firstByName(objects: readonly K8sObject[]): Map<string, K8sObject> {
  const byName = new Map<string, K8sObject>();
  for (const object of objects) if (!byName.has(object.name)) byName.set(object.name, object);
  return byName;
}

/** A kind whose objects are looked up by name: the table's name and the kind as a constant list. */
export interface NamedKind {
  table: string;
  kinds: readonly [string];
}

/** The first object of `kind` named `name` in the workspace (a cluster-scoped kind: ClusterRole). */
export function namedInWorkspace(workspace: WorkspaceIndex, kind: NamedKind, name: string): K8sObject | undefined {
  return workspace.derived(kind.table, kind.kinds, firstByName).get(name);
}

/** The first object of `kind` named `name` in the namespace group of `subject`. */
export function namedInNamespace(workspace: WorkspaceIndex, subject: { namespace: string | undefined }, kind: NamedKind, name: string): K8sObject | undefined {
  return workspace.derivedInNamespace(kind.table, subject, kind.kinds, firstByName).get(name);
}
