// YAML text -> documents with Kubernetes objects and source ranges. Never throws.
//
// The text is split at column-0 `---` lines (in YAML 1.2 such a line always starts a document) and each
// slice is parsed on its own. Ranges inside a document are relative to its slice; `offset` places the
// slice in the file. This lets an edit re-parse only the slices whose text changed.
import { Document, isAlias, isMap, isScalar, isSeq, Node, parseAllDocuments, parseDocument, Scalar, Schema, YAMLMap } from 'yaml';
import type { ScalarTag } from 'yaml';
import { getMap, getScalar, getString, readStringMapOnce, resolve, seqItems, setAliasTargets } from './nodes';
import { inspectDocument, isStackOverflow, nestingOverflow, nestingProblem } from './limits';
import { detectEol, Eol, LineIndex, LineReuse } from './lines';

export interface SyntaxProblem {
  /** Relative to the document slice. */
  start: number;
  end: number;
  message: string;
  code: string;
}

export interface K8sObject {
  document: ParsedDocument;
  doc: Document;
  /** The object's map: the document root, or an item of a `kind: List`. */
  map: YAMLMap;
  apiVersion: string;
  kind: string;
  name: string;
  /** Explicit metadata.namespace, or undefined for "the namespace it is applied to". */
  namespace: string | undefined;
  kindNode: Scalar | undefined;
  nameNode: Scalar | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Index inside the `items` of a List, when the object came from one. */
  listIndex?: number;
}

export interface ParsedDocument {
  /** 0-based position in the file (mutable: updated when an earlier document is added or removed). */
  index: number;
  /** Offset of the slice in the file text (mutable: updated when earlier text changes). */
  offset: number;
  text: string;
  doc: Document.Parsed;
  problems: SyntaxProblem[];
  /** Problems that do not stop the document from being checked (an unknown tag, which kubectl ignores). */
  warnings?: SyntaxProblem[];
  objects: K8sObject[];
}

export interface ManifestFile {
  uri: string;
  text: string;
  lines: LineIndex;
  eol: Eol;
  documents: ParsedDocument[];
}

// `uniqueKeys` is off because `yaml` checks it in quadratic time; limits.ts reports duplicate keys linearly.
/** Syntax problems listed per document; the rest are counted in one last problem. */
const MAX_PROBLEMS = 100;

const OPTIONS = { merge: true, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false, strict: false } as const;

/**
 * A plain scalar that starts with an ASCII letter and is not one of YAML 1.2's nulls or booleans: the core
 * schema reads it as a string, as no number starts with a letter. Most plain scalars are such words (keys,
 * kinds, names), and `yaml` otherwise tries every tag's pattern on each of them in turn.
 */
const PLAIN_WORD = /^(?!(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$)[A-Za-z]/;

/** The YAML 1.2 core schema with merge keys, with a first test for plain words (the same tags otherwise). */
function sliceSchema(): Schema {
  return new Schema({
    schema: 'core',
    resolveKnownTags: true,
    merge: true,
    customTags: tags => {
      const string = tags.find(t => typeof t === 'object' && t.tag === 'tag:yaml.org,2002:str' && !t.collection) as ScalarTag;
      return [{ ...string, test: PLAIN_WORD }, ...tags];
    },
  });
}

/**
 * Options for a slice, which has no `%YAML` directive (those files are parsed whole, with `OPTIONS`): one schema
 * for every document instead of a new one per document. `yaml` only adds to a schema's tags the known tags a
 * document names (`!!set`, `!!binary`), which every later document would resolve the same way.
 */
export const SLICE_OPTIONS = { ...OPTIONS, schema: sliceSchema() };

/** Start offsets of the document slices: 0, then every column-0 `---` line after content. */
export function documentStarts(text: string): number[] {
  const starts = [0];
  let lineStart = 0;
  let sawContent = false;
  let sawMarker = false;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (isDocumentMarker(text, lineStart, lineEnd)) {
      // A second marker after only comments (`---` / `# note` / `---`) ends an empty document, as in YAML.
      if (sawContent || sawMarker) {
        starts.push(lineStart);
        sawContent = false;
      }
      sawMarker = true;
    } else if (!sawContent && hasContent(text, lineStart, lineEnd)) {
      sawContent = true;
    }
    lineStart = lineEnd + 1;
  }
  return starts;
}

function isDocumentMarker(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 45 || !text.startsWith('---', start)) return false;
  const next = text.charCodeAt(start + 3);
  return start + 3 >= end || next === 32 || next === 9 || next === 13 || next === 10;
}

/** True when a line holds something other than blanks or a comment. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) continue;
    return c !== 35; // '#'
  }
  return false;
}

/**
 * Slicing is exact only without directives (`%YAML`) and `...` end markers; with them, the file is
 * parsed as a single slice by `yaml` itself.
 */
