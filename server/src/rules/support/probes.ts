// What the health-check rules share: the ports a container declares, the probes it has, and the probe a
// quick fix inserts.
import { Document, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { isEmptyValue, YamlValue } from '../../model/edits';
import { AnalysisMemo } from '../../model/memo';
import { findPair, getMap, getNode, getScalar, getSeq, getString, isMergeKey, keyText, resolve, seqItems } from '../../model/nodes';
import { ContainerView, containersOf, PodTemplate } from '../../model/workloads';
import { Settings } from '../../analysis/settings';
import { FixSpec, RuleContext } from '../types';
import { podLabels } from './availability';
import { serviceSelectorLabels } from './monitoring';
import { labelsMatch } from './networking';
import { replaceEmptyValue } from './blockEdits';

export type ProbeKey = 'readinessProbe' | 'livenessProbe' | 'startupProbe';
export const PROBE_KEYS: readonly ProbeKey[] = ['readinessProbe', 'livenessProbe', 'startupProbe'];

export interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
  /** TCP unless the port says otherwise. */
  protocol: string;
}

// Memoized for the analysis: the health-check and metrics rules all ask, for every container. Shared: do not modify.
const portsByContainer = new AnalysisMemo<YAMLMap, readonly DeclaredPort[]>();
const runningByPod = new AnalysisMemo<PodTemplate, readonly ContainerView[]>();
const canonicalProbes = new AnalysisMemo<YAMLMap, Map<readonly DeclaredPort[], string>>();
const newPortsMap = () => new Map<readonly DeclaredPort[], string>();

/** The ports a container declares (`ports[]`), in order. */
export function declaredPorts(container: ContainerView, doc: Document): readonly DeclaredPort[] {
  return portsByContainer.get(container.map, readPorts, doc);
}

function readPorts(container: YAMLMap, doc: Document): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const item of seqItems(getSeq(container, 'ports', doc), doc)) {
    if (!isMap(item)) continue;
    const name = getString(item, 'name', doc);
    const number = getScalar(item, 'containerPort', doc)?.value;
    out.push({
      name: name ? name : undefined,
      number: typeof number === 'number' ? number : undefined,
      protocol: (getString(item, 'protocol', doc) || 'TCP').toUpperCase(),
    });
  }
  return out;
}

/** Containers that keep running beside the app: regular containers and sidecars (init, `restartPolicy: Always`). */
export function runningContainers(pod: PodTemplate): readonly ContainerView[] {
  return runningByPod.get(pod, readRunningContainers);
}

function readRunningContainers(pod: PodTemplate): readonly ContainerView[] {
  return containersOf(pod).filter(c => !c.init || getString(c.map, 'restartPolicy', pod.object.doc) === 'Always');
}

/** The probe map under `key`, or undefined when the key is missing or holds nothing (`null`, `{}`). */
export function probeOf(container: ContainerView, key: ProbeKey, doc: Document): YAMLMap | undefined {
  const node = getNode(container.map, key, doc);
  if (isNothing(node)) return undefined;
  return isMap(node) ? node : undefined;
}

/** A value Kubernetes reads as "no probe": missing, `null` (spelled or not), `{}`. */
function isNothing(node: Node | undefined): boolean {
  return isEmptyValue(node) || (isScalar(node) && node.value === null);
}

/** True when the container has something under `key` (a probe, or a value of the wrong type reported elsewhere). */
export function hasProbe(container: ContainerView, key: ProbeKey, doc: Document): boolean {
  return !isNothing(getNode(container.map, key, doc));
}

export interface ProbePort {
  /** The `port` value node. */
  node: Node;
  /** A port name, or a number. */
  value: string | number;
  handler: 'httpGet' | 'tcpSocket' | 'grpc';
}

/** The port a probe connects to, when it uses one (exec probes do not). */
export function probePortOf(probe: YAMLMap, doc: Document): ProbePort | undefined {
  for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    const h = getMap(probe, handler, doc);
    const node = getNode(h, 'port', doc);
    if (!isScalar(node)) continue;
    const v = node.value;
    if (typeof v === 'number') return { node, value: v, handler };
    if (typeof v === 'string' && v !== '') return { node, value: /^\d+$/.test(v) ? Number(v) : v, handler };
  }
  return undefined;
}

// ---- What the quick fix inserts ----

export interface ProbeTarget {
  port: string | number;
  http: boolean;
}

const HTTP_NAMES = /^(http|http-.+|web|api|ui|rest)$/;
const HTTP_NUMBERS = new Set([80, 3000, 5000, 8000, 8008, 8080, 8081, 8888]);

function isTcp(p: DeclaredPort): boolean {
  return p.protocol === 'TCP';
}

