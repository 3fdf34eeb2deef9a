// Suppressions: where a team has decided a finding is accepted. Annotations (ours and the peers'), comments,
// and `ignore` entries of the config file. A suppression that accepts nothing is reported, so stale
// exemptions surface.
import { isMap, isPair, isScalar, Node, Scalar } from 'yaml';
import { K8sObject, ManifestFile, ParsedDocument } from '../model/manifest';
import { getMap, keyText, resolve } from '../model/nodes';
import { podTemplate } from '../model/workloads';
import { Finding, Suppression } from '../rules/types';
import { PEER_ANNOTATIONS } from './peerAnnotations';
import { globMatches } from './glob';

export interface IgnoreEntry {
  rule: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** Glob matched against the file path relative to the config file's folder. */
  path?: string;
  reason?: string;
  /** Relative path of the file being analysed, as the glob sees it (set by the caller). */
}

export interface ConfigIgnores {
  entries: IgnoreEntry[];
  /** The analysed file's path relative to the config file's folder (for `path` globs). */
  relativePath: string;
  /** Label used in messages, e.g. `.kubeready.yaml`. */
  source: string;
}

interface Candidate {
  rules: string[] | '*';
  reason?: string;
  source: string;
  /** Which findings it can accept. */
  applies: (f: Finding) => boolean;
  /** Where to report it when it accepts nothing (document-relative), absent for config entries. */
  document?: ParsedDocument;
  start?: number;
  end?: number;
  used: boolean;
}

const OUR_ANNOTATION = 'kubeready.io/ignore';

/** Marks suppressed findings (copies) and adds `unused-suppression` findings. */
export function applySuppressions(file: ManifestFile, findings: Finding[], knownRules: Set<string>, config?: ConfigIgnores, reportUnused = true): Finding[] {
  const candidates = collectCandidates(file, config);
  if (!candidates.length) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'yaml-syntax' || f.ruleId === 'helm-template') {
      out.push(f);
      continue;
    }
    const match = candidates.find(c => (c.rules === '*' || c.rules.includes(f.ruleId)) && c.applies(f));
    if (!match) {
      out.push(f);
      continue;
    }
    for (const c of candidates) if ((c.rules === '*' || c.rules.includes(f.ruleId)) && c.applies(f)) c.used = true;
    const suppressed: Suppression = { source: match.source };
    if (match.reason) suppressed.reason = match.reason;
    out.push({ ...f, suppressed });
  }
  if (reportUnused) {
    for (const c of candidates) {
      if (c.used || !c.document || c.start === undefined) continue;
      const unknown = c.rules === '*' ? [] : c.rules.filter(r => !knownRules.has(r));
      const message = unknown.length
        ? `Unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map(r => `"${r}"`).join(', ')} in ${c.source}: this suppression suppresses nothing.`
        : `${c.source} suppresses ${c.rules === '*' ? 'all rules' : c.rules.map(r => `"${r}"`).join(', ')} but nothing here is reported by ${c.rules === '*' || c.rules.length === 1 ? 'it' : 'them'}: remove the stale exemption.`;
      out.push({
        ruleId: 'unused-suppression', severity: 'info', checklist: 'syntax', message,
        document: c.document, start: c.start, end: c.end ?? c.start, fixes: [],
      });
    }
  }
  return out;
}

function collectCandidates(file: ManifestFile, config?: ConfigIgnores): Candidate[] {
  const out: Candidate[] = [];
  for (const pd of file.documents) {
    if (pd.problems.length) continue;
    for (const object of pd.objects) out.push(...annotationCandidates(object));
    if (pd.text.includes('kubeready-ignore')) out.push(...commentCandidates(file, pd));
  }
  if (config) {
    for (const entry of config.entries) {
      if (entry.path && !globMatches(entry.path, config.relativePath)) continue;
      out.push({
        rules: entry.rule === '*' ? '*' : [entry.rule],
        reason: entry.reason,
        source: config.source,
        used: false,
        applies: f => !!f.object
          && (entry.kind === undefined || entry.kind === f.object.kind)
          && (entry.name === undefined || globMatches(entry.name, f.object.name))
          && (entry.namespace === undefined || entry.namespace === (f.object.namespace ?? '')),
      });
    }
  }
  return out;
}

/** `rule-a,rule-b -- reason` → rules and reason. */
export function parseRuleList(value: string): { rules: string[] | '*'; reason?: string } {
  const sep = value.indexOf(' -- ');
  const list = (sep >= 0 ? value.slice(0, sep) : value).trim();
  const reason = sep >= 0 ? value.slice(sep + 4).trim() || undefined : undefined;
  const rules = list.split(/[,\s]+/).map(s => s.trim()).filter(Boolean);
  return { rules: rules.includes('*') ? '*' : rules, reason };
}

function sameObject(object: K8sObject) {
  return (f: Finding) => f.document === object.document && f.object?.kind === object.kind && f.object?.name === object.name
    && f.object?.namespace === object.namespace;
}

const annotationCache = new WeakMap<K8sObject, Candidate[]>();

/**
 * The suppressions an object's annotations declare. They depend on the object alone, so they are read once
 * per parsed object (an edit re-analyses every document of the file) and handed out as fresh copies, since
 * `used` is per analysis.
 */
function annotationCandidates(object: K8sObject): Candidate[] {
  let cached = annotationCache.get(object);
  if (!cached) {
    cached = readAnnotationCandidates(object);
    annotationCache.set(object, cached);
  }
  return cached.length ? cached.map(c => ({ ...c, used: false })) : cached;
}

