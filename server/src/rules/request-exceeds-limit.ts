import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { quantitiesOf } from './support/quantities';
import { Rule } from './types';

export const requestExceedsLimit: Rule = {
  meta: {
    id: 'request-exceeds-limit', checklist: 'resources', severity: 'error', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Requests do not exceed limits',
    whenItFails: 'The API server rejects the object (a request must be less than or equal to its limit), so the rollout never starts.',
    remediation: 'Lower the request or raise the limit so that each request is at most its limit.',
  },
  check(ctx) {
    for (const container of ctx.containers()) {
      const entries = quantitiesOf(ctx, container);
      for (const request of entries) {
        if (request.section !== 'requests' || !request.quantity) continue;
        const limit = entries.find(e => e.section === 'limits' && e.resource === request.resource);
        if (!limit?.quantity || request.quantity.value <= limit.quantity.value) continue;
        ctx.report({
          node: request.node,
          container,
          message: `${describeContainer(container, ctx.object)} requests ${request.resource} ${request.raw} but limits it to ${limit.raw}: the API server rejects a request above its limit.`,
        });
      }
    }
  },
};
