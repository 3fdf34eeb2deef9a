#!/usr/bin/env node
// Deterministic generator of realistic Kubernetes manifests for the benchmarks (plain Node, no dependencies).
//
//   node bench/generate.mjs --docs 1000 --out bench/out/docs-1000.yaml          one multi-document file
//   node bench/generate.mjs --files 2000 --docs-per-file 3 --out-dir bench/out/tree   a workspace tree
//   [--seed S]   another seed gives another (equally realistic) corpus; the same arguments give the same bytes
//
// Manifests come in application bundles, the way teams write them: a workload (Deployment, StatefulSet with
// volumeClaimTemplates, CronJob, sometimes a DaemonSet) with its ConfigMap, ServiceAccount and RBAC, Service,
// PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy, Ingress and ServiceMonitor, sharing labels and
// names, so cross-resource rules have real work (and real mistakes) to find. About half of the containers
// miss something (resources, probes, securityContext, pinned images); comments, Helm `# Source:` headers,
// both sequence indentation styles, quoted and block scalars appear as they do in real repositories.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// ---- randomness: a seeded sfc32, never Math.random or the clock ----------------------------------------

function seedWords(seed) {
  // FNV-1a over the seed's text, stretched to four words.
  let h = 0x811c9dc5;
  const words = [];
  for (const ch of `kubeready:${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let i = 0; i < 4; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    words.push((h ^ (h >>> 15)) >>> 0);
  }
  return words;
}

export class Random {
  constructor(seed) {
    [this.a, this.b, this.c, this.d] = seedWords(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next() {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  chance(p) { return this.next() < p; }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.next() * list.length)]; }
  /** `[[value, weight], ...]` */
  weighted(pairs) {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.next() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
}

// ---- a small YAML emitter ------------------------------------------------------------------------------
// Plain JS values, plus wrappers for what real files have: trailing comments, comment lines above a key,
// block scalars and flow sequences.

class Trailing { constructor(value, comment) { this.value = value; this.comment = comment; } }
class Block { constructor(text, chomp = '') { this.text = text; this.chomp = chomp; } }
class Flow { constructor(items) { this.items = items; } }
const trailing = (value, comment) => new Trailing(value, comment);
const block = (text, chomp) => new Block(text, chomp);
const flow = items => new Flow(items);
/** Comment lines above keys of a map: `{ [ABOVE]: { key: 'text' } }`. */
const ABOVE = Symbol('comments above keys');

const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
const NUMBERISH = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i;

function needsQuotes(s) {
  return s === '' || YAML11_WORDS.test(s) || NUMBERISH.test(s) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s)
    || /: |\s#|:$|\s$|[\n\t]/.test(s);
}

class Emitter {
  constructor(rnd, style) {
    this.rnd = rnd;
    this.style = style; // { indentSeq, quoteAll }
    this.lines = [];
  }

  scalar(v, isKey = false) {
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = String(v);
    if (needsQuotes(s)) return /['\\]/.test(s) || this.rnd.chance(0.6) ? JSON.stringify(s) : `'${s}'`;
    // Helm charts often quote every string value.
    if (!isKey && this.style.quoteAll && this.rnd.chance(0.7)) return JSON.stringify(s);
    return s;
  }

  map(obj, indent, firstPrefix) {
    const pad = ' '.repeat(indent);
    const above = obj[ABOVE] ?? {};
    let first = true;
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) continue;
      if (above[key]) {
        // A comment cannot sit between "- " and the first key: it goes above the dash.
        const commentPad = first && firstPrefix !== undefined ? firstPrefix.slice(0, -2) : pad;
        this.lines.push(`${commentPad}# ${above[key]}`);
      }
      const prefix = first && firstPrefix !== undefined ? firstPrefix : pad;
      first = false;
      this.pair(key, value, indent, prefix);
    }
  }

  pair(key, value, indent, prefix) {
    const k = `${prefix}${this.scalar(key, true)}:`;
    if (value instanceof Trailing) {
      this.lines.push(`${k} ${this.scalar(value.value)}  # ${value.comment}`);
    } else if (value instanceof Block) {
      this.lines.push(`${k} |${value.chomp}`);
      for (const line of value.text.replace(/\n$/, '').split('\n')) this.lines.push(line ? `${' '.repeat(indent + 2)}${line}` : '');
    } else if (value instanceof Flow) {
      this.lines.push(`${k} [${value.items.map(i => (typeof i === 'string' ? JSON.stringify(i) : this.scalar(i))).join(', ')}]`);
    } else if (Array.isArray(value)) {
      if (!value.length) this.lines.push(`${k} []`);
      else {
        this.lines.push(k);
        this.seq(value, this.style.indentSeq ? indent + 2 : indent);
      }
    } else if (value !== null && typeof value === 'object') {
      if (!Object.keys(value).length) this.lines.push(`${k} {}`);
      else {
        this.lines.push(k);
        this.map(value, indent + 2);
      }
    } else {
      this.lines.push(`${k} ${this.scalar(value)}`);
    }
  }

  seq(items, indent) {
    const pad = ' '.repeat(indent);
    for (const item of items) {
      if (item instanceof Trailing) this.lines.push(`${pad}- ${this.scalar(item.value)}  # ${item.comment}`);
      else if (Array.isArray(item)) {
        this.lines.push(`${pad}-`);
        this.seq(item, indent + 2);
      } else if (item !== null && typeof item === 'object' && !(item instanceof Block) && !(item instanceof Flow)) {
        this.map(item, indent + 2, `${pad}- `);
      } else this.lines.push(`${pad}- ${this.scalar(item)}`);
    }
  }
}

