// Guards against hostile YAML, applied to every document before anything walks it:
// - nesting deeper than MAX_NESTING (a 10,000-level `[[[[...` would overflow the stack of any recursive code);
// - alias expansion beyond MAX_ALIAS_EXPANSION nodes ("billion laughs": kubectl rejects it as excessive
//   aliasing, and any code that followed the aliases would run for ever);
// - aliases that point into their own anchored node (an infinite value; kubectl rejects it too).
// It also does, in one linear pass, what `yaml` would otherwise do in quadratic time: duplicate keys (its
// `uniqueKeys` check compares every key with every earlier key of the map) and alias resolution (its
// `Alias.resolve` walks the whole document once per alias).
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { SyntaxProblem } from './manifest';

/** Nesting levels (block indentation, `- ` items, flow brackets) above which a document is not parsed. */
export const MAX_NESTING = 200;
/** Nodes that aliases may add to a document when expanded. */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Problem codes that belong to the `yaml-limits` rule rather than `yaml-syntax`. */
export const LIMIT_CODES: ReadonlySet<string> = new Set(['NESTING_TOO_DEEP', 'ALIAS_EXPANSION', 'PARSER_LIMIT']);

export function isLimitProblem(problem: { code: string }): boolean {
  return LIMIT_CODES.has(problem.code);
}

export function nestingProblem(offset: number): SyntaxProblem {
  return {
    start: offset,
    end: offset + 1,
    code: 'NESTING_TOO_DEEP',
    message: `Nesting too deep: more than ${MAX_NESTING} levels of maps, lists or indentation. No Kubernetes object nests this deep; the document is not checked`,
  };
}

/** The message `yaml` (or V8) gives when recursion ran out of stack. */
export function isStackOverflow(message: string): boolean {
  return /call stack size|too much recursion/i.test(message);
}

const SPACE = 32;
const TAB = 9;
const CR = 13;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || Number.isNaN(c);
}

/**
 * False when `nestingOverflow` cannot exceed `limit`, found with native searches instead of its scan of every
 * character (every document goes through it). Its block levels are strictly increasing columns of one line,
 * so there are at most (longest line + 1) of them, and each flow level is an opening bracket of the text.
 */
function mayNestBeyond(text: string, limit: number): boolean {
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) if (++brackets > limit) return true;
  }
  let longest = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > longest) longest = end - start;
    start = end + 1;
  }
  return longest + 1 + brackets > limit;
}

/**
 * A linear, conservative estimate of the nesting depth of a YAML text, without parsing it. Returns the offset
 * where the estimate first exceeds `limit`, or -1. Block levels are distinct increasing indentations (plus
 * compact `- - ` items on one line); flow levels are open brackets outside quoted scalars and comments; the
 * content of block scalars (`|`, `>`) is skipped.
 */
export function nestingOverflow(text: string, limit = MAX_NESTING): number {
  return mayNestBeyond(text, limit) ? scanNesting(text, limit) : -1;
}

