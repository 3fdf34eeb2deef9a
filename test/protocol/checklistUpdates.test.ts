// The checklist travels as per-file updates (server/src/lsp/checklistPublisher.ts → ChecklistAssembler in the
// extension): after every update, what the client assembled must equal the checklist of the whole workspace
// computed at once, and an update carries only the files whose part changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChecklist } from '../../server/src/analysis/checklist';
import { ChecklistAssembler, ChecklistSnapshot } from '../../server/src/analysis/checklistSnapshot';
import { Project } from '../../server/src/analysis/project';
import { defaultSettings } from '../../server/src/analysis/settings';
import { activeFindings, ChecklistPublisher, ChecklistSource } from '../../server/src/lsp/checklistPublisher';
import type { ChecklistUpdate } from '../../server/src/protocol';

const deployment = (name: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.2.3
`;
const pdb = (name: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: ${name}}
`;

const service = (app: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector: {app: ${app}}
  ports:
    - port: 80
`;

type Step = { name: string; files?: Record<string, string>; remove?: string[]; settingsChanged?: boolean; sent: string[]; removed?: string[] };

/** Each step changes the workspace, then publishes once: `sent` lists the files the update must carry. */
const STEPS: Step[] = [
  { name: 'the first update carries every file', files: { 'a.yaml': deployment('a', 1), 'b.yaml': deployment('b', 3), 'c.yaml': 'key: [unclosed' }, sent: ['a.yaml', 'b.yaml', 'c.yaml'] },
  { name: 'nothing changed: nothing is sent', sent: [] },
  { name: 'an edit that changes only its own file', files: { 'a.yaml': deployment('a', 2) }, sent: ['a.yaml'] },
  { name: 'an edit that changes nothing visible (a comment at the end)', files: { 'b.yaml': `${deployment('b', 3)}# owned by team b\n` }, sent: [] },
  { name: 'a Service in front of b (its rules read b\'s Deployment, which the index then keeps parsed)', files: { 'svc.yaml': service('b') }, sent: ['b.yaml', 'svc.yaml'] },
  { name: 'settings changed: every file is analysed again, no verdict differs', settingsChanged: true, sent: [] },
  { name: 'settings changed again: results kept for b\'s parsed Deployment are reused, with what they read', settingsChanged: true, sent: [] },
  { name: 'a new file that changes another file\'s verdict (a PDB for b)', files: { 'pdb.yaml': pdb('b') }, sent: ['b.yaml', 'pdb.yaml'] },
  { name: 'a deleted file, and the verdict it gave back', remove: ['pdb.yaml'], sent: ['b.yaml'], removed: ['pdb.yaml'] },
  { name: 'a broken file repaired', files: { 'c.yaml': deployment('c', 2) }, sent: ['c.yaml'] },
];

const uriOf = (name: string) => `file:///ws/${name}`;

/** A server's workspace of closed files (indexed as summaries), and the checklist computed from scratch as the oracle. */
function workspace() {
  const project = new Project();
  const texts = new Map<string, string>();
  let analysed: string[] = [];
  let settingsVersion = 0;
  const source: ChecklistSource = {
    async *files() {
      for (const uri of project.uris()) {
        yield { uri, key: [project.source(uri), settingsVersion], analyse: async () => {
          analysed.push(uri.replace('file:///ws/', ''));
          return project.analyzeApart(uri, defaultSettings());
        } };
      }
    },
    indexing: () => false,
    unchangedSince: (generation, reads) => project.workspace.unchangedSince(generation, reads),
  };
  const whole = (): ChecklistSnapshot => {
    const fresh = new Project();
    for (const [uri, text] of texts) fresh.update(uri, text);
    return buildChecklist([...texts.keys()].map(uri => ({ uri, file: fresh.get(uri)!, findings: fresh.analyze(uri, defaultSettings()) })));
  };
  const apply = (step: Step): void => {
    for (const [name, text] of Object.entries(step.files ?? {})) {
      texts.set(uriOf(name), text);
      project.index(uriOf(name), text);
    }
    if (step.settingsChanged) settingsVersion++;
    for (const name of step.remove ?? []) {
      texts.delete(uriOf(name));
      project.remove(uriOf(name));
    }
  };
  const takeAnalysed = () => {
    const out = analysed.sort();
    analysed = [];
    return out;
  };
  return { project, source, whole, apply, takeAnalysed };
}

describe('checklist updates', () => {
  for (const batchBytes of [512 * 1024, 1]) {
    it(batchBytes === 1 ? 'a file per message: the client assembles the same checklist' : 'one message per update', async () => {
      const { source, whole, apply, takeAnalysed } = workspace();
      const messages: ChecklistUpdate[] = [];
      const publisher = new ChecklistPublisher(source, async update => { messages.push(structuredClone(update)); }, batchBytes);
      const client = new ChecklistAssembler();
      for (const [i, step] of STEPS.entries()) {
        apply(step);
        messages.length = 0;
        await publisher.publish();
        const sent = messages.flatMap(m => m.files.map(f => f.uri.replace('file:///ws/', ''))).sort();
        assert.deepEqual(sent, step.sent, step.name);
        assert.deepEqual(messages.flatMap(m => m.removed).map(u => u.replace('file:///ws/', '')), step.removed ?? [], step.name);
        assert.deepEqual(messages.map(m => m.done), [...messages.slice(1).map(() => false), true], `${step.name}: only the last message is done`);
        assert.deepEqual(messages.map(m => m.reset), messages.map((_, j) => i === 0 && j === 0), `${step.name}: only the server's first message resets`);
        assert.equal(messages.length, batchBytes === 1 ? sent.length + 1 : 1, `${step.name}: messages`);
        const snapshots = messages.map(m => client.apply(m));
        assert.deepEqual(snapshots.at(-1), whole(), step.name);
        assert.equal(publisher.findingCount(), activeFindings(whole()), `${step.name}: findings counted for Check Workspace`);
        const analysed = takeAnalysed();
        for (const name of step.sent) assert.ok(analysed.includes(name), `${step.name}: ${name} was sent without being analysed`);
        if (!step.sent.length && !step.files && !step.settingsChanged) assert.deepEqual(analysed, [], `${step.name}: nothing changed, nothing is analysed again`);
      }
    });
  }

  it('a client that restarts with the server starts from the reset', async () => {
    const { source, whole, apply } = workspace();
    apply(STEPS[0]);
    const client = new ChecklistAssembler();
    client.apply({ reset: true, files: [{ uri: uriOf('gone.yaml'), workloads: [], others: [], findings: [], objects: 3 }], removed: [], done: true, indexing: false });
    let last: ChecklistSnapshot | undefined;
    await new ChecklistPublisher(source, async update => { last = client.apply(update) ?? last; }).publish();
    assert.deepEqual(last, whole());
  });

  it('an update that fails half-way: the next one sends what did not arrive', async () => {
    const { source, whole, apply } = workspace();
    apply(STEPS[0]);
    const client = new ChecklistAssembler();
    let messages = 0;
    let last: ChecklistSnapshot | undefined;
    const publisher = new ChecklistPublisher(source, async update => {
      if (++messages === 2) throw new Error('the connection dropped the message');
      last = client.apply(update) ?? last;
    }, 1);
    await assert.rejects(publisher.publish(), /dropped/);
    assert.equal(last, undefined);
    await publisher.publish();
    assert.deepEqual(last, whole());
  });

  it('updates asked for while one runs: one more runs after it, and sees the latest change', async () => {
    const { source, whole, apply } = workspace();
    apply(STEPS[0]);
    const client = new ChecklistAssembler();
    const done: ChecklistSnapshot[] = [];
    let release!: () => void;
    const gate = new Promise<void>(r => { release = r; });
    let first = true;
    const publisher = new ChecklistPublisher(source, async update => {
      if (first) {
        first = false;
        await gate;
      }
      const snapshot = client.apply(update);
      if (snapshot) done.push(snapshot);
    });
    const running = publisher.publish();
    await new Promise(r => setImmediate(r));
    apply({ name: 'edit a', files: { 'a.yaml': deployment('a', 2) }, sent: [] });
    const queued = [publisher.publish(), publisher.publish(), publisher.publish()];
    assert.equal(queued[0], queued[2], 'asked three times: one queued update');
    release();
    await Promise.all([running, ...queued]);
    assert.equal(done.length, 2);
    assert.deepEqual(done[1], whole());
  });
});