function emitDocument(rnd, obj, header) {
  const emitter = new Emitter(rnd, { indentSeq: rnd.chance(0.5), quoteAll: rnd.chance(0.15) });
  emitter.lines.push(...header);
  emitter.map(obj, 0);
  return `${emitter.lines.join('\n')}\n`;
}

// ---- vocabulary ----------------------------------------------------------------------------------------

const TEAMS = ['checkout', 'catalog', 'identity', 'platform', 'analytics', 'ml', 'growth', 'infra', 'billing', 'media', 'messaging', 'search', 'risk', 'support'];
const APPS = ['api', 'worker', 'gateway', 'web', 'scheduler', 'indexer', 'cache', 'proxy', 'ingest', 'exporter', 'auth', 'consumer', 'backend', 'sync', 'notifier', 'renderer'];
const REGISTRIES = ['', 'docker.io/library/', 'ghcr.io/acme/', 'registry.internal.example.com/', 'quay.io/', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/', 'gcr.io/acme-prod/'];
const BASE_IMAGES = ['nginx', 'redis', 'postgres', 'envoyproxy/envoy', 'node', 'python', 'openjdk', 'golang', 'busybox', 'haproxy', 'memcached', 'rabbitmq'];
const ENVS = ['dev', 'staging', 'prod'];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const RBAC_RESOURCES = ['pods', 'services', 'configmaps', 'secrets', 'endpoints', 'events', 'leases', 'jobs', 'deployments', 'persistentvolumeclaims', 'pods/log'];
const REMARKS = [
  'TODO: revisit after the load test', 'owned by the platform team', 'do not edit: generated by CI', 'see runbook RB-2041',
  'raised for peak season', 'FIXME: drop after the migration', 'required by the PCI review', 'keep in sync with values.yaml',
  'temporary until the new node pool', 'set by the release pipeline', 'matches the SLO dashboard', 'per incident INC-7731',
];
const STORAGE_CLASSES = ['gp3', 'standard', 'premium-rwo', 'fast-ssd'];

// ---- applications and their resources ------------------------------------------------------------------

let serial = 0;

function newApp(rnd, teamHint) {
  const team = teamHint ?? rnd.pick(TEAMS);
  const component = rnd.pick(APPS);
  const env = rnd.weighted([['prod', 5], ['staging', 3], ['dev', 2]]);
  serial++;
  const name = rnd.chance(0.35) ? `${team}-${component}` : `${team}-${component}-${serial.toString(36)}`;
  const port = rnd.pick([8080, 8080, 8443, 3000, 5000, 9000, 80, 6379, 5432]);
  return {
    team, component, env, name, port,
    namespace: rnd.chance(0.92) ? rnd.weighted([[`${team}-${env}`, 6], [team, 3], ['default', 1]]) : undefined,
    kind: rnd.weighted([['Deployment', 70], ['StatefulSet', 14], ['CronJob', 11], ['DaemonSet', 5]]),
    helm: rnd.chance(0.35),
    labelStyle: rnd.chance(0.6) ? 'recommended' : 'app',
    // Some bundles carry a mistake a cross-resource rule should catch.
    selectorTypo: rnd.chance(0.04),
    wrongTargetPort: rnd.chance(0.05),
    missingService: rnd.chance(0.04),
  };
}

function selectorLabels(app) {
  return app.labelStyle === 'recommended'
    ? { 'app.kubernetes.io/name': app.component, 'app.kubernetes.io/instance': app.name }
    : { app: app.name };
}

function metadata(rnd, app, name, extra = {}) {
  const m = { name };
  if (app.namespace && extra.clusterScoped !== true) m.namespace = app.namespace;
  const labels = { ...selectorLabels(app) };
  if (rnd.chance(0.7)) labels['app.kubernetes.io/part-of'] = app.team;
  if (app.helm) {
    labels['app.kubernetes.io/managed-by'] = 'Helm';
    labels['helm.sh/chart'] = `${app.component}-${rnd.int(0, 4)}.${rnd.int(0, 20)}.${rnd.int(0, 9)}`;
  } else if (rnd.chance(0.3)) labels['app.kubernetes.io/managed-by'] = rnd.pick(['kustomize', 'argocd']);
  if (rnd.chance(0.6)) labels.env = app.env;
  if (rnd.chance(0.25)) labels['app.kubernetes.io/version'] = `${rnd.int(1, 4)}.${rnd.int(0, 30)}.${rnd.int(0, 12)}`;
  m.labels = labels;
  const annotations = {};
  if (app.helm && rnd.chance(0.6)) {
    annotations['meta.helm.sh/release-name'] = app.name;
    annotations['meta.helm.sh/release-namespace'] = app.namespace ?? 'default';
  }
  if (rnd.chance(0.15)) annotations['kubernetes.io/change-cause'] = `deploy ${rnd.hex(7)} by ci (#${rnd.int(100, 9999)})`;
  if (rnd.chance(0.12)) annotations.owner = `${app.team}@example.com`;
  if (extra.annotations) Object.assign(annotations, extra.annotations);
  if (Object.keys(annotations).length) m.annotations = annotations;
  if (rnd.chance(0.12)) m[ABOVE] = { labels: rnd.pick(REMARKS) };
  return m;
}

function image(rnd, app) {
  const base = app.kind === 'StatefulSet' ? rnd.pick(['postgres', 'redis', 'rabbitmq', 'memcached']) : rnd.pick(BASE_IMAGES);
  const repo = rnd.chance(0.4) ? `${rnd.pick(REGISTRIES.slice(2))}${app.team}/${app.component}` : `${rnd.pick(REGISTRIES)}${base}`;
  const r = rnd.next();
  if (r < 0.07) return repo;
  if (r < 0.15) return `${repo}:latest`;
  if (r < 0.22) return `${repo}@sha256:${rnd.hex(64)}`;
  return `${repo}:${rnd.int(1, 16)}.${rnd.int(0, 30)}.${rnd.int(0, 15)}${rnd.chance(0.2) ? '-alpine' : ''}`;
}

function probe(rnd, port, kind) {
  const p = {};
  const r = rnd.next();
  if (r < 0.65) p.httpGet = { path: kind === 'readiness' ? rnd.pick(['/ready', '/readyz', '/health/ready']) : rnd.pick(['/healthz', '/livez', '/health/live']), port: rnd.chance(0.7) ? 'http' : port };
  else if (r < 0.9) p.tcpSocket = { port };
  else p.exec = { command: ['sh', '-c', rnd.pick(['pg_isready -U postgres', 'redis-cli ping', 'test -f /tmp/healthy'])] };
  if (rnd.chance(0.7)) p.initialDelaySeconds = rnd.pick([0, 5, 10, 15, 30]);
  if (rnd.chance(0.7)) p.periodSeconds = rnd.pick([5, 10, 15, 30]);
  if (rnd.chance(0.35)) p.timeoutSeconds = rnd.int(1, 5);
  if (rnd.chance(0.35)) p.failureThreshold = rnd.int(2, 6);
  return p;
}

function container(rnd, app, index) {
  const main = index === 0;
  const name = main ? app.component : rnd.pick(['envoy', 'log-shipper', 'metrics-agent', 'vault-agent', 'cloud-sql-proxy']);
  const port = main ? app.port : rnd.pick([9901, 9102, 8200, 5432]);
  const c = { name, image: main ? image(rnd, app) : rnd.pick(['envoyproxy/envoy:v1.29.1', 'fluent/fluent-bit:3.0', 'prom/statsd-exporter:v0.26.0', 'hashicorp/vault:1.15', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.1']) };
  if (rnd.chance(0.4)) c.imagePullPolicy = rnd.pick(['IfNotPresent', 'Always']);
  if (rnd.chance(0.25)) c.args = rnd.chance(0.4) ? flow([`--port=${port}`, '--log-format=json']) : [`--port=${port}`, `--log-level=${rnd.pick(['info', 'debug', 'warn'])}`];
  if (main || rnd.chance(0.5)) c.ports = [{ name: rnd.pick(['http', 'http', 'grpc', 'https']), containerPort: port, protocol: 'TCP' }];
  if (main && rnd.chance(0.4)) c.ports.push({ name: 'metrics', containerPort: 9090 });
  if (rnd.chance(0.6)) {
    c.env = [];
    for (let k = 0, n = rnd.int(1, 7); k < n; k++) {
      const r = rnd.next();
      if (r < 0.55) c.env.push({ name: `${rnd.pick(['LOG_LEVEL', 'PORT', 'DB_HOST', 'FEATURE_FLAGS', 'REGION', 'JAVA_OPTS', 'GOMAXPROCS', 'TZ', 'OTEL_EXPORTER_OTLP_ENDPOINT'])}${k ? `_${k}` : ''}`, value: rnd.pick(['info', String(port), 'db.internal.svc', 'checkout,search', 'eu-west-1', '-Xmx512m -XX:+UseG1GC', '2', 'UTC', 'true', 'http://otel-collector:4317']) });
      else if (r < 0.8) c.env.push({ name: `DB_PASSWORD${k ? `_${k}` : ''}`, valueFrom: { secretKeyRef: { name: `${app.name}-secrets`, key: rnd.pick(['password', 'token', 'api-key']) } } });
      else c.env.push({ name: `POD_${rnd.pick(['IP', 'NAMESPACE', 'NODE'])}_${k}`, valueFrom: { fieldRef: { fieldPath: rnd.pick(['status.podIP', 'metadata.namespace', 'spec.nodeName']) } } });
    }
  }
  if (rnd.chance(0.15)) c.envFrom = [{ configMapRef: { name: `${app.name}-config` } }];
  if (rnd.chance(0.58)) {
    c.resources = {};
    if (rnd.chance(0.9)) c.resources.requests = { cpu: rnd.pick(['50m', '100m', '250m', '500m', '1']), memory: rnd.pick(['64Mi', '128Mi', '256Mi', '512Mi', '1Gi']) };
    if (rnd.chance(0.7)) {
      c.resources.limits = rnd.chance(0.55)
        ? { cpu: rnd.pick(['500m', '1', '2']), memory: rnd.pick(['256Mi', '512Mi', '1Gi', '2Gi']) }
        : { memory: trailing(rnd.pick(['512Mi', '1Gi', '1500Mi']), rnd.pick(REMARKS)) };
    }
    if (rnd.chance(0.03)) c.resources.requests = { cpu: '2', memory: '4Gi' }; // above its limits
  }
  if (app.kind !== 'CronJob') {
    if (main ? rnd.chance(0.6) : rnd.chance(0.25)) c.livenessProbe = probe(rnd, port, 'liveness');
    if (main ? rnd.chance(0.65) : rnd.chance(0.25)) c.readinessProbe = probe(rnd, port, 'readiness');
    if (rnd.chance(0.08)) c.startupProbe = probe(rnd, port, 'startup');
  }
  if (rnd.chance(0.5)) {
    const r = rnd.next();
    if (r < 0.72) c.securityContext = { runAsNonRoot: true, runAsUser: rnd.pick([1000, 10001, 65532]), readOnlyRootFilesystem: rnd.chance(0.7), allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    else if (r < 0.85) c.securityContext = { privileged: trailing(true, rnd.pick(['needed for eBPF', 'mounts the host fs', 'legacy agent'])), runAsUser: 0 };
    else c.securityContext = { capabilities: { add: flow(['NET_ADMIN', 'SYS_TIME']) } };
  }
  if (rnd.chance(0.4)) {
    c.volumeMounts = [{ name: 'config', mountPath: `/etc/${app.component}`, readOnly: true }];
    if (rnd.chance(0.4)) c.volumeMounts.push({ name: 'tmp', mountPath: '/tmp' });
  }
  return c;
}

function podSpec(rnd, app, forJob) {
  const spec = {};
  if (rnd.chance(0.45)) spec.serviceAccountName = app.name;
  if (rnd.chance(0.06)) spec.hostNetwork = trailing(true, rnd.pick(REMARKS));
  if (rnd.chance(0.3)) spec.securityContext = { runAsNonRoot: true, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } };
  if (rnd.chance(0.2)) spec.nodeSelector = { 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': rnd.pick(['m6i.large', 'c6i.xlarge', 'r6i.2xlarge']) };
  if (rnd.chance(0.12)) spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: app.team, effect: 'NoSchedule' }];
  if (rnd.chance(0.2)) {
    spec.affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: selectorLabels(app) }, topologyKey: 'kubernetes.io/hostname' } }] } };
  } else if (rnd.chance(0.1)) {
    spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(app) } }];
  }
  if (rnd.chance(0.12)) spec.initContainers = [{ name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z db 5432; do sleep 2; done'] }];
  spec.containers = [];
  for (let i = 0, n = rnd.weighted([[1, 62], [2, 28], [3, 10]]); i < n; i++) spec.containers.push(container(rnd, app, i));
  if (rnd.chance(0.4)) spec.volumes = [{ name: 'config', configMap: { name: `${app.name}-config` } }, { name: 'tmp', emptyDir: {} }];
  if (forJob) spec.restartPolicy = rnd.pick(['OnFailure', 'Never']);
  if (rnd.chance(0.15)) spec.terminationGracePeriodSeconds = rnd.pick([10, 30, 60, 120]);
  return spec;
}

function podTemplate(rnd, app, forJob) {
  const labels = { ...selectorLabels(app) };
  if (app.selectorTypo) labels[Object.keys(labels)[0]] += 'd'; // a typo the selector no longer matches
  if (rnd.chance(0.5)) labels.env = app.env;
  const metadataOut = { labels };
  if (rnd.chance(0.3)) metadataOut.annotations = { 'checksum/config': rnd.hex(64) };
  if (rnd.chance(0.25)) (metadataOut.annotations ??= {})['prometheus.io/scrape'] = 'true';
  return { metadata: metadataOut, spec: podSpec(rnd, app, forJob) };
}

const kinds = {
  Deployment(rnd, app) {
    const spec = {};
    if (rnd.chance(0.88)) spec.replicas = rnd.chance(0.25) ? trailing(1, rnd.pick(REMARKS)) : rnd.int(1, 6);
    if (rnd.chance(0.2)) spec.revisionHistoryLimit = rnd.int(2, 10);
    spec.selector = { matchLabels: selectorLabels(app) };
    if (rnd.chance(0.3)) spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: rnd.pick(['25%', 1]), maxUnavailable: rnd.pick([0, '25%']) } };
    spec.template = podTemplate(rnd, app, false);
    return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(rnd, app, app.name), spec };
  },
  StatefulSet(rnd, app) {
    const template = podTemplate(rnd, app, false);
    (template.spec.containers[0].volumeMounts ??= []).push({ name: 'data', mountPath: '/var/lib/data' });
    const spec = {
      serviceName: rnd.chance(0.9) ? `${app.name}-headless` : app.name,
      replicas: rnd.int(1, 5),
      selector: { matchLabels: selectorLabels(app) },
      template,
      volumeClaimTemplates: [{
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: rnd.pick(STORAGE_CLASSES), resources: { requests: { storage: rnd.pick(['10Gi', '50Gi', '200Gi']) } } },
      }],
    };
    if (rnd.chance(0.3)) spec.podManagementPolicy = 'Parallel';
    return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: metadata(rnd, app, app.name), spec };
  },
  DaemonSet(rnd, app) {
    const spec = { selector: { matchLabels: selectorLabels(app) }, template: podTemplate(rnd, app, false) };
    if (rnd.chance(0.5)) spec.template.spec.volumes = [...(spec.template.spec.volumes ?? []), { name: 'varlog', hostPath: { path: '/var/log' } }];
    if (rnd.chance(0.4)) spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: metadata(rnd, app, app.name), spec };
  },
  CronJob(rnd, app) {
    const spec = {
      schedule: trailing(rnd.pick(['*/5 * * * *', '0 3 * * *', '30 1 * * 0', '@hourly']), 'UTC'),
      concurrencyPolicy: rnd.pick(['Forbid', 'Allow', 'Replace']),
      successfulJobsHistoryLimit: rnd.int(1, 5),
      jobTemplate: { spec: { backoffLimit: rnd.int(0, 6), template: podTemplate(rnd, app, true) } },
    };
    if (rnd.chance(0.4)) spec.jobTemplate.spec.activeDeadlineSeconds = rnd.pick([600, 3600]);
    return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: metadata(rnd, app, `${app.name}-cron`), spec };
  },
  Service(rnd, app, headless) {
    const spec = {};
    if (headless) spec.clusterIP = 'None';
    else spec.type = rnd.weighted([['ClusterIP', 75], ['LoadBalancer', 15], ['NodePort', 10]]);
    spec.selector = selectorLabels(app);
    const targetPort = app.wrongTargetPort ? app.port + 1 : rnd.chance(0.5) ? 'http' : app.port;
    spec.ports = [{ name: 'http', port: rnd.pick([80, 80, 443, app.port]), targetPort, protocol: 'TCP' }];
    if (rnd.chance(0.25)) spec.ports.push({ name: 'metrics', port: 9090, targetPort: 9090 });
    if (spec.type === 'NodePort') spec.ports[0].nodePort = rnd.int(30000, 32767);
    if (spec.type === 'LoadBalancer' && rnd.chance(0.5)) spec.loadBalancerSourceRanges = ['10.0.0.0/8', '192.168.0.0/16'];
    const name = headless ? `${app.name}-headless` : app.name;
    return { apiVersion: 'v1', kind: 'Service', metadata: metadata(rnd, app, name), spec };
  },
  ConfigMap(rnd, app) {
    const data = {};
    for (let i = 0, n = rnd.int(1, 6); i < n; i++) {
      const r = rnd.next();
      if (r < 0.5) data[`${rnd.pick(['LOG_LEVEL', 'MAX_CONNECTIONS', 'TIMEOUT_MS', 'CACHE_TTL', 'FEATURE_CHECKOUT_V2'])}_${i}`] = rnd.pick(['info', '100', '2500', '300', 'true', 'enabled']);
      else if (r < 0.8) {
        const lines = [];
        for (let j = 0, m = rnd.int(3, 18); j < m; j++) {
          lines.push(j % 6 === 0 ? `# section ${j / 6 + 1}` : `${rnd.pick(['server', 'db', 'cache', 'log'])}.${rnd.pick(['host', 'port', 'timeout', 'level', 'pool'])}${j}=${rnd.pick(['localhost', '5432', '30s', 'debug', '16'])}`);
        }
        data[`application-${i}.properties`] = block(`${lines.join('\n')}\n`);
      } else {
        data[`nginx-${i}.conf`] = block(`server {\n  listen ${rnd.pick([80, 8080])};\n  location / {\n    proxy_pass http://${app.name}:${app.port};\n    proxy_set_header Host $host;\n  }\n}\n`, rnd.chance(0.3) ? '-' : '');
      }
    }
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(rnd, app, `${app.name}-config`), data };
  },
  ServiceAccount(rnd, app) {
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(rnd, app, app.name) };
    if (rnd.chance(0.4)) sa.automountServiceAccountToken = false;
    return sa;
  },
  Role(rnd, app, cluster) {
    const rules = [];
    for (let i = 0, n = rnd.int(1, 4); i < n; i++) {
      if (rnd.chance(0.06)) {
        rules.push({ [ABOVE]: { apiGroups: 'wildcard: flagged in the security review' }, apiGroups: ['*'], resources: ['*'], verbs: ['*'] });
        continue;
      }
      const verbs = VERBS.filter(() => rnd.chance(0.45));
      const resources = [...new Set([...RBAC_RESOURCES.filter(() => rnd.chance(0.2)), rnd.pick(RBAC_RESOURCES)])];
      rules.push({ apiGroups: [rnd.pick(['', 'apps', 'batch', 'coordination.k8s.io'])], resources, verbs: verbs.length ? (rnd.chance(0.3) ? flow(verbs) : verbs) : ['get'] });
    }
    const kind = cluster ? 'ClusterRole' : 'Role';
    return { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: metadata(rnd, app, cluster ? `${app.name}-${app.namespace ?? 'default'}` : app.name, { clusterScoped: cluster }), rules };
  },
  RoleBinding(rnd, app, cluster) {
    const subjects = [{ kind: 'ServiceAccount', name: app.name, namespace: app.namespace ?? 'default' }];
    if (rnd.chance(0.15)) subjects.push({ kind: 'Group', name: `${app.team}-oncall`, apiGroup: 'rbac.authorization.k8s.io' });
    const roleName = rnd.chance(0.04) ? 'cluster-admin' : cluster ? `${app.name}-${app.namespace ?? 'default'}` : app.name;
    const kind = cluster ? 'ClusterRoleBinding' : 'RoleBinding';
    return {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: metadata(rnd, app, app.name, { clusterScoped: cluster }),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: cluster || roleName === 'cluster-admin' ? 'ClusterRole' : 'Role', name: roleName },
      subjects,
    };
  },
  PodDisruptionBudget(rnd, app) {
    const spec = rnd.chance(0.55) ? { minAvailable: rnd.pick([1, 1, 2, '50%']) } : { maxUnavailable: rnd.pick([1, 1, '25%', 0]) };
    spec.selector = { matchLabels: selectorLabels(app) };
    return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata(rnd, app, `${app.name}-pdb`), spec };
  },
  HorizontalPodAutoscaler(rnd, app) {
    const metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: rnd.pick([60, 70, 80]) } } }];
    if (rnd.chance(0.3)) metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } });
    return {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: metadata(rnd, app, app.name),
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: app.kind === 'StatefulSet' ? 'StatefulSet' : 'Deployment', name: app.name }, minReplicas: rnd.int(1, 3), maxReplicas: rnd.int(4, 30), metrics },
    };
  },
  NetworkPolicy(rnd, app) {
    const spec = { podSelector: rnd.chance(0.15) ? {} : { matchLabels: selectorLabels(app) }, policyTypes: rnd.chance(0.5) ? ['Ingress'] : ['Ingress', 'Egress'] };
    spec.ingress = [{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': rnd.pick(['ingress-nginx', 'monitoring', `${rnd.pick(TEAMS)}-prod`]) } } }, { podSelector: { matchLabels: { app: `${rnd.pick(TEAMS)}-${rnd.pick(APPS)}` } } }],
      ports: [{ protocol: 'TCP', port: app.port }],
    }];
    if (spec.policyTypes.length === 2) spec.egress = [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }];
    return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: metadata(rnd, app, app.name), spec };
  },
  Ingress(rnd, app) {
    const host = `${app.component}.${app.env === 'prod' ? '' : `${app.env}.`}${app.team}.example.com`;
    const backendName = app.missingService ? `${app.name}-svc` : app.name;
    const spec = {
      ingressClassName: rnd.pick(['nginx', 'alb', 'traefik']),
      rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backendName, port: rnd.chance(0.6) ? { number: 80 } : { name: 'http' } } } }] } }],
    };
    if (rnd.chance(0.65)) spec.tls = [{ hosts: [host], secretName: `${app.name}-tls` }];
    const annotations = { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' };
    if (spec.ingressClassName === 'nginx') annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '8m';
    return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: metadata(rnd, app, app.name, { annotations }), spec };
  },
  ServiceMonitor(rnd, app) {
    return {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: metadata(rnd, app, app.name),
      spec: { selector: { matchLabels: selectorLabels(app) }, endpoints: [{ port: rnd.chance(0.8) ? 'metrics' : 'http', interval: rnd.pick(['15s', '30s', '60s']), path: '/metrics' }] },
    };
  },
};

