import { WORKLOAD_KINDS } from '../model/workloads';
import { checkMissingResource } from './support/resources';
import { Rule } from './types';

export const cpuLimit: Rule = {
  meta: {
    id: 'cpu-limit', checklist: 'resources', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers limit CPU',
    whenItFails: 'A busy loop takes every core of the node and slows down each pod beside it.',
    remediation: 'Set resources.limits.cpu, or turn the rule off with kubeready.resources.requireCpuLimit if you accept bursting to avoid throttling.',
  },
  check(ctx) {
    if (!ctx.settings.resources.requireCpuLimit) return;
    checkMissingResource(ctx, 'limits', 'cpu', 'a busy loop can take every core of the node and slow down each pod beside it.');
  },
};
