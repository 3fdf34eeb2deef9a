import { LONG_RUNNING_KINDS } from '../model/workloads';
import { describeObject } from './support/describe';
import { bindingsOf, podServiceAccount, serviceAccountObject } from './support/serviceAccount';
import { FixSpec, Rule, RuleContext } from './types';

const CONSEQUENCE = 'every workload of the namespace without its own account shares this identity, so a permission granted to one is granted to all of them.';

export const defaultServiceAccount: Rule = {
  meta: {
    id: 'default-service-account', checklist: 'rbac', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'Workloads run as their own service account',
    whenItFails: 'Workloads on the `default` service account share one identity, so a role granted to one of them is silently granted to all, and audit logs cannot tell them apart.',
    remediation: 'Create a ServiceAccount per workload (with automountServiceAccountToken: false unless it calls the API) and set serviceAccountName.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const account = podServiceAccount(pod);
    if (account.name !== 'default') return;
    const who = describeObject(ctx.object);
    const message = account.pair
      ? `${who} runs as the default service account (${String((account.pair.key as { value?: unknown }).value)}: default): ${CONSEQUENCE}`
      : `${who} runs as the default service account (no serviceAccountName): ${CONSEQUENCE}`;
    const fix = createServiceAccountFix(ctx);
    ctx.report({ node: account.pair ?? ctx.object.nameNode, message, fixes: fix ? [fix] : [] });
  },
};

/**
 * "Create ServiceAccount <name> and use it". Not offered when an account of that name already exists (it may
 * belong to something else) or when a binding in the workspace grants the namespace's default account a role
 * (switching accounts would take those permissions away).
 */
function createServiceAccountFix(ctx: RuleContext): FixSpec | undefined {
  const object = ctx.object;
  const pod = ctx.pod();
  const name = object.name;
  if (!pod || !name || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return undefined;
  if (serviceAccountObject(ctx.workspace, object, name)) return undefined;
  if (bindingsOf(ctx.workspace, object, 'default').length) return undefined;
  const metadata: Record<string, string> = { name };
  if (object.namespace !== undefined) metadata.namespace = object.namespace;
  return {
    title: `Create ServiceAccount ${name} and use it`,
    preferred: true,
    edit: b => {
      const set: Record<string, string> = { serviceAccountName: name };
      const account = podServiceAccount(pod);
      if (account.pair && String((account.pair.key as { value?: unknown }).value) === 'serviceAccount') set.serviceAccount = name;
      b.merge(pod.spec, set, { overwrite: true });
      b.appendDocument({ apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false });
    },
  };
}
