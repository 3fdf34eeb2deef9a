import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { privilegedSetting, removePrivilegedFix, securityFixes, securityView } from './support/security';
import { Rule } from './types';

export const privileged: Rule = {
  meta: {
    id: 'privileged', checklist: 'security', severity: 'error', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers are not privileged',
    whenItFails: 'A privileged container has every capability and every device of the node, so whoever compromises it owns the node.',
    remediation: 'Remove privileged: true and grant only the specific capabilities or device access the container needs.',
  },
  check(ctx) {
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      const setting = view && privilegedSetting(view);
      if (!view || !setting) continue;
      ctx.report({
        node: setting.pair,
        container,
        message: `${describeContainer(container, ctx.object)} runs privileged (privileged: true): it has every capability and every device of the node, so escaping to the node is trivial.`,
        fixes: securityFixes(view, 'privileged', removePrivilegedFix(view)),
      });
    }
  },
};
