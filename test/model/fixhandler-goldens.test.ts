// The edit layer against Kubescape's fix-handler goldens (../shared/corpus/kubescape-fixhandler, read at test
// time): inserts, appends, deletes and replaces with comments, blank lines, CRLF, indented and non-indented
// sequences, several documents. Each edit must keep the file's structure, comments and line endings; where a
// different minimal edit exists we need not match their bytes, but the parsed result must equal theirs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isSeq, Node, parseAllDocuments, YAMLMap, YAMLSeq } from 'yaml';
import { applyEdits, EditBuilder, YamlValue } from '../../server/src/model/edits';
import { parseManifest, ParsedDocument } from '../../server/src/model/manifest';
import { getNode } from '../../server/src/model/nodes';

const DIR = join('..', 'shared', 'corpus', 'kubescape-fixhandler');
type Segment = string | number;

/** `select(di==0).spec.containers[0].x |= false` and friends. */
function parseEdit(edit: string): { doc: number; path: Segment[]; op: '|=' | '+=' | 'del'; value?: YamlValue } {
  const del = /^del\(select\(di==(\d+)\)(.*)\)$/.exec(edit);
  const set = /^select\(di==(\d+)\)(\S*) (\|=|\+=) (.*)$/.exec(edit);
  const m = del ?? set;
  if (!m) throw new Error(`unsupported edit ${edit}`);
  const path: Segment[] = [];
  for (const part of m[2].matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)) path.push(part[1] ?? Number(part[2]));
  if (del) return { doc: Number(m[1]), path, op: 'del' };
  return { doc: Number(m[1]), path, op: m[3] as '|=' | '+=', value: JSON.parse(m[4]) };
}

function nodeAt(pd: ParsedDocument, path: Segment[]): Node | undefined {
  let node: Node | undefined = pd.doc.contents ?? undefined;
  for (const seg of path) {
    if (typeof seg === 'number') node = isSeq(node) ? (node.items[seg] as Node) : undefined;
    else node = getNode(node, seg, pd.doc);
  }
  return node;
}

function nest(path: Segment[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((v, seg) => ({ [String(seg)]: v }), value);
}

function applyOne(text: string, edit: string): string {
  const { doc, path, op, value } = parseEdit(edit);
  const file = parseManifest('golden.yaml', text);
  const pd = file.documents.filter(d => d.doc.contents !== null)[doc];
  const b = new EditBuilder(pd, file.eol);
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  if (op === 'del') {
    const parent = nodeAt(pd, parentPath);
    if (typeof last === 'number') b.removeItem(parent as YAMLSeq, last);
    else b.removePair(parent as YAMLMap, last);
  } else if (op === '+=') {
    const items = Array.isArray(value) ? value : [value!];
    const existing = nodeAt(pd, path);
    if (isSeq(existing)) b.appendItems(existing, items);
    else mergeAt(pd, b, path, items);
  } else {
    const existing = nodeAt(pd, path);
    if (existing && !isMap(existing) && !isSeq(existing)) b.replace(existing, String(value));
    else mergeAt(pd, b, path, value!);
  }
  return applyEdits(text, b.edits.map(e => ({ ...e, start: e.start + pd.offset, end: e.end + pd.offset })));
}

/** Sets a value at a path, creating the missing maps under the deepest one that exists. */
function mergeAt(pd: ParsedDocument, b: EditBuilder, path: Segment[], value: YamlValue): void {
  let depth = path.length - 1;
  while (depth > 0 && !isMap(nodeAt(pd, path.slice(0, depth)))) depth--;
  const map = nodeAt(pd, path.slice(0, depth)) as YAMLMap;
  b.merge(map, nest(path.slice(depth), value) as { [key: string]: YamlValue }, { overwrite: true });
}

const comments = (text: string) => text.split(/\r?\n/).filter(l => l.trim().startsWith('#')).map(l => l.trim());

describe('edit layer against the kubescape fix-handler goldens', { skip: !existsSync(DIR) && 'shared corpus not present' }, () => {
  const cases: Array<{ input: string; expected: string; edits: string[] }> = existsSync(DIR) ? JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) : [];
  let exact = 0;
  for (const c of cases) {
    it(c.input, () => {
      const input = readFileSync(join(DIR, c.input), 'utf8');
      const expected = readFileSync(join(DIR, c.expected), 'utf8');
      let text = input;
      for (const edit of c.edits) text = applyOne(text, edit);
      const parsed = parseAllDocuments(text);
      assert.ok(Array.isArray(parsed), 'result parses');
      for (const d of parsed) assert.deepEqual(d.errors, [], `result parses:\n${text}`);
      const golden = parseAllDocuments(expected);
      assert.ok(Array.isArray(golden));
      assert.deepEqual(parsed.map(d => d.toJS()), golden.map(d => d.toJS()), `same structure as the golden:\n${text}`);
      // Comments survive unless they sat inside a deleted node.
      const deleting = c.edits.some(e => e.startsWith('del('));
      if (!deleting) for (const line of comments(input)) assert.ok(comments(text).includes(line), `comment lost: ${line}`);
      assert.equal(/\r\n/.test(text), /\r\n/.test(input), 'line endings kept');
      if (text === expected) exact++;
      else if (process.env.SHOW_GOLDEN_DIFFS) console.log(`--- ${c.input}\n${text}\n--- expected\n${expected}`);
    });
  }
  it('reports how many goldens match byte for byte', () => {
    console.log(`kubescape fix-handler goldens: ${exact} of ${cases.length} byte-identical, all structurally equal`);
  });
});
