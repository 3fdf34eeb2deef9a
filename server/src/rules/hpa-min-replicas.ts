import { isScalar } from 'yaml';
import { getMap, getNode } from '../model/nodes';
import { describeObject } from './support/describe';
import { Rule } from './types';

export const hpaMinReplicas: Rule = {
  meta: {
    id: 'hpa-min-replicas', checklist: 'replicas', severity: 'warning', kinds: ['HorizontalPodAutoscaler'], fixable: false,
    title: 'Autoscalers keep at least two replicas',
    whenItFails: 'At low load the autoscaler scales down to a single pod, and every node drain or crash is then an outage.',
    remediation: 'Set spec.minReplicas to 2 or more.',
  },
  check(ctx) {
    const minimum = ctx.settings.replicas.minimum;
    const node = getNode(getMap(ctx.object.map, 'spec', ctx.doc), 'minReplicas', ctx.doc);
    const set = isScalar(node) && node.value !== null;
    if (set && typeof node.value !== 'number') return; // a template expression or a wrong type
    const min = set ? (node.value as number) : 1;
    if (min >= minimum) return;
    const what = set ? `minReplicas ${min}` : 'no minReplicas, so Kubernetes uses 1';
    const floor = min === 0 ? 'zero pods' : min === 1 ? 'a single pod' : `${min} pods`;
    ctx.report({
      node: set ? node : ctx.object.nameNode,
      message: `${describeObject(ctx.object)} has ${what} (at least ${minimum} expected): at low load it scales down to ${floor}, and every node drain or crash is then ${min <= 1 ? 'an outage' : 'a risk of one'}.`,
    });
  },
};
