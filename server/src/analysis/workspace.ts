// What cross-resource rules see: every Kubernetes object of the workspace, by file and by kind.
import { K8sObject } from '../model/manifest';

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly K8sObject[]>();
  private kinds: Map<string, K8sObject[]> | undefined;
  /** Bumped on every change, so callers can tell whether cross-resource verdicts may have changed. */
  generation = 0;

  setFile(uri: string, objects: readonly K8sObject[]): void {
    this.files.set(uri, objects);
    this.kinds = undefined;
    this.generation++;
  }

  removeFile(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) {
      this.kinds = undefined;
      this.generation++;
    }
    return had;
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  fileUris(): string[] {
    return [...this.files.keys()];
  }

  objectsOf(uri: string): readonly K8sObject[] {
    return this.files.get(uri) ?? [];
  }

  *objects(): Iterable<K8sObject> {
    for (const list of this.files.values()) yield* list;
  }

  ofKind(...kinds: string[]): K8sObject[] {
    if (!this.kinds) {
      const byKind = new Map<string, K8sObject[]>();
      for (const o of this.objects()) {
        const list = byKind.get(o.kind);
        if (list) list.push(o);
        else byKind.set(o.kind, [o]);
      }
      this.kinds = byKind;
    }
    if (kinds.length === 1) return this.kinds.get(kinds[0]) ?? [];
    return kinds.flatMap(k => this.kinds!.get(k) ?? []);
  }

  /** Objects of these kinds in the same namespace group as `object` (no namespace is its own group). */
  inNamespaceOf(object: { namespace: string | undefined }, ...kinds: string[]): K8sObject[] {
    return this.ofKind(...kinds).filter(o => o.namespace === object.namespace);
  }
}

export function namespaceLabel(namespace: string | undefined): string {
  return namespace === undefined ? 'the default namespace' : `namespace \`${namespace}\``;
}
