// Values of the wrong type where the API server decodes objects into typed structs: a list that is a string
// (`containers: web`), a map that is a quantity (`resources: 512Mi`), a count that is a word
// (`replicas: "two"`), a list of ports that is one number (`ports: 8080`), an env value or a label that
// kubectl reads as a number or a boolean. `kubectl apply` sends such an object and the API server rejects it
// with "cannot unmarshal ... into Go struct field".
//
// kubectl reads YAML 1.1 (go-yaml v2): plain `yes`, `on`, `n` are booleans there, `0x1F` and `1_000` are
// numbers. The editor's parser reads YAML 1.2, so scalars are typed here from their source text.
import { Document, isAlias, isScalar, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { K8sObject } from '../model/manifest';
import { findPair, resolve } from '../model/nodes';
import { ContainerView, REPLICATED_KINDS, WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer, describeObject } from './support/describe';
import { FixSpec, Rule, RuleContext } from './types';

export type KubeType = 'null' | 'map' | 'list' | 'string' | 'int' | 'float' | 'bool';
type Expected = 'map' | 'list' | 'string' | 'int';

const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML11_NULL = /^(?:~|null|Null|NULL|)$/;
const YAML11_INT = /^[-+]?(?:0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/;
const YAML11_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/** The type kubectl gives a node (after aliases), reading scalars as YAML 1.1 does. */
export function kubeType(node: Node | null | undefined, text: string): KubeType {
  // `instanceof` rather than isMap/isSeq/isScalar: see findPair (model/nodes.ts).
  if (!node) return 'null';
  if (node instanceof YAMLMap) return 'map';
  if (node instanceof YAMLSeq) return 'list';
  if (!(node instanceof Scalar)) return 'null';
  if (node.type && node.type !== 'PLAIN') return 'string';
  if (node.tag === 'tag:yaml.org,2002:str') return 'string';
  const value = node.value;
  if (typeof value === 'string') {
    // Most plain scalars are words. One that starts with a letter is a YAML 1.1 boolean or a string: 1.1 nulls
    // are nulls in 1.2 too, and its numbers start otherwise. A one-line plain scalar's value is its source, and
    // a longer one folds to words with spaces, which no boolean is: no need to cut the source out of the text.
    if (startsWithLetter(value)) return value.length <= 5 && YAML11_BOOL.test(value) ? 'bool' : 'string';
  } else if (!node.tag) {
    // What YAML 1.2 reads as null, a boolean or an integer, YAML 1.1 reads the same way (its forms include
    // 1.2's), so only floats and strings need their source read again.
    if (value === null) return 'null';
    if (typeof value === 'boolean') return 'bool';
    if (typeof value === 'number' && Number.isInteger(value)) return 'int';
  }
  const source = plainSource(node, text);
  if (source === undefined) return value === null ? 'null' : typeof value === 'number' ? 'float' : typeof value === 'boolean' ? 'bool' : 'string';
  if (YAML11_NULL.test(source)) return 'null';
  if (YAML11_BOOL.test(source)) return 'bool';
  const digits = source.replace(/_/g, '');
  if (YAML11_INT.test(digits)) return 'int';
  if (YAML11_FLOAT.test(digits)) return Number.isInteger(Number(digits)) ? 'int' : 'float';
  return 'string';
}

function startsWithLetter(value: string): boolean {
  const lower = value.charCodeAt(0) | 0x20;
  return lower >= 97 && lower <= 122;
}

/** The text of a plain scalar on one line, or undefined (multi-line, or no range). */
function plainSource(node: Scalar, text: string): string | undefined {
  const r = node.range;
  if (!r || r[1] < r[0] || r[1] > text.length) return undefined;
  const source = text.slice(r[0], r[1]);
  return /[\r\n]/.test(source) ? undefined : source.trim();
}

const EXPECTED_TEXT: Record<Expected, string> = { map: 'a map', list: 'a list', string: 'a string', int: 'an integer' };

/**
 * Where a value is, for the message: a fixed path, or the item (and field) of a list or the key of a map that a
 * loop moves along. Its text is built only for a message, as most values have the right type.
 */
class Where {
  private base = '';
  private index = -1;
  private field: string | undefined;

  /** Starts a path (the checker has one Where outside containers and one inside, reused). */
  on(base: string): this {
    this.base = base;
    this.index = -1;
    this.field = undefined;
    return this;
  }

  /** Moves to an item (`-1`: none) and a field of it; the loop's `check` reads it before the next move. */
  at(index: number, field?: string): this {
    this.index = index;
    this.field = field;
    return this;
  }

  text(): string {
    return `${this.base}${this.index >= 0 ? `[${this.index}]` : ''}${this.field !== undefined ? `.${this.field}` : ''}`;
  }
}

type Path = string | Where;

function pathText(path: Path): string {
  return typeof path === 'string' ? path : path.text();
}

/**
 * The checker of one object at a time, with its helpers: reset for each object rather than allocated with it
 * (see `checker` below).
 */
class Checker {
  private ctx: RuleContext | undefined;
  private doc: Document | undefined;
  private text = '';
  object: K8sObject | undefined;
  /** Paths that loops move along, outside a container and inside one. */
  readonly outer = new Where();
  readonly inner = new Where();
  readonly objectSubject: Subject = { text: () => describeObject(this.object!) };
  readonly containerSubject = new ContainerSubject(this);

  begin(ctx: RuleContext): void {
    this.ctx = ctx;
    this.doc = ctx.doc;
    this.text = ctx.object.document.text;
    this.object = ctx.object;
  }

  /** Lets go of the object (the checker outlives it). */
  end(): void {
    this.ctx = this.doc = this.object = undefined;
    this.text = '';
    this.containerSubject.reset(undefined, undefined, false, -1);
  }

  resolve(node: unknown): Node | undefined {
    return resolve(node, this.doc);
  }

  /** The value of `key` when it has the expected type; reports it (and returns undefined) when not. */
  expect(map: YAMLMap | undefined, key: string, expected: Expected, path: Path, subject: Subject, hint = ''): Node | undefined {
    if (!map) return undefined;
    const pair = findPair(map, key, this.doc);
    if (!pair) return undefined;
    return this.check(pair.value as Node, expected, path, subject, hint, map, pair);
  }

  expectMap(map: YAMLMap | undefined, key: string, path: Path, subject: Subject, hint = ''): YAMLMap | undefined {
    const node = this.expect(map, key, 'map', path, subject, hint);
    return node instanceof YAMLMap ? node : undefined;
  }

  /**
   * Checks a value as written (`raw` may be an alias); returns the resolved node when its type is right.
   * `map` and `pair` say where a keyed value was found: an edit is offered only when the pair is written in
   * that map, not reached through a merge key.
   */
  check(raw: Node | null | undefined, expected: Expected, path: Path, subject: Subject, hint = '', map?: YAMLMap, pair?: Pair): Node | undefined {
    const node = resolve(raw, this.doc);
    const actual = kubeType(node, this.text);
    if (actual === 'null') return undefined;
    if (actual === expected) return node;
    const own = !map || map.items.includes(pair as never);
    this.ctx!.report({
      node: raw ?? node,
      container: subject.container?.(),
      message: `${subject.text()}: ${pathText(path)} is ${this.describe(node!, actual)}, but Kubernetes expects ${EXPECTED_TEXT[expected]}${hint}: the API server rejects the object.`,
      fixes: own && !isAlias(raw) && isScalar(node) ? this.fixes(node, actual, expected) : [],
    });
    return undefined;
  }

  private describe(node: Node, actual: KubeType): string {
    if (actual === 'map') return 'a map';
    if (actual === 'list') return 'a list';
    const scalar = node as Scalar;
    const source = plainSource(scalar, this.text);
    if (actual === 'string') return `the string "${clip(String(scalar.value))}"`;
    if (actual === 'bool') return `\`${clip(source ?? String(scalar.value))}\`, which kubectl reads as a boolean`;
    return `the number ${clip(source ?? String(scalar.value))}`;
  }

  private fixes(node: Scalar, actual: KubeType, expected: Expected): FixSpec[] {
    if (expected === 'string' && (actual === 'int' || actual === 'float' || actual === 'bool')) {
      const source = plainSource(node, this.text);
      if (source === undefined || !node.range) return [];
      const quoted = JSON.stringify(source);
      return [{ title: `Quote the value: ${quoted}`, preferred: true, edit: b => b.replace(node, quoted) }];
    }
    if (expected === 'int' && actual === 'string' && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') {
      const value = String(node.value).trim();
      if (!/^[0-9]{1,9}$/.test(value) || !node.range) return [];
      const number = String(Number(value));
      return [{ title: `Write ${number} as a number`, preferred: true, edit: b => b.replace(node, number) }];
    }
    return [];
  }

  /** Keys and values of a map that Kubernetes reads as map[string]string (labels, annotations). */
  stringMap(map: YAMLMap | undefined, key: string, path: string, subject: Subject): void {
    const m = this.expectMap(map, key, path, subject);
    if (!m) return;
    const where = this.outer.on(path);
    for (const item of m.items) {
      if (!(item instanceof Pair) || !(item.key instanceof Scalar) || typeof item.key.value === 'symbol') continue;
      this.check(item.value as Node, 'string', where.at(-1, String(item.key.value)), subject);
    }
  }

  /** Items of a list as written (aliases not resolved, so `check` can tell them apart); shared, not a copy. */
  items(seq: Node | undefined): readonly Node[] {
    return seq instanceof YAMLSeq ? (seq.items as Node[]) : NO_NODES;
  }
}

const NO_NODES: readonly Node[] = Object.freeze([]);

interface Subject {
  /** Who the message is about; worked out only for a message (most values have the right type). */
  text(): string;
  /** The container a finding is about, also worked out only for a finding. */
  container?(): ContainerView;
}

/** A container as the subject of messages: its view is built only for a finding. */
class ContainerSubject implements Subject {
  private view: ContainerView | undefined;
  map: YAMLMap | undefined;
  private seq: YAMLSeq | undefined;
  private init = false;
  private index = -1;

  constructor(private readonly checker: Checker) {}

  /** Moves to a container (its fields are checked next). */
  reset(map: YAMLMap | undefined, seq: YAMLSeq | undefined, init: boolean, index: number): this {
    this.map = map;
    this.seq = seq;
    this.init = init;
    this.index = index;
    this.view = undefined;
    return this;
  }

  text(): string {
    return describeContainer(this.container(), this.checker.object!);
  }

  container(): ContainerView {
    if (!this.view) {
      const map = this.map!;
      const nameNode = this.checker.resolve(map.get('name', true));
      const nameScalar = isScalar(nameNode) ? nameNode : undefined;
      const name = nameScalar && nameScalar.value !== null ? String(nameScalar.value) : '';
      this.view = { map, name, nameNode: nameScalar, init: this.init, index: this.index, seq: this.seq! };
    }
    return this.view;
  }
}

/**
 * One checker for every object, reset for each. Its helpers are reused instead of being allocated per object,
 * list and container, and as they never die, neither do their shapes: V8 drops the optimized code built on a
 * shape when the last object of that shape is collected, which per-object instances made happen at every major
 * garbage collection (bench/README.md).
 */
const checker = new Checker();

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const METADATA_STRINGS = [['name', 'metadata.name'], ['namespace', 'metadata.namespace'], ['generateName', 'metadata.generateName']] as const;

export const invalidType: Rule = {
  meta: {
    id: 'invalid-type', checklist: 'syntax', severity: 'error', fixable: true,
    title: 'Fields have the types the API server expects',
    whenItFails: 'The API server rejects the whole object ("cannot unmarshal ... into Go struct field"), so nothing in it is applied.',
    remediation: 'Write lists as lists and maps as maps, quote numbers and yes/no/on/off where a string is expected, and write counts and ports as plain integers.',
  },
  check(ctx) {
    const c = checker;
    c.begin(ctx);
    try {
      const object = ctx.object;
      const subject = c.objectSubject;
      const metadata = c.expectMap(object.map, 'metadata', 'metadata', subject);
      if (metadata) {
        for (const [key, path] of METADATA_STRINGS) c.expect(metadata, key, 'string', path, subject);
        c.stringMap(metadata, 'labels', 'metadata.labels', subject);
        c.stringMap(metadata, 'annotations', 'metadata.annotations', subject);
      }
      if (WORKLOAD_KINDS.includes(object.kind)) checkWorkload(c, object, subject);
    } finally {
      c.end();
    }
  },
};

function checkWorkload(c: Checker, object: K8sObject, subject: Subject): void {
  const spec = c.expectMap(object.map, 'spec', 'spec', subject);
  if (!spec) return;
  if (object.kind === 'Pod') {
    checkPodSpec(c, spec, POD_PATHS, subject);
    return;
  }
  if (REPLICATED_KINDS.includes(object.kind)) c.expect(spec, 'replicas', 'int', 'spec.replicas', subject);
  let templateHolder: YAMLMap | undefined = spec;
  let paths = TEMPLATE_PATHS;
  if (object.kind === 'CronJob') {
    const jobTemplate = c.expectMap(spec, 'jobTemplate', 'spec.jobTemplate', subject);
    templateHolder = c.expectMap(jobTemplate, 'spec', 'spec.jobTemplate.spec', subject);
    paths = JOB_TEMPLATE_PATHS;
  }
  const template = c.expectMap(templateHolder, 'template', paths.template, subject);
  const templateMetadata = c.expectMap(template, 'metadata', paths.metadata, subject);
  c.stringMap(templateMetadata, 'labels', paths.labels, subject);
  c.stringMap(templateMetadata, 'annotations', paths.annotations, subject);
  const podSpec = c.expectMap(template, 'spec', paths.pod.spec, subject);
  if (podSpec) checkPodSpec(c, podSpec, paths.pod, subject);
}

/** The paths of a pod spec's fields in messages, worked out once per place a pod spec can be. */
function podPaths(spec: string) {
  return { spec, containers: `${spec}.containers`, initContainers: `${spec}.initContainers`, volumes: `${spec}.volumes` };
}

function templatePaths(holder: string) {
  const template = `${holder}.template`;
  return { template, metadata: `${template}.metadata`, labels: `${template}.metadata.labels`, annotations: `${template}.metadata.annotations`, pod: podPaths(`${template}.spec`) };
}

const POD_PATHS = podPaths('spec');
const TEMPLATE_PATHS = templatePaths('spec');
const JOB_TEMPLATE_PATHS = templatePaths('spec.jobTemplate.spec');

const CONTAINER_KEYS = ['containers', 'initContainers'] as const;

function checkPodSpec(c: Checker, podSpec: YAMLMap, paths: ReturnType<typeof podPaths>, subject: Subject): void {
  for (const key of CONTAINER_KEYS) {
    const pair = findPair(podSpec, key, c.object!.doc);
    if (!pair) continue;
    const where = c.outer.on(paths[key]);
    const list = c.check(pair.value as Node, 'list', where, subject, ' of containers', podSpec, pair);
    const items = c.items(list);
    for (let index = 0; index < items.length; index++) {
      const container = c.check(items[index], 'map', where.at(index), subject, ' (a container: name, image, ...)');
      if (container instanceof YAMLMap) checkContainer(c, c.containerSubject.reset(container, list as YAMLSeq, key === 'initContainers', index));
    }
  }
  const items = c.items(c.expect(podSpec, 'volumes', 'list', paths.volumes, subject));
  if (!items.length) return;
  const where = c.outer.on(paths.volumes);
  for (let index = 0; index < items.length; index++) c.check(items[index], 'map', where.at(index), subject);
}

/** The lists of maps in a container whose fields have types: the list, each item, then its fields in order. */
const CONTAINER_LISTS: ReadonlyArray<{ key: string; hint: string; itemHint: string; fields: ReadonlyArray<readonly [string, Expected]> }> = [
  { key: 'ports', hint: ' of ports (- containerPort: 8080)', itemHint: ' (containerPort: 8080)', fields: [['containerPort', 'int'], ['hostPort', 'int'], ['name', 'string']] },
  { key: 'env', hint: ' of name/value pairs', itemHint: ' (name and value)', fields: [['name', 'string'], ['value', 'string']] },
];

const STRING_LISTS = ['command', 'args'] as const;

function checkContainer(c: Checker, subject: ContainerSubject): void {
  const map = subject.map!;
  c.expect(map, 'name', 'string', 'name', subject);
  c.expect(map, 'image', 'string', 'image', subject);
  for (const key of STRING_LISTS) {
    const items = c.items(c.expect(map, key, 'list', key, subject, ' of strings'));
    if (!items.length) continue;
    const where = c.inner.on(key);
    for (let i = 0; i < items.length; i++) c.check(items[i], 'string', where.at(i), subject);
  }
  for (const list of CONTAINER_LISTS) {
    const items = c.items(c.expect(map, list.key, 'list', list.key, subject, list.hint));
    if (!items.length) continue;
    const where = c.inner.on(list.key);
    for (let i = 0; i < items.length; i++) {
      const item = c.check(items[i], 'map', where.at(i), subject, list.itemHint);
      if (!(item instanceof YAMLMap)) continue;
      for (const [field, expected] of list.fields) c.expect(item, field, expected, where.at(i, field), subject);
    }
  }
  const resources = c.expectMap(map, 'resources', 'resources', subject, ' (requests, limits)');
  c.expect(resources, 'requests', 'map', 'resources.requests', subject, ' (cpu, memory)');
  c.expect(resources, 'limits', 'map', 'resources.limits', subject, ' (cpu, memory)');
  c.expect(map, 'volumeMounts', 'list', 'volumeMounts', subject);
}
