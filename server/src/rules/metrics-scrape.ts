import { isAlias, isMap, Node } from 'yaml';
import { namespaceLabel } from '../analysis/workspace';
import { YamlValue } from '../model/edits';
import { findPair, getNode } from '../model/nodes';
import { formatLabels, LONG_RUNNING_KINDS } from '../model/workloads';
import { insertFirstKey, podLabels } from './support/availability';
import { describeObject } from './support/describe';
import { monitorScraping } from './support/monitoring';
import { declaredPorts, runningContainers } from './support/probes';
import { FixSpec, Rule, RuleContext } from './types';

export const SCRAPE_ANNOTATION = 'prometheus.io/scrape';
export const PORT_ANNOTATION = 'prometheus.io/port';

export const metricsScrape: Rule = {
  meta: {
    id: 'metrics-scrape', checklist: 'observability', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: true, crossResource: true,
    title: 'Workloads are scraped for metrics',
    whenItFails: 'Nobody sees the workload degrade: there are no metrics to graph and no alert fires.',
    remediation: 'Add a ServiceMonitor or PodMonitor that selects the workload, or the prometheus.io/scrape and prometheus.io/port annotations on its pod template.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    if (pod.annotations[SCRAPE_ANNOTATION]?.toLowerCase() === 'true') return;
    if (monitorScraping(ctx.workspace, ctx.object)) return;
    const object = ctx.object;
    const labels = podLabels(object);
    const pods = Object.keys(labels).length ? `labels ${formatLabels(labels)}` : 'no labels';
    ctx.report({
      node: object.nameNode,
      message: `${describeObject(object)} is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (${pods}, in ${namespaceLabel(object.namespace)}) and its pod template has no ${SCRAPE_ANNOTATION}: "true" annotation, so no metric or alert shows it degrading.`,
      fixes: scrapeFix(ctx),
    });
  },
};

function scrapeFix(ctx: RuleContext): FixSpec[] {
  const pod = ctx.pod();
  if (!pod) return [];
  const doc = ctx.doc;
  const port = runningContainers(pod)
    .flatMap(c => declaredPorts(c, doc))
    .find(p => (p.name === 'metrics' || p.name === 'http-metrics') && p.number !== undefined && p.protocol === 'TCP');
  if (!port) return [];
  const title = 'Add Prometheus scrape annotations';
  const wanted: { [k: string]: YamlValue } = { [SCRAPE_ANNOTATION]: 'true', [PORT_ANNOTATION]: String(port.number) };
  // Edit only maps that belong to this object: never a `<<` merge source or an aliased (shared) map.
  const owns = (map: unknown, key: string) => {
    const pair = isMap(map) ? findPair(map, key, doc) : undefined;
    if (!pair) return 'absent';
    if (!(map as { items: unknown[] }).items.includes(pair)) return 'inherited';
    return getNode(map, key, doc) === pair.value || pair.value === null ? 'own' : 'inherited';
  };
  const template = pod.template;
  const metaState = owns(template, 'metadata');
  if (metaState === 'inherited') return [];
  if (metaState === 'absent') return [{ title, preferred: true, edit: b => insertFirstKey(b, template, 'metadata', { annotations: wanted }) }];
  const metadata = pod.metadata;
  if (!metadata) return [{ title, preferred: true, edit: b => b.merge(template, { metadata: { annotations: wanted } }) }];
  const annState = owns(metadata, 'annotations');
  if (annState === 'inherited') return [];
  const annotations = getNode(metadata, 'annotations', doc);
  if (annState === 'absent' || !isMap(annotations)) {
    return [{ title, preferred: true, edit: b => b.merge(metadata, { annotations: wanted }) }];
  }
  const scrape = findPair(annotations, SCRAPE_ANNOTATION, doc);
  const ownScrape = scrape && annotations.items.includes(scrape) ? scrape : undefined;
  const scrapeValue = ownScrape?.value as Node | null | undefined;
  // `prometheus.io/scrape: "false"` (or empty) is replaced; an alias or empty value is left to the user.
  if (ownScrape && (!scrapeValue?.range || scrapeValue.range[1] <= scrapeValue.range[0] || isAlias(scrapeValue))) return [];
  const hasPort = findPair(annotations, PORT_ANNOTATION, doc);
  return [{
    title,
    preferred: true,
    edit: b => {
      if (scrapeValue) b.replace(scrapeValue, '"true"');
      const missing: { [k: string]: YamlValue } = {};
      if (!ownScrape) missing[SCRAPE_ANNOTATION] = 'true';
      if (!hasPort) missing[PORT_ANNOTATION] = String(port.number);
      if (Object.keys(missing).length) b.insertKeys(annotations, missing);
    },
  }];
}
