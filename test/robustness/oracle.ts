// What "never crash, never corrupt" means for one input, checked on the engine the CLI and the server share:
// the analysis does not throw (no rule either), every position is inside the text, and every quick fix
// offered (the rule's own and "Ignore ... for ...") and fix-all produce a valid, minimal edit: inside the
// text, not overlapping, in the file's line endings, the YAML still parses when it did before (and no
// new document breaks when it did not), and the finding it fixes is gone; and the text indexed as a summary
// (model/summary.ts) gets the same findings. Used by the robustness tests,
// the regression fixtures and the fuzzer.
import { absoluteRange, analyze, fixEdits } from '../../server/src/analysis/analyze';
import { fixAllText } from '../../server/src/analysis/fixAll';
import { ignoreFix } from '../../server/src/analysis/ignoreFix';
import { indexedObjects } from '../../server/src/analysis/lint';
import { Project } from '../../server/src/analysis/project';
import { toRecord } from '../../server/src/analysis/records';
import { defaultSettings, Settings } from '../../server/src/analysis/settings';
import { applyEdits, TextEdit } from '../../server/src/model/edits';
import { isStackOverflow } from '../../server/src/model/limits';
import { ManifestFile, parseManifest } from '../../server/src/model/manifest';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { Finding, FixSpec, Rule } from '../../server/src/rules/types';
import { toDiagnostic } from '../../server/src/lsp/toLsp';

export interface Verdict {
  failures: string[];
  /** Findings of the input (suppressed ones left out). */
  findings: Finding[];
  file: ManifestFile | undefined;
  /** Quick fixes applied and re-checked. */
  fixesTried: number;
  /** Every document of the input parses. */
  parsed: boolean;
}

export interface OracleOptions {
  path?: string;
  settings?: Settings;
  /** Check at most this many fixes (all by default). */
  maxFixes?: number;
  /** Rules to run (default: the whole registry); lets a test show that the oracle catches a bad rule. */
  rules?: readonly Rule[];
  /** Called after each engine call (an analysis, a fix's edits): the fuzzer's watchdog times each step. */
  onStep?: () => void;
}

function describeError(error: unknown): string {
  const e = error as Error;
  return e?.stack ? e.stack.split('\n').slice(0, 6).join('\n') : String(error);
}

interface Run {
  file: ManifestFile;
  findings: Finding[];
  ruleFailures: string[];
}

/**
 * Parses and analyses a text as the only file of a workspace. With `previous`, unchanged documents are
 * reused (as the server does on every edit), which keeps checking one fix after another fast.
 */
function run(text: string, path: string, settings: Settings, previous?: ManifestFile, rules?: readonly Rule[], onStep?: () => void): Run {
  const ruleFailures: string[] = [];
  const file = parseManifest(path, text, previous);
  const workspace = new WorkspaceIndex();
  workspace.setFile(path, indexedObjects(file));
  const findings = analyze(file, settings, workspace, {
    path,
    rules,
    onRuleFailure: f => ruleFailures.push(`rule ${f.ruleId} threw: ${describeError(f.error)}`),
  });
  onStep?.();
  return { file, findings: findings.filter(f => !f.suppressed), ruleFailures };
}

const brokenDocuments = (file: ManifestFile) => file.documents.filter(d => d.problems.length).length;

/** Same rule, object and container: the identity a fix must make disappear (one fewer of them). */
function sameKey(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.container === b.container && a.object?.kind === b.object?.kind
    && a.object?.name === b.object?.name && a.object?.namespace === b.object?.namespace;
}

function label(f: Finding): string {
  return `${f.ruleId}${f.object ? ` on ${f.object.kind}/${f.object.name}` : ''}${f.container !== undefined ? ` container ${f.container}` : ''}`;
}

/** Problems with the edits themselves (before applying them). */
export function editProblems(text: string, edits: TextEdit[], eol: string): string[] {
  const out: string[] = [];
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let end = 0;
  for (const e of sorted) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length)) out.push(`edit out of bounds: ${JSON.stringify(e)} (text length ${text.length})`);
    if (e.start < end) out.push(`overlapping edits at ${e.start}`);
    end = Math.max(end, e.end);
    if (eol === '\r\n' && /(^|[^\r])\n/.test(e.text)) out.push(`edit inserts a bare LF into a CRLF file: ${JSON.stringify(e.text)}`);
    if (eol === '\r' && e.text.includes('\n')) out.push(`edit inserts LF into a CR-only file: ${JSON.stringify(e.text)}`);
    if (eol === '\n' && e.text.includes('\r')) out.push(`edit inserts CR into an LF file: ${JSON.stringify(e.text)}`);
    if (text.charCodeAt(0) === 0xfeff && e.start === 0 && e.text.length) out.push('edit inserts text before the byte-order mark');
    // A fix replaces the value it is about (which may be long), never a whole region of the file.
    const lines = text.slice(e.start, e.end).split(/\r\n|\r|\n/).length - 1;
    if (lines > 40) out.push(`edit replaces ${lines} lines: not a minimal edit`);
  }
  return out;
}

