// Minimal text edits computed from node ranges. A document is never re-stringified: inserted YAML is
// rendered in the style around it (indent width, sequence indentation, flow or block, line endings) and
// everything outside the inserted text stays byte for byte.
import { isMap, isScalar, isSeq, Node, Scalar, stringify, YAMLMap, YAMLSeq } from 'yaml';
import { Eol } from './lines';
import { ParsedDocument } from './manifest';
import { findPair, keyText, resolve } from './nodes';

/** An edit with offsets relative to a document slice. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export interface DocumentStyle {
  indent: number;
  /** True when block sequence items are indented under their key (`key:\n  - a`), false for `key:\n- a`. */
  indentSequences: boolean;
  eol: Eol;
}

const styleCache = new WeakMap<ParsedDocument, DocumentStyle>();

/** The indentation style a document already uses (2 spaces and indented sequences when it shows none). */
export function styleOf(pd: ParsedDocument, eol: Eol): DocumentStyle {
  const cached = styleCache.get(pd);
  if (cached && cached.eol === eol) return cached;
  let indent = 0;
  let indentSequences: boolean | undefined;
  const lines = pd.text.split(/\r\n|\r|\n/);
  let prevIndent = -1;
  let prevOpensBlock = false;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const col = line.length - trimmed.length;
    if (prevOpensBlock) {
      if (trimmed.startsWith('- ') || trimmed === '-') {
        if (indentSequences === undefined) indentSequences = col > prevIndent;
        if (!indent && col > prevIndent) indent = col - prevIndent;
      } else if (!indent && col > prevIndent) {
        indent = col - prevIndent;
      }
    }
    // A key with no value on its line opens a nested block; `- key:` counts from the key's column.
    const keyCol = trimmed.startsWith('- ') ? col + 2 + (trimmed.slice(2).length - trimmed.slice(2).trimStart().length) : col;
    prevOpensBlock = /:\s*(#.*)?$/.test(trimmed) && !trimmed.startsWith('#');
    prevIndent = prevOpensBlock ? keyCol : col;
    if (indent && indentSequences !== undefined) break;
  }
  const style = { indent: indent > 0 && indent <= 8 ? indent : 2, indentSequences: indentSequences ?? true, eol };
  styleCache.set(pd, style);
  return style;
}

export function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  // A multi-line value comes out as a block scalar, which cannot sit inline after `key: ` or inside a flow
  // collection; a double-quoted JSON string is valid YAML and stays on one line.
  return text.includes('\n') ? JSON.stringify(value) : text;
}

/** Renders a value as block YAML lines at `column`, each line without its line ending. */
export function renderBlock(value: YamlValue, column: number, style: DocumentStyle): string[] {
  const pad = ' '.repeat(column);
  if (Array.isArray(value)) {
    const lines: string[] = [];
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length) {
        const inner = renderBlock(item, column + 2, style);
        lines.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else lines.push(`${pad}- ${inlineValue(item)}`);
    }
    return lines;
  }
  if (value !== null && typeof value === 'object') {
    const lines: string[] = [];
    for (const [key, v] of Object.entries(value)) lines.push(...renderPair(key, v, column, style));
    return lines;
  }
  return [pad + inlineValue(value)];
}

function renderPair(key: string, value: YamlValue, column: number, style: DocumentStyle): string[] {
  const pad = ' '.repeat(column);
  const k = scalarText(key);
  if (Array.isArray(value) && value.length) {
    const itemColumn = style.indentSequences ? column + style.indent : column;
    return [`${pad}${k}:`, ...renderBlock(value, itemColumn, style)];
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    return [`${pad}${k}:`, ...renderBlock(value, column + style.indent, style)];
  }
  return [`${pad}${k}: ${inlineValue(value)}`];
}

/** Flow rendering, for inserting into flow collections and for empty collections. */
export function inlineValue(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(inlineValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${inlineValue(v)}`).join(', ')}}`;
  }
  return scalarText(value);
}

/** Builds the edits of one fix for one document. */
export class EditBuilder {
  readonly edits: TextEdit[] = [];
  readonly style: DocumentStyle;

  constructor(readonly pd: ParsedDocument, eol: Eol) {
    this.style = styleOf(pd, eol);
  }

