// Facts derived from one object, computed once: cross-resource rules ask the same question about every
// object of a kind for each object they check (which service accounts a binding names, which namespaces a
// monitor watches), which makes them quadratic without it. Parsed objects never change (an edit replaces the
// document's objects), so a result stays valid as long as its object.
import { K8sObject } from './manifest';

/** `derive` memoized per object. The result is shared between callers: do not modify it. */
export function memoByObject<T>(derive: (object: K8sObject) => T): (object: K8sObject) => T {
  const cache = new WeakMap<K8sObject, { value: T }>();
  return object => {
    const hit = cache.get(object);
    if (hit) return hit.value;
    const value = derive(object);
    cache.set(object, { value });
    return value;
  };
}

/**
 * Facts that several rules ask of the same node during one analysis (a container's ports, its capability
 * lists, the restricted-context fix...), worked out once per analysis. Unlike `memoByObject` they are dropped
 * when the analysis ends (`endAnalysis`): the workspace index keeps most parsed trees for as long as the server
 * runs, and keeping these beside them cost the checklist's first pass about 7 MB of peak memory.
 */
export class AnalysisMemo<K extends object, V> {
  private values = new WeakMap<K, V>();

  constructor() {
    scopedMemos.push(this as AnalysisMemo<object, unknown>);
  }

  /**
   * The value for `key`, from `compute(key, arg)` the first time. Hot callers pass a module-level function and
   * its argument rather than a closure: memos are asked thousands of times per analysis, nearly always a hit.
   */
  get<A = undefined>(key: K, compute: (key: K, arg: A) => V, arg?: A): V {
    const known = this.values.get(key);
    if (known !== undefined || this.values.has(key)) return known as V;
    const value = compute(key, arg as A);
    this.values.set(key, value);
    return value;
  }

  clear(): void {
    this.values = new WeakMap();
  }
}

/** Every AnalysisMemo (module-level: they are created once, with the rules that use them). */
const scopedMemos: AnalysisMemo<object, unknown>[] = [];

/** Drops what the analysis memos hold; called when an analysis ends. */
export function endAnalysis(): void {
  for (const memo of scopedMemos) memo.clear();
}
