import { WORKLOAD_KINDS } from '../model/workloads';
import { checkMissingResource } from './support/resources';
import { Rule } from './types';

export const memoryLimit: Rule = {
  meta: {
    id: 'memory-limit', checklist: 'resources', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers limit memory',
    whenItFails: 'A leak grows until the node runs out of memory and the kernel OOM-kills whatever it picks, often another team\'s pod.',
    remediation: 'Set resources.limits.memory a little above the container\'s peak working set.',
  },
  check: ctx => checkMissingResource(ctx, 'limits', 'memory', 'a leak grows until the node runs out of memory and the OOM killer picks its victims.'),
};