  private get text(): string {
    return this.pd.text;
  }

  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  columnOf(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Offset just after the line ending of the line holding `offset` (or the end of the text). */
  nextLineStart(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    if (this.text[i] === '\r' && this.text[i + 1] === '\n') return i + 2;
    return i < this.text.length ? i + 1 : i;
  }

  /** Where a node written at `offset` starts with its tag and anchor (`! key`, `&a key`): the map's column. */
  private startWithProps(offset: number): number {
    const lineStart = this.lineStart(offset);
    let start = offset;
    for (;;) {
      let end = start;
      while (end > lineStart && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
      let tokenStart = end;
      while (tokenStart > lineStart && !/\s/.test(this.text[tokenStart - 1])) tokenStart--;
      const first = this.text[tokenStart];
      if (tokenStart === end || (first !== '!' && first !== '&')) return start;
      start = tokenStart;
    }
  }

  /** Where lines go after a block collection that ends at `end`: the start of the line after its last content. */
  private afterBlock(end: number): number {
    let e = end;
    // A collection whose last value is empty (`key:` and a comment line) ends after the next line's indentation.
    while (e > 0 && (this.text[e - 1] === ' ' || this.text[e - 1] === '\t')) e--;
    if (e > 0 && this.text[e - 1] === '\n') return e;
    if (e > 0 && this.text[e - 1] === '\r') return this.text[e] === '\n' ? e + 1 : e;
    return this.nextLineStart(Math.max(e - 1, 0));
  }

  replace(node: Node, text: string): this {
    const r = node.range;
    if (!r) return this;
    // A block scalar's range ends after its line break (`key: >-` + LF): the line break stays.
    let end = r[1];
    while (end > r[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    // A block list may sit at its key's column (`key:` / `- a`); a value put in its place must be indented more.
    if (isSeq(node) && !node.flow && !/[\r\n]/.test(text) && /^[ \t]*$/.test(this.text.slice(this.lineStart(r[0]), r[0]))) text = `  ${text}`;
    this.edits.push({ start: r[0], end, text });
    // The new value replaces a scalar's tag too (`!custom value` -> `false`, not `!custom false`); an anchor stays.
    if (isScalar(node) && node.tag) this.deleteTagBefore(r[0]);
    return this;
  }

  /** Deletes the `!tag` token (and the blanks after it) that precedes `offset`, stepping over an `&anchor`. */
  private deleteTagBefore(offset: number): void {
    let next = offset;
    for (let step = 0; step < 2; step++) {
      let end = next;
      while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
      let start = end;
      while (start > 0 && !/[\s,[\]{}]/.test(this.text[start - 1])) start--;
      const token = this.text.slice(start, end);
      if (token.startsWith('!')) {
        this.edits.push({ start, end: next, text: '' });
        return;
      }
      if (!token.startsWith('&')) return;
      next = start;
    }
  }

  insertAt(offset: number, text: string): this {
    this.edits.push({ start: offset, end: offset, text });
    return this;
  }

  delete(start: number, end: number): this {
    this.edits.push({ start, end, text: '' });
    return this;
  }

  /** Removes whole lines from the one holding `start` to the one holding `end`. */
  deleteLines(start: number, end: number): this {
    return this.delete(this.lineStart(start), this.nextLineStart(end));
  }

  /** Lines joined with the file's line ending, ending with one. */
  private block(lines: string[]): string {
    const eol = this.style.eol;
    return lines.map(l => l + eol).join('');
  }

  /**
   * Adds what `value` has and `map` lacks, recursively: missing keys are inserted (the whole subtree at
   * once), existing nested maps are descended into, existing scalars are left alone unless `overwrite`.
   */
  merge(map: YAMLMap, value: { [key: string]: YamlValue }, options: { overwrite?: boolean } = {}): this {
    const doc = this.pd.doc;
    const missing: Record<string, YamlValue> = {};
    const childEdits: Array<() => void> = [];
    for (const [key, v] of Object.entries(value)) {
      const pair = findPair(map, key, doc);
      if (!pair || !map.items.includes(pair)) {
        missing[key] = v;
        continue;
      }
      const current = resolve(pair.value, doc);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        if (isMap(current)) childEdits.push(() => this.merge(current, v, options));
        else if (isEmptyValue(current)) childEdits.push(() => this.setEmptyValue(pair.key as Node, current, v));
        else if (options.overwrite && current) childEdits.push(() => this.replaceValue(current, v));
      } else if (isEmptyValue(current) && v !== null) {
        childEdits.push(() => this.setEmptyValue(pair.key as Node, current, v));
      } else if (options.overwrite && current && !(isScalar(current) && current.value === v)) {
        childEdits.push(() => this.replaceValue(current, v));
      }
    }
    // Deeper insertions first: when two land on the same offset, the nested one must come first.
    for (const edit of childEdits) edit();
    if (Object.keys(missing).length) this.insertKeys(map, missing);
    return this;
  }

  private replaceValue(node: Node, value: YamlValue): void {
    this.replace(node, inlineValue(value));
  }

  /** `key:` with nothing (or `{}`/`[]`) after it: put the value after the key. */
  private setEmptyValue(key: Node, current: Node | undefined, value: YamlValue): void {
    const keyStart = key.range?.[0] ?? 0;
    const keyEnd = key.range?.[1] ?? keyStart;
    const colonEnd = this.text.indexOf(':', keyEnd) + 1;
    const isCollectionValue = value !== null && typeof value === 'object';
    const flowContext = current && (isMap(current) || isSeq(current)) && (current as YAMLMap).flow;
    if (!isCollectionValue || this.isInsideFlow(keyStart)) {
      if (current?.range && current.range[1] > current.range[0]) this.replace(current, inlineValue(value));
      else this.insertAt(colonEnd, ' ' + inlineValue(value));
      return;
    }
    if (flowContext && current?.range) {
      // `resources: {}` keeps its flow style: fill the braces.
      this.replace(current, inlineValue(value));
      return;
    }
    const column = this.keyColumn(key) + this.style.indent;
    const lines = renderBlock(value, column, this.style);
    const lineEnd = this.endOfLine(colonEnd);
    this.insertAt(lineEnd, this.style.eol + lines.join(this.style.eol));
  }

  private endOfLine(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    // Keep an end-of-line comment on the key's line.
    return i;
  }

  private keyColumn(key: Node): number {
    return this.columnOf(key.range?.[0] ?? 0);
  }

  private isInsideFlow(offset: number): boolean {
    // A key inside a flow collection: the nearest unclosed bracket on the way back decides.
    let depth = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const c = this.text[i];
      if (c === '}' || c === ']') depth++;
      else if (c === '{' || c === '[') {
        if (depth === 0) return true;
        depth--;
      } else if ((c === '\n' || c === '\r') && depth === 0) {
        const line = this.text.slice(this.lineStart(i), i);
        if (!/[{[,]\s*$/.test(line)) return false;
      }
    }
    return false;
  }

  /** Inserts keys at the end of a map, in its style. */
  insertKeys(map: YAMLMap, entries: { [key: string]: YamlValue }): this {
    // A map with a map or list as a key (`? labels:`) is no Kubernetes map: its layout is not ours to guess.
    if (map.items.some(p => p.key !== null && typeof p.key === 'object' && !isScalar(p.key))) return this;
    if (map.flow || !map.items.length) return this.insertIntoFlowMap(map, entries);
    const first = map.items[0].key as Node | null;
    const column = this.columnOf(this.startWithProps(first?.range?.[0] ?? map.range?.[0] ?? 0));
    const lines: string[] = [];
    for (const [k, v] of Object.entries(entries)) lines.push(...renderPair(k, v, column, this.style));
    const insertAt = this.afterBlock(map.range?.[1] ?? 0);
    if (insertAt >= this.text.length && !/[\r\n]$/.test(this.text)) {
      this.insertAt(this.text.length, this.style.eol + lines.join(this.style.eol));
    } else {
      this.insertAt(insertAt, this.block(lines));
    }
    return this;
  }

  private insertIntoFlowMap(map: YAMLMap, entries: { [key: string]: YamlValue }): this {
    const r = map.range;
    if (!r) return this;
    const body = Object.entries(entries).map(([k, v]) => `${scalarText(k)}: ${inlineValue(v)}`).join(', ');
    const close = this.text.lastIndexOf('}', r[1] - 1);
    if (close < r[0]) return this;
    const inner = this.text.slice(r[0] + 1, close);
    if (!inner.trim()) this.replace(map, `{${body}}`);
    else {
      let at = close;
      while (at > r[0] && /\s/.test(this.text[at - 1])) at--;
      const trailingComma = this.text[at - 1] === ',';
      this.insertAt(at, trailingComma ? ` ${body}` : `, ${body}`);
    }
    return this;
  }

  /** Appends items to a sequence, in its style. */
  appendItems(seq: YAMLSeq, items: YamlValue[]): this {
    if (seq.flow || !seq.items.length) {
      const r = seq.range;
      if (!r) return this;
      const close = this.text.lastIndexOf(']', r[1] - 1);
      const body = items.map(inlineValue).join(', ');
      if (close < r[0]) return this;
      if (!this.text.slice(r[0] + 1, close).trim()) this.replace(seq, `[${body}]`);
      else this.insertAt(close, `, ${body}`);
      return this;
    }
    const first = seq.items[0] as Node;
    const firstStart = first?.range?.[0] ?? seq.range?.[0] ?? 0;
    // The dash sits before the first item on its line (strictly before: a nested block list or a scalar
    // such as `-x` starts with a dash of its own).
    const dash = this.text.lastIndexOf('-', firstStart - 1);
    const column = this.columnOf(dash >= 0 ? dash : firstStart);
    const lines = renderBlock(items, column, this.style);
    const insertAt = this.afterBlock(seq.range?.[1] ?? 0);
    if (insertAt >= this.text.length && !/[\r\n]$/.test(this.text)) this.insertAt(this.text.length, this.style.eol + lines.join(this.style.eol));
    else this.insertAt(insertAt, this.block(lines));
    return this;
  }

  /** A new document after this one (`---` separated). */
  appendDocument(value: YamlValue): this {
    const lines = ['---', ...renderBlock(value, 0, this.style)];
    const text = this.text;
    const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
    this.insertAt(text.length, (needsBreak ? this.style.eol : '') + this.block(lines));
    return this;
  }

  /** Removes a pair from a block map (its whole line) or from a flow map. */
  removePair(map: YAMLMap, key: string): this {
    const pair = map.items.find(p => keyText(p) === key);
    if (!pair) return this;
    const k = pair.key as Node;
    const v = pair.value as Node | null;
    const start = k.range?.[0] ?? 0;
    const end = v?.range?.[1] ?? k.range?.[1] ?? start;
    if (map.flow) return this.deleteFlowEntry(start, end);
    if (map.items.length === 1) return this;
    const index = map.items.indexOf(pair);
    const before = this.text.slice(this.lineStart(start), start);
    if (before.trim() && index + 1 < map.items.length) {
      // The first key of a `- key: v` item: the next key moves up onto the dash line.
      const next = (map.items[index + 1].key as Node | null)?.range?.[0];
      if (next !== undefined) return this.delete(start, next);
    }
    return this.deleteLines(start, Math.max(end - 1, start));
  }

  /** Deletes an entry of a flow collection with the comma that separates it from its neighbour. */
  private deleteFlowEntry(start: number, end: number): this {
    const after = this.text.slice(end).match(/^\s*,\s*/);
    if (after) return this.delete(start, end + after[0].length);
    const before = this.text.slice(0, start).match(/,\s*$/);
    return this.delete(before ? start - before[0].length : start, end);
  }

  /** Removes one item of a sequence (its lines in block style, the item and a comma in flow style). */
  removeItem(seq: YAMLSeq, index: number): this {
    const item = seq.items[index] as Node | undefined;
    const r = item?.range;
    if (!r) return this;
    if (seq.flow) return this.deleteFlowEntry(r[0], r[1]);
    const dash = this.text.lastIndexOf('-', r[0]);
    return this.deleteLines(dash >= 0 ? dash : r[0], Math.max(r[1] - 1, r[0]));
  }
}

export function isEmptyValue(node: Node | undefined): boolean {
  if (!node) return true;
  if (isScalar(node)) return (node as Scalar).value === null && !(node as Scalar).source;
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/** Applies edits (offsets into `text`); inserts at the same offset keep their order. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export function shiftEdits(edits: TextEdit[], by: number): TextEdit[] {
  return edits.map(e => ({ start: e.start + by, end: e.end + by, text: e.text }));
}