/** The resources of one application, in the order a team would write them. */
function bundle(rnd, app) {
  const out = [];
  const add = (kind, ...args) => out.push(kinds[kind](rnd, app, ...args));
  const longRunning = app.kind !== 'CronJob';
  if (rnd.chance(0.55)) add('ConfigMap');
  if (rnd.chance(0.45)) add('ServiceAccount');
  if (rnd.chance(0.25)) {
    const cluster = rnd.chance(0.2);
    add('Role', cluster);
    add('RoleBinding', cluster);
  }
  add(app.kind);
  if (app.kind === 'StatefulSet') add('Service', true);
  if (longRunning && app.kind !== 'DaemonSet' && !app.missingService && rnd.chance(0.8)) add('Service', false);
  if (longRunning && app.kind !== 'DaemonSet' && rnd.chance(0.4)) add('PodDisruptionBudget');
  if (app.kind === 'Deployment' && rnd.chance(0.35)) add('HorizontalPodAutoscaler');
  if (longRunning && rnd.chance(0.3)) add('NetworkPolicy');
  if (app.kind === 'Deployment' && rnd.chance(0.3)) add('Ingress');
  if (longRunning && rnd.chance(0.15)) add('ServiceMonitor');
  return out;
}

function renderDocument(rnd, app, obj) {
  const header = [];
  if (app.helm && rnd.chance(0.8)) header.push(`# Source: ${app.component}/templates/${obj.kind.toLowerCase()}.yaml`);
  else if (rnd.chance(0.12)) header.push(`# ${rnd.pick(REMARKS)}`);
  return emitDocument(rnd, obj, header);
}

