import { WORKLOAD_KINDS } from '../model/workloads';
import { checkMissingResource } from './support/resources';
import { Rule } from './types';

export const memoryRequest: Rule = {
  meta: {
    id: 'memory-request', checklist: 'resources', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers request memory',
    whenItFails: 'The pod lands on a node that is already full and is the first to be evicted under memory pressure.',
    remediation: 'Set resources.requests.memory to the working set the container needs.',
  },
  check: ctx => checkMissingResource(ctx, 'requests', 'memory', 'it can land on a full node and is evicted first under memory pressure.'),
};
