import { isScalar } from 'yaml';
import { findPair, resolve } from '../model/nodes';
import { WORKLOAD_KINDS } from '../model/workloads';
import { describeObject } from './support/describe';
import { Rule } from './types';

const NAMESPACES: Array<{ key: string; what: string; consequence: string }> = [
  {
    key: 'hostNetwork',
    what: 'network namespace',
    consequence: 'its containers see all traffic of the node, reach services bound to the node\'s localhost (the kubelet among them) and bypass NetworkPolicies.',
  },
  {
    key: 'hostPID',
    what: 'process namespace',
    consequence: 'its containers see every process of the node, read their environment and command lines (secrets included) and can signal or trace them.',
  },
  {
    key: 'hostIPC',
    what: 'IPC namespace',
    consequence: 'its containers read and write the shared memory and message queues of every process on the node.',
  },
];

export const hostNamespaces: Rule = {
  meta: {
    id: 'host-namespaces', checklist: 'security', severity: 'error', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Pods do not share the node\'s namespaces',
    whenItFails: 'A pod in the node\'s network, process or IPC namespace sees and touches everything else running on that node, so one compromised container exposes the whole node.',
    remediation: 'Remove hostNetwork, hostPID and hostIPC (or set them to false); expose ports through a Service instead of the host network.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    for (const { key, what, consequence } of NAMESPACES) {
      const pair = findPair(pod.spec, key, ctx.doc);
      const value = pair && resolve(pair.value, ctx.doc);
      if (!pair || !isScalar(value) || value.value !== true) continue;
      ctx.report({
        node: pair,
        message: `${describeObject(ctx.object)} shares the node's ${what} (${key}: true): ${consequence}`,
      });
    }
  },
};
