// What the four "missing request/limit" rules share: where the value lives and how to add it.
import { isMap } from 'yaml';
import { isEmptyValue } from '../../model/edits';
import { getMap, getNode } from '../../model/nodes';
import { formatCpu, formatMemory, parseQuantity } from '../../model/quantity';
import { ContainerView } from '../../model/workloads';
import { Settings } from '../../analysis/settings';
import { FixSpec, RuleContext } from '../types';
import { containerAnchor, describeContainer } from './describe';

export type Section = 'requests' | 'limits';
export type Resource = 'cpu' | 'memory';

const LABEL: Record<Section, string> = { requests: 'request', limits: 'limit' };

/** Reports every container whose `resources.<section>.<resource>` is missing. */
export function checkMissingResource(ctx: RuleContext, section: Section, resource: Resource, consequence: string): void {
  for (const container of ctx.containers()) {
    const resources = getNode(container.map, 'resources', ctx.doc);
    if (resources && !isMap(resources) && !isEmptyValue(resources)) continue; // a wrong type is reported elsewhere
    const sectionNode = getNode(resources, section, ctx.doc);
    if (sectionNode && !isMap(sectionNode) && !isEmptyValue(sectionNode)) continue;
    if (getNode(sectionNode, resource, ctx.doc) !== undefined) continue;
    ctx.report({
      node: containerAnchor(container),
      container,
      message: `${describeContainer(container, ctx.object)} has no ${resource} ${LABEL[section]} (resources.${section}.${resource}): ${consequence}`,
      fixes: resourceFixes(ctx, container, section, resource),
    });
  }
}

function resourceFixes(ctx: RuleContext, container: ContainerView, section: Section, resource: Resource): FixSpec[] {
  const resources = getNode(container.map, 'resources', ctx.doc);
  const defaults = ctx.settings.fixes.resources;
  if (isEmptyValue(resources)) {
    return [{
      title: 'Add resources block (requests and limits)',
      preferred: true,
      edit: b => b.merge(container.map, { resources: fullBlock(ctx.settings) }),
    }];
  }
  if (!isMap(resources)) return [];
  return [{
    title: `Add missing ${resource} ${LABEL[section]}`,
    preferred: true,
    // The value is worked out when the fix is applied: most findings are only listed.
    edit: b => b.merge(resources, { [section]: { [resource]: missingValue(ctx, container, section, resource, defaults) } }),
  }];
}

export function fullBlock(settings: Settings): { requests: Record<string, string>; limits: Record<string, string> } {
  const d = settings.fixes.resources;
  const limits: Record<string, string> = settings.resources.requireCpuLimit ? { cpu: d.limits.cpu, memory: d.limits.memory } : { memory: d.limits.memory };
  return { requests: { cpu: d.requests.cpu, memory: d.requests.memory }, limits };
}

/**
 * The value to insert: the configured default, except that a limit never goes below an existing request
 * (it becomes the request times the default limit/request ratio) and a request never exceeds an existing limit.
 */
function missingValue(ctx: RuleContext, container: ContainerView, section: Section, resource: Resource, defaults: Settings['fixes']['resources']): string {
  const resources = getMap(container.map, 'resources', ctx.doc);
  const other = section === 'limits' ? 'requests' : 'limits';
  const otherNode = getNode(getMap(resources, other, ctx.doc), resource, ctx.doc) as { value?: unknown } | undefined;
  const existing = typeof otherNode?.value === 'string' || typeof otherNode?.value === 'number' ? parseQuantity(otherNode.value) : undefined;
  const fallback = defaults[section][resource];
  if (!existing || existing.value <= 0) return fallback;
  const format = resource === 'cpu' ? formatCpu : formatMemory;
  const defRequest = parseQuantity(defaults.requests[resource])?.value ?? 1;
  const defLimit = parseQuantity(defaults.limits[resource])?.value ?? 1;
  if (section === 'limits') return format(existing.value * Math.max(1, defLimit / defRequest));
  const def = parseQuantity(fallback)?.value ?? existing.value;
  return format(Math.min(def, existing.value));
}
