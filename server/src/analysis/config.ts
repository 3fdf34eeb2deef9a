// `.kubeready.yaml`: the team's settings and exemptions, in the repository. Parsed and validated here
// (pure); every problem becomes a finding in the config file with its exact position.
import { Document, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import { keyText, resolve } from '../model/nodes';
import { allRules, ruleById } from '../rules';
import { PartialSettings } from './settings';
import { IgnoreEntry } from './suppress';
import { globProblem } from './glob';

export const CONFIG_FILE_NAMES = ['.kubeready.yaml', '.kubeready.yml'];

export interface ConfigProblem {
  start: number;
  end: number;
  message: string;
}

export interface ParsedConfig {
  settings: PartialSettings;
  ignores: IgnoreEntry[];
  problems: ConfigProblem[];
}

const LEVELS = ['off', 'info', 'warning', 'error'];
const IGNORE_KEYS = ['rule', 'kind', 'name', 'namespace', 'path', 'reason'];

type Shape = 'boolean' | 'number' | 'string' | 'strings' | { [key: string]: Shape };
const SHAPE: { [key: string]: Shape } = {
  enable: 'boolean',
  exclude: 'strings',
  replicas: { minimum: 'number' },
  resources: { requireCpuLimit: 'boolean' },
  fixes: {
    resources: { requests: { cpu: 'string', memory: 'string' }, limits: { cpu: 'string', memory: 'string' } },
    probePaths: { readiness: 'string', liveness: 'string' },
  },
  validation: { delayMs: 'number', maxFileSizeKb: 'number' },
};

export function parseConfig(text: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const result: ParsedConfig = { settings: {}, ignores: [], problems };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch (e) {
    problems.push({ start: 0, end: 0, message: `The configuration cannot be read: ${(e as Error).message}.` });
    return result;
  }
  for (const e of doc.errors) problems.push({ start: e.pos[0], end: e.pos[1], message: `${e.message.split(' at line ')[0]}.` });
  if (doc.errors.length) return result;
  const root = resolve(doc.contents, doc);
  if (root === undefined || (isScalar(root) && root.value === null)) return result;
  if (!isMap(root)) {
    problems.push({ ...span(root), message: 'The configuration must be a map of options (rules, exclude, ignore, ...).' });
    return result;
  }
  const settings: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = keyText(pair);
    const value = resolve(pair.value, doc);
    if (key === 'rules') settings.rules = readRules(value, doc, problems);
    else if (key === 'ignore') result.ignores = readIgnores(value, doc, problems);
    else if (key !== undefined && key in SHAPE) {
      const v = readShape(value, SHAPE[key], key, doc, problems);
      if (v !== undefined) settings[key] = v;
    } else {
      problems.push({ ...span(pair.key as Node), message: `Unknown option "${key}": expected one of rules, ignore, ${Object.keys(SHAPE).join(', ')}.` });
    }
  }
  result.settings = settings as PartialSettings;
  return result;
}

function readRules(value: Node | undefined, doc: Document, problems: ConfigProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(value)) {
    problems.push({ ...span(value), message: 'rules must be a map of rule id to off, info, warning or error.' });
    return out;
  }
  for (const pair of value.items) {
    const id = keyText(pair);
    const level = resolve(pair.value, doc);
    if (!id || !ruleById(id)) {
      problems.push({ ...span(pair.key as Node), message: `Unknown rule id "${id ?? ''}"${suggest(id)}: \`kubeready rules\` lists them.` });
      continue;
    }
    const v = isScalar(level) ? level.value : undefined;
    // YAML 1.1 readers turn a bare `off` into false; accept it as the user meant it.
    const text = v === false ? 'off' : typeof v === 'string' ? v : undefined;
    if (!text || !LEVELS.includes(text)) {
      problems.push({ ...span(level ?? (pair.key as Node)), message: `Severity of "${id}" must be off, info, warning or error (got ${JSON.stringify(v ?? null)}).` });
      continue;
    }
    out[id] = text;
  }
  return out;
}