function joinDocuments(rnd, docs) {
  let out = rnd.chance(0.5) ? '---\n' : '';
  docs.forEach((doc, i) => {
    if (i > 0) out += rnd.chance(0.08) ? `--- # ${rnd.pick(REMARKS)}\n` : '---\n';
    out += doc;
  });
  return out;
}

// ---- public API ----------------------------------------------------------------------------------------

/** One multi-document file of `docs` documents (applications one after the other, as in `helm template` output). */
export function generateFile(docs, seed = 1) {
  const rnd = new Random(`file:${docs}:${seed}`);
  serial = 0;
  const parts = [];
  let team;
  while (parts.length < docs) {
    // Runs of applications of the same team, as in one chart or kustomization.
    if (!team || rnd.chance(0.3)) team = rnd.pick(TEAMS);
    const app = newApp(rnd, team);
    for (const obj of bundle(rnd, app)) {
      if (parts.length === docs) break;
      parts.push(renderDocument(rnd, app, obj));
    }
  }
  return joinDocuments(rnd, parts);
}

/**
 * A repository of `files` files with `docsPerFile` documents each: `<team>/<app>/[<env>/]<name>.yaml`.
 * Each file holds one application's workload first, then its other resources; what does not fit goes to the
 * next files of the same application (a PDB or HPA in its own file, as kustomize bases have them).
 */
