// Pure analysis: a parsed file + settings + workspace index -> findings. No I/O, no LSP.
import { Document, Node, Pair } from 'yaml';
import { EditBuilder, TextEdit } from '../model/edits';
import { K8sObject, ManifestFile, ParsedDocument } from '../model/manifest';
import { endAnalysis } from '../model/memo';
import { nodeSpan } from '../model/nodes';
import { hasCollectionKey, isLimitProblem } from '../model/limits';
import { ContainerView, containersOf, PodTemplate, podTemplate } from '../model/workloads';
import { allRules, ruleById } from '../rules';
import { Finding, FixSpec, ObjectRef, Report, Rule, RuleContext, Severity } from '../rules/types';
import { Settings } from './settings';
import { WorkspaceIndex } from './workspace';
import { applySuppressions, ConfigIgnores } from './suppress';
import { CONFIG_FILE_NAMES, parseConfig } from './config';

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
  /** Answer one `file-too-large` finding for text above `validation.maxFileSizeKb` (the editor; the CLI checks everything). */
  enforceSizeCap?: boolean;
  /** Leave out cross-resource rules (while the workspace is still being indexed, their verdicts would be wrong). */
  skipCrossResource?: boolean;
  /**
   * Keep no findings in the caches that make the next analysis of the same documents cheap (an analysis of a
   * closed file for the checklist: the caller keeps what it needs, and cached findings keep their trees alive).
   */
  noCache?: boolean;
  /** Receives exceptions thrown by a rule; that rule's findings for the object are dropped. */
  onRuleFailure?: (failure: RuleFailure) => void;
}

const KNOWN_RULES = new Set(allRules.map(r => r.meta.id));

interface CachedFindings {
  key: string;
  findings: Finding[];
}

interface CachedCrossFindings extends CachedFindings {
  workspace: WorkspaceIndex;
  generation: number;
  /** What the rules read of the workspace index (see WorkspaceIndex.recordReads). */
  reads: readonly string[];
}

/** Findings of the rules that read only their own object, per parsed document (reused across edits). */
const localCache = new WeakMap<ParsedDocument, CachedFindings>();
/** Findings of cross-resource rules per object, valid until something they read in the workspace changes. */
const crossCache = new WeakMap<K8sObject, CachedCrossFindings>();

export function analyze(file: ManifestFile, settings: Settings, workspace: WorkspaceIndex, options: AnalysisOptions = {}): Finding[] {
  try {
    return analyzeFile(file, settings, workspace, options);
  } finally {
    endAnalysis();
  }
}

