import { isScalar, Node } from 'yaml';
import { findPair, getMap, getNode } from '../model/nodes';
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
    const spec = getMap(ctx.object.map, 'spec', ctx.doc);
    const node = getNode(spec, 'minReplicas', ctx.doc);
    const set = isScalar(node) && node.value !== null;
    if (set && typeof node.value !== 'number') return; // a template expression or a wrong type
    const min = set ? (node.value as number) : 1;
    if (min >= minimum) return;
    const what = set ? `minReplicas ${min}` : 'no minReplicas, so Kubernetes uses 1';
    const floor = min === 0 ? 'zero pods' : min === 1 ? 'a single pod' : `${min} pods`;
    const then = min <= 1
      ? 'every node drain or crash is then an outage'
      : `one node drain or crash then leaves ${min === 2 ? 'a single pod' : `${min - 1} pods`} to carry the load`;
    // An alias stays the position (its anchor may belong to another object).
    const raw = set ? (findPair(spec, 'minReplicas', ctx.doc)?.value as Node | undefined) ?? node : undefined;
    ctx.report({
      node: raw ?? ctx.object.nameNode,
      message: `${describeObject(ctx.object)} has ${what} (at least ${minimum} expected): at low load it scales down to ${floor}, and ${then}.`,
    });
  },
};
