// What cross-resource rules see: every Kubernetes object of the workspace, by file, by kind and by namespace.
//
// The index also knows what changed: each update compares the file's objects with its previous ones (parsed
// documents are reused across edits, so an unchanged object is the same object) and notes which kinds and
// (kind, namespace) groups changed at which generation. A caller can record what a computation read
// (`recordReads`) and later ask whether any of it changed since (`unchangedSince`): that is how cross-resource
// findings are reused after an edit that does not concern them.
//
// Files that no editor shows come in as summaries (model/summary.ts): the kind and namespace of each object,
// enough to group them; an object is parsed when a list that holds it is first read.
import { K8sObject } from '../model/manifest';
import { SummarizedFile, SummarizedObject } from '../model/summary';

/** A read of the whole index (`objects()`, files): any change invalidates it. */
const EVERYTHING = '*';

const EMPTY: readonly K8sObject[] = Object.freeze([]);

/** What the index holds of an object: the object, or the summary of one in a file no editor shows. */
type Entry = K8sObject | SummarizedObject;

/** A list of entries and, once read, their objects. */
interface Group {
  entries: Entry[];
  objects?: K8sObject[];
}

function objectOf(entry: Entry): K8sObject | undefined {
  return entry instanceof SummarizedObject ? entry.object() : entry;
}

/** The objects of entries, in order (a summarized object that its document no longer yields is left out). */
function objectsIn(entries: readonly Entry[]): K8sObject[] {
  const out: K8sObject[] = [];
  for (const entry of entries) {
    const object = objectOf(entry);
    if (object) out.push(object);
  }
  return out;
}

function objectsOf(group: Group): K8sObject[] {
  group.objects ??= group.entries.some(e => e instanceof SummarizedObject) ? objectsIn(group.entries) : (group.entries as K8sObject[]);
  return group.objects;
}

/** What tells two versions of a file apart: a summarized object that was parsed is that object. */
function identityOf(entry: Entry): unknown {
  return entry instanceof SummarizedObject ? entry.parsedObject() ?? entry : entry;
}

const NO_READS: readonly string[] = Object.freeze([]);

/** The scope of a derived table built from the whole index rather than one namespace group. */
const WHOLE_INDEX = Symbol('whole index');