/** The character scan of `nestingOverflow`, without the bound that usually spares it (exported for tests). */
export function scanNesting(text: string, limit = MAX_NESTING): number {
  const stack: number[] = [];
  let flow = 0;
  let quote = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  const n = text.length;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const col = i - lineStart;
    const first = text.charCodeAt(i);
    const blank = i >= lineEnd || first === CR || first === 35;
    if (blockScalarIndent >= 0) {
      if (blank || col > blockScalarIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (blank && quote === 0) {
      lineStart = lineEnd + 1;
      continue;
    }
    let contentCol = col;
    if (flow === 0 && quote === 0) {
      while (stack.length && stack[stack.length - 1] >= col) stack.pop();
      stack.push(col);
      // Compact nesting on one line: `- - - a`, `? - a`.
      let j = i;
      while (j < lineEnd) {
        const c = text.charCodeAt(j);
        if ((c === 45 || c === 63) && isBlank(text.charCodeAt(j + 1)) && j + 1 <= lineEnd) {
          j++;
          while (j < lineEnd && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
          if (j < lineEnd && text.charCodeAt(j) !== 35 && text.charCodeAt(j) !== CR) stack.push(j - lineStart);
          else break;
          if (stack.length > limit) return j;
        } else break;
      }
      if (stack.length > limit) return lineStart + col;
      contentCol = j - lineStart;
      i = j;
    }
    let tokenStart = true;
    for (let k = i; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (quote) {
        if (c === quote) {
          if (quote === 39 && text.charCodeAt(k + 1) === 39) {
            k++;
            continue;
          }
          quote = 0;
          tokenStart = false;
        } else if (quote === 34 && c === 92) k++;
        continue;
      }
      if (c === 35 && (k === lineStart || isBlank(text.charCodeAt(k - 1)))) break;
      if (tokenStart && (c === 34 || c === 39)) {
        quote = c;
        continue;
      }
      if ((c === 91 || c === 123) && (flow > 0 || tokenStart)) {
        flow++;
        if (stack.length + flow > limit) return k;
        tokenStart = true;
        continue;
      }
      if ((c === 93 || c === 125) && flow > 0) {
        flow--;
        tokenStart = false;
        continue;
      }
      if (c === SPACE || c === TAB || c === CR) {
        if (flow > 0) tokenStart = true;
        continue;
      }
      if (c === 44 && flow > 0) {
        tokenStart = true;
        continue;
      }
      if (c === 58 && (isBlank(text.charCodeAt(k + 1)) || k + 1 >= lineEnd || (flow > 0 && ',[]{}'.includes(text[k + 1])))) {
        tokenStart = true;
        continue;
      }
      if (flow === 0 && tokenStart && (c === 124 || c === 62)) {
        // A block scalar: its content lines are more indented than the node that holds it.
        blockScalarIndent = k - lineStart === contentCol ? Math.max(0, contentCol - 1) : contentCol;
        break;
      }
      tokenStart = false;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

export interface Inspection {
  problems: SyntaxProblem[];
  /** Every alias of the document and the node it refers to (undefined: no such anchor before it). */
  aliasTargets: Map<Alias, Node | undefined>;
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  if (isMap(node) || isSeq(node)) {
    for (const item of (node as YAMLMap).items as unknown[]) {
      if (isPair(item)) {
        if (item.key && typeof item.key === 'object') out.push(item.key as Node);
        if (item.value && typeof item.value === 'object') out.push(item.value as Node);
      } else if (item && typeof item === 'object') out.push(item as Node);
    }
  }
  return out;
}

/** The first child (as `childrenOf` lists them) of a map or list at or after item `i`, part `part` (0 key, 1 value). */
function hasChildFrom(items: readonly unknown[], i: number, part: number): boolean {
  for (; i < items.length; i++, part = 0) {
    const item = items[i] as Pair | Node | null;
    if (item instanceof Pair) {
      if (part === 0 && item.key && typeof item.key === 'object') return true;
      if (item.value && typeof item.value === 'object') return true;
    } else if (item && typeof item === 'object') return true;
  }
  return false;
}

/**
 * The walk of `inspectDocument`. Every document of every file goes through it, so it allocates nothing per
 * node: the stack is a set of parallel arrays reused across pushes, and sizes (for alias expansion) are kept
 * only for anchored nodes, the only ones an alias can point to (or for every node when `allSizes`, which
 * finding the largest alias needs).
 */
class Walk {
  nodes = 0;
  readonly sizes = new Map<Node, number>();
  /** Created with the first anchor: most documents have none. */
  private anchors: Map<string, Node> | undefined;
  /** Anchored nodes whose children are being walked: an alias to one of them is a cycle. */
  private open: Set<Node> | undefined;
  private deepReported = false;
  private depth = 0;
  private readonly stackNode: Node[] = [];
  private readonly stackItems: unknown[][] = [];
  private readonly stackNext: number[] = [];
  private readonly stackPart: number[] = [];
  private readonly stackSize: number[] = [];

  constructor(
    private readonly problems: SyntaxProblem[],
    readonly aliasTargets: Map<Alias, Node | undefined>,
    private readonly checkDuplicates: boolean,
    private readonly allSizes: boolean,
  ) {}

  /** Walks from `root`; returns the number of nodes the document expands to with every alias expanded. */
  run(root: Node): number {
    const rootSize = this.enter(root);
    if (rootSize !== undefined) return rootSize;
    let total = 0;
    while (this.depth > 0) {
      const top = this.depth - 1;
      const child = this.nextChild(top);
      if (child) {
        const size = this.enter(child);
        if (size !== undefined) this.stackSize[top] = Math.min(this.stackSize[top] + size, Number.MAX_SAFE_INTEGER);
        continue;
      }
      const node = this.stackNode[top];
      const size = this.stackSize[top];
      this.depth--;
      if (node.anchor) this.open?.delete(node);
      if (this.allSizes || node.anchor) this.sizes.set(node, size);
      if (this.depth > 0) this.stackSize[this.depth - 1] = Math.min(this.stackSize[this.depth - 1] + size, Number.MAX_SAFE_INTEGER);
      else total = size;
    }
    return total;
  }

  /** The next child of the frame at `top` (a key before its value), advancing it; undefined at the end. */
  private nextChild(top: number): Node | undefined {
    const items = this.stackItems[top];
    let i = this.stackNext[top];
    let part = this.stackPart[top];
    for (; i < items.length; i++, part = 0) {
      const item = items[i] as Pair | Node | null;
      if (item instanceof Pair) {
        if (part === 0 && item.key && typeof item.key === 'object') {
          this.stackNext[top] = i;
          this.stackPart[top] = 1;
          return item.key as Node;
        }
        if (item.value && typeof item.value === 'object') {
          this.stackNext[top] = i + 1;
          this.stackPart[top] = 0;
          return item.value as Node;
        }
      } else if (item && typeof item === 'object') {
        this.stackNext[top] = i + 1;
        this.stackPart[top] = 0;
        return item as Node;
      }
    }
    this.stackNext[top] = items.length;
    return undefined;
  }

  /** Visits a node: returns its expanded size when it has no children, or undefined after pushing it. */
  private enter(node: Node): number | undefined {
    this.nodes++;
    // `instanceof` here and in the loops above: isAlias/isMap/isPair read a symbol-keyed property of nodes of
    // many shapes (a megamorphic load), and every node of every document comes through here.
    if (node instanceof Alias) {
      const target = this.anchors?.get(node.source);
      this.aliasTargets.set(node, target);
      const [s, e] = node.range ?? [0, 1];
      if (!target) {
        this.problems.push({ start: s, end: Math.max(e, s + 1), code: 'BAD_ALIAS', message: `Unknown anchor "${node.source}": no &${node.source} defined before this alias` });
        return 1;
      }
      if (this.open?.has(target)) {
        this.problems.push({ start: s, end: Math.max(e, s + 1), code: 'ALIAS_CYCLE', message: `Alias *${node.source} is inside the node anchored &${node.source}: its value would contain itself for ever; kubectl rejects it` });
        return 1;
      }
      return this.sizes.get(target) ?? 1;
    }
    if (node.anchor) (this.anchors ??= new Map()).set(node.anchor, node);
    const map = node instanceof YAMLMap;
    if (this.checkDuplicates && map) duplicateKeys(node, this.problems);
    const items = map || node instanceof YAMLSeq ? ((node as YAMLMap).items as unknown[]) : undefined;
    if (!items || !hasChildFrom(items, 0, 0)) {
      if (this.allSizes || node.anchor) this.sizes.set(node, 1);
      return 1;
    }
    if (this.depth >= MAX_NESTING * 2 && !this.deepReported) {
      this.deepReported = true;
      const [s] = node.range ?? [0];
      this.problems.push(nestingProblem(s));
    }
    if (node.anchor) (this.open ??= new Set()).add(node);
    const d = this.depth++;
    this.stackNode[d] = node;
    this.stackItems[d] = items;
    this.stackNext[d] = 0;
    this.stackPart[d] = 0;
    this.stackSize[d] = 1;
    return undefined;
  }
}

/**
 * One iterative walk of a parsed document (in the order `yaml` resolves anchors: a node before its children,
 * a key before its value): duplicate keys, alias targets, missing anchors, alias cycles, alias expansion and
 * nesting depth. Never recursive, so no input can overflow the stack here.
 */
export function inspectDocument(doc: Document.Parsed, checkDuplicates = true, source?: string): Inspection {
  const problems: SyntaxProblem[] = [];
  const aliasTargets = new Map<Alias, Node | undefined>();
  const root = doc.contents as Node | null;
  if (!root || typeof root !== 'object') return { problems, aliasTargets };
  // Every alias is written `*name`: without a `*` in the text, only duplicate keys can be wrong.
  if (source !== undefined && !source.includes('*')) {
    if (!checkDuplicates || duplicateKeysBelow(root, problems, 0)) return { problems, aliasTargets };
    problems.length = 0;
  }
  const walk = new Walk(problems, aliasTargets, checkDuplicates, false);
  const total = walk.run(root);
  if (total - walk.nodes > MAX_ALIAS_EXPANSION) {
    // Rare: walk again keeping every node's size, to point at the alias that expands most.
    const full = new Walk([], new Map(), false, true);
    full.run(root);
    const at = largestAlias(root, full.sizes, full.aliasTargets);
    const [s, e] = at?.range ?? root.range ?? [0, 1];
    problems.push({
      start: s, end: Math.max(e, s + 1), code: 'ALIAS_EXPANSION',
      message: `Alias expansion too large: aliases make this document expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (a "billion laughs" pattern); kubectl rejects it as excessive aliasing and it is not checked`,
    });
  }
  return { problems, aliasTargets };
}

/**
 * Duplicate keys of every map under `node`, for a document without aliases: maps and lists only, recursively,
 * where the general walk visits every scalar and keeps sizes for alias expansion. False (and the general walk
 * takes over) past MAX_NESTING * 2 levels, where the general walk reports the nesting; `nestingOverflow` keeps
 * texts that nest deeper from being parsed at all, so the stack is never at risk.
 */
function duplicateKeysBelow(node: Node, problems: SyntaxProblem[], depth: number): boolean {
  if (depth >= MAX_NESTING * 2) return false;
  if (node instanceof YAMLMap) {
    duplicateKeys(node, problems);
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i] as Pair | null;
      if (!(pair instanceof Pair)) continue;
      const key = pair.key;
      if ((key instanceof YAMLMap || key instanceof YAMLSeq) && !duplicateKeysBelow(key, problems, depth + 1)) return false;
      const value = pair.value;
      if ((value instanceof YAMLMap || value instanceof YAMLSeq) && !duplicateKeysBelow(value, problems, depth + 1)) return false;
    }
  } else if (node instanceof YAMLSeq) {
    const items = node.items as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if ((item instanceof YAMLMap || item instanceof YAMLSeq) && !duplicateKeysBelow(item, problems, depth + 1)) return false;
    }
  }
  return true;
}

/** From the root, follow the child that expands most until an alias: the place to point at. */
function largestAlias(root: Node, sizes: Map<Node, number>, targets: Map<Alias, Node | undefined>): Node | undefined {
  let node: Node = root;
  for (let steps = 0; steps < 10_000; steps++) {
    if (isAlias(node)) return node;
    let best: Node | undefined;
    let bestSize = -1;
    for (const child of childrenOf(node)) {
      const size = isAlias(child) ? sizes.get(targets.get(child) as Node) ?? 1 : sizes.get(child) ?? 1;
      if (size > bestSize) {
        best = child;
        bestSize = size;
      }
    }
    if (!best) return node;
    node = best;
  }
  return node;
}

const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

/** `yaml`'s duplicate-key rule (same node, or scalars with the same value); sets only for large maps. */
function duplicateKeys(map: YAMLMap, problems: SyntaxProblem[]): void {
  const items = map.items;
  if (items.length < 2) return;
  if (items.length > 16) {
    duplicateKeysLarge(map, problems);
    return;
  }
  // Every map of every document comes through here: `instanceof`, see Walk.enter.
  for (let i = 1; i < items.length; i++) {
    const key = items[i].key as unknown;
    const scalar = key instanceof Scalar;
    if (scalar && typeof key.value === 'symbol') continue; // `<<` merge keys may repeat
    if (!scalar && !(key && typeof key === 'object')) continue;
    for (let j = 0; j < i; j++) {
      const earlier = items[j].key as unknown;
      const earlierScalar = earlier instanceof Scalar;
      if (earlierScalar && typeof earlier.value === 'symbol') continue;
      if (earlier === key || (scalar && earlierScalar && sameValueZero(earlier.value, key.value))) {
        const [s, e] = (key as Node).range ?? [0, 1];
        problems.push({ start: s, end: Math.max(e, s + 1), code: 'DUPLICATE_KEY', message: 'Map keys must be unique' });
        break;
      }
    }
  }
}

function duplicateKeysLarge(map: YAMLMap, problems: SyntaxProblem[]): void {
  const seen = new Set<unknown>();
  const seenNodes = new Set<unknown>();
  for (const pair of map.items) {
    const key = pair.key as unknown;
    if (isScalar(key) && typeof key.value === 'symbol') continue; // `<<` merge keys may repeat
    if (isScalar(key)) {
      if (seen.has(key.value) || seenNodes.has(key)) {
        const [s, e] = key.range ?? [0, 1];
        problems.push({ start: s, end: Math.max(e, s + 1), code: 'DUPLICATE_KEY', message: 'Map keys must be unique' });
      }
      seen.add(key.value);
      seenNodes.add(key);
    } else if (key && typeof key === 'object') {
      if (seenNodes.has(key)) {
        const [s, e] = (key as Node).range ?? [0, 1];
        problems.push({ start: s, end: Math.max(e, s + 1), code: 'DUPLICATE_KEY', message: 'Map keys must be unique' });
      }
      seenNodes.add(key);
    }
  }
}

/**
 * True when a map of the document has a map or list as a key. Kubernetes keys are strings; such a key is
 * what unquoted template syntax parses into (`name: {{ .Values.name }}` is a map keyed by a map).
 */
export function hasCollectionKey(doc: Document): boolean {
  const root = doc.contents as Node | null;
  if (!root || typeof root !== 'object') return false;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    for (const item of (node as YAMLMap).items as unknown[]) {
      if (isPair(item)) {
        if (isMap(item.key) || isSeq(item.key)) return true;
        if (isMap(item.value) || isSeq(item.value)) stack.push(item.value as Node);
      } else if (isMap(item) || isSeq(item)) stack.push(item as Node);
    }
  }
  return false;
}
