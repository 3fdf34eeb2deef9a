// Incremental re-validation gives exactly what a fresh analysis gives. After each edit (a character in a
// name, a document added, removed, duplicated or moved, a label, namespace or selector changed, a whole file
// replaced or removed), every file of a small workspace is analysed twice: by the long-lived Project, which
// reuses parsed documents, per-document findings and cross-resource findings, and by a new Project that
// starts from the texts. Their findings, rendered with positions, must be identical.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateFile, generateTree, Random } from '../../bench/generate.mjs';
import { Project } from '../../server/src/analysis/project';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { LineIndex } from '../../server/src/model/lines';
import { documentStarts, parseManifest } from '../../server/src/model/manifest';
import { renderFindings as render } from '../helpers/renderFindings';

function fresh(texts: Map<string, string>): Project {
  const project = new Project();
  for (const [uri, text] of texts) project.update(uri, text);
  return project;
}

/** One deterministic edit of `text`: what editing a manifest by hand does to its documents. */
function edit(text: string, rnd: Random): string {
  const starts = documentStarts(text);
  const doc = rnd.int(0, starts.length - 1);
  const start = starts[doc];
  const end = doc + 1 < starts.length ? starts[doc + 1] : text.length;
  const slice = text.slice(start, end);
  const replaceIn = (pattern: RegExp, by: (m: string) => string) => {
    const m = pattern.exec(slice);
    if (!m) return text;
    return text.slice(0, start + m.index) + by(m[0]) + text.slice(start + m.index + m[0].length);
  };
  switch (rnd.int(0, 9)) {
    case 0: return replaceIn(/\n  name: \S+/, m => `${m}x`); // typing in a name
    case 1: return replaceIn(/\n  name: \S+/, m => m.slice(0, -1)); // deleting a character
    case 2: return text.slice(0, start) + text.slice(end); // removing a document
    case 3: return text.slice(0, end) + (slice.startsWith('---') ? slice : `---\n${slice}`) + text.slice(end); // duplicating one
    case 4: { // moving a document to the end
      const rest = text.slice(0, start) + text.slice(end);
      return `${rest}${rest.endsWith('\n') ? '' : '\n'}${slice.startsWith('---') ? slice : `---\n${slice}`}`;
    }
    case 5: return replaceIn(/\n  namespace: \S+/, () => `\n  namespace: ${rnd.pick(['checkout-prod', 'search-dev', 'other'])}`);
    case 6: return replaceIn(/app(\.kubernetes\.io\/name)?: \S+/, m => `${m}-renamed`); // a label or a selector
    case 7: { // a PodDisruptionBudget for some workload's labels, in its namespace
      const ns = /\n  namespace: (\S+)/.exec(slice)?.[1];
      const app = /\n {4}app: (\S+)/.exec(slice)?.[1] ?? 'checkout-api';
      const pdb = `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: added-${rnd.int(0, 999)}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: ${app}\n`;
      return text.slice(0, end) + pdb + text.slice(end);
    }
    case 8: return replaceIn(/\n {8}- name: \S+/, m => `${m}\n          resources: {limits: {memory: 1Gi}}`); // may break the YAML, on purpose
    default: return text.slice(0, start) + slice.replace(/\n\n?$/, '\n# edited\n') + text.slice(end); // a comment
  }
}

/**
 * How the long-lived project learns of a file: `update` as the editor opens and edits it, or `index` as the server
 * indexes a file no editor shows (summarized, parsed on demand) and re-reads it when it changes on disk.
 */
const WAYS = {
  opened: (project: Project, uri: string, text: string) => project.update(uri, text),
  indexed: (project: Project, uri: string, text: string) => (uri === '/ws/big.yaml' ? project.update(uri, text) : project.index(uri, text)),
};