function readIgnores(value: Node | undefined, doc: Document, problems: ConfigProblem[]): IgnoreEntry[] {
  if (!isSeq(value)) {
    problems.push({ ...span(value), message: 'ignore must be a list of entries like {rule: pdb, kind: Deployment, name: legacy, reason: "..."}.' });
    return [];
  }
  const out: IgnoreEntry[] = [];
  for (const item of value.items) {
    const entry = resolve(item, doc);
    if (!isMap(entry)) {
      problems.push({ ...span(entry), message: 'Each ignore entry must be a map with at least `rule`.' });
      continue;
    }
    const fields: Record<string, string> = {};
    let ok = true;
    for (const pair of entry.items) {
      const key = keyText(pair);
      const v = resolve(pair.value, doc);
      if (!key || !IGNORE_KEYS.includes(key)) {
        problems.push({ ...span(pair.key as Node), message: `Unknown field "${key}" in an ignore entry: expected ${IGNORE_KEYS.join(', ')}.` });
        ok = false;
        continue;
      }
      if (!isScalar(v) || v.value === null || typeof v.value === 'object') {
        problems.push({ ...span(v ?? (pair.key as Node)), message: `${key} must be a string.` });
        ok = false;
        continue;
      }
      fields[key] = String(v.value);
      if (key === 'rule' && fields.rule !== '*' && !ruleById(fields.rule)) {
        problems.push({ ...span(v), message: `Unknown rule id "${fields.rule}"${suggest(fields.rule)}: \`kubeready rules\` lists them.` });
        ok = false;
      }
      if (key === 'path' || key === 'name') {
        const problem = globProblem(fields[key]);
        if (problem) {
          problems.push({ ...span(v), message: `Bad glob in ${key}: ${problem}.` });
          ok = false;
        }
      }
    }
    if (!('rule' in fields)) {
      if (ok) problems.push({ ...span(entry), message: 'An ignore entry needs `rule` (a rule id, or "*").' });
      continue;
    }
    if (ok) out.push(fields as unknown as IgnoreEntry);
  }
  return out;
}

function readShape(value: Node | undefined, shape: Shape, path: string, doc: Document, problems: ConfigProblem[]): unknown {
  const scalar = isScalar(value) ? (value as Scalar).value : undefined;
  if (shape === 'boolean' || shape === 'number' || shape === 'string') {
    if (typeof scalar === shape) return scalar;
    problems.push({ ...span(value), message: `${path} must be a ${shape}.` });
    return undefined;
  }
  if (shape === 'strings') {
    if (!isSeq(value)) {
      problems.push({ ...span(value), message: `${path} must be a list of globs.` });
      return undefined;
    }
    const out: string[] = [];
    for (const item of value.items) {
      const r = resolve(item, doc);
      const s = isScalar(r) ? r.value : undefined;
      const problem = globProblem(s);
      if (problem) problems.push({ ...span(r), message: `Bad glob in ${path}: ${problem}.` });
      else out.push(s as string);
    }
    return out;
  }
  if (!isMap(value)) {
    problems.push({ ...span(value), message: `${path} must be a map with ${Object.keys(shape).join(', ')}.` });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const pair of (value as YAMLMap).items as Pair[]) {
    const key = keyText(pair);
    if (!key || !(key in shape)) {
      problems.push({ ...span(pair.key as Node), message: `Unknown option "${path}.${key}": expected ${Object.keys(shape).join(', ')}.` });
      continue;
    }
    const v = readShape(resolve(pair.value, doc), shape[key], `${path}.${key}`, doc, problems);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function span(node: Node | null | undefined): { start: number; end: number } {
  const r = node && !isPair(node) ? node.range : undefined;
  return r ? { start: r[0], end: Math.max(r[1], r[0]) } : { start: 0, end: 0 };
}

function suggest(id: string | undefined): string {
  if (!id) return '';
  let best: string | undefined;
  let bestDistance = 3;
  for (const r of allRules) {
    const d = distance(id, r.meta.id);
    if (d < bestDistance) {
      best = r.meta.id;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
