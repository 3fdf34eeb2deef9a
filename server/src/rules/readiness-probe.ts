import { LONG_RUNNING_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { hasProbe, probeFixes } from './support/probes';
import { Rule } from './types';

export const readinessProbe: Rule = {
  meta: {
    id: 'readiness-probe', checklist: 'health', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'Containers define a readiness probe',
    whenItFails: 'Traffic reaches pods that are still starting or cannot serve, so users see errors during every rollout and every hiccup.',
    remediation: 'Add a readinessProbe that succeeds only when the container can serve requests.',
  },
  check(ctx) {
    for (const container of ctx.containers({ init: false })) {
      if (hasProbe(container, 'readinessProbe', ctx.doc)) continue;
      ctx.report({
        node: containerAnchor(container),
        container,
        message: `${describeContainer(container, ctx.object)} has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.`,
        fixes: probeFixes(ctx, container, 'readinessProbe'),
      });
    }
  },
};