/**
 * The port a new probe targets: a port named `http`/`http-*`, else the first TCP port (by name when it has
 * one). Without declared ports: a numeric target port of a Service that selects the pods, when this is the
 * only container that can serve it. Undefined when there is no port a probe can safely use.
 */
export function probeTarget(ctx: RuleContext, container: ContainerView): ProbeTarget | undefined {
  const doc = ctx.doc;
  const ports = declaredPorts(container, doc).filter(p => p.number !== undefined || p.name);
  if (ports.length) {
    const tcp = ports.filter(isTcp);
    const chosen = tcp.find(p => p.name !== undefined && /^http(-|$)/.test(p.name)) ?? tcp[0];
    if (!chosen) return undefined;
    const http = chosen.name !== undefined ? HTTP_NAMES.test(chosen.name) : HTTP_NUMBERS.has(chosen.number ?? -1);
    return { port: chosen.name ?? chosen.number!, http };
  }
  const port = servicePortFor(ctx, container);
  return port === undefined ? undefined : { port, http: false };
}

/** A numeric Service target port that no container of the pod declares, served by this container. */
function servicePortFor(ctx: RuleContext, container: ContainerView): number | undefined {
  const pod = ctx.pod();
  if (!pod) return undefined;
  const doc = ctx.doc;
  const running = runningContainers(pod);
  // Another container without ports could be the one serving the Service: then we cannot tell.
  if (running.some(c => c.map !== container.map && !declaredPorts(c, doc).length)) return undefined;
  const declared = new Set(running.flatMap(c => declaredPorts(c, doc).map(p => p.number)));
  const labels = podLabels(ctx.object);
  if (!Object.keys(labels).length) return undefined;
  for (const service of ctx.workspace.inNamespaceOf(ctx.object, 'Service')) {
    const selector = serviceSelectorLabels(service);
    if (!selector || !labelsMatch(selector, labels)) continue;
    const spec = getMap(service.map, 'spec', service.doc);
    for (const item of seqItems(getSeq(spec, 'ports', service.doc), service.doc)) {
      if (!isMap(item)) continue;
      const protocol = (getString(item, 'protocol', service.doc) || 'TCP').toUpperCase();
      if (protocol !== 'TCP') continue;
      const target = getScalar(item, 'targetPort', service.doc)?.value ?? getScalar(item, 'port', service.doc)?.value;
      const n = typeof target === 'number' ? target : typeof target === 'string' && /^\d+$/.test(target) ? Number(target) : undefined;
      if (n !== undefined && n > 0 && !declared.has(n)) return n;
    }
  }
  return undefined;
}

const TIMING: Record<'readinessProbe' | 'livenessProbe', { initialDelaySeconds: number; periodSeconds: number; failureThreshold: number }> = {
  readinessProbe: { initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
  // More lenient than readiness: a slow moment takes the pod out of the Service long before it is restarted.
  livenessProbe: { initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 6 },
};

function newProbe(settings: Settings, key: 'readinessProbe' | 'livenessProbe', target: ProbeTarget): { [k: string]: YamlValue } {
  const path = key === 'readinessProbe' ? settings.fixes.probePaths.readiness : settings.fixes.probePaths.liveness;
  const handler: { [k: string]: YamlValue } = target.http ? { httpGet: { path, port: target.port } } : { tcpSocket: { port: target.port } };
  return { ...handler, ...TIMING[key] };
}

/** The probe the fix inserts: never one that identical-probes flags beside the container's other probe. */
function distinctProbe(settings: Settings, container: ContainerView, doc: Document, key: 'readinessProbe' | 'livenessProbe', target: ProbeTarget) {
  const probe = newProbe(settings, key, target);
  const other = probeOf(container, key === 'readinessProbe' ? 'livenessProbe' : 'readinessProbe', doc);
  if (other) {
    // Nudge the new probe's threshold until it differs.
    const ports = declaredPorts(container, doc);
    const otherKey = canonicalProbe(other, doc, ports);
    while (canonicalProbeValue(probe, ports) === otherKey) probe.failureThreshold = (probe.failureThreshold as number) + 1;
  }
  return probe;
}

const TITLES = { readinessProbe: 'Add readiness probe', livenessProbe: 'Add liveness probe' } as const;

/** "Add readiness/liveness probe" for a container that lacks it; none when no port can be targeted. */
export function probeFixes(ctx: RuleContext, container: ContainerView, key: 'readinessProbe' | 'livenessProbe'): FixSpec[] {
  const target = probeTarget(ctx, container);
  if (!target) return [];
  const { doc, settings } = ctx;
  const pair = findPair(container.map, key, doc);
  // A probe key that only comes from a merge (`<<`) source, or whose value is an alias: add our own key.
  if (pair && !container.map.items.includes(pair)) return [];
  // The probe is built when the fix is applied: building and comparing it for every finding was most of the
  // probe rules' time, for fixes that are rarely applied.
  const probe = () => distinctProbe(settings, container, doc, key, target);
  const value = pair?.value;
  if (pair && isScalar(value) && value.value === null && value.source && value.range) {
    // `readinessProbe: null`: the probe takes the place of the null.
    return [{ title: TITLES[key], preferred: true, edit: b => replaceEmptyValue(b, pair, probe(), !!container.map.flow) }];
  }
  return [{ title: TITLES[key], preferred: true, edit: b => b.merge(container.map, { [key]: probe() }) }];
}

// ---- Comparing probes (identical-probes) ----

const PROBE_DEFAULTS: Record<string, unknown> = { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

/** A plain value of a node: aliases resolved, `<<` merges applied (own keys win). */
export function plainValue(node: unknown, doc: Document, depth = 0): unknown {
  const n = resolve(node, doc);
  if (depth > 32 || n === undefined) return null;
  if (isScalar(n)) return n.value;
  if (isSeq(n)) return n.items.map(i => plainValue(i, doc, depth + 1));
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const item of n.items) {
      if (isMergeKey(item.key)) continue;
      const k = keyText(item);
      if (k !== undefined) out[k] = plainValue(item.value, doc, depth + 1);
    }
    for (const item of n.items) {
      if (!isMergeKey(item.key)) continue;
      const source = resolve(item.value, doc);
      const sources = isSeq(source) ? source.items : [source];
      for (const s of sources) {
        const merged = plainValue(s, doc, depth + 1);
        if (merged && typeof merged === 'object' && !Array.isArray(merged)) {
          for (const [k, v] of Object.entries(merged)) if (!(k in out)) out[k] = v;
        }
      }
    }
    return out;
  }
  return null;
}

