import { describeObject } from './support/describe';
import { coversCoreGroup, describeVerbs, grantedVerbs, policyRules, ROLE_KINDS, roleScope } from './support/rbac';
import { Rule } from './types';

const READ_VERBS = ['get', 'list', 'watch'];

export const secretsRbac: Rule = {
  meta: {
    id: 'secrets-rbac', checklist: 'rbac', severity: 'info', kinds: ROLE_KINDS, fixable: false,
    title: 'Roles do not read every Secret',
    whenItFails: 'Whoever holds the role reads every Secret in reach (database passwords, TLS keys, other service account tokens) and can impersonate those workloads.',
    remediation: 'Restrict the rule to the Secrets the subject needs with resourceNames, or mount the Secret into the pod instead of reading it through the API.',
  },
  check(ctx) {
    const owner = describeObject(ctx.object);
    for (const rule of policyRules(ctx.object)) {
      // resourceNames narrows the grant to named Secrets: that is the recommended form.
      if (!coversCoreGroup(rule) || rule.resourceNames.length) continue;
      const verbs = grantedVerbs(rule, READ_VERBS);
      if (!verbs.length) continue;
      for (const entry of rule.resources) {
        if (entry.value !== 'secrets') continue;
        ctx.report({
          node: entry.node,
          message: `${owner} grants ${describeVerbs(verbs)} on secrets without resourceNames: its subjects read ${roleScope(ctx.object, 'every Secret')}.`,
        });
      }
    }
  },
};
