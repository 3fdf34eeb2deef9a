// Pure analysis: a parsed file + settings + workspace index -> findings. No I/O, no LSP.
import { Node, Pair } from 'yaml';
import { EditBuilder, TextEdit } from '../model/edits';
import { K8sObject, ManifestFile, ParsedDocument } from '../model/manifest';
import { nodeSpan } from '../model/nodes';
import { containersOf, podTemplate } from '../model/workloads';
import { allRules, ruleById } from '../rules';
import { Finding, FixSpec, Report, Rule, RuleContext, Severity } from '../rules/types';
import { Settings } from './settings';
import { WorkspaceIndex } from './workspace';
import { applySuppressions, ConfigIgnores } from './suppress';

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface AnalysisOptions {
  /** Rules to run (default: the whole registry). */
  rules?: readonly Rule[];
  /** Path of the file, for path-based decisions (Helm `templates/`). */
  path?: string;
  /** `ignore` entries of the configuration file that applies to this file. */
  suppressions?: ConfigIgnores;
  /** Leave out cross-resource rules (while the workspace is still being indexed, their verdicts would be wrong). */
  skipCrossResource?: boolean;
  /** Receives exceptions thrown by a rule; that rule's findings for the object are dropped. */
  onRuleFailure?: (failure: RuleFailure) => void;
}

const KNOWN_RULES = new Set(allRules.map(r => r.meta.id));

interface CachedFindings {
  key: string;
  findings: Finding[];
}

const localCache = new WeakMap<ParsedDocument, CachedFindings>();

export function analyze(file: ManifestFile, settings: Settings, workspace: WorkspaceIndex, options: AnalysisOptions = {}): Finding[] {
  if (!settings.enable) return [];
  const helm = helmTemplateFinding(file, options.path);
  if (helm) return [helm];
  const rules = (options.rules ?? allRules).filter(r => level(r, settings) !== 'off');
  const localRules = rules.filter(r => !r.meta.crossResource);
  const crossRules = options.skipCrossResource ? [] : rules.filter(r => r.meta.crossResource);
  const key = options.rules ? '' : settingsKey(settings);
  const findings: Finding[] = [];
  for (const pd of file.documents) {
    if (pd.problems.length) {
      findings.push(...syntaxFindings(pd));
      continue;
    }
    const cached = key ? localCache.get(pd) : undefined;
    if (cached && cached.key === key) findings.push(...cached.findings);
    else {
      const local: Finding[] = [];
      for (const object of pd.objects) runRules(localRules, object, settings, workspace, local, options);
      if (key) localCache.set(pd, { key, findings: local });
      findings.push(...local);
    }
    for (const object of pd.objects) runRules(crossRules, object, settings, workspace, findings, options);
  }
  // Rule tests run one rule: suppressions of other rules are not "unused" there.
  return applySuppressions(file, findings, KNOWN_RULES, options.suppressions, !options.rules && level(ruleById('unused-suppression')!, settings) !== 'off');
}

function level(rule: Rule, settings: Settings): Severity | 'off' {
  return settings.rules[rule.meta.id] ?? rule.meta.severity;
}

const settingsKeys = new WeakMap<Settings, string>();
function settingsKey(settings: Settings): string {
  let k = settingsKeys.get(settings);
  if (!k) {
    k = JSON.stringify(settings);
    settingsKeys.set(settings, k);
  }
  return k;
}

function runRules(rules: readonly Rule[], object: K8sObject, settings: Settings, workspace: WorkspaceIndex, out: Finding[], options: AnalysisOptions): void {
  for (const rule of rules) {
    if (rule.meta.kinds && !rule.meta.kinds.includes(object.kind)) continue;
    const produced: Finding[] = [];
    const ctx = createContext(rule, object, settings, workspace, produced);
    try {
      rule.check(ctx);
      out.push(...produced);
    } catch (error) {
      options.onRuleFailure?.({ ruleId: rule.meta.id, error });
    }
  }
}

function createContext(rule: Rule, object: K8sObject, settings: Settings, workspace: WorkspaceIndex, out: Finding[]): RuleContext {
  const severity = level(rule, settings) as Severity;
  return {
    object,
    doc: object.doc,
    settings,
    workspace,
    pod: () => podTemplate(object),
    containers: (opts) => {
      const pod = podTemplate(object);
      return pod ? containersOf(pod, opts) : [];
    },
    report(report: Report) {
      const [start, end] = spanOf(report.node, object);
      out.push({
        ruleId: rule.meta.id,
        severity: settings.rules[rule.meta.id] ? severity : report.severity ?? severity,
        checklist: rule.meta.checklist,
        message: report.message,
        document: object.document,
        start,
        end,
        object: { kind: object.kind, name: object.name, namespace: object.namespace },
        container: report.container?.name,
        fixes: report.fixes ?? [],
      });
    },
  };
}

function spanOf(node: Node | Pair | null | undefined, object: K8sObject): [number, number] {
  const span = nodeSpan(node) ?? nodeSpan(object.nameNode) ?? nodeSpan(object.kindNode) ?? [0, 0];
  return span[1] > span[0] ? span : [span[0], span[0]];
}

function syntaxFindings(pd: ParsedDocument): Finding[] {
  const rule = ruleById('yaml-syntax');
  return pd.problems.map(p => ({
    ruleId: 'yaml-syntax',
    severity: 'error' as const,
    checklist: rule?.meta.checklist ?? 'syntax',
    message: p.message.endsWith('.') ? p.message : `${p.message}.`,
    document: pd,
    start: Math.min(p.start, pd.text.length),
    end: Math.min(p.end, pd.text.length),
    fixes: [],
  }));
}

const TEMPLATE_SYNTAX = /\{\{-?\s*[^}]*\}\}/;

/**
 * A Helm (or other Go template) source: under `templates/`, or failing to parse with `{{ }}` in it.
 * Linting the unrendered text would be noise, so the file gets one pointer to lint the rendered output.
 */
export function helmTemplateFinding(file: ManifestFile, path: string | undefined): Finding | undefined {
  if (!TEMPLATE_SYNTAX.test(file.text)) return undefined;
  const underTemplates = !!path && /(^|[\\/])templates[\\/]/.test(path);
  const broken = file.documents.some(d => d.problems.length > 0);
  if (!underTemplates && !broken) return undefined;
  const pd = file.documents[0];
  const firstLineEnd = file.text.search(/\r|\n/);
  return {
    ruleId: 'helm-template',
    severity: 'info',
    checklist: 'syntax',
    message: 'Helm template: lint the rendered output: `helm template . | kubeready lint -`.',
    document: pd,
    start: 0,
    end: firstLineEnd === -1 ? file.text.length : firstLineEnd,
    fixes: [],
  };
}

/** The edits of one fix, relative to the file. */
export function fixEdits(file: ManifestFile, finding: Finding, fix: FixSpec): TextEdit[] {
  const builder = new EditBuilder(finding.document, file.eol);
  fix.edit(builder);
  const offset = finding.document.offset;
  return builder.edits.map(e => ({ start: e.start + offset, end: e.end + offset, text: e.text }));
}

export function absoluteRange(finding: Finding): [number, number] {
  return [finding.document.offset + finding.start, finding.document.offset + finding.end];
}