/** A key for comparing probes: Kubernetes defaults filled in, named ports resolved, key order ignored. */
export function canonicalProbe(probe: YAMLMap, doc: Document, ports: readonly DeclaredPort[]): string {
  // Asked by identical-probes and by the fixes of the two probe rules; kept by probe and ports, as an anchored
  // probe can be shared by containers with different ports.
  const byPorts = canonicalProbes.get(probe, newPortsMap);
  let key = byPorts.get(ports);
  if (key === undefined) {
    key = canonicalProbeValue(plainValue(probe, doc) as Record<string, unknown>, ports);
    byPorts.set(ports, key);
  }
  return key;
}

function canonicalProbeValue(probe: Record<string, unknown>, ports: readonly DeclaredPort[]): string {
  // Built without copies of the probe and without `delete` (which turns an object into a slow dictionary):
  // identical-probes asks for two of these per container.
  const value: Record<string, unknown> = {};
  for (const k in PROBE_DEFAULTS) value[k] = PROBE_DEFAULTS[k];
  for (const k in probe) {
    const v = probe[k];
    if (v === null || v === undefined) continue;
    value[k] = isHandler(k) && typeof v === 'object' && !Array.isArray(v) ? canonicalHandler(k, v as Record<string, unknown>, ports) : v;
  }
  return stableStringify(value);
}

type Handler = 'httpGet' | 'tcpSocket' | 'grpc';

function isHandler(key: string): key is Handler {
  return key === 'httpGet' || key === 'tcpSocket' || key === 'grpc';
}

/** A handler with Kubernetes' defaults: named port resolved, HTTP scheme and path filled in, empty extras left out. */
function canonicalHandler(handler: Handler, h: Record<string, unknown>, ports: readonly DeclaredPort[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k in h) {
    if (handler === 'httpGet' && ((k === 'host' && !h.host) || (k === 'httpHeaders' && Array.isArray(h.httpHeaders) && !h.httpHeaders.length))) continue;
    if (handler === 'grpc' && k === 'service' && !h.service) continue;
    copy[k] = k === 'port' ? namedPort(h.port, ports) : h[k];
  }
  if (handler === 'httpGet') {
    copy.scheme = typeof h.scheme === 'string' ? h.scheme.toUpperCase() : 'HTTP';
    if (h.path === undefined || h.path === null || h.path === '') copy.path = '/';
  }
  return copy;
}

/** A probe's port as the number it reaches: digits as a number, a name looked up among the declared ports. */
function namedPort(port: unknown, ports: readonly DeclaredPort[]): unknown {
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  if (typeof port !== 'string') return port;
  return ports.find(p => p.name === port)?.number ?? port;
}

/** JSON with object keys in code-unit order (the default sort), so key order in the source does not matter. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stableStringify(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${stableStringify(object[keys[i]])}`;
    return `${out}}`;
  }
  return JSON.stringify(value ?? null);
}