/** The read key of a (kind, namespace) group; built once per group (queries are many, groups few). */
const groupKeys = new Map<string, Map<string | undefined, string>>();
function groupKey(kind: string, namespace: string | undefined): string {
  let byNamespace = groupKeys.get(kind);
  if (!byNamespace) groupKeys.set(kind, (byNamespace = new Map()));
  let key = byNamespace.get(namespace);
  if (key === undefined) {
    key = namespace === undefined ? `${kind}\u0000` : `${kind}\u0000=${namespace}`;
    byNamespace.set(namespace, key);
  }
  return key;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly Entry[]>();
  /** Entries by kind, then by namespace group; rebuilt lazily for the kinds that changed. */
  private readonly kinds = new Map<string, Group & { byNamespace?: Map<string | undefined, Group> }>();
  private allStale = true;
  private readonly staleKinds = new Set<string>();
  /** Lists for several kinds at once, dropped on any change. */
  private readonly combined = new Map<string, K8sObject[]>();
  /** The same by namespace group, for a caller's constant list of kinds (kept by the list: no key to build per call). */
  private combinedByKinds = new WeakMap<readonly string[], Map<string | undefined, K8sObject[]>>();
  /** Generation of the last change of each kind, each (kind, namespace) group, and of anything. */
  private readonly lastChange = new Map<string, number>();
  /**
   * What was read since the outermost `recordReads` began, duplicates included (a rule reads the same group
   * for each object it checks): each call reads its own part. A log rather than a set per call, as most
   * calls (rules that read only their own object) read nothing.
   */
  private readLog: string[] | undefined;
  /** Derived tables by name, then by namespace group (WHOLE_INDEX for a table of the whole index). */
  private readonly derivedTables = new Map<string, Map<string | undefined | typeof WHOLE_INDEX, { kinds: readonly string[]; generation: number; value: unknown }>>();
  /** Bumped on every change, so callers can tell whether cross-resource verdicts may have changed. */
  generation = 0;

  setFile(uri: string, objects: readonly K8sObject[]): void {
    this.setEntries(uri, objects);
  }

  /** A file no editor shows: its objects are parsed when something reads them. */
  setSummarizedFile(uri: string, file: SummarizedFile): void {
    this.setEntries(uri, file.documents.flatMap(d => d.objects));
  }

  /** The same file as in another index, sharing its parsed objects (a scratch index for fix-all). */
  copyFile(uri: string, from: WorkspaceIndex): void {
    const entries = from.files.get(uri);
    if (entries) this.setEntries(uri, entries);
  }

  private setEntries(uri: string, entries: readonly Entry[]): void {
    const previous = this.files.get(uri);
    this.files.set(uri, entries);
    this.generation++;
    this.noteChanges(previous ?? EMPTY, entries);
  }

  removeFile(uri: string): boolean {
    const previous = this.files.get(uri);
    if (!previous) return false;
    this.files.delete(uri);
    this.generation++;
    this.noteChanges(previous, EMPTY);
    return true;
  }

  hasFile(uri: string): boolean {
    this.readLog?.push(EVERYTHING);
    return this.files.has(uri);
  }

  fileUris(): string[] {
    this.readLog?.push(EVERYTHING);
    return [...this.files.keys()];
  }

  objectsOf(uri: string): readonly K8sObject[] {
    this.readLog?.push(EVERYTHING);
    const entries = this.files.get(uri);
    return entries ? objectsIn(entries) : EMPTY;
  }

  *objects(): Iterable<K8sObject> {
    this.readLog?.push(EVERYTHING);
    for (const list of this.files.values()) yield* objectsIn(list);
  }

  /** Objects of these kinds, in file order. The list is shared: do not modify it. */
  ofKind(...kinds: string[]): K8sObject[] {
    const log = this.readLog;
    if (log) for (const k of kinds) log.push(k);
    if (kinds.length === 1) return this.kindList(kinds[0]);
    const key = kinds.join('\u0000');
    let list = this.combined.get(key);
    if (!list) {
      list = kinds.flatMap(k => this.kindList(k));
      this.combined.set(key, list);
    }
    return list;
  }

  /**
   * Objects of a kind in the same namespace group as `object` (no namespace is its own group), in file order.
   * The list is shared: do not modify it.
   */
  inNamespaceOf(object: { namespace: string | undefined }, kind: string): K8sObject[] {
    this.readLog?.push(groupKey(kind, object.namespace));
    return this.namespaceList(kind, object.namespace);
  }

  /**
   * As `inNamespaceOf`, for several kinds (kind by kind). The caller keeps the list of kinds (a constant): the
   * combined list is kept by that list and the namespace, with no key to build per call. Shared: do not modify.
   */
  inNamespaceOfKinds(object: { namespace: string | undefined }, kinds: readonly string[]): K8sObject[] {
    const namespace = object.namespace;
    const log = this.readLog;
    if (log) for (const k of kinds) log.push(groupKey(k, namespace));
    if (kinds.length === 1) return this.namespaceList(kinds[0], namespace);
    let byNamespace = this.combinedByKinds.get(kinds);
    if (!byNamespace) this.combinedByKinds.set(kinds, (byNamespace = new Map()));
    let list = byNamespace.get(namespace);
    if (!list) {
      list = kinds.flatMap(k => this.namespaceList(k, namespace));
      byNamespace.set(namespace, list);
    }
    return list;
  }

  /**
   * A table derived from every object of `kinds` (e.g. bindings by the service accounts they name), built on
   * first use and kept until an object of one of those kinds changes. Cross-resource rules use it instead of
   * scanning every object of a kind for each object they check. The value is shared: do not modify it.
   */
  derived<T>(name: string, kinds: readonly string[], build: (objects: readonly K8sObject[]) => T): T {
    const log = this.readLog;
    if (log) for (const k of kinds) log.push(k);
    return this.table(name, WHOLE_INDEX, kinds, () => kinds, () => this.ofKind(...kinds), build);
  }

  /**
   * As `derived`, from the objects of `kinds` in the namespace group of `object` (a table per group), kept until
   * an object of one of those groups changes: a change elsewhere neither rebuilds it nor invalidates what was
   * computed from it.
   */
  derivedInNamespace<T>(name: string, object: { namespace: string | undefined }, kinds: readonly string[], build: (objects: readonly K8sObject[]) => T): T {
    const groups = () => kinds.map(k => groupKey(k, object.namespace));
    const log = this.readLog;
    if (log) for (const g of groups()) log.push(g);
    return this.table(name, object.namespace, kinds, groups, () => this.inNamespaceOfKinds(object, kinds), build);
  }

  /**
   * The table `name` of `scope` (a namespace group, or the whole index), built again from `objects()` when
   * something `reads()` covers changed since (`reads` is asked only then: tables are read for every object
   * checked, changes are rare).
   */
  private table<T>(name: string, scope: string | undefined | typeof WHOLE_INDEX, kinds: readonly string[], reads: () => readonly string[], objects: () => readonly K8sObject[], build: (objects: readonly K8sObject[]) => T): T {
    let tables = this.derivedTables.get(name);
    if (!tables) this.derivedTables.set(name, (tables = new Map()));
    const cached = tables.get(scope);
    // Callers pass constant lists of kinds: the same list needs no comparison of its contents.
    const sameKinds = cached && (cached.kinds === kinds || cached.kinds.join('\u0000') === kinds.join('\u0000'));
    if (cached && sameKinds && (cached.generation === this.generation || this.unchangedSince(cached.generation, reads()))) return cached.value as T;
    const value = build(objects());
    tables.set(scope, { kinds, generation: this.generation, value });
    return value;
  }

  /** Records `reads` as read now: a result reused from a cache was computed from them. */
  replayReads(reads: readonly string[]): void {
    const log = this.readLog;
    if (log) for (const r of reads) log.push(r);
  }

  /**
   * Runs `read` and returns what it read of the index: kinds, (kind, namespace) groups, or everything. Pass the
   * result to `unchangedSince` to learn whether a result computed from those reads is still current.
   */
  recordReads(read: () => void): readonly string[] {
    const outer = this.readLog;
    // An outer call's log holds what this one reads too: its part starts where the log ends now.
    const log = outer ?? [];
    const start = log.length;
    this.readLog = log;
    try {
      read();
    } finally {
      this.readLog = outer;
    }
    if (log.length === start) return NO_READS;
    // The distinct reads in first-read order, as an array of just those (results keep it, and a log can be long).
    const distinct = new Set<string>();
    for (let i = start; i < log.length; i++) distinct.add(log[i]);
    return [...distinct];
  }

  /** True when nothing that `reads` covers changed after `generation`. */
  unchangedSince(generation: number, reads: readonly string[]): boolean {
    if (generation === this.generation) return true;
    for (const r of reads) {
      const changed = this.lastChange.get(r);
      if (changed !== undefined && changed > generation) return false;
    }
    return true;
  }

  private noteChanges(before: readonly Entry[], after: readonly Entry[]): void {
    const g = this.generation;
    let changed = false;
    const mark = (o: Entry) => {
      changed = true;
      this.lastChange.set(o.kind, g);
      this.lastChange.set(groupKey(o.kind, o.namespace), g);
      if (!this.allStale) this.staleKinds.add(o.kind);
    };
    if (!before.length) after.forEach(mark);
    else if (!after.length) before.forEach(mark);
    else {
      const old = new Set(before.map(identityOf));
      const now = new Set(after.map(identityOf));
      for (const o of after) if (!old.has(identityOf(o))) mark(o);
      for (const o of before) if (!now.has(identityOf(o))) mark(o);
      // Same objects in another order (documents moved): lists in file order change, not the kinds' members.
      if (!changed && before.some((o, i) => identityOf(after[i]) !== identityOf(o))) for (const o of after) mark(o);
    }
    if (changed) {
      this.lastChange.set(EVERYTHING, g);
      this.combined.clear();
      this.combinedByKinds = new WeakMap();
    }
  }

  private kindEntry(kind: string) {
    if (this.allStale || this.staleKinds.size) this.rebuild();
    return this.kinds.get(kind);
  }

  private kindList(kind: string): K8sObject[] {
    const entry = this.kindEntry(kind);
    return entry ? objectsOf(entry) : (EMPTY as K8sObject[]);
  }

  private namespaceList(kind: string, namespace: string | undefined): K8sObject[] {
    const entry = this.kindEntry(kind);
    if (!entry) return EMPTY as K8sObject[];
    if (!entry.byNamespace) {
      const byNamespace = new Map<string | undefined, Group>();
      for (const e of entry.entries) {
        const group = byNamespace.get(e.namespace);
        if (group) group.entries.push(e);
        else byNamespace.set(e.namespace, { entries: [e] });
      }
      entry.byNamespace = byNamespace;
    }
    const group = entry.byNamespace.get(namespace);
    return group ? objectsOf(group) : (EMPTY as K8sObject[]);
  }

  /** One pass over every object, refilling the kinds that changed (all of them the first time). */
  private rebuild(): void {
    const all = this.allStale;
    const stale = this.staleKinds;
    if (all) this.kinds.clear();
    else for (const k of stale) this.kinds.delete(k);
    for (const list of this.files.values()) {
      for (const e of list) {
        if (!all && !stale.has(e.kind)) continue;
        const entry = this.kinds.get(e.kind);
        if (entry) entry.entries.push(e);
        else this.kinds.set(e.kind, { entries: [e] });
      }
    }
    this.allStale = false;
    stale.clear();
  }
}

export function namespaceLabel(namespace: string | undefined): string {
  return namespace === undefined ? 'the default namespace' : `namespace \`${namespace}\``;
}
