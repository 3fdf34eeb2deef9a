// Structural and byte-level mutations of a manifest, chosen by a seeded generator: lines deleted,
// duplicated, indented, swapped and moved; scalars swapped for maps and maps for scalars; hostile scalars;
// template syntax; truncation; invalid UTF-8, BOMs and odd line endings; anchors, aliases and merge keys;
// other kinds; deep nesting; pieces of other seeds.
import { Rng } from './rng';
import { Seed } from './seeds';

export interface Generated {
  text: string;
  path: string;
  seed: string;
  mutations: string[];
}

const KEY_VALUE = /^(\s*(?:- )?)([\w./$-]+):[ \t]+(\S.*)$/;
const KEY_ONLY = /^(\s*(?:- )?)([\w./$-]+):[ \t]*(#.*)?$/;

const HOSTILE_SCALARS = [
  'null', '~', '""', "''", '"two"', '8080', '"8080"', '-1', '0', '1e309', '0x1F', '1_000', '010', 'yes', 'no', 'on', 'off', 'y', 'n',
  'true', '1.5.0', '512mb', '-1Gi', '1.5', '.inf', '.nan', "'quoted'", '*alias', '&anchor value', '!tag value', '!!binary aGk=',
  '!!str 5', '|\n  block\n  text', '>-\n  folded', 'ünïcödé', '🚀', '"\\u0000"', '"\\ud800"', '[unclosed', '{unclosed', '"unclosed',
  "'unclosed", ': :', '- item', '? complex', '@reserved', '`backtick', '%', '\t', '', '[]', '{}', '[1, [2, [3]]]', '{a: {b: {c: d}}}',
  'latest', 'nginx:latest', 'cluster-admin', '"*"', '[\'*\']', 'http', '65536', '-80', '100m', '0.5', '2Gi', '1Ei',
];

const KINDS = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'List', 'Service',
  'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'ServiceAccount', 'Ingress', 'PersistentVolumeClaim', 'ServiceMonitor', 'PodMonitor', 'ConfigMap', 'Secret', 'Rollout',
  'DeploymentConfig', 'ScaledObject', 'Namespace', 'CustomResourceDefinition', 'Widget', '',
];

const K8S_KEYS = [
  'containers', 'initContainers', 'resources', 'requests', 'limits', 'ports', 'env', 'replicas', 'selector', 'matchLabels', 'template',
  'spec', 'metadata', 'labels', 'annotations', 'rules', 'subjects', 'roleRef', 'volumes', 'volumeMounts', 'securityContext',
  'livenessProbe', 'readinessProbe', 'httpGet', 'port', 'targetPort', 'items', 'jobTemplate', 'tls', 'backend', 'podSelector',
  'ingress', 'egress', 'capabilities', 'add', 'drop', 'endpoints', 'scaleTargetRef', 'minReplicas', 'maxUnavailable', 'minAvailable',
];

const TEMPLATES = [
  '{{- if .Values.enabled }}', '{{- end }}', '{{ include "app.labels" . | nindent 4 }}', '{{- toYaml .Values.resources | nindent 12 }}',
  '{{ .Values.name }}', '"{{ .Values.image }}:{{ .Chart.AppVersion }}"', '{{- range .Values.hosts }}', '{{ template "x" . }}',
];

const UNICODE = ['\u0000', '\u0007', '\ud800', '\udfff', '\ud83d', '\u200d', '\u202e', '\u2028', '\u2029', '\ufeff', '\uffff', 'é', '日本', '🚀', '👩‍💻', '\u0085', '\u00a0'];

const INVALID_UTF8 = [[0xff], [0xfe], [0xc3], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0xbc], [0x80], [0xe2, 0x82], [0x00], [0xf8, 0x88, 0x80, 0x80, 0x80]];

type Mutation = (text: string, rng: Rng, seeds: readonly Seed[]) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

function withLines(text: string, rng: Rng, f: (ls: string[], i: number) => void): string {
  const ls = lines(text);
  if (!ls.length) return text;
  f(ls, rng.int(ls.length));
  return ls.join('\n');
}

