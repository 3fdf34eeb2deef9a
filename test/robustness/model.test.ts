// The model-level fixes that hostile input and the fuzzer called for, each pinned down on its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap } from 'yaml';
import { applyEdits, EditBuilder } from '../../server/src/model/edits';
import { LineIndex } from '../../server/src/model/lines';
import { inspectDocument, MAX_NESTING, nestingOverflow, scanNesting } from '../../server/src/model/limits';
import { documentStarts, parseManifest } from '../../server/src/model/manifest';
import { getMap, getNode, resolve } from '../../server/src/model/nodes';
import { yamlFiles } from '../helpers/yamlFiles';
import { HOSTILE_INPUTS } from './inputs';

/**
 * How much longer `run(4n)` takes than `run(n)` (best of 3 each): 4 to 8 for linear work here (GC included),
 * above 20 for the quadratic versions this guards against.
 * A ratio, not a time, so a loaded machine does not make the test fail.
 */
function growth(run: (n: number) => void, n: number): number {
  const best = (size: number) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      run(size);
      min = Math.min(min, performance.now() - started);
    }
    return min;
  };
  best(n); // warm up
  return best(4 * n) / best(n);
}

const problems = (text: string) => parseManifest('m.yaml', text).documents.flatMap(d => d.problems.map(p => `${p.code}@${p.start}`));

function edit(text: string, f: (b: EditBuilder, root: YAMLMap) => void): string {
  const file = parseManifest('m.yaml', text);
  const pd = file.documents[0];
  const b = new EditBuilder(pd, file.eol);
  f(b, pd.doc.contents as YAMLMap);
  return applyEdits(text, b.edits);
}