function needsWholeParse(text: string): boolean {
  // Searched natively first: the multi-line regex alone costs about a millisecond per megabyte, on every edit.
  if (!text.startsWith('%') && !text.startsWith('...') && !text.includes('\n%') && !text.includes('\n...')) return false;
  return /^(%|\.\.\.(\s|$))/m.test(text);
}

/** The text `yaml` parses: a lone CR is a line break in YAML (and in editors), but `yaml` does not treat it as one. */
export function parseSource(text: string): string {
  // Replacing it with LF keeps every offset. CR-only files and stray CRs in LF or CRLF files alike.
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The document slices of a parse source (`parseSource`), or undefined when it must be parsed as a whole. */
export function documentSlices(source: string): { starts: number[]; slices: string[] } | undefined {
  if (needsWholeParse(source)) return undefined;
  const starts = documentStarts(source);
  const slices = starts.map((offset, i) => source.slice(offset, i + 1 < starts.length ? starts[i + 1] : source.length));
  return { starts, slices };
}

export function parseManifest(uri: string, text: string, previous?: ManifestFile): ManifestFile {
  const eol = detectEol(text);
  const source = parseSource(text);
  const documents: ParsedDocument[] = [];
  let lineReuse: LineReuse | undefined;
  const sliced = documentSlices(source);
  if (!sliced) {
    documents.push(...parseWhole(source));
  } else {
    const { starts, slices } = sliced;
    const match = previous ? matchUnchanged(previous.documents, slices) : undefined;
    const reused = match?.documents ?? [];
    if (match && previous) {
      // The unchanged documents at both ends bound the edit: the line index outside it is reused.
      lineReuse = {
        previous: previous.lines,
        prefixEnd: match.head < starts.length ? starts[match.head] : source.length,
        previousSuffixStart: match.previousSuffixStart,
        suffixStart: match.tail ? starts[starts.length - match.tail] : source.length,
      };
    }
    for (let i = 0; i < slices.length; i++) {
      const old = reused[i];
      if (old) {
        old.index = i;
        old.offset = starts[i];
        documents.push(old);
      } else {
        // A slice shares the memory of the whole text, and so do the strings `yaml` cuts from it: re-parsed
        // alone while the rest is reused, it would keep this version of the file alive. A copy does not.
        documents.push(parseSlice(previous ? detach(slices[i]) : slices[i], starts[i], i));
      }
    }
  }
  return { uri, text, lines: new LineIndex(text, lineReuse), eol, documents };
}

/**
 * Previous documents whose text is unchanged, by new slice index. An edit leaves a common head and tail;
 * only the slices between them are looked up by text.
 */
function matchUnchanged(old: readonly ParsedDocument[], slices: readonly string[]) {
  const out = new Array<ParsedDocument | undefined>(slices.length);
  let head = 0;
  while (head < slices.length && head < old.length && old[head].text === slices[head]) {
    out[head] = old[head];
    head++;
  }
  let tail = 0;
  while (tail < slices.length - head && tail < old.length - head && old[old.length - 1 - tail].text === slices[slices.length - 1 - tail]) {
    out[slices.length - 1 - tail] = old[old.length - 1 - tail];
    tail++;
  }
  // Where the unchanged tail started in the previous text (read before reused documents get new offsets).
  const previousSuffixStart = tail ? old[old.length - tail].offset : old.length ? old[old.length - 1].offset + old[old.length - 1].text.length : 0;
  const result = { documents: out, head, tail, previousSuffixStart };
  if (head + tail === slices.length || head + tail === old.length) return result;
  const pool = new Map<string, ParsedDocument[]>();
  for (let j = head; j < old.length - tail; j++) {
    const list = pool.get(old[j].text);
    if (list) list.push(old[j]);
    else pool.set(old[j].text, [old[j]]);
  }
  for (let i = head; i < slices.length - tail; i++) out[i] = pool.get(slices[i])?.shift();
  return result;
}

/** A copy of a string that does not share memory with the string it was sliced from. */
function detach(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function parseWhole(source: string): ParsedDocument[] {
  // Parsed as one slice so `yaml` handles directives and end markers; multiple documents are then split
  // by their own ranges.
  const tooDeep = nestingOverflow(source);
  if (tooDeep >= 0) return [unparsed(source, 0, 0, nestingProblem(tooDeep))];
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(source, OPTIONS);
    docs = Array.isArray(parsed) ? parsed : [];
  } catch {
    docs = [];
  }
  return docs.map((doc, index) => {
    const pd: ParsedDocument = { index, offset: 0, text: source, doc, problems: [], objects: [] };
    collectProblems(pd);
    pd.objects = objectsOf(pd);
    return pd;
  });
}

/** A document that is not parsed at all: an empty tree and one problem. */
function unparsed(slice: string, offset: number, index: number, problem: SyntaxProblem): ParsedDocument {
  return { index, offset, text: slice, doc: parseDocument('', SLICE_OPTIONS), objects: [], problems: [problem] };
}

export function parseSlice(slice: string, offset: number, index: number): ParsedDocument {
  // Nesting is checked on the text first: a 10,000-level document would overflow the parser's stack.
  const tooDeep = nestingOverflow(slice);
  if (tooDeep >= 0) return unparsed(slice, offset, index, nestingProblem(tooDeep));
  let doc: Document.Parsed;
  try {
    doc = parseDocument(slice, SLICE_OPTIONS);
  } catch (e) {
    // `yaml` is not known to throw here; if it ever does, the document becomes a syntax problem.
    const message = String((e as Error)?.message ?? e);
    return unparsed(slice, offset, index, isStackOverflow(message)
      ? { ...nestingProblem(0), code: 'PARSER_LIMIT' }
      : { start: 0, end: Math.min(slice.length, 1), message: `The YAML parser failed: ${message}`, code: 'PARSER_FAILURE' });
  }
  const pd: ParsedDocument = { index, offset, text: slice, doc, problems: [], objects: [] };
  collectProblems(pd);
  pd.objects = objectsOf(pd);
  return pd;
}

function collectProblems(pd: ParsedDocument): void {
  const doc = pd.doc;
  const problems: SyntaxProblem[] = doc.errors.map(e => {
    const message = firstLine(e.message);
    if (isStackOverflow(message)) return { ...nestingProblem(e.pos[0]), code: 'PARSER_LIMIT' };
    return { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1), message, code: e.code };
  });
  // Duplicate keys, missing anchors, alias cycles and alias bombs, in one linear walk (limits.ts). A document
  // whose parse hit the stack limit is not walked: its tree is incomplete anyway.
  if (!problems.some(p => p.code === 'PARSER_LIMIT')) {
    const inspection = inspectDocument(doc, true, pd.text);
    problems.push(...inspection.problems);
    // Most documents have no alias: nothing to record for them.
    if (inspection.aliasTargets.size) setAliasTargets(doc, inspection.aliasTargets);
  }
  problems.sort((a, b) => a.start - b.start);
  // 20,000 aliases to a missing anchor are one mistake, not 20,000 diagnostics to publish.
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    const next = problems[MAX_PROBLEMS];
    problems.length = MAX_PROBLEMS;
    problems.push({ start: next.start, end: next.end, code: 'MORE_PROBLEMS', message: `${more} more YAML problems in this document are not listed` });
  }
  pd.problems = problems;
  const warnings = doc.warnings.filter(w => w.code === 'TAG_RESOLVE_FAILED').map(w => {
    const tag = /tag: (\S+)/.exec(w.message)?.[1] ?? '';
    return {
      start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1), code: w.code,
      message: `Unknown tag ${tag}: Kubernetes does not use YAML tags; kubectl reads the value without it, so remove the tag`,
    };
  });
  if (warnings.length) pd.warnings = warnings;
}

