import { Node } from 'yaml';
import { findPair, getMap, getString } from '../model/nodes';
import { formatLabels } from '../model/workloads';
import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { selectorOfService, workloadsWithLabels } from './support/networking';
import { Rule } from './types';

export const serviceSelector: Rule = {
  meta: {
    id: 'service-selector', checklist: 'networking', severity: 'warning', kinds: ['Service'], fixable: false, crossResource: true,
    title: 'Services select pods',
    whenItFails: 'The Service has no endpoints: every connection to it is refused or times out, and the Ingress in front of it answers 503.',
    remediation: 'Make the Service\'s selector equal to (a subset of) the pod template labels of the workload it fronts, in the same namespace.',
  },
  check(ctx) {
    const spec = getMap(ctx.object.map, 'spec', ctx.doc);
    if (getString(spec, 'type', ctx.doc) === 'ExternalName') return;
    // Without a selector the Service is for endpoints managed elsewhere (an external database, EndpointSlices).
    const selector = selectorOfService(ctx.object);
    if (!selector) return;
    if (workloadsWithLabels(ctx.workspace, ctx.object, selector.labels).length) return;
    ctx.report({
      node: (findPair(spec, 'selector', ctx.doc)?.key as Node | undefined) ?? selector.node,
      message: `${describeObject(ctx.object)} selects ${formatLabels(selector.labels)}, but no pod template in ${namespaceLabel(ctx.object.namespace)} has these labels: it has no endpoints and every connection to it fails.`,
    });
  },
};
