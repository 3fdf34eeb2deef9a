// The text of a starter `.kubeready.yaml` ("Kubeready: Create Configuration File"). Pure: the command hands
// in the folder's current editor settings; options that differ from the defaults are written as active
// lines (so creating the file changes nothing for the person who creates it), every other option appears
// commented out with its default, so the file documents itself.
import { defaultSettings } from '../../../server/src/analysis/settings';

/** The editor's `kubeready.*` values for the folder, as read from the configuration (unchecked). */
export interface StarterValues {
  rules?: unknown;
  exclude?: unknown;
  replicasMinimum?: unknown;
  requireCpuLimit?: unknown;
  fixResources?: unknown;
  probePaths?: unknown;
}

/** The names the server looks for (kept equal to server/src/analysis/config.ts by a unit test); the first is written. */
export const CONFIG_FILE_NAMES = ['.kubeready.yaml', '.kubeready.yml'];

const LEVELS = new Set(['off', 'info', 'warning', 'error']);

/** A YAML scalar for a string: plain when that reads back as the same string, else double-quoted (JSON). */
export function yamlString(text: string): string {
  const plainSafe = /^[A-Za-z0-9_./-][A-Za-z0-9_./*-]*$/.test(text)
    && !/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(text)
    // Numbers need quotes; quantities with a unit (100m, 128Mi) read back as strings.
    && (!/^[-+]?(\d|\.\d)/.test(text) || /^\d+(\.\d+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text));
  return plainSafe ? text : JSON.stringify(text);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() ? v : fallback;
}

export function starterConfig(values: StarterValues = {}): string {
  const d = defaultSettings();
  const out: string[] = [
    '# Kubeready configuration for this repository.',
    '# It applies to every manifest in this folder and below (the nearest .kubeready.yaml wins) and it wins',
    '# over editor settings, so the team\'s decisions travel with the repository. The CLI reads it too.',
    '# Options: https://github.com/kubeready/kubeready#configuration',
    '',
  ];

  // rules
  out.push('# Severity per rule id: off, info, warning or error. `kubeready rules` lists the ids, e.g.', '#   cpu-limit: off       # we accept CPU bursting', '#   image-tag: error');
  const rules = isRecord(values.rules)
    ? Object.entries(values.rules).filter((e): e is [string, string] => typeof e[1] === 'string' && LEVELS.has(e[1])).sort(([a], [b]) => a.localeCompare(b))
    : [];
  if (rules.length) {
    out.push('rules:');
    for (const [id, level] of rules) out.push(`  ${yamlString(id)}: ${level}`);
  } else {
    out.push('rules: {}');
  }
  out.push('');

  // exclude
  out.push('# Files that are never checked: globs relative to this folder, e.g.', '#   - vendor/**', '#   - charts/*/templates/**');
  const exclude = Array.isArray(values.exclude) ? values.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  if (exclude.length) {
    out.push('exclude:');
    for (const g of exclude) out.push(`  - ${yamlString(g)}`);
  } else {
    out.push('exclude: []');
  }
  out.push('');

  // replicas
  out.push('# Fewest replicas a Deployment or StatefulSet may run (rule replicas).');
  const minimum = typeof values.replicasMinimum === 'number' && Number.isInteger(values.replicasMinimum) && values.replicasMinimum >= 1
    ? values.replicasMinimum : d.replicas.minimum;
  out.push(...block(minimum !== d.replicas.minimum, ['replicas:', `  minimum: ${minimum}`]), '');

  // resources
  out.push(
    '# Require a CPU limit (rule cpu-limit). A limit stops one container from starving its neighbours, but the',
    '# kernel throttles the container at the limit even on an idle node; teams that set requests only turn it off.',
  );
  const requireCpuLimit = typeof values.requireCpuLimit === 'boolean' ? values.requireCpuLimit : d.resources.requireCpuLimit;
  out.push(...block(requireCpuLimit !== d.resources.requireCpuLimit, ['resources:', `  requireCpuLimit: ${requireCpuLimit}`]), '');

  // fixes
  const r = isRecord(values.fixResources) ? values.fixResources : {};
  const req = isRecord(r.requests) ? r.requests : {};
  const lim = isRecord(r.limits) ? r.limits : {};
  const resources = {
    requests: { cpu: str(req.cpu, d.fixes.resources.requests.cpu), memory: str(req.memory, d.fixes.resources.requests.memory) },
    limits: { cpu: str(lim.cpu, d.fixes.resources.limits.cpu), memory: str(lim.memory, d.fixes.resources.limits.memory) },
  };
  const p = isRecord(values.probePaths) ? values.probePaths : {};
  const probePaths = { readiness: str(p.readiness, d.fixes.probePaths.readiness), liveness: str(p.liveness, d.fixes.probePaths.liveness) };
  const resourcesChanged = JSON.stringify(resources) !== JSON.stringify(d.fixes.resources);
  const probesChanged = JSON.stringify(probePaths) !== JSON.stringify(d.fixes.probePaths);
  out.push('# Values that the quick fixes insert.');
  const fixes: string[] = [];
  const resourceLines = [
    '  resources:',
    `    requests: { cpu: ${yamlString(resources.requests.cpu)}, memory: ${yamlString(resources.requests.memory)} }`,
    `    limits: { cpu: ${yamlString(resources.limits.cpu)}, memory: ${yamlString(resources.limits.memory)} }`,
  ];
  const probeLines = [
    '  probePaths:',
    `    readiness: ${yamlString(probePaths.readiness)}`,
    `    liveness: ${yamlString(probePaths.liveness)}`,
  ];
  if (resourcesChanged || probesChanged) {
    fixes.push('fixes:', ...block(resourcesChanged, resourceLines), ...block(probesChanged, probeLines));
  } else {
    fixes.push(...block(false, ['fixes:', ...resourceLines, ...probeLines]));
  }
  out.push(...fixes, '');

  // ignore
  out.push(
    '# Accepted exceptions for manifests you cannot annotate (third-party charts, vendored YAML); in your own',
    '# manifests prefer the annotation  kubeready.io/ignore: "rule-id -- reason". For example:',
    '#   - rule: pdb',
    '#     kind: Deployment',
    '#     name: legacy-*',
    '#     reason: a single replica by design; the team accepts the downtime on node drains',
    'ignore: []',
  );
  return `${out.join('\n')}\n`;
}

/** The lines as they are when active, else commented out (`# ` at the block's indentation). */
function block(active: boolean, lines: string[]): string[] {
  if (active) return lines;
  const indent = Math.min(...lines.map(l => l.match(/^ */)![0].length));
  return lines.map(l => `${l.slice(0, indent)}# ${l.slice(indent)}`);
}
