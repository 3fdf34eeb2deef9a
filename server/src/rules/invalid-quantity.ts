import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { quantitiesOf } from './support/quantities';
import { Rule } from './types';

export const invalidQuantity: Rule = {
  meta: {
    id: 'invalid-quantity', checklist: 'resources', severity: 'error', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Resource quantities are valid Kubernetes quantities',
    whenItFails: 'The API server rejects the whole object, so the rollout never starts.',
    remediation: 'Write quantities as Kubernetes expects: a number with an optional suffix such as 500m, 2, 128Mi or 1G.',
  },
  check(ctx) {
    for (const container of ctx.containers()) {
      for (const entry of quantitiesOf(ctx, container)) {
        if (entry.quantity) continue;
        const shown = entry.raw ? `"${entry.raw}"` : 'this value';
        ctx.report({
          node: entry.node ?? entry.pair.key as never,
          container,
          message: `${describeContainer(container, ctx.object)} sets resources.${entry.section}.${entry.resource} to ${shown}, which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.`,
        });
      }
    }
  },
};