export function examine(text: string, options: OracleOptions = {}): Verdict {
  const path = options.path ?? 'fuzz.yaml';
  const settings = options.settings ?? defaultSettings();
  const failures: string[] = [];
  let input: Run;
  try {
    input = run(text, path, settings, undefined, options.rules, options.onStep);
  } catch (error) {
    return { failures: [`the engine threw: ${describeError(error)}`], findings: [], file: undefined, fixesTried: 0, parsed: false };
  }
  failures.push(...input.ruleFailures);
  const { file, findings } = input;
  const parsed = brokenDocuments(file) === 0;

  // Positions as the CLI (code points) and the server (UTF-16) give them.
  for (const f of findings) {
    const [s, e] = absoluteRange(f);
    if (!(s >= 0 && e >= s && e <= text.length)) failures.push(`finding ${label(f)} has range ${s}-${e} outside the text (length ${text.length})`);
    try {
      const record = toRecord(file, path, f);
      if (!(record.line >= 1 && record.column >= 1 && record.line <= file.lines.lineCount)) failures.push(`finding ${label(f)} at impossible CLI position ${record.line}:${record.column}`);
      const d = toDiagnostic(file, f, 1);
      if (d.range.start.line > d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character > d.range.end.character)) {
        failures.push(`finding ${label(f)} has an inverted LSP range`);
      }
    } catch (error) {
      failures.push(`positions of ${label(f)} threw: ${describeError(error)}`);
    }
  }

  // The same text indexed as a summary (a file no editor shows in the server) and analysed from it. Not where
  // `yaml` hit its stack limit in either parse: where it hits it depends on the JIT state, so two parses of the
  // same pathological text can report different problems.
  try {
    const project = new Project();
    project.index(path, text);
    const summarized = project.analyze(path, settings, { path, rules: options.rules, onRuleFailure: () => undefined }).filter(f => !f.suppressed);
    options.onStep?.();
    const render = (list: Finding[]) => list.map(f => `${absoluteRange(f).join('-')} ${f.ruleId} ${f.message}`).join('\n');
    const hitStackLimit = (m: ManifestFile | undefined) => !!m?.documents.some(d => d.problems.some(p => p.code === 'PARSER_LIMIT') || d.doc.errors.some(e => isStackOverflow(e.message)));
    if (!hitStackLimit(file) && !hitStackLimit(project.get(path)) && render(summarized) !== render(findings)) {
      failures.push('indexed as a summary, the file gets other findings than parsed up front');
    }
  } catch (error) {
    failures.push(`the engine threw on the text indexed as a summary: ${describeError(error)}`);
  }

  // Every quick fix on its own: first all edits (on the input as parsed), then each applied and re-checked.
  let fixesTried = 0;
  const budget = options.maxFixes ?? Infinity;
  const candidates: Array<{ finding: Finding; what: string; edits: TextEdit[] }> = [];
  outer: for (const finding of findings) {
    let fixes: FixSpec[];
    try {
      const ignore = ignoreFix(finding);
      fixes = ignore ? [...finding.fixes, ignore] : finding.fixes;
    } catch (error) {
      failures.push(`the ignore fix of ${label(finding)} threw: ${describeError(error)}`);
      continue;
    }
    for (const fix of fixes) {
      if (fixesTried >= budget) break outer;
      fixesTried++;
      const what = `fix "${fix.title}" of ${label(finding)}`;
      let edits: TextEdit[];
      try {
        edits = fixEdits(file, finding, fix);
      } catch (error) {
        failures.push(`${what} threw: ${describeError(error)}`);
        continue;
      }
      if (!edits.length) continue; // not offered (the server skips fixes without edits)
      const problems = editProblems(text, edits, file.eol);
      if (problems.length) {
        failures.push(...problems.map(p => `${what}: ${p}`));
        continue;
      }
      candidates.push({ finding, what, edits });
    }
  }
  const brokenBefore = brokenDocuments(file);
  // Re-runs reuse the unchanged documents of a second parse of the input (reuse moves their offsets, and
  // the input's own findings must keep theirs).
  const base = candidates.length ? parseManifest(path, text) : file;
  for (const { finding, what, edits } of candidates) {
    const fixed = applyEdits(text, edits);
    if (fixed === text) {
      failures.push(`${what} changes nothing`);
      continue;
    }
    let after: Run;
    try {
      after = run(fixed, path, settings, base, options.rules, options.onStep);
    } catch (error) {
      failures.push(`the engine threw on the text after ${what}: ${describeError(error)}`);
      continue;
    }
    if (parsed && brokenDocuments(after.file)) {
      const p = after.file.documents.find(d => d.problems.length)!.problems[0];
      failures.push(`${what} produced YAML that does not parse (${p.message})`);
      continue;
    }
    if (brokenDocuments(after.file) > brokenBefore) failures.push(`${what} broke another document`);
    const before = findings.filter(f => sameKey(f, finding)).length;
    const remaining = after.findings.filter(f => sameKey(f, finding)).length;
    if (remaining >= before) failures.push(`${what}: the finding survives the fix`);
  }

  // Fix-all, as `kubeready fix` and the fix-all code action run it.
  try {
    const result = fixAllText(text, t => {
      const r = run(t, path, settings, undefined, options.rules, options.onStep);
      return { file: r.file, findings: r.findings };
    });
    if (result.text !== text) {
      const after = run(result.text, path, settings, undefined, options.rules, options.onStep);
      if (parsed && brokenDocuments(after.file)) failures.push(`fix-all produced YAML that does not parse (${after.file.documents.find(d => d.problems.length)!.problems[0].message})`);
      if (after.file.eol !== file.eol && file.text.length && /[\r\n]/.test(text)) failures.push(`fix-all changed the line endings from ${JSON.stringify(file.eol)} to ${JSON.stringify(after.file.eol)}`);
    }
  } catch (error) {
    failures.push(`fix-all threw: ${describeError(error)}`);
  }
  return { failures, findings, file, fixesTried, parsed };
}