export function generateTree(files, docsPerFile, seed = 1) {
  const rnd = new Random(`tree:${files}:${docsPerFile}:${seed}`);
  serial = 0;
  const out = [];
  let pending = [];
  let app;
  const names = new Set();
  while (out.length < files) {
    if (!pending.length) {
      app = newApp(rnd, TEAMS[out.length % TEAMS.length]);
      const resources = bundle(rnd, app);
      const workload = resources.findIndex(r => r.kind === app.kind);
      pending = [resources[workload], ...resources.filter((_, i) => i !== workload)];
    }
    const docs = pending.splice(0, docsPerFile);
    while (docs.length < docsPerFile) {
      // Top up with another application's leading resources: files rarely hold exactly one bundle.
      const extra = newApp(rnd, app.team);
      docs.push(...bundle(rnd, extra).slice(0, docsPerFile - docs.length));
    }
    const dir = [app.team, app.name, ...(rnd.chance(0.3) ? [app.env] : [])].join('/');
    let base = `${rnd.pick(['deployment', 'manifest', 'resources', 'k8s', app.component])}`;
    let path = `${dir}/${base}.yaml`;
    for (let n = 2; names.has(path); n++) path = `${dir}/${base}-${n}.${n % 4 === 0 ? 'yml' : 'yaml'}`;
    names.add(path);
    out.push({ path, text: joinDocuments(rnd, docs.map(d => renderDocument(rnd, app, d))) });
  }
  return out;
}

