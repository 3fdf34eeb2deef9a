// Data-driven rule tests: YAML with caret lines under the findings, and the expected text after fixing.
//
//   containers:
//     - name: web
//   #         ^^^ memory-limit: Container "web" ...
//
// A caret line starts with `#` (or with the carets, for column 0) and sits right below the line the
// finding starts on. The tester strips caret lines, runs the rule, renders its findings back as carets and
// compares whole strings. It then applies every fix of every finding on its own (the text must re-parse and
// that finding must be gone) and fix-all (which must equal `output`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, absoluteRange, fixEdits } from '../../server/src/analysis/analyze';
import { fixAllText } from '../../server/src/analysis/fixAll';
import { indexedObjects } from '../../server/src/analysis/lint';
import { defaultSettings, mergeSettings, PartialSettings, Settings } from '../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { applyEdits } from '../../server/src/model/edits';
import { ManifestFile, parseManifest } from '../../server/src/model/manifest';
import { Finding, Rule } from '../../server/src/rules/types';

export interface InvalidCase {
  name?: string;
  code: string;
  /** Text after fix-all with the preferred fixes; required when any finding has a fix. */
  output?: string;
  /** Other files of the workspace (path -> text). */
  files?: Record<string, string>;
  settings?: PartialSettings;
  path?: string;
  /** Expected text after applying one named fix of the first finding that offers it. */
  fixes?: Record<string, string>;
}

export interface ValidCase {
  name?: string;
  code: string;
  files?: Record<string, string>;
  settings?: PartialSettings;
  path?: string;
}

const CARET_LINE = /^(#?[ \t]*)(\^+) ([a-z0-9-]+): (.*)$/;

export function stripCarets(code: string): string {
  return code
    .split('\n')
    .filter(line => !CARET_LINE.test(line))
    .join('\n');
}

export function renderFindings(text: string, file: ManifestFile, findings: Finding[]): string {
  const byLine = new Map<number, string[]>();
  const sorted = [...findings].sort((a, b) => absoluteRange(a)[0] - absoluteRange(b)[0] || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  for (const f of sorted) {
    const [start, end] = absoluteRange(f);
    const pos = file.lines.position(start);
    const lineEnd = file.lines.starts[pos.line] + file.lines.lineText(pos.line).length;
    const width = Math.max(1, Math.min(end, lineEnd) - start);
    const prefix = pos.character === 0 ? '' : '#'.padEnd(pos.character, ' ');
    const line = `${prefix}${'^'.repeat(width)} ${f.ruleId}: ${f.message}`;
    const list = byLine.get(pos.line) ?? [];
    list.push(line);
    byLine.set(pos.line, list);
  }
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    out.push(...(byLine.get(i) ?? []));
  });
  return out.join('\n');
}

function setup(c: { code: string; files?: Record<string, string>; settings?: PartialSettings; path?: string }) {
  const settings = mergeSettings(defaultSettings(), c.settings);
  const path = c.path ?? 'test.yaml';
  const text = stripCarets(c.code);
  return { settings, path, text };
}

export function runRule(rule: Rule, path: string, text: string, settings: Settings, files: Record<string, string> = {}) {
  const workspace = new WorkspaceIndex();
  for (const [p, t] of Object.entries(files)) workspace.setFile(p, indexedObjects(parseManifest(p, t)));
  const file = parseManifest(path, text);
  workspace.setFile(path, indexedObjects(file));
  const findings = analyze(file, settings, workspace, { rules: [rule], path, enforceSizeCap: true, onRuleFailure: f => { throw f.error; } });
  return { file, findings };
}

export const ruleTester = {
  run(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      cases.valid.forEach((v, i) => {
        const c = typeof v === 'string' ? { code: v } : v;
        it(`valid ${c.name ?? i + 1}`, () => {
          const { settings, path, text } = setup(c);
          const { file, findings } = runRule(rule, path, text, settings, c.files);
          assert.equal(renderFindings(text, file, findings), text);
        });
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid ${c.name ?? i + 1}`, () => {
          const { settings, path, text } = setup(c);
          const { file, findings } = runRule(rule, path, text, settings, c.files);
          assert.ok(findings.length > 0, 'an invalid case must produce findings');
          assert.equal(renderFindings(text, file, findings), c.code);
          checkEachFix(rule, path, text, settings, c.files, file, findings);
          const fixable = findings.some(f => f.fixes.length > 0);
          if (fixable) {
            assert.ok(c.output !== undefined, 'a finding offers a fix, so the case needs `output`');
            const result = fixAllText(text, t => runRule(rule, path, t, settings, c.files));
            assert.notEqual(result.text, text, 'fix-all changed nothing');
            assert.equal(result.text, c.output);
            const again = fixAllText(result.text, t => runRule(rule, path, t, settings, c.files));
            assert.equal(again.text, result.text, 'fix-all does not converge');
          } else {
            assert.equal(c.output, undefined, 'no finding offers a fix, so `output` cannot be met');
          }
          for (const [title, expected] of Object.entries(c.fixes ?? {})) {
            const finding = findings.find(f => f.fixes.some(x => x.title === title));
            assert.ok(finding, `no finding offers "${title}"`);
            const fix = finding.fixes.find(x => x.title === title)!;
            assert.equal(applyEdits(text, fixEdits(file, finding, fix)), expected);
          }
        });
      });
    });
  },
};

function checkEachFix(rule: Rule, path: string, text: string, settings: Settings, files: Record<string, string> | undefined, file: ManifestFile, findings: Finding[]) {
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const edits = fixEdits(file, finding, fix);
      assert.ok(edits.length > 0, `fix "${fix.title}" offered but makes no edit`);
      const fixed = applyEdits(text, edits);
      const after = runRule(rule, path, fixed, settings, files);
      const problems = after.file.documents.flatMap(d => d.problems);
      assert.deepEqual(problems, [], `fix "${fix.title}" produced YAML that does not parse:\n${fixed}`);
      const same = (f: Finding) => f.ruleId === finding.ruleId && f.container === finding.container
        && f.object?.kind === finding.object?.kind && f.object?.name === finding.object?.name;
      assert.ok(after.findings.filter(same).length < findings.filter(same).length, `finding survives fix "${fix.title}":\n${fixed}`);
    }
  }
}
