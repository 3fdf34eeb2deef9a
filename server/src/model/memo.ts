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
