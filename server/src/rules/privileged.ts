import { isScalar } from 'yaml';
import { findPair, resolve } from '../model/nodes';
import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer, describeObject } from './support/describe';
import { privilegedSetting, removePrivilegedFix, securityFixes, securityView } from './support/security';
import { Rule } from './types';

export const privileged: Rule = {
  meta: {
    id: 'privileged', checklist: 'security', severity: 'error', kinds: [...WORKLOAD_KINDS, 'SecurityContextConstraints'], fixable: true,
    title: 'Containers are not privileged',
    whenItFails: 'A privileged container has every capability and every device of the node, so whoever compromises it owns the node.',
    remediation: 'Remove privileged: true and grant only the specific capabilities or device access the container needs.',
  },
  check(ctx) {
    if (ctx.object.kind === 'SecurityContextConstraints') {
      // OpenShift: an SCC that allows privileged containers lets every pod admitted under it run privileged.
      const pair = findPair(ctx.object.map, 'allowPrivilegedContainer', ctx.doc);
      const value = pair ? resolve(pair.value, ctx.doc) : undefined;
      if (pair && isScalar(value) && value.value === true) {
        ctx.report({
          node: pair,
          message: `${describeObject(ctx.object)} allows privileged containers (allowPrivilegedContainer: true): every pod admitted under it may run privileged and take over its node.`,
        });
      }
      return;
    }
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