describe('incremental re-validation', () => {
  for (const [way, learn] of Object.entries(WAYS)) it(`matches a fresh analysis after every edit, in every file of the workspace (files ${way})`, () => {
    const rnd = new Random(way === 'opened' ? 'incremental-test' : 'incremental-test-indexed');
    const texts = new Map<string, string>();
    texts.set('/ws/big.yaml', generateFile(40, 7));
    for (const f of generateTree(16, 3, 7)) texts.set(`/ws/${f.path}`, f.text);
    const uris = [...texts.keys()];
    const project = new Project();
    for (const [uri, text] of texts) learn(project, uri, text);
    // Opened files fill every cache first; indexed ones are left for the cross-resource rules to parse.
    if (way === 'opened') for (const uri of uris) render(project, uri);
    else render(project, '/ws/big.yaml');
    for (let step = 0; step < 25; step++) {
      const r = rnd.next();
      const uri = r < 0.5 ? '/ws/big.yaml' : rnd.pick(uris);
      if (r > 0.97 && uri !== '/ws/big.yaml') {
        texts.delete(uri);
        project.remove(uri);
        uris.splice(uris.indexOf(uri), 1);
      } else if (r > 0.94) {
        const replacement = generateTree(1, 3, step)[0].text;
        texts.set(uri, replacement);
        learn(project, uri, replacement);
      } else {
        const next = edit(texts.get(uri)!, rnd);
        texts.set(uri, next);
        learn(project, uri, next);
      }
      const reference = fresh(texts);
      for (const u of uris) assert.deepEqual(render(project, u), render(reference, u), `step ${step}: ${u} after editing ${uri}`);
      const edited = project.get(uri);
      if (edited) assert.deepEqual(edited.lines.starts, new LineIndex(edited.text).starts, `step ${step}: line index of ${uri}`);
    }
  });

  it('reuses the documents an edit did not touch and shifts their offsets', () => {
    const text = generateFile(40, 3);
    const before = parseManifest('f', text);
    const starts = documentStarts(text);
    const after = parseManifest('f', text, before);
    assert.equal(after.documents.length, before.documents.length);
    for (let i = 0; i < 40; i++) assert.equal(after.documents[i], before.documents[i], `document ${i} is reused`);
    const inserted = `${text.slice(0, starts[10])}---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: new}\n${text.slice(starts[10])}`;
    const shifted = parseManifest('f', inserted, after);
    assert.equal(shifted.documents.length, 41);
    assert.equal(shifted.documents[9], before.documents[9]);
    assert.notEqual(shifted.documents[10], before.documents[10]);
    for (let i = 10; i < 40; i++) {
      assert.equal(shifted.documents[i + 1], before.documents[i], `document ${i} moves to ${i + 1}`);
      assert.equal(shifted.documents[i + 1].index, i + 1);
      assert.equal(shifted.documents[i + 1].offset, starts[i] + inserted.length - text.length);
    }
  });

  it('tells which reads an index change invalidates', () => {
    const index = new WorkspaceIndex();
    const a = parseManifest('a', 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: one}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    index.setFile('a', a.documents.flatMap(d => d.objects));
    let generation = index.generation;
    const services = index.recordReads(() => index.inNamespaceOf({ namespace: 'one' }, 'Service'));
    const maps = index.recordReads(() => index.ofKind('ConfigMap'));
    const everything = index.recordReads(() => [...index.objects()]);
    assert.equal(index.recordReads(() => undefined).length, 0);
    // A Service in another namespace: only reads of everything are stale.
    const b = parseManifest('b', 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: two}\n');
    index.setFile('b', b.documents.flatMap(d => d.objects));
    assert.equal(index.unchangedSince(generation, services), true);
    assert.equal(index.unchangedSince(generation, maps), true);
    assert.equal(index.unchangedSince(generation, everything), false);
    generation = index.generation;
    // Re-setting the same objects changes nothing; a new Service in `one` does.
    index.setFile('a', a.documents.flatMap(d => d.objects));
    assert.equal(index.unchangedSince(generation, services), true);
    const a2 = parseManifest('a', 'apiVersion: v1\nkind: Service\nmetadata: {name: s2, namespace: one}\n', a);
    index.setFile('a', a2.documents.flatMap(d => d.objects));
    assert.equal(index.unchangedSince(generation, services), false);
    assert.equal(index.unchangedSince(generation, maps), false, 'the ConfigMap was removed');
    assert.deepEqual(index.inNamespaceOf({ namespace: 'one' }, 'Service').map(o => o.name), ['s2']);
    assert.deepEqual(index.ofKind('Service', 'ConfigMap').map(o => o.name), ['s2', 's']);
    index.removeFile('b');
    assert.deepEqual(index.ofKind('Service').map(o => o.name), ['s2']);
  });

  it('keeps a table derived from a namespace group until that group changes', () => {
    const index = new WorkspaceIndex();
    const service = (name: string, namespace: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
    const objects = (uri: string, text: string) => parseManifest(uri, text).documents.flatMap(d => d.objects);
    index.setFile('a', objects('a', service('a', 'one')));
    index.setFile('b', objects('b', service('b', 'two')));
    let builds = 0;
    const names = () => index.derivedInNamespace('names', { namespace: 'one' }, ['Service'], list => (builds++, list.map(o => o.name)));
    const reads = index.recordReads(() => assert.deepEqual(names(), ['a']));
    const generation = index.generation;
    assert.deepEqual(reads, ['Service\u0000=one']);
    index.setFile('b', objects('b', service('b2', 'two')));
    assert.deepEqual(names(), ['a']);
    assert.equal(builds, 1, 'a change in another namespace keeps the table');
    assert.equal(index.unchangedSince(generation, reads), true);
    index.setFile('b', objects('b', service('b3', 'one')));
    assert.deepEqual(names(), ['a', 'b3']);
    assert.equal(builds, 2);
    assert.equal(index.unchangedSince(generation, reads), false);
  });
});