/** Index of a random line matching `re`, or -1. */
function findLine(ls: string[], re: RegExp, rng: Rng): number {
  const candidates: number[] = [];
  for (let i = 0; i < ls.length; i++) if (re.test(ls[i])) candidates.push(i);
  return candidates.length ? rng.pick(candidates) : -1;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (t, r) => withLines(t, r, (ls, i) => ls.splice(i, 1)),
  duplicateLine: (t, r) => withLines(t, r, (ls, i) => ls.splice(i, 0, ls[i])),
  indentLine: (t, r) => withLines(t, r, (ls, i) => {
    const by = r.pick([' ', '  ', '    ', '\t', '-', 'remove']);
    ls[i] = by === 'remove' ? ls[i].replace(/^ {1,4}/, '') : by === '-' ? ls[i].replace(/^(\s*)/, '$1- ') : by + ls[i];
  }),
  swapLines: (t, r) => withLines(t, r, (ls, i) => {
    const j = r.chance(0.5) ? Math.min(ls.length - 1, i + 1) : r.int(ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
  }),
  moveBlock: (t, r) => withLines(t, r, (ls, i) => {
    const block = ls.splice(i, 1 + r.int(6));
    ls.splice(r.int(ls.length + 1), 0, ...block);
  }),
  scalarToMap: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, KEY_VALUE, r);
    if (i < 0) return;
    const [, prefix, key] = KEY_VALUE.exec(ls[i])!;
    const pad = ' '.repeat(prefix.length + 2);
    ls[i] = `${prefix}${key}: ${r.pick(['{a: 1}', '[1, 2]', '[]', '{}', `\n${pad}a: 1\n${pad}b: [x]`, `\n${pad}- x`, '{name: web, image: x}'])}`;
  }),
  mapToScalar: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, KEY_ONLY, r);
    if (i < 0) return;
    const [, prefix, key] = KEY_ONLY.exec(ls[i])!;
    ls[i] = `${prefix}${key}: ${r.pick(HOSTILE_SCALARS)}`;
    if (r.chance(0.6)) {
      // Remove the block below it too, so the result often parses and reaches the rules.
      const indent = indentOf(ls[i]);
      let j = i + 1;
      while (j < ls.length && (ls[j].trim() === '' || indentOf(ls[j]) > indent || (indentOf(ls[j]) === indent && ls[j].trimStart().startsWith('- ') && !prefix.includes('-')))) j++;
      ls.splice(i + 1, j - i - 1);
    }
  }),
  replaceScalar: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, KEY_VALUE, r);
    if (i < 0) return;
    const [, prefix, key] = KEY_VALUE.exec(ls[i])!;
    const value = r.chance(0.03) ? 'x'.repeat(1 + r.int(20_000)) : r.pick(HOSTILE_SCALARS);
    ls[i] = `${prefix}${key}: ${value.replace(/\n/g, `\n${' '.repeat(prefix.length + 2)}`)}`;
  }),
  wrongType: (t, r) => withLines(t, r, ls => {
    const key = r.pick(K8S_KEYS);
    const re = new RegExp(`^(\\s*(?:- )?)${key}:`);
    const i = findLine(ls, re, r);
    if (i < 0) return;
    const [, prefix] = re.exec(ls[i])!;
    ls[i] = `${prefix}${key}: ${r.pick(HOSTILE_SCALARS.filter(s => !s.includes('\n')))}`;
    if (r.chance(0.7)) {
      const indent = indentOf(ls[i]) + (prefix.includes('-') ? 2 : 0);
      let j = i + 1;
      while (j < ls.length && (ls[j].trim() === '' || indentOf(ls[j]) > indent)) j++;
      ls.splice(i + 1, j - i - 1);
    }
  }),
  swapKind: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, /^\s*(- )?kind:/, r);
    if (i >= 0) ls[i] = ls[i].replace(/kind:.*/, `kind: ${r.pick(KINDS)}`);
  }),
  emptyValue: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, KEY_VALUE, r);
    if (i >= 0) ls[i] = ls[i].replace(/:[ \t]+\S.*$/, ':');
  }),
  injectTemplate: (t, r) => withLines(t, r, (ls, i) => {
    const template = r.pick(TEMPLATES);
    const j = findLine(ls, KEY_VALUE, r);
    if (r.chance(0.5) && j >= 0) ls[j] = ls[j].replace(/:[ \t]+\S.*$/, `: ${template}`);
    else ls.splice(i, 0, `${' '.repeat(r.chance(0.5) ? 0 : indentOf(ls[i]))}${template}`);
  }),
  truncate: (t, r) => t.slice(0, r.int(t.length + 1)),
  invalidUtf8: (t, r) => {
    const bytes = Buffer.from(t, 'utf8');
    const at = r.int(bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(r.pick(INVALID_UTF8)), bytes.subarray(at)]).toString('utf8');
  },
  unicode: (t, r) => {
    const at = r.int(t.length + 1);
    return t.slice(0, at) + r.pick(UNICODE) + t.slice(at);
  },
  insertIndicator: (t, r) => {
    const at = r.int(t.length + 1);
    return t.slice(0, at) + r.pick([...':-?[]{},#&*!|>\'"%@`', ': ', '- ', ' #', '\t', '\\']) + t.slice(at);
  },
  charFlip: (t, r) => {
    if (!t.length) return t;
    const at = r.int(t.length);
    return t.slice(0, at) + String.fromCharCode(32 + r.int(95)) + t.slice(at + 1);
  },
  docMarker: (t, r) => withLines(t, r, (ls, i) => ls.splice(i, 0, r.pick(['---', '...', '--- # doc', '%YAML 1.2\n---', '--- |', '---\n---', '%TAG ! tag:example.com,2000:']))),
  lineEndings: (t, r) => {
    const style = r.pick(['crlf', 'cr', 'mixed', 'lf']);
    const lf = t.replace(/\r\n?/g, '\n');
    if (style === 'crlf') return lf.replace(/\n/g, '\r\n');
    if (style === 'cr') return lf.replace(/\n/g, '\r');
    if (style === 'lf') return lf;
    return lf.split('\n').map(l => l + r.pick(['\n', '\r\n', '\r'])).join('').slice(0, -1);
  },
  bom: (t, r) => (r.chance(0.8) ? `\ufeff${t.replace(/^\ufeff/, '')}` : withLines(t, r, (ls, i) => { ls[i] = `\ufeff${ls[i]}`; })),
  trailingNewline: t => (t.endsWith('\n') ? t.replace(/[\r\n]+$/, '') : `${t}\n`),
  anchorAlias: (t, r) => withLines(t, r, ls => {
    const name = r.pick(['a', 'b', 'x', 'defaults']);
    const i = findLine(ls, KEY_VALUE, r);
    const j = findLine(ls, KEY_VALUE, r);
    const k = findLine(ls, KEY_ONLY, r);
    const choice = r.int(4);
    if (choice === 0 && i >= 0) ls[i] = ls[i].replace(/:[ \t]+/, `: &${name} `);
    else if (choice === 1 && j >= 0) ls[j] = ls[j].replace(/:[ \t]+\S.*$/, `: *${name}`);
    else if (choice === 2 && k >= 0) ls[k] = ls[k].replace(/:[ \t]*(#.*)?$/, `: &${name}`);
    else if (k >= 0) ls.splice(k + 1, 0, `${' '.repeat(indentOf(ls[k]) + 2)}<<: *${name}`);
  }),
  duplicateKey: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, KEY_VALUE, r);
    if (i >= 0) ls.splice(i + 1, 0, ls[i].replace(/^(\s*)- /, '$1  '));
  }),
  deepNest: (t, r) => withLines(t, r, ls => {
    const levels = r.chance(0.2) ? 150 + r.int(300) : 2 + r.int(40);
    const i = findLine(ls, KEY_VALUE, r);
    if (i < 0) return;
    const open = r.chance(0.5) ? '[' : '{a: ';
    const close = open === '[' ? ']' : '}';
    ls[i] = ls[i].replace(/:[ \t]+\S.*$/, `: ${open.repeat(levels)}1${close.repeat(levels)}`);
  }),
  splice: (t, r, seeds) => withLines(t, r, (ls, i) => {
    const other = lines(r.pick(seeds).text);
    const from = r.int(other.length);
    const chunk = other.slice(from, from + 1 + r.int(12));
    ls.splice(i, 0, ...chunk);
  }),
  concatSeed: (t, r, seeds) => `${t}${t.endsWith('\n') ? '' : '\n'}---\n${r.pick(seeds).text}`,
  listWrap: t => `apiVersion: v1\nkind: List\nitems:\n${t.split(/^---.*$/m).filter(d => d.trim()).map(d => d.replace(/\r/g, '').trimEnd().split('\n').map((l, i) => `${i ? '    ' : '  - '}${l}`).join('\n')).join('\n')}\n`,
  tabify: (t, r) => withLines(t, r, ls => {
    const i = findLine(ls, /^ {2,}\S/, r);
    if (i >= 0) ls[i] = ls[i].replace(/^ {2}/, '\t');
  }),
};

const NAMES = Object.keys(MUTATIONS);

/** The input of one iteration: a seed and 0-4 mutations, all decided by `Rng.for(seed, iteration)`. */
export function generate(seeds: readonly Seed[], seed: number, iteration: number): Generated {
  const rng = Rng.for(seed, iteration);
  const base = rng.pick(seeds);
  const path = rng.chance(0.05) ? 'chart/templates/fuzz.yaml' : 'fuzz.yaml';
  const count = rng.chance(0.03) ? 0 : 1 + rng.int(4);
  const mutations: string[] = [];
  let text = base.text;
  for (let i = 0; i < count; i++) {
    const name = rng.pick(NAMES);
    mutations.push(name);
    text = MUTATIONS[name](text, rng, seeds);
    if (text.length > 2_000_000) text = text.slice(0, 2_000_000);
  }
  return { text, path, seed: base.name, mutations };
}
