// Files indexed as summaries (model/summary.ts) are parsed only where a read needs them, and give exactly the
// findings of files parsed up front: in every file, whatever is read first, for hostile text too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateTree } from '../../bench/generate.mjs';
import { Project } from '../../server/src/analysis/project';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { SummarizedFile } from '../../server/src/model/summary';
import { renderFindings as render } from '../helpers/renderFindings';

/** Files a workspace really holds next to generated bundles: broken, whole-parsed, List, CRLF, CR-only, BOM, multibyte. */
const ODD_FILES: Record<string, string> = {
  // A NetworkPolicy that would cover every pod of its namespace, were its document not broken.
  '/ws/odd/broken.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: broken, namespace: growth-prod}\nspec:\n  podSelector: {}\n  extra: [unclosed\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: fine\n  namespace: checkout-prod\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80}]\n',
  '/ws/odd/directives.yaml': '%YAML 1.2\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: directive-pdb, namespace: checkout-prod}\nspec: {minAvailable: 1, selector: {matchLabels: {app: checkout-api}}}\n...\n',
  '/ws/odd/list.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: listed, namespace: search-dev}\n  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata: {name: listed, namespace: search-dev}\n    spec: {podSelector: {}}\n',
  '/ws/odd/crlf.yaml': '\ufeffapiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: crlf-é\r\n  namespace: checkout-prod\r\nspec:\r\n  selector: {app: checkout-api}\r\n  ports: [{port: 80, targetPort: http}]\r\n',
  '/ws/odd/cr.yaml': 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: cr-only\r---\rapiVersion: v1\rkind: Service\rmetadata: {name: cr-svc}\rspec: {selector: {app: x}}\r',
};

function workspaceTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of generateTree(24, 3, 11)) texts.set(`/ws/${f.path}`, f.text);
  for (const [uri, text] of Object.entries(ODD_FILES)) texts.set(uri, text);
  return texts;
}

describe('summarized files', () => {
  it('give the findings of files parsed up front, in every file, whichever is analysed first', () => {
    const texts = workspaceTexts();
    const eager = new Project();
    for (const [uri, text] of texts) eager.update(uri, text);
    const uris = [...texts.keys()];
    // Analysed in two orders: the odd files first (little parsed yet), and the generated bundles first.
    for (const order of [[...uris].reverse(), uris]) {
      const summarized = new Project();
      for (const [uri, text] of texts) summarized.index(uri, text);
      for (const uri of order) assert.deepEqual(render(summarized, uri), render(eager, uri), uri);
    }
  });

  it('parse only the documents a read needs', () => {
    const index = new WorkspaceIndex();
    const files = generateTree(24, 3, 11).map(f => SummarizedFile.of(`/ws/${f.path}`, f.text)!);
    for (const f of files) index.setSummarizedFile(f.uri, f);
    const documents = files.flatMap(f => f.documents);
    assert.equal(documents.filter(d => d.parsedIfDone()).length, 0, 'nothing is parsed by indexing');
    const namespace = files.flatMap(f => f.documents.flatMap(d => d.objects)).find(o => o.kind === 'Service')!.namespace;
    const services = index.inNamespaceOf({ namespace }, 'Service');
    assert.ok(services.length > 0);
    const parsed = documents.filter(d => d.parsedIfDone());
    assert.deepEqual(parsed.flatMap(d => d.objects.map(o => `${o.kind}/${o.namespace}`)), services.map(() => `Service/${namespace}`));
    assert.deepEqual(services, parsed.map(d => d.parsedIfDone()!.objects[0]), 'the objects are the parsed documents\' objects');
    assert.equal(index.inNamespaceOf({ namespace }, 'Service')[0], services[0], 'and stay the same objects');
  });

  it('keep their objects and change nothing when the file is opened as it is on disk', () => {
    const texts = workspaceTexts();
    const project = new Project();
    for (const [uri, text] of texts) project.index(uri, text);
    const [uri, text] = [...texts].find(([u]) => u.endsWith('.yaml') && !u.includes('/odd/'))!;
    const kinds = ['Deployment', 'StatefulSet', 'CronJob', 'DaemonSet', 'ConfigMap', 'Service', 'ServiceAccount'];
    const before = project.workspace.ofKind(...kinds);
    const generation = project.workspace.generation;
    const opened = project.update(uri, text);
    assert.equal(project.workspace.generation, generation);
    const objects = opened.documents.flatMap(d => d.objects);
    for (const object of objects) {
      if (kinds.includes(object.kind)) assert.ok(before.includes(object), `${object.kind} ${object.name} is the indexed object`);
    }
    // Typing in it is a change like any other, seen by the kinds it touches.
    const first = objects[0];
    const reads = project.workspace.recordReads(() => project.workspace.ofKind(first.kind));
    const edited = text.replace(/(\n {2}name: "?)([^"\n]+)/, '$1$2-edited');
    assert.notEqual(edited, text);
    project.update(uri, edited);
    assert.equal(project.workspace.unchangedSince(generation, reads), false);
    assert.ok(project.workspace.ofKind(first.kind).some(o => o.name === `${first.name}-edited`));
  });

  it('leave out an object that the parse on demand no longer yields', () => {
    // Two parses of pathological text can differ where `yaml` hits its stack limit; a summary that the later
    // parse contradicts must not put a wrong or missing object in the index.
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: one}\n';
    const stale = new SummarizedFile('/s.yaml', text, { documents: [{ offset: 0, length: text.length, objects: [{ kind: 'Service', namespace: 'one' }, { kind: 'ConfigMap', namespace: 'one' }] }] });
    const index = new WorkspaceIndex();
    index.setSummarizedFile('/s.yaml', stale);
    assert.deepEqual(index.inNamespaceOf({ namespace: 'one' }, 'Service'), []);
    assert.deepEqual(index.ofKind('ConfigMap'), [], 'position 1 holds nothing');
    assert.deepEqual([...index.objects()], []);
    const right = new SummarizedFile('/s.yaml', text, { documents: [{ offset: 0, length: text.length, objects: [{ kind: 'ConfigMap', namespace: 'one' }] }] });
    index.setSummarizedFile('/s.yaml', right);
    assert.deepEqual(index.ofKind('ConfigMap').map(o => o.name), ['c']);
  });

  it('are not made for text parsed as a whole', () => {
    assert.equal(SummarizedFile.of('/d.yaml', ODD_FILES['/ws/odd/directives.yaml']), undefined);
    const project = new Project();
    project.index('/d.yaml', ODD_FILES['/ws/odd/directives.yaml']);
    assert.deepEqual(project.workspace.ofKind('PodDisruptionBudget').map(p => p.name), ['directive-pdb']);
  });
});