function analyzeFile(file: ManifestFile, settings: Settings, workspace: WorkspaceIndex, options: AnalysisOptions): Finding[] {
  if (!settings.enable) return [];
  if (options.path && isConfigPath(options.path)) return configFindings(file);
  if (options.enforceSizeCap && file.text.length > settings.validation.maxFileSizeKb * 1024) return [fileTooLargeFinding(file, settings)];
  const helm = helmTemplateFinding(file, options.path);
  if (helm) return [helm];
  const plan = planFor(settings, options.rules);
  // Only runs of the whole registry are cached (a rule test runs one rule on the same documents).
  const key = options.rules ? '' : plan.key;
  // Without caching, reads are not recorded either (a caller that wants them records its own, see analyzeApart).
  const caching = !options.noCache && key !== '';
  const skipCross = !!options.skipCrossResource;
  const findings: Finding[] = [];
  // A rule that throws loses all its findings in that document (and nothing there is cached, so the
  // failure is seen again rather than half-remembered).
  const failedIn = new Map<ParsedDocument, Set<string>>();
  let kubernetes: boolean | undefined;
  for (const pd of file.documents) {
    if (pd.problems.length) {
      // Broken YAML is reported only in files that look like Kubernetes: a broken GitHub workflow or
      // docker-compose file is not ours to lint (docs/rules/yaml-syntax.md).
      if (kubernetes === undefined) kubernetes = looksLikeKubernetes(file.text);
      if (kubernetes) pushAll(findings, syntaxFindings(pd));
      continue;
    }
    if (pd.warnings && pd.objects.length) pushAll(findings, syntaxFindings(pd, pd.warnings));
    const cached = key ? localCache.get(pd) : undefined;
    if (cached && cached.key === key) pushAll(findings, cached.findings);
    else if (caching) {
      const local: Finding[] = [];
      // A rule that reads the workspace without declaring crossResource must not be cached as local.
      const reads = workspace.recordReads(() => {
        for (const object of pd.objects) runRules(plan.local, object, settings, workspace, local, options, failedIn);
      });
      if (!reads.length && !failedIn.has(pd)) localCache.set(pd, { key, findings: local });
      pushAll(findings, local);
    } else {
      // Nothing to keep apart for a cache: straight into the result.
      for (const object of pd.objects) runRules(plan.local, object, settings, workspace, findings, options, failedIn);
    }
    if (skipCross) continue;
    for (const object of pd.objects) {
      if (!plan.cross.for(object.kind).length) continue;
      const entry = key ? crossCache.get(object) : undefined;
      if (entry && entry.key === key && entry.workspace === workspace && workspace.unchangedSince(entry.generation, entry.reads)) {
        workspace.replayReads(entry.reads);
        pushAll(findings, entry.findings);
        continue;
      }
      if (!caching) {
        runRules(plan.cross, object, settings, workspace, findings, options, failedIn);
        continue;
      }
      const cross: Finding[] = [];
      const generation = workspace.generation;
      const reads = workspace.recordReads(() => runRules(plan.cross, object, settings, workspace, cross, options, failedIn));
      if (!failedIn.has(pd)) crossCache.set(object, { key, findings: cross, workspace, generation, reads });
      pushAll(findings, cross);
    }
  }
  const kept = failedIn.size ? findings.filter(f => !failedIn.get(f.document)?.has(f.ruleId)) : findings;
  // A run without the unused-suppression rule (a rule test, or the rule turned off) reports none.
  return applySuppressions(file, kept, KNOWN_RULES, options.suppressions, plan.reportsUnused);
}

/** A rule that threw on an object: its findings in that document are dropped (see `analyze`). */
function recordFailure(failedIn: Map<ParsedDocument, Set<string>>, pd: ParsedDocument, ruleId: string): void {
  let set = failedIn.get(pd);
  if (!set) failedIn.set(pd, set = new Set());
  set.add(ruleId);
}

/**
 * True when the text has an `apiVersion: <value>` and a `kind: <value>` key somewhere (block or flow
 * style). Only such files get syntax findings: everything else is some other tool's YAML.
 */
