// Scenario 2: the quick fixes of the container's findings edit the file as expected and the finding goes away.
// (The code-server run also opens them from the light bulb with Ctrl+. in the real UI: test/e2e/ui.)
import * as assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyAction, fileUri, fixesOf, fixtureText, openFile, resetWorkspace, ruleIds, waitForFindings } from './helpers';

const ORIGINAL = () => fixtureText('web.yaml');

const CASES: Array<{ rule: string; title: string; appended: string; alsoFixed: string[]; untouched: string[] }> = [
  {
    rule: 'memory-limit',
    title: 'Add resources block (requests and limits)',
    appended: [
      '          resources:',
      '            requests:',
      '              cpu: 100m',
      '              memory: 128Mi',
      '            limits:',
      '              cpu: 500m',
      '              memory: 256Mi',
    ].join('\n'),
    alsoFixed: ['memory-request', 'cpu-request', 'cpu-limit'],
    untouched: ['readiness-probe', 'run-as-non-root'],
  },
  {
    rule: 'readiness-probe',
    title: 'Add readiness probe',
    appended: [
      '          readinessProbe:',
      '            httpGet:',
      '              path: /ready',
      '              port: http',
      '            initialDelaySeconds: 5',
      '            periodSeconds: 10',
      '            failureThreshold: 3',
    ].join('\n'),
    alsoFixed: [],
    untouched: ['liveness-probe', 'memory-limit', 'run-as-non-root'],
  },
  {
    rule: 'run-as-non-root',
    title: 'Set runAsNonRoot: true',
    appended: [
      '      securityContext:',
      '        runAsNonRoot: true',
    ].join('\n'),
    alsoFixed: [],
    untouched: ['seccomp', 'read-only-root-fs', 'memory-limit'],
  },
];

describe('2. Quick fixes on the container', () => {
  beforeEach(resetWorkspace);

  for (const c of CASES) {
    it(`"${c.title}" fixes ${c.rule}`, async () => {
      const uri = fileUri('web.yaml');
      const editor = await openFile('web.yaml');
      await waitForFindings(uri, { present: [c.rule, ...c.alsoFixed, ...c.untouched] });
      const fixes = await fixesOf(uri, c.rule);
      const action = fixes.find(a => a.title === c.title);
      assert.ok(action, `no "${c.title}" among the quick fixes of ${c.rule}: ${fixes.map(a => `"${a.title}"`).join(', ') || 'none'}`);
      assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.equal(fixes.filter(a => a.title === c.title).length, 1, `"${c.title}" is offered once, not once per finding it fixes`);
      assert.equal(action.isPreferred, true, `"${c.title}" is the preferred fix (Shift+Alt+. applies it)`);

      await applyAction(action);
      assert.equal(editor.document.getText(), `${ORIGINAL()}${c.appended}\n`, 'the fix appends exactly the expected block');
      await waitForFindings(uri, { absent: [c.rule, ...c.alsoFixed], present: c.untouched });
      assert.ok(!ruleIds(uri).has(c.rule));
    });
  }
});
