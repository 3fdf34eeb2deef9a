import { isScalar } from 'yaml';
import { namespaceLabel } from '../analysis/workspace';
import { findPair, resolve } from '../model/nodes';
import { LONG_RUNNING_KINDS } from '../model/workloads';
import { describeObject } from './support/describe';
import { bindingsOf, podServiceAccount, serviceAccountObject } from './support/serviceAccount';
import { Rule } from './types';

export const automountToken: Rule = {
  meta: {
    id: 'automount-token', checklist: 'rbac', severity: 'info', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'Pods mount a service account token only when they use it',
    whenItFails: 'Every container gets a Kubernetes API credential it never uses, and whoever compromises one of them can call the API server with it.',
    remediation: 'Set automountServiceAccountToken: false on the pod or its ServiceAccount unless the workload calls the Kubernetes API.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const podPair = findPair(pod.spec, 'automountServiceAccountToken', ctx.doc);
    const podValue = podPair ? resolve(podPair.value, ctx.doc) : undefined;
    const podSetting = isScalar(podValue) && typeof podValue.value === 'boolean' ? podValue.value : undefined;
    if (podSetting === false) return;
    const account = podServiceAccount(pod);
    // A binding in the workspace means the workload talks to the API: it needs its token.
    if (bindingsOf(ctx.workspace, ctx.object, account.name).length) return;
    let reason: string;
    if (podSetting === true) {
      reason = 'the pod sets automountServiceAccountToken: true';
    } else {
      const sa = serviceAccountObject(ctx.workspace, ctx.object, account.name);
      if (sa) {
        const saPair = findPair(sa.map, 'automountServiceAccountToken', sa.doc);
        const saValue = saPair ? resolve(saPair.value, sa.doc) : undefined;
        if (isScalar(saValue) && saValue.value === false) return;
        reason = `neither the pod nor ServiceAccount "${account.name}" sets automountServiceAccountToken: false`;
      } else {
        reason = `the pod does not set automountServiceAccountToken: false and ServiceAccount "${account.name}" is not in ${namespaceLabel(ctx.object.namespace)} of the workspace`;
      }
    }
    ctx.report({
      node: podSetting === true ? podPair : ctx.object.nameNode,
      message: `${describeObject(ctx.object)} mounts a token for service account "${account.name}" that it does not seem to need: ${reason}, and no RoleBinding or ClusterRoleBinding in the workspace grants that account a role; a compromised container gets an API credential for free.`,
      fixes: [{
        title: 'Set automountServiceAccountToken: false',
        preferred: true,
        edit: b => b.merge(pod.spec, { automountServiceAccountToken: false }, { overwrite: true }),
      }],
    });
  },
};