// ---- command line --------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${key} needs a positive integer (got "${value}")`);
      i++;
      return n;
    };
    switch (key) {
      case '--docs': args.docs = number(); break;
      case '--files': args.files = number(); break;
      case '--docs-per-file': args.docsPerFile = number(); break;
      case '--seed': args.seed = number(); break;
      case '--out': args.out = value; i++; break;
      case '--out-dir': args.outDir = value; i++; break;
      default: throw new Error(`unknown argument "${key}"`);
    }
  }
  return args;
}

export function writeTree(outDir, tree) {
  let bytes = 0;
  for (const { path, text } of tree) {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args.out && args.docs) {
      const text = generateFile(args.docs, args.seed);
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, text);
      console.log(`${args.out}: ${args.docs} documents, ${Buffer.byteLength(text)} bytes`);
    } else if (args.outDir && args.files) {
      const bytes = writeTree(args.outDir, generateTree(args.files, args.docsPerFile ?? 3, args.seed));
      console.log(`${args.outDir}: ${args.files} files x ${args.docsPerFile ?? 3} documents, ${bytes} bytes`);
    } else throw new Error('use --docs N --out FILE, or --files N [--docs-per-file K] --out-dir DIR');
  } catch (e) {
    console.error(`generate: ${e.message}`);
    process.exitCode = 2;
  }
}

// Run as a script (not when imported by the bench runner or bundled into a test).
if (/[\\/]generate\.mjs$/.test(process.argv[1] ?? '')) main();
