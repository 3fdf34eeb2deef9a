import { LONG_RUNNING_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { hasProbe, probeFixes } from './support/probes';
import { Rule } from './types';

export const livenessProbe: Rule = {
  meta: {
    id: 'liveness-probe', checklist: 'health', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'Containers define a liveness probe',
    whenItFails: 'A deadlocked or hung container keeps running, and keeps its slot in the Service, until someone restarts it by hand.',
    remediation: 'Add a livenessProbe that checks the process itself, not its dependencies, and fails later than the readiness probe.',
  },
  check(ctx) {
    for (const container of ctx.containers({ init: false })) {
      if (hasProbe(container, 'livenessProbe', ctx.doc)) continue;
      ctx.report({
        node: containerAnchor(container),
        container,
        message: `${describeContainer(container, ctx.object)} has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.`,
        fixes: probeFixes(ctx, container, 'livenessProbe'),
      });
    }
  },
};
