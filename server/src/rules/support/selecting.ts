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

interface SelectorTable<S> {
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
      fileUnder(table.byLabel, key, required[key], entry);
      return;
    }
    table.anyLabels.push(entry);
  });
  return table;
}

/** An object as a label table keeps it: with the labels selectors are matched against (and whatever else). */
export interface Labelled {
  object: K8sObject;
  labels: Record<string, string>;
}

export interface LabelledKind<T extends Labelled = Labelled> {
  /** The table's name in the workspace index. */
  name: string;
  /** The kinds whose labels are tabled, as a constant list (the index compares lists by identity first). */
  kinds: readonly string[];
  /** The object's entry; undefined leaves the object out (a workload without a pod template). */
  entryOf(object: K8sObject): T | undefined;
}

interface LabelTable<T> {
  all: T[];
  /** By each of their labels: its key, then its value. */
  byLabel: Map<string, Map<string, T[]>>;
}

/**
 * The other direction: entries of `kind.kinds` in the namespace group of `subject` whose labels `matches`
 * accepts, in the group's order (the same list as filtering the group). `matches` requires every label of
 * `required` (and may test more), so only the entries that carry the first of them are tested.
 */
export function labelledMatching<T extends Labelled>(workspace: WorkspaceIndex, subject: K8sObject, kind: LabelledKind<T>, required: Record<string, string>, matches: (labels: Record<string, string>) => boolean): T[] {
  const table = workspace.derivedInNamespace(kind.name, subject, kind.kinds, objects => labelTable(objects, kind));
  let candidates: readonly T[] | undefined = table.all;
  for (const key in required) {
    candidates = table.byLabel.get(key)?.get(required[key]);
    break;
  }
  const out: T[] = [];
  if (candidates) for (const candidate of candidates) if (matches(candidate.labels)) out.push(candidate);
  return out;
}

/** Objects of `kind.kinds` in the namespace group of `subject` whose labels `selector` matches, in the group's order. */
export function objectsSelectedBy(workspace: WorkspaceIndex, subject: K8sObject, kind: LabelledKind, selector: LabelSelector): K8sObject[] {
  return labelledMatching(workspace, subject, kind, selector.matchLabels, labels => selectorMatches(selector, labels)).map(entry => entry.object);
}

function labelTable<T extends Labelled>(objects: readonly K8sObject[], kind: LabelledKind<T>): LabelTable<T> {
  const table: LabelTable<T> = { all: [], byLabel: new Map() };
  for (const object of objects) {
    const entry = kind.entryOf(object);
    if (!entry) continue;
    table.all.push(entry);
    for (const key in entry.labels) fileUnder(table.byLabel, key, entry.labels[key], entry);
  }
  return table;
}

/** Adds `item` to the list of `table` under `first`, then `second` (the tables here: by label key, then value). */
export function fileUnder<T>(table: Map<string, Map<string, T[]>>, first: string, second: string, item: T): void {
  let inner = table.get(first);
  if (!inner) table.set(first, (inner = new Map()));
  const list = inner.get(second);
  if (list) list.push(item);
  else inner.set(second, [item]);
}
