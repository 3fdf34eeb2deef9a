import { describeObject } from './support/describe';
import { describeVerbs, grantedVerbs, policyRules, PolicyRule, ROLE_KINDS } from './support/rbac';
import { namespaceLabel } from '../analysis/workspace';
import { Rule } from './types';

/** Resources whose `create` starts pods, by API group. */
const POD_CREATORS: Record<string, readonly string[]> = {
  '': ['pods', 'replicationcontrollers'],
  apps: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
  extensions: ['deployments', 'replicasets', 'daemonsets'],
  batch: ['jobs', 'cronjobs'],
};

function coversGroup(rule: PolicyRule, group: string): boolean {
  if (!rule.hasApiGroups) return group === '';
  return rule.apiGroups.some(g => g.value === group || g.value === '*');
}

export const workloadCreateRbac: Rule = {
  meta: {
    id: 'workload-create-rbac', checklist: 'rbac', severity: 'info', kinds: ROLE_KINDS, fixable: false,
    title: 'Roles do not create pods or workloads without need',
    whenItFails: 'Whoever holds the role starts a pod that mounts any service account or Secret of the namespace and acts with those rights, a classic privilege escalation.',
    remediation: 'Grant create on pods and workload kinds only to deployers that need it, scoped to one namespace, and keep workloads\' own service accounts read-only.',
  },
  check(ctx) {
    const owner = describeObject(ctx.object);
    const scope = ctx.object.kind === 'Role' ? `in ${namespaceLabel(ctx.object.namespace)}` : 'in every namespace where it is bound';
    for (const rule of policyRules(ctx.object)) {
      const verbs = grantedVerbs(rule, ['create']);
      if (!verbs.length) continue;
      for (const entry of rule.resources) {
        // `*` resources are wildcard-rbac's finding; here only named pod-creating resources.
        const creates = Object.entries(POD_CREATORS).some(([group, resources]) => resources.includes(entry.value) && coversGroup(rule, group));
        if (!creates) continue;
        ctx.report({
          node: entry.node,
          message: `${owner} grants ${describeVerbs(verbs)} on ${entry.value}: its subjects can start pods that mount any service account or Secret ${scope} and act with those rights.`,
        });
      }
    }
  },
};
