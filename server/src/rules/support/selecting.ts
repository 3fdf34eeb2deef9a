// Which objects of a namespace group select a given set of labels (the Services, budgets and policies of a
// workload), without testing every object of the group for every workload: a table of the group's selectors by
// one label each of them requires. Every workload asks, and a namespace holds hundreds of each kind in large
// files; the table is built once per group and kept by the workspace index until an object of the group changes.
import type { WorkspaceIndex } from '../../analysis/workspace';
import type { K8sObject } from '../../model/manifest';
import { LabelSelector, selectorMatches } from '../../model/workloads';

interface Entry<S> {
  object: K8sObject;
  selector: S;
  /** Position in the group's list: results keep the group's order. */
  order: number;
}

export interface SelectorTable<S> {
  /** Selectors that require no label (only expressions, or empty): they are tested for every set of labels. */
  anyLabels: Entry<S>[];
  /** The others, by the first label they require: its key, then its value. */
  byLabel: Map<string, Map<string, Entry<S>[]>>;
}

export interface SelectorKind<S> {
  /** The table's name in the workspace index. */
  name: string;
  /** The kind whose selectors are tabled, as a constant list (the index compares lists by identity first). */
  kinds: readonly [string];
  /** The object's selector, or undefined when it selects nothing. */
  selectorOf(object: K8sObject): S | undefined;
  /** The labels a selector requires, each with the one value it must have. */
  requiredLabels(selector: S): Record<string, string>;
  matches(selector: S, labels: Record<string, string>): boolean;
}

/**
 * Objects of `kind.kinds` in the namespace group of `subject` whose selector matches `labels`, in the group's
 * order: the same list as filtering the group with `kind.matches`. A selector that requires `key: value` can
 * only match labels that have that entry, so only the selectors filed under one of the labels' own entries (and
 * those that require none) are tested.
 */
export function objectsSelecting<S>(workspace: WorkspaceIndex, subject: K8sObject, kind: SelectorKind<S>, labels: Record<string, string>): K8sObject[] {
  const table = workspace.derivedInNamespace(kind.name, subject, kind.kinds, objects => selectorTable(objects, kind));
  let found: Entry<S>[] | undefined;
  for (const entry of table.anyLabels) if (kind.matches(entry.selector, labels)) (found ??= []).push(entry);
  if (table.byLabel.size) {
    for (const key in labels) {
      const entries = table.byLabel.get(key)?.get(labels[key]);
      if (!entries) continue;
      for (const entry of entries) if (kind.matches(entry.selector, labels)) (found ??= []).push(entry);
    }
  }
  if (!found) return [];
  if (found.length > 1) found.sort((a, b) => a.order - b.order);
  return found.map(entry => entry.object);
}

function selectorTable<S>(objects: readonly K8sObject[], kind: SelectorKind<S>): SelectorTable<S> {
  const table: SelectorTable<S> = { anyLabels: [], byLabel: new Map() };
  objects.forEach((object, order) => {
    const selector = kind.selectorOf(object);
    if (selector === undefined) return;
    const entry = { object, selector, order };
    const required = kind.requiredLabels(selector);
    for (const key in required) {
      let byValue = table.byLabel.get(key);
      if (!byValue) table.byLabel.set(key, (byValue = new Map()));
      const value = required[key];
      const list = byValue.get(value);
      if (list) list.push(entry);
      else byValue.set(value, [entry]);
      return;
    }
    table.anyLabels.push(entry);
  });
  return table;
}

export interface LabelledKind {
  /** The table's name in the workspace index. */
  name: string;
  /** The kinds whose labels are tabled, as a constant list (the index compares lists by identity first). */
  kinds: readonly string[];
  /** The labels a selector is matched against; undefined leaves the object out (a workload without a pod template). */
  labelsOf(object: K8sObject): Record<string, string> | undefined;
}

interface LabelledObject {
  object: K8sObject;
  labels: Record<string, string>;
}

interface LabelTable {
  all: LabelledObject[];
  /** By each of their labels: its key, then its value. */
  byLabel: Map<string, Map<string, LabelledObject[]>>;
}

const NO_OBJECTS: readonly LabelledObject[] = Object.freeze([]);

/**
 * The other direction: objects of `kind.kinds` in the namespace group of `subject` whose labels `selector`
 * matches, in the group's order (the same list as filtering the group). Only the objects that carry the first
 * label the selector requires are tested.
 */
export function objectsSelectedBy(workspace: WorkspaceIndex, subject: K8sObject, kind: LabelledKind, selector: LabelSelector): K8sObject[] {
  const table = workspace.derivedInNamespace(kind.name, subject, kind.kinds, objects => labelTable(objects, kind));
  let candidates: readonly LabelledObject[] = table.all;
  for (const key in selector.matchLabels) {
    candidates = table.byLabel.get(key)?.get(selector.matchLabels[key]) ?? NO_OBJECTS;
    break;
  }
  const out: K8sObject[] = [];
  for (const candidate of candidates) if (selectorMatches(selector, candidate.labels)) out.push(candidate.object);
  return out;
}

function labelTable(objects: readonly K8sObject[], kind: LabelledKind): LabelTable {
  const table: LabelTable = { all: [], byLabel: new Map() };
  for (const object of objects) {
    const labels = kind.labelsOf(object);
    if (!labels) continue;
    const labelled = { object, labels };
    table.all.push(labelled);
    for (const key in labelled.labels) {
      let byValue = table.byLabel.get(key);
      if (!byValue) table.byLabel.set(key, (byValue = new Map()));
      const value = labelled.labels[key];
      const list = byValue.get(value);
      if (list) list.push(labelled);
      else byValue.set(value, [labelled]);
    }
  }
  return table;
}