describe('model: documents', () => {
  it('a second --- after only comments ends an empty document (as YAML and kubectl count them)', () => {
    assert.deepEqual(documentStarts('---\n# note\n---\na: 1\n'), [0, 11]);
    assert.deepEqual(documentStarts('# header\n---\na: 1\n---\nb: 2\n'), [0, 18]);
    assert.deepEqual(problems('---\n# note\n---\na: 1\n'), []);
    const file = parseManifest('m.yaml', '---\n# note\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    assert.equal(file.documents[1].objects[0].name, 'x');
    assert.equal(file.documents[1].index, 1);
  });

  it('a lone CR is a line break wherever it appears', () => {
    const file = parseManifest('m.yaml', 'apiVersion: v1\r\nkind: ConfigMap\rmetadata:\r\n  name: x\r\n');
    assert.deepEqual(file.documents[0].problems, []);
    assert.equal(file.documents[0].objects[0].name, 'x');
    assert.equal(file.eol, '\r\n');
  });

  it('syntax problems are capped at 100 per document, with a count of the rest', () => {
    const file = parseManifest('m.yaml', `a: [${Array(500).fill('*gone').join(', ')}]\n`);
    const list = file.documents[0].problems;
    assert.equal(list.length, 101);
    assert.match(list[100].message, /^400 more YAML problems/);
  });
});

describe('model: limits', () => {
  it('estimates nesting without parsing: flow, block, compact sequences; block scalars and quotes are text', () => {
    assert.equal(nestingOverflow(`a: ${'['.repeat(50)}${']'.repeat(50)}`), -1);
    assert.equal(nestingOverflow(`a: ${'['.repeat(300)}${']'.repeat(300)}`), 3 + MAX_NESTING - 1);
    assert.ok(nestingOverflow(`${'- '.repeat(300)}a`) > 0);
    assert.ok(nestingOverflow(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')) > 0);
    assert.equal(nestingOverflow(`a: |\n${Array.from({ length: 300 }, (_, i) => `  ${' '.repeat(i)}[`).join('\n')}\nb: 1`), -1);
    assert.equal(nestingOverflow(`a: "${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\nc: x # ${'['.repeat(300)}`), -1);
  });

  it('the bound that spares most texts the nesting scan never changes its answer', () => {
    // Small limits make the bound bite on ordinary text: each case is checked at every limit from 1 to 40.
    const texts = [
      'a:\n  b:\n    c:\n      - d\n      - - e\n        - [f, {g: [h]}]\n',
      `${'- '.repeat(30)}a`,
      Array.from({ length: 30 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      `a: ${'['.repeat(20)}${']'.repeat(20)}\nb: {c: {d: [1, 2]}}`,
      'a: |\n    [[[[\n  b\nc: "[[[[" # {{{{\n? - x\n: - y\n',
      'a:\r\n  - b: [1,\r\n    [2, [3]]]\r\n',
      readFileSync(join('examples', 'storefront.yaml'), 'utf8'),
    ];
    for (const text of texts) {
      for (let limit = 1; limit <= 40; limit++) assert.equal(nestingOverflow(text, limit), scanNesting(text, limit), `limit ${limit}: ${text.slice(0, 40)}`);
    }
  });

  it('duplicate keys in one linear pass, merge keys excepted', () => {
    const doc = parseManifest('m.yaml', 'a: 1\nb: 2\na: 3\n<<: {x: 1}\n<<: {y: 1}\n').documents[0].doc;
    assert.deepEqual(inspectDocument(doc).problems.map(p => p.code), ['DUPLICATE_KEY']);
    const keys = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\nk0: again\n`;
    assert.deepEqual(problems(keys(1000)).map(p => p.split('@')[0]), ['DUPLICATE_KEY']);
    const ratio = growth(n => parseManifest('m.yaml', keys(n)), 5_000);
    assert.ok(ratio < 12, `4 times the keys took ${ratio.toFixed(1)} times as long`);
  });

  it('aliases: resolved from one table, missing anchors and cycles reported, bombs stopped', () => {
    const file = parseManifest('m.yaml', 'base: &b {x: 1}\nuse: *b\nlater: *l\nl: &l 1\n');
    const root = file.documents[0].doc.contents as YAMLMap;
    assert.ok(isMap(getNode(root, 'use', file.documents[0].doc)));
    assert.deepEqual(file.documents[0].problems.map(p => p.code), ['BAD_ALIAS']);
    assert.deepEqual(problems('a: &a\n  b: *a\n').map(p => p.split('@')[0]), ['ALIAS_CYCLE']);
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    assert.deepEqual(problems(lines.join('\n')).map(p => p.split('@')[0]), ['ALIAS_EXPANSION']);
    assert.deepEqual(problems(lines.slice(0, 4).join('\n')), []);
  });

  it('a document without aliases is checked by its maps alone, with the answers of the general walk', () => {
    // Without a `*` in its text a document takes the walk over maps and lists only; without the text, the
    // general walk. Both must report the same problems, wherever the duplicates are.
    const texts = [
      'a: 1\nb: 2\na: 3\n',
      'x:\n  - k: 1\n    k: 2\n  - [ {y: 1, y: 2} ]\n? {c: 1, c: 2}\n: v\n? [a, b]\n: w\n',
      'flow: {a: 1, b: {c: 2, c: 3}, a: 4}\nlist: [[1, {d: 1, d: 2}]]\n',
      'm:\n  <<: {x: 1}\n  <<: {y: 1}\n  z: 1\n  z: 2\n',
      `big:\n${Array.from({ length: 40 }, (_, i) => `  k${i % 30}: v`).join('\n')}\n`,
      '1: a\n"1": b\ntrue: c\nTrue: d\nnull: e\n~: f\n',
      ...HOSTILE_INPUTS.map(i => i.text),
      ...[...yamlFiles('examples'), ...yamlFiles(join('..', 'shared', 'corpus'))].map(p => readFileSync(p, 'utf8')),
    ];
    let fast = 0;
    for (const text of texts) {
      for (const pd of parseManifest('m.yaml', text).documents) {
        if (!pd.text.includes('*')) fast++;
        assert.deepEqual(inspectDocument(pd.doc, true, pd.text).problems, inspectDocument(pd.doc, true).problems, pd.text.slice(0, 60));
      }
    }
    assert.ok(fast > 20, `only ${fast} documents without aliases`);
    // Past MAX_NESTING * 2 levels the general walk takes over and reports the nesting.
    const deepText = `${'['.repeat(MAX_NESTING * 2 + 5)}{a: 1, a: 2}${']'.repeat(MAX_NESTING * 2 + 5)}`;
    const deep = parseDocument(deepText, { uniqueKeys: false });
    const codes = inspectDocument(deep, true, deepText).problems.map(p => p.code);
    assert.deepEqual(codes, inspectDocument(deep, true).problems.map(p => p.code));
    assert.ok(codes.includes('NESTING_TOO_DEEP'), codes.join());
  });

  it('aliases are found and resolved in linear time', () => {
    const resolveAll = (n: number) => {
      const file = parseManifest('m.yaml', `n: &n x\nlist: [${Array(n).fill('*n').join(', ')}]\n`);
      const doc = file.documents[0].doc;
      const list = getNode(doc.contents, 'list', doc);
      assert.ok(isSeq(list) && list.items.length === n);
      for (const item of list.items) assert.ok(isScalar(resolve(item, doc)));
    };
    const ratio = growth(resolveAll, 5_000);
    assert.ok(ratio < 12, `4 times the aliases took ${ratio.toFixed(1)} times as long`);
  });
});

describe('model: positions', () => {
  it('CLI columns count code points, skip the BOM, and stay cheap for many findings on one long line', () => {
    const lines = new LineIndex('\ufeffa: 🚀🚀 b\nc: 🚀x\n');
    assert.deepEqual(lines.humanPosition(1), { line: 1, column: 1 });
    assert.deepEqual(lines.humanPosition(9), { line: 1, column: 7 });
    assert.deepEqual(lines.humanPosition(16), { line: 2, column: 5 });
    const long = new LineIndex(`x: [${'🚀, '.repeat(50_000)}]`);
    const started = Date.now();
    for (let i = 0; i < 50_000; i++) long.humanPosition(4 + i * 4);
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    assert.equal(long.humanPosition(4 + 4 * 49_999).column, 5 + 3 * 49_999);
  });

  it('CLI columns are code points at every offset, with and without astral characters in the text', () => {
    const texts = ['\ufeffa: é b\r\nc: 日本\n  d: x', 'a: 🚀 b\nc: é🚀x\n', 'plain: ascii\nonly: here\n', 'lone: \ud800 x\nnext: \udc00y\n'];
    for (const text of texts) {
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const lineStart = lines.starts[lines.lineOf(offset)];
        const prefix = text.slice(lineStart === 0 && text.startsWith('\ufeff') && offset > 0 ? 1 : lineStart, offset);
        // A surrogate pair counts once; a lone surrogate, like any other code unit, once.
        const expected = 1 + [...prefix].length;
        assert.equal(lines.humanPosition(offset).column, expected, `${JSON.stringify(text)} @${offset}`);
      }
    }
  });
});

describe('model: edits', () => {
  it('replacing an empty block scalar keeps its line break', () => {
    assert.equal(edit('a: >-\nb: 1\n', (b, root) => b.replace(root.get('a', true) as never, '{x: 1}')), 'a: {x: 1}\nb: 1\n');
  });

  it('replacing a tagged scalar drops the tag and keeps the anchor', () => {
    assert.equal(edit('a: !flag value\nb: &x !flag value\nc: !flag &y value\n', (b, root) => {
      for (const k of ['a', 'b', 'c']) b.replace(root.get(k, true) as never, 'false');
    }), 'a: false\nb: &x false\nc: &y false\n');
  });

  it('replacing a block list that sits at its key\'s column indents the new value', () => {
    const out = edit('m:\n  key:\n  - a\n  other: 1\n', (b, root) => b.replace(getMap(root, 'm', undefined)!.get('key', true) as never, '{x: 1}'));
    assert.equal(out, 'm:\n  key:\n    {x: 1}\n  other: 1\n');
    assert.deepEqual(problems(out), []);
  });

  it('keys go after the last pair even when it is empty and followed by a comment', () => {
    const text = 'template:\n  spec:\n    containers:\n#   - name: web\n  metadata: {}\n';
    const out = edit(text, (b, root) => b.insertKeys(getMap(getMap(root, 'template', undefined), 'spec', undefined)!, { hostNetwork: false }));
    assert.equal(out, 'template:\n  spec:\n    containers:\n#   - name: web\n    hostNetwork: false\n  metadata: {}\n');
  });

  it('keys are inserted at the column of a map whose first key has a tag or an anchor', () => {
    const out = edit('spec:\n ! containers: []\n', (b, root) => b.insertKeys(getMap(root, 'spec', undefined)!, { hostNetwork: false }));
    assert.equal(out, 'spec:\n ! containers: []\n hostNetwork: false\n');
    assert.deepEqual(problems(out), []);
  });
});
