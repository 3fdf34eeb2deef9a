import { Node } from 'yaml';
import { findPair, getMap } from '../model/nodes';
import { formatLabels } from '../model/workloads';
import { describeObject } from './support/describe';
import { describeNamespaces, MONITOR_KINDS, monitorNamespaces, selectorOfMonitor, servicesSelectedBy, workloadsSelectedBy } from './support/monitoring';
import { Rule } from './types';

export const monitorSelector: Rule = {
  meta: {
    id: 'monitor-selector', checklist: 'observability', severity: 'warning', kinds: MONITOR_KINDS, fixable: false, crossResource: true,
    title: 'Monitors select something to scrape',
    whenItFails: 'Prometheus scrapes nothing for this monitor, and nobody notices that the metrics and alerts built on it are gone.',
    remediation: 'Make spec.selector and spec.namespaceSelector match the labels and namespace of the Services (or pods) to scrape.',
  },
  check(ctx) {
    const monitor = ctx.object;
    const isService = monitor.kind === 'ServiceMonitor';
    const found = isService ? servicesSelectedBy(ctx.workspace, monitor) : workloadsSelectedBy(ctx.workspace, monitor);
    if (found.length) return;
    const selector = selectorOfMonitor(monitor);
    const wanted = [
      formatLabels(selector.matchLabels) === '(none)' ? '' : formatLabels(selector.matchLabels),
      ...selector.matchExpressions.map(e => `${e.key} ${e.operator}${e.values.length ? ` (${e.values.join(', ')})` : ''}`),
    ].filter(Boolean).join(', ');
    const what = isService ? 'Service' : 'pod of a workload';
    const labels = wanted ? ` has labels ${wanted}` : ' exists';
    const selectorPair = findPair(getMap(monitor.map, 'spec', ctx.doc), 'selector', ctx.doc);
    ctx.report({
      node: (selectorPair?.key as Node | undefined) ?? monitor.nameNode,
      message: `${describeObject(monitor)} selects nothing: no ${what} in ${describeNamespaces(monitorNamespaces(monitor))}${labels}, so Prometheus scrapes nothing for it and the metrics and alerts built on it are silently missing.`,
    });
  },
};