const NO_CANDIDATES: Candidate[] = [];

function readAnnotationCandidates(object: K8sObject): Candidate[] {
  const pod = podTemplate(object);
  const ownTemplate = !!pod && !!pod.metadata && pod.template !== object.map;
  // The model has read both maps' keys already (their scalar-valued pairs, which every suppression is): most
  // objects have no suppression, and their annotation maps are not walked again.
  if (!hasSuppressionKey(object.annotations) && !(ownTemplate && hasSuppressionKey(pod!.annotations))) return NO_CANDIDATES;
  const out: Candidate[] = [];
  const isThis = sameObject(object);
  const maps: Array<Node | undefined> = [getMap(getMap(object.map, 'metadata', object.doc), 'annotations', object.doc)];
  if (ownTemplate) maps.push(getMap(pod!.metadata, 'annotations', object.doc));
  for (const map of maps) {
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair);
      if (!key || !mayBeSuppression(key)) continue;
      const valueNode = resolve(pair.value, object.doc);
      if (!isScalar(valueNode)) continue;
      const value = (valueNode as Scalar).value === null ? '' : String((valueNode as Scalar).value);
      const at = (valueNode as Scalar).range ?? (pair.key as Scalar).range;
      const position = { document: object.document, start: at?.[0], end: at?.[1] };
      if (key === OUR_ANNOTATION) {
        const { rules, reason } = parseRuleList(value);
        out.push({ rules, reason, source: `annotation ${OUR_ANNOTATION}`, used: false, applies: isThis, ...position });
      } else if (key.startsWith(`${OUR_ANNOTATION}.`)) {
        const container = key.slice(OUR_ANNOTATION.length + 1);
        const { rules, reason } = parseRuleList(value);
        out.push({ rules, reason, source: `annotation ${key}`, used: false, applies: f => isThis(f) && f.container === container, ...position });
      } else {
        const peer = peerSuppression(key, value);
        if (peer) out.push({ ...peer, used: false, applies: isThis, source: `annotation ${key}` });
      }
    }
  }
  return out;
}

function hasSuppressionKey(annotations: Record<string, string>): boolean {
  for (const key in annotations) if (mayBeSuppression(key)) return true;
  return false;
}

/** Only these keys can suppress anything (ours and the peers' below): most annotations are ruled out at once. */
function mayBeSuppression(key: string): boolean {
  return key.startsWith(OUR_ANNOTATION) || key.startsWith('ignore-check.kube-linter.io/') || key.startsWith('polaris.fairwinds.com/') || key === 'kube-score/ignore';
}

/** Peers' annotations for the checks that map to ours (teams switching keep their exemptions). */
function peerSuppression(key: string, value: string): { rules: string[] | '*'; reason?: string } | undefined {
  const truthy = /^(true|yes|1)$/i.test(value.trim());
  if (key.startsWith('ignore-check.kube-linter.io/')) {
    const rules = PEER_ANNOTATIONS['kube-linter'][key.slice('ignore-check.kube-linter.io/'.length)];
    return rules ? { rules, reason: value || undefined } : undefined;
  }
  if (key === 'polaris.fairwinds.com/exempt') return truthy ? { rules: '*' } : undefined;
  const polaris = /^polaris\.fairwinds\.com\/(.+)-exempt$/.exec(key);
  if (polaris) {
    const rules = PEER_ANNOTATIONS.polaris[polaris[1]];
    return rules && truthy ? { rules } : undefined;
  }
  if (key === 'kube-score/ignore') {
    const rules = value.split(',').map(s => s.trim()).flatMap(check => PEER_ANNOTATIONS['kube-score'][check] ?? []);
    return rules.length ? { rules } : undefined;
  }
  return undefined;
}

const COMMENT = /#\s*kubeready-ignore(-file)?\b[ \t]*([^\r\n]*)/g;

function commentCandidates(file: ManifestFile, pd: ParsedDocument): Candidate[] {
  const out: Candidate[] = [];
  for (const m of pd.text.matchAll(COMMENT)) {
    const start = m.index ?? 0;
    const fileWide = !!m[1];
    const { rules, reason } = parseRuleList(m[2] ?? '');
    if (rules !== '*' && !rules.length) continue;
    const commentLine = file.lines.lineOf(pd.offset + start);
    const lineStart = file.lines.starts[commentLine];
    const ownLine = !file.lines.lineText(commentLine).slice(0, pd.offset + start - lineStart).trim();
    const applies = fileWide
      ? (f: Finding) => f.document === pd
      : (f: Finding) => {
        if (f.document !== pd) return false;
        const findingLine = file.lines.lineOf(pd.offset + f.start);
        // On its own line it covers the next line; at the end of a line, that line.
        return ownLine ? findingLine === nextContentLine(file, commentLine) : findingLine === commentLine;
      };
    out.push({
      rules, reason, used: false, applies,
      source: fileWide ? 'comment kubeready-ignore-file' : 'comment kubeready-ignore',
      document: pd, start, end: start + m[0].trimEnd().length,
    });
  }
  return out;
}

function nextContentLine(file: ManifestFile, line: number): number {
  let l = line + 1;
  while (l < file.lines.lineCount && /^\s*(#.*)?$/.test(file.lines.lineText(l))) l++;
  return l;
}
