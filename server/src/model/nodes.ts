// Typed, alias-aware reading of `yaml` nodes. Every accessor tolerates any shape of input:
// a wrong type yields undefined, never an exception.
import { Alias, Document, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type AnyNode = Node | null | undefined;

const aliasTables = new WeakMap<Document, Map<Alias, Node | undefined>>();

/**
 * Records where each alias of a parsed document points (computed in one walk by model/limits.ts).
 * `Alias.resolve` of `yaml` walks the whole document on every call, which is quadratic on a document of
 * many aliases.
 */
export function setAliasTargets(doc: Document, targets: Map<Alias, Node | undefined>): void {
  aliasTables.set(doc, targets);
}

function aliasTarget(alias: Alias, doc: Document): unknown {
  const table = aliasTables.get(doc);
  if (table?.has(alias)) return table.get(alias);
  return alias.resolve(doc);
}

/** Follows aliases (bounded, so a cycle cannot hang) to the anchored node. */
export function resolve(node: unknown, doc: Document | undefined): Node | undefined {
  // Every accessor below starts here: `instanceof` checks, see findPair.
  if (!(node instanceof Alias)) return (node as Node | undefined) ?? undefined;
  let current: unknown = node;
  for (let hops = 0; current instanceof Alias && hops < 32; hops++) {
    current = doc ? aliasTarget(current, doc) : undefined;
  }
  return current instanceof Alias ? undefined : (current as Node | undefined) ?? undefined;
}

export function isMergeKey(key: unknown): boolean {
  return key instanceof Scalar && (typeof key.value === 'symbol' || (key.value === '<<' && key.source === '<<'));
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (key instanceof Scalar) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

/**
 * The pair for `key` in a map: its own pairs first, then `<<` merge sources in order (as Kubernetes'
 * YAML decoder does). Returns the pair and the map that holds it.
 */
export function findPair(map: YAMLMap | undefined, key: string, doc: Document | undefined, depth = 0): Pair | undefined {
  if (!map || depth > 8) return undefined;
  // The hottest function of the analysis (every rule reads maps by key): one pass over the pairs, without
  // allocating; the merge sources only when the map has some. Maps are small, so a scan beats an index.
  const items = map.items;
  let merges = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // `instanceof` rather than isPair/isScalar: those read a symbol-keyed property of nodes of many shapes,
    // a megamorphic load that made this loop several times slower. Every node comes from the one `yaml`.
    if (!(item instanceof Pair)) continue;
    const k = item.key;
    if (!(k instanceof Scalar)) continue;
    const v = k.value;
    if (typeof v === 'string') {
      if (v === '<<' && k.source === '<<') merges = true;
      else if (v === key) return item;
    } else if (typeof v === 'symbol') merges = true;
    else if (v !== null && v !== undefined && String(v) === key) return item;
  }
  if (!merges) return undefined;
  for (const item of items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const source = resolve(item.value, doc);
    const sources = isSeq(source) ? source.items.map(s => resolve(s, doc)) : [source];
    for (const s of sources) {
      if (!isMap(s)) continue;
      const found = findPair(s, key, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

export function getNode(map: unknown, key: string, doc: Document | undefined): Node | undefined {
  const m = resolve(map, doc);
  if (!(m instanceof YAMLMap)) return undefined;
  const pair = findPair(m, key, doc);
  return pair ? resolve(pair.value, doc) : undefined;
}

export function getMap(map: unknown, key: string, doc: Document | undefined): YAMLMap | undefined {
  const n = getNode(map, key, doc);
  return n instanceof YAMLMap ? n : undefined;
}

export function getSeq(map: unknown, key: string, doc: Document | undefined): YAMLSeq | undefined {
  const n = getNode(map, key, doc);
  return n instanceof YAMLSeq ? n : undefined;
}

export function getScalar(map: unknown, key: string, doc: Document | undefined): Scalar | undefined {
  const n = getNode(map, key, doc);
  return n instanceof Scalar ? n : undefined;
}

/** The scalar's value as a string ("" for null), or undefined when the key is missing or not a scalar. */
export function getString(map: unknown, key: string, doc: Document | undefined): string | undefined {
  const s = getScalar(map, key, doc);
  if (!s) return undefined;
  return s.value === null || s.value === undefined ? '' : String(s.value);
}

export function getBool(map: unknown, key: string, doc: Document | undefined): boolean | undefined {
  const s = getScalar(map, key, doc);
  if (!s) return undefined;
  if (typeof s.value === 'boolean') return s.value;
  return undefined;
}

export function getNumber(map: unknown, key: string, doc: Document | undefined): number | undefined {
  const s = getScalar(map, key, doc);
  if (!s) return undefined;
  return typeof s.value === 'number' && Number.isFinite(s.value) ? s.value : undefined;
}

export function has(map: unknown, key: string, doc: Document | undefined): boolean {
  const m = resolve(map, doc);
  return isMap(m) && findPair(m, key, doc) !== undefined;
}

const NO_ITEMS: readonly Node[] = Object.freeze([]);

/**
 * The items of a list, aliases resolved and empty entries left out. Without either (nearly every list), the
 * list's own items: read-only, not a copy.
 */
export function seqItems(seq: unknown, doc: Document | undefined): readonly Node[] {
  const s = resolve(seq, doc);
  if (!(s instanceof YAMLSeq)) return NO_ITEMS;
  const items = s.items as unknown[];
  let plain = true;
  for (let i = 0; i < items.length && plain; i++) plain = !!items[i] && !(items[i] instanceof Alias);
  if (plain) return items as Node[];
  const out: Node[] = [];
  for (const item of items) {
    const r = resolve(item, doc);
    if (r) out.push(r);
  }
  return out;
}

const stringMaps = new WeakMap<YAMLMap, { doc: Document | undefined; value: Record<string, string> }>();

/**
 * A map of string keys to string scalar values (labels, annotations, matchLabels). Memoized per map:
 * cross-resource rules compare the labels of every pair of objects. The record is shared: do not modify it.
 */
export function stringMap(map: unknown, doc: Document | undefined): Record<string, string> {
  const m = resolve(map, doc);
  if (!isMap(m)) return {};
  const cached = stringMaps.get(m);
  if (cached && cached.doc === doc) return cached.value;
  const value = readStringMap(m, doc);
  stringMaps.set(m, { doc, value });
  return value;
}

/**
 * As `stringMap`, without the memo: for a map read once and kept by the caller (an object's own labels and
 * annotations, read when it is parsed). A fresh record.
 */
export function readStringMapOnce(map: unknown, doc: Document | undefined): Record<string, string> {
  const m = resolve(map, doc);
  return m instanceof YAMLMap ? readStringMap(m, doc) : {};
}

function readStringMap(m: YAMLMap, doc: Document | undefined): Record<string, string> {
  // Every object's labels and annotations are read when it is parsed: one plain pass, unless the map has a merge
  // key, whose order-dependent rules the general walk keeps.
  return ownStringEntries(m, doc, true) ?? readMergedStringMap(m, doc);
}

function readMergedStringMap(m: YAMLMap, doc: Document | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const collect = (source: YAMLMap, depth: number) => {
    for (const item of source.items) {
      if (!isPair(item)) continue;
      if (isMergeKey(item.key)) {
        const merged = resolve(item.value, doc);
        if (isMap(merged) && depth < 8) for (const [k, v] of Object.entries(stringMapShallow(merged, doc))) if (!(k in out)) out[k] = v;
        continue;
      }
      const k = keyText(item);
      const v = resolve(item.value, doc);
      if (k !== undefined && isScalar(v)) out[k] = v.value === null ? '' : String(v.value);
    }
  };
  collect(m, 0);
  return out;
}

/** The map's own string entries, merge keys left out. */
function stringMapShallow(map: YAMLMap, doc: Document | undefined): Record<string, string> {
  return ownStringEntries(map, doc, false)!;
}

/**
 * The map's own string entries (`instanceof`, see findPair: every object's labels come here); at a merge key,
 * undefined when `stopAtMerge`, else the key is left out.
 */
function ownStringEntries(map: YAMLMap, doc: Document | undefined, stopAtMerge: boolean): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const item of map.items) {
    if (!(item instanceof Pair)) continue;
    if (isMergeKey(item.key)) {
      if (stopAtMerge) return undefined;
      continue;
    }
    const k = keyText(item);
    const v = resolve(item.value, doc);
    if (k !== undefined && v instanceof Scalar) out[k] = v.value === null ? '' : String(v.value);
  }
  return out;
}

/** Start and end offsets (relative to the parsed text) of a node, or of a pair from key to value. */
export function nodeSpan(node: Node | Pair | null | undefined): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const k = nodeSpan(node.key as Node);
    const v = nodeSpan(node.value as Node);
    if (k && v) return [k[0], v[1]];
    return k ?? v;
  }
  const r = (node as Node).range;
  if (!r) return undefined;
  return [r[0], r[1]];
}
