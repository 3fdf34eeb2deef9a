// Walks the quantities of a container's resources block.
import { isMap, isPair, isScalar, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { AnalysisMemo } from '../../model/memo';
import { getMap, keyText, resolve } from '../../model/nodes';
import { parseQuantity, Quantity } from '../../model/quantity';
import { ContainerView } from '../../model/workloads';
import { RuleContext } from '../types';

export interface QuantityEntry {
  section: 'requests' | 'limits';
  resource: string;
  pair: Pair;
  node: Node | undefined;
  /** Parsed value; undefined when the text is not a valid, non-negative quantity. */
  quantity: Quantity | undefined;
  raw: string;
}

const quantitiesByContainer = new AnalysisMemo<YAMLMap, readonly QuantityEntry[]>();

/** Memoized per container for the analysis (two rules read them). Shared: do not modify. */
export function quantitiesOf(ctx: RuleContext, container: ContainerView): readonly QuantityEntry[] {
  return quantitiesByContainer.get(container.map, () => readQuantities(ctx, container));
}

function readQuantities(ctx: RuleContext, container: ContainerView): QuantityEntry[] {
  const resources = getMap(container.map, 'resources', ctx.doc);
  const out: QuantityEntry[] = [];
  for (const section of ['requests', 'limits'] as const) {
    const map = getMap(resources, section, ctx.doc);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const resource = keyText(pair);
      if (resource === undefined) continue;
      const node = resolve(pair.value, ctx.doc);
      const value = isScalar(node) ? (node as Scalar).value : undefined;
      const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
      out.push({
        section, resource, pair, node,
        quantity: parsed && parsed.value >= 0 ? parsed : undefined,
        raw: isScalar(node) ? String((node as Scalar).source ?? value ?? '') : '',
      });
    }
  }
  return out;
}
