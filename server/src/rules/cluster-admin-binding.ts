import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { namedInNamespace, namedInWorkspace, NamedKind } from './support/named';
import { BINDING_KINDS, describeSubjects, isAllPowerful, roleRefOf, subjectsOf } from './support/rbac';
import { Rule } from './types';

export const clusterAdminBinding: Rule = {
  meta: {
    id: 'cluster-admin-binding', checklist: 'rbac', severity: 'error', kinds: BINDING_KINDS, fixable: false, crossResource: true,
    title: 'Nobody is bound to cluster-admin',
    whenItFails: 'A leaked token or kubeconfig of any bound subject controls the whole cluster: every Secret, every workload and RBAC itself.',
    remediation: 'Bind a Role or ClusterRole that lists only the resources and verbs the subject needs, scoped to its namespace with a RoleBinding.',
  },
  check(ctx) {
    const binding = ctx.object;
    if (binding.name.startsWith('system:')) return;
    const ref = roleRefOf(binding);
    if (!ref || !ref.name) return;
    let role: string | undefined;
    if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
      role = 'cluster-admin';
    } else if (ref.kind === 'ClusterRole' || (ref.kind === 'Role' && binding.kind === 'RoleBinding')) {
      const target = ref.kind === 'ClusterRole'
        ? namedInWorkspace(ctx.workspace, CLUSTER_ROLES, ref.name)
        : namedInNamespace(ctx.workspace, binding, ROLES, ref.name);
      if (target && isAllPowerful(target)) role = `${ref.kind} "${ref.name}", which allows every change to every resource (cluster-admin by another name),`;
    }
    if (!role) return;
    const subjects = subjectsOf(binding).filter(s => !s.name.startsWith('system:'));
    if (!subjects.length) return;
    const clusterWide = binding.kind === 'ClusterRoleBinding';
    const scope = clusterWide ? 'on the whole cluster' : `in ${namespaceLabel(binding.namespace)}`;
    const consequence = clusterWide
      ? 'controls the whole cluster, every Secret and RBAC itself included.'
      : 'controls everything in the namespace, its Secrets and RBAC included.';
    ctx.report({
      node: ref.node,
      message: `${describeObject(binding)} grants ${role} ${scope} to ${describeSubjects(subjects)}: whoever steals ${subjects.length > 1 ? 'a credential of any of them' : 'its credential'} ${consequence}`,
    });
  },
};

const CLUSTER_ROLES: NamedKind = { table: 'ClusterRoles by name', kinds: ['ClusterRole'] };
const ROLES: NamedKind = { table: 'Roles by name', kinds: ['Role'] };
