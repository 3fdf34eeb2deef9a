import { WORKLOAD_KINDS } from '../model/workloads';
import { checkMissingResource } from './support/resources';
import { Rule } from './types';

export const cpuRequest: Rule = {
  meta: {
    id: 'cpu-request', checklist: 'resources', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers request CPU',
    whenItFails: 'The scheduler packs the pod onto a node with no CPU to spare, and it starves under load.',
    remediation: 'Set resources.requests.cpu to the CPU the container needs under normal load.',
  },
  check: ctx => checkMissingResource(ctx, 'requests', 'cpu', 'the scheduler may place it on a node with no CPU to spare and it starves under load.'),
};
