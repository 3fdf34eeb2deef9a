import { getMap } from '../model/nodes';
import { isEmptySelector, selectorMatches, selectorOf, formatLabels } from '../model/workloads';
import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { WORKLOADS_BY_POD_LABEL } from './support/networking';
import { labelledMatching } from './support/selecting';
import { Rule } from './types';

export const networkPolicySelector: Rule = {
  meta: {
    id: 'network-policy-selector', checklist: 'networking', severity: 'warning', kinds: ['NetworkPolicy'], fixable: false, crossResource: true,
    title: 'NetworkPolicies select pods',
    whenItFails: 'The policy protects nothing: the pods it was written for stay open to the whole cluster, and nobody notices until an audit or an incident.',
    remediation: 'Make spec.podSelector match the labels of the pod template it is meant for, in the same namespace.',
  },
  check(ctx) {
    const spec = getMap(ctx.object.map, 'spec', ctx.doc);
    const selectorMap = getMap(spec, 'podSelector', ctx.doc);
    if (!selectorMap) return;
    const selector = selectorOf(selectorMap, ctx.doc);
    // An empty podSelector selects every pod of the namespace: that is a default policy, not a dangling one.
    if (!selector || isEmptySelector(selector)) return;
    // Only workloads have a pod template: looking at them, in the policy's namespace, is looking at every object.
    // A workload whose template has labels but no pod spec runs no pods.
    if (labelledMatching(ctx.workspace, ctx.object, WORKLOADS_BY_POD_LABEL, selector.matchLabels, labels => selectorMatches(selector, labels)).some(w => w.pod)) return;
    const labels = selector.matchExpressions.length ? `${formatLabels(selector.matchLabels)} and ${selector.matchExpressions.length} expression(s)` : formatLabels(selector.matchLabels);
    ctx.report({
      node: selectorMap,
      message: `${describeObject(ctx.object)} selects no pods: no workload in ${namespaceLabel(ctx.object.namespace)} has pod labels matching ${labels}, so the policy protects nothing.`,
    });
  },
};