function firstLine(message: string): string {
  const nl = message.indexOf(' at line ');
  return (nl > 0 ? message.slice(0, nl) : message.split('\n')[0]).trim();
}

function objectsOf(pd: ParsedDocument): K8sObject[] {
  const doc = pd.doc;
  const root = resolve(doc.contents, doc);
  if (!isMap(root)) return [];
  const top = toObject(pd, root);
  if (!top) return [];
  if (top.kind === 'List' || top.kind.endsWith('List')) {
    const items = getNode(root, 'items', doc);
    if (isSeq(items) || top.kind === 'List') {
      const out: K8sObject[] = [];
      seqItems(items, doc).forEach((item, listIndex) => {
        if (!isMap(item)) return;
        const obj = toObject(pd, item);
        if (obj) out.push({ ...obj, listIndex });
      });
      return out;
    }
  }
  return [top];
}

function getNode(map: YAMLMap, key: string, doc: Document): Node | undefined {
  const value = map.get(key, true);
  return resolve(value, doc);
}

function toObject(pd: ParsedDocument, map: YAMLMap): K8sObject | undefined {
  const doc = pd.doc;
  const apiVersion = getString(map, 'apiVersion', doc);
  const kindNode = getScalar(map, 'kind', doc);
  const kind = kindNode && typeof kindNode.value === 'string' ? kindNode.value : undefined;
  if (!apiVersion || !kind) return undefined;
  const metadata = getMap(map, 'metadata', doc);
  const nameNode = getScalar(metadata, 'name', doc);
  const name = nameNode && nameNode.value !== null && !isAlias(nameNode) ? String(nameNode.value) : '';
  const ns = getString(metadata, 'namespace', doc);
  return {
    document: pd,
    doc,
    map,
    apiVersion,
    kind,
    name,
    namespace: ns === undefined || ns === '' ? undefined : ns,
    kindNode: isScalar(kindNode) ? kindNode : undefined,
    nameNode: isScalar(nameNode) ? nameNode : undefined,
    labels: readStringMapOnce(getMap(metadata, 'labels', doc), doc),
    annotations: readStringMapOnce(getMap(metadata, 'annotations', doc), doc),
  };
}