export function looksLikeKubernetes(text: string): boolean {
  return /(?:^|[\s{,])["']?apiVersion["']?[ \t]*:[ \t]*["']?[\w.\/{-]/.test(text) && /(?:^|[\s{,])["']?kind["']?[ \t]*:[ \t]*["']?[A-Za-z{]/.test(text);
}

function pushAll<T>(out: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]);
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

/** Rules by object kind, in registry order: the rules without `kinds` apply to every kind. */
class RulesByKind {
  private readonly byKind = new Map<string, readonly Rule[]>();
  constructor(private readonly rules: readonly Rule[]) {}

  for(kind: string): readonly Rule[] {
    let list = this.byKind.get(kind);
    if (!list) {
      list = this.rules.filter(r => !r.meta.kinds || r.meta.kinds.includes(kind));
      this.byKind.set(kind, list);
    }
    return list;
  }
}

interface Plan {
  key: string;
  local: RulesByKind;
  cross: RulesByKind;
  reportsUnused: boolean;
}

/** The enabled rules for these settings, split and indexed once per distinct settings. */
const plans = new Map<string, Plan>();

function planFor(settings: Settings, only: readonly Rule[] | undefined): Plan {
  const key = settingsKey(settings);
  const cached = only ? undefined : plans.get(key);
  if (cached) return cached;
  const rules = (only ?? allRules).filter(r => level(r, settings) !== 'off');
  const plan: Plan = {
    key,
    local: new RulesByKind(rules.filter(r => !r.meta.crossResource)),
    cross: new RulesByKind(rules.filter(r => r.meta.crossResource)),
    reportsUnused: rules.some(r => r.meta.id === 'unused-suppression'),
  };
  if (!only) {
    if (plans.size >= 64) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

function runRules(rules: RulesByKind, object: K8sObject, settings: Settings, workspace: WorkspaceIndex, out: Finding[], options: AnalysisOptions, failedIn: Map<ParsedDocument, Set<string>>): void {
  const applicable = rules.for(object.kind);
  if (!applicable.length) return;
  const ctx = new Context(object, settings, workspace, out);
  for (const rule of applicable) {
    const before = out.length;
    ctx.rule = rule;
    try {
      rule.check(ctx);
    } catch (error) {
      out.length = before;
      recordFailure(failedIn, object.document, rule.meta.id);
      options.onRuleFailure?.({ ruleId: rule.meta.id, error });
    }
  }
}

const NO_CONTAINERS: readonly ContainerView[] = Object.freeze([]);

/** The fixes of a finding without any: one frozen list, not an empty array per finding. */
const NO_FIXES = Object.freeze([]) as unknown as FixSpec[];

/** What a rule sees; one per object, shared by the rules that check it in turn. */
class Context implements RuleContext {
  readonly doc: Document;
  rule!: Rule;
  /** The object as findings name it, shared by all of them (findings are kept; fewer objects to keep). */
  private ref: ObjectRef | undefined;

  constructor(readonly object: K8sObject, readonly settings: Settings, readonly workspace: WorkspaceIndex, private readonly out: Finding[]) {
    this.doc = object.doc;
  }

  // Every rule asks for these; kept here rather than looked up in the model's memos each time.
  private template: PodTemplate | null | undefined;
  private allContainers: readonly ContainerView[] | undefined;

  pod(): PodTemplate | undefined {
    if (this.template === undefined) this.template = podTemplate(this.object) ?? null;
    return this.template ?? undefined;
  }

  containers(opts?: { init?: boolean }): readonly ContainerView[] {
    const pod = this.pod();
    if (!pod) return NO_CONTAINERS;
    if (opts?.init === false) return containersOf(pod, opts);
    return (this.allContainers ??= containersOf(pod));
  }

  report(report: Report): void {
    const { rule, object, settings } = this;
    const severity = level(rule, settings) as Severity;
    const [start, end] = spanOf(report.node, object);
    this.out.push({
      ruleId: rule.meta.id,
      severity: settings.rules[rule.meta.id] ? severity : report.severity ?? severity,
      checklist: rule.meta.checklist,
      message: report.message,
      document: object.document,
      start,
      end,
      object: (this.ref ??= { kind: object.kind, name: object.name, namespace: object.namespace }),
      container: report.container?.name,
      fixes: report.fixes?.length ? report.fixes : NO_FIXES,
    });
  }
}

function spanOf(node: Node | Pair | null | undefined, object: K8sObject): [number, number] {
  const span = nodeSpan(node) ?? nodeSpan(object.nameNode) ?? nodeSpan(object.kindNode) ?? [0, 0];
  return span[1] > span[0] ? span : [span[0], span[0]];
}

function syntaxFindings(pd: ParsedDocument, problems = pd.problems): Finding[] {
  const rule = ruleById('yaml-syntax');
  const text = pd.text;
  // Errors reported past the end (an unclosed bracket) point at the last character written instead.
  let lastContent = text.length;
  while (lastContent > 0 && /\s/.test(text[lastContent - 1])) lastContent--;
  return problems.map(p => {
    let start = Math.min(p.start, text.length);
    let end = Math.min(Math.max(p.end, start), text.length);
    if (start >= lastContent && lastContent > 0) {
      start = lastContent - 1;
      end = lastContent;
    }
    // A one-character error on a token (a duplicate key) covers the whole token.
    if (end - start <= 1 && !isLimitProblem(p)) while (end < text.length && /[^\s:,\]}#]/.test(text[end])) end++;
    return {
      ruleId: isLimitProblem(p) ? 'yaml-limits' : 'yaml-syntax',
      severity: problems === pd.problems ? 'error' as const : 'warning' as const,
      checklist: rule?.meta.checklist ?? 'syntax',
      message: p.message.endsWith('.') ? p.message : `${p.message}.`,
      document: pd,
      start,
      end,
      fixes: [],
    };
  });
}

// `${{ }}` is a GitHub Actions expression, not a Go template.
const TEMPLATE_SYNTAX = /(?<!\$)\{\{-?\s*[^}]*\}\}/;
/** Per document: 0 no `{{`, 1 a `{{` without a full `{{ }}`, 2 a `{{ }}`. */
const templateSyntax = new WeakMap<ParsedDocument, 0 | 1 | 2>();

/** `{{ }}` anywhere in the file, searched once per document (an edit re-parses one document, not the file). */
function hasTemplateSyntax(file: ManifestFile): boolean {
  const docs = file.documents;
  // One document spanning the whole text (directives, or a whole-file parse): search the text itself.
  if (docs.length === 1 && docs[0].text.length === file.text.length) return TEMPLATE_SYNTAX.test(file.text);
  let open = false;
  for (const pd of docs) {
    let has = templateSyntax.get(pd);
    if (has === undefined) {
      // The native search first: nearly no document has a `{{`, and the expression is slower to rule it out.
      has = !pd.text.includes('{{') ? 0 : TEMPLATE_SYNTAX.test(pd.text) ? 2 : 1;
      templateSyntax.set(pd, has);
    }
    if (has === 2) return true;
    if (has === 1) open = true;
  }
  // A `{{` left open in one document could close in a later one: only then is the whole text searched.
  return open && TEMPLATE_SYNTAX.test(file.text);
}

/**
 * A Helm (or other Go template) source: under `templates/`, or failing to parse with `{{ }}` in it.
 * Linting the unrendered text would be noise, so the file gets one pointer to lint the rendered output.
 */
export function helmTemplateFinding(file: ManifestFile, path: string | undefined): Finding | undefined {
  if (!hasTemplateSyntax(file)) return undefined;
  const underTemplates = !!path && /(^|[\\/])templates[\\/]/.test(path);
  // `name: {{ .Values.name }}` parses, as a map whose key is a map: no manifest has such a key.
  const broken = file.documents.some(d => d.problems.length > 0 || hasCollectionKey(d.doc));
  // Outside templates/, only a file that looks like Kubernetes is taken for a Helm template.
  if (!underTemplates && !(broken && looksLikeKubernetes(file.text))) return undefined;
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

export function isConfigPath(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return CONFIG_FILE_NAMES.includes(name);
}

/** Problems of a `.kubeready.yaml`, as findings of the config file itself. */
function configFindings(file: ManifestFile): Finding[] {
  const pd = file.documents[0];
  return parseConfig(file.text).problems.map(p => ({
    ruleId: 'invalid-config', severity: 'error' as const, checklist: 'syntax' as const, message: p.message,
    document: pd, start: p.start - pd.offset, end: p.end - pd.offset, fixes: [],
  }));
}

export function fileTooLargeFinding(file: ManifestFile, settings: Settings): Finding {
  const cap = settings.validation.maxFileSizeKb;
  return {
    ruleId: 'file-too-large', severity: 'info', checklist: 'syntax',
    message: `This file is ${Math.round(file.text.length / 1024)} KB, above the ${cap} KB limit (kubeready.validation.maxFileSizeKb): it is not checked in the editor; \`kubeready lint\` checks it.`,
    document: file.documents[0], start: 0, end: 0, fixes: [],
  };
}
