// `npm run conformance`: scores the engine against the peer fixtures of ../shared/corpus (Polaris,
// kube-linter and, when present, kube-score) and regenerates docs/conformance.md.
//
// Every fixture file is its own workspace. A peer check maps to a neutral concept (corpus/mapping.json),
// and a concept maps to our rules (CONCEPTS below). The verdict of a scoring unit is "fail" when one of
// those rules reports on what the unit is about:
// - polaris (file level): anything in the file (a danger result anywhere in the file fails it);
// - kube-linter object/container level: the object at `doc_index` (and, for a container, that container
//   or the pod as a whole); file-level entries superseded by object-level ones are skipped;
// - kube-score: the targeted object (Kind/name), else the file; entries that need a non-default peer
//   configuration are skipped.
// Disagreements we chose are listed in DIFFERENCES with the reason; the report shows agreement with and
// without them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lintText } from '../../server/src/analysis/lint';
import { defaultSettings } from '../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { ruleById } from '../../server/src/rules';
import { Finding, Severity } from '../../server/src/rules/types';

type Peer = 'polaris' | 'kube-linter' | 'kube-score';
const PEERS: Peer[] = ['polaris', 'kube-linter', 'kube-score'];
const PEER_TITLES: Record<Peer, string> = { 'polaris': 'Polaris', 'kube-linter': 'kube-linter', 'kube-score': 'kube-score' };
const TARGET = 0.95;

interface Expectation {
  file: string;
  peer_check_id: string;
  expect: 'pass' | 'fail';
  level: 'file' | 'object' | 'container';
  object?: string;
  objects?: string[];
  doc_index?: number;
  container?: string;
  concept: string;
  scope: 'in' | 'adjacent' | 'out';
  peer_config?: Record<string, unknown>;
  superseded_by_object_level?: boolean;
}

/** Which of our findings count for a concept. */
interface Coverage {
  rules: string[];
  /** Only findings whose message matches (one rule covering several concepts, e.g. host-namespaces). */
  message?: RegExp;
  /** Only findings at this severity (host-path is an error only for the runtime socket and system directories). */
  severity?: Severity;
}

/** A concept we do not check, and why. */
interface NotCovered {
  none: string;
}

/** Concepts of mapping.json (in scope, and the adjacent ones we implement) -> our rules. */
const CONCEPTS: Record<string, Coverage | NotCovered> = {
  // resources
  'container-resources-missing': { rules: ['cpu-request', 'cpu-limit', 'memory-request', 'memory-limit'] },
  'cpu-limit-missing': { rules: ['cpu-limit'] },
  'cpu-request-missing': { rules: ['cpu-request'] },
  'memory-limit-missing': { rules: ['memory-limit'] },
  'memory-request-missing': { rules: ['memory-request'] },
  // health
  'liveness-probe-missing': { rules: ['liveness-probe'] },
  'readiness-probe-missing': { rules: ['readiness-probe'] },
  'probe-port-not-exposed': { rules: ['probe-port'] },
  'probes-identical': { rules: ['identical-probes'] },
  // rbac
  'automount-sa-token': { rules: ['automount-token'] },
  'cluster-admin-binding': { rules: ['cluster-admin-binding'] },
  'default-service-account': { rules: ['default-service-account'] },
  'rbac-pod-exec-attach': { rules: ['exec-rbac'] },
  'rbac-secrets-access': { rules: ['secrets-rbac'] },
  'rbac-workload-create': { rules: ['workload-create-rbac'] },
  'wildcard-rbac': { rules: ['wildcard-rbac'] },
  // replicas
  'single-replica': { rules: ['replicas'] },
  'hpa-min-replicas-low': { rules: ['hpa-min-replicas'] },
  'no-pdb': { rules: ['pdb'] },
  'pdb-blocks-eviction': { rules: ['pdb-blocks-eviction'] },
  'pdb-min-available-too-high': { rules: ['pdb-blocks-eviction'] },
  'no-anti-affinity': { rules: ['anti-affinity'] },
  // observability
  'servicemonitor-selector-no-match': { rules: ['monitor-selector'] },
  // security
  'capabilities-not-dropped': { rules: ['capabilities'] },
  'dangerous-capabilities': { rules: ['capabilities'], message: /\badds capability\b/ },
  'host-ipc': { rules: ['host-namespaces'], message: /\bhostIPC\b/ },
  'host-network': { rules: ['host-namespaces'], message: /\bhostNetwork\b/ },
  'host-pid': { rules: ['host-namespaces'], message: /\bhostPID\b/ },
  'host-path-volume': { rules: ['host-path'] },
  'image-tag-latest-or-unpinned': { rules: ['image-tag'] },
  'privilege-escalation-allowed': { rules: ['privilege-escalation'] },
  'privileged-container': { rules: ['privileged'] },
  'run-as-root': { rules: ['run-as-non-root'] },
  'writable-root-fs': { rules: ['read-only-root-fs'] },
  'secret-in-env-literal': { rules: ['secret-in-env'] },
  'no-network-policy': { rules: ['network-policy'] },
  // state
  'statefulset-service-name-missing': { rules: ['statefulset-service'] },
  // networking
  'ingress-no-tls': { rules: ['ingress-tls'] },
  'ingress-backend-service-missing': { rules: ['ingress-backend'] },
  'service-selector-no-match': { rules: ['service-selector'] },
  'workload-selector-mismatch': { rules: ['selector-mismatch'] },
  'networkpolicy-selector-no-match': { rules: ['network-policy-selector'] },
};

/** Peer checks whose scope differs from their concept's: a subset of our findings, or none. */
const CHECK_COVERAGE: Partial<Record<Peer, Record<string, Coverage | NotCovered>>> = {
  'kube-linter': {
    // Both only look for the runtime socket and system directories, which host-path reports as errors.
    'docker-sock': { rules: ['host-path'], severity: 'error' },
    'sensitive-host-mounts': { rules: ['host-path'], severity: 'error' },
    'scc-deny-privileged-container': { none: 'OpenShift SecurityContextConstraints are cluster policy, not workloads; `privileged` checks the containers themselves.' },
  },
};

/** A disagreement we chose, with the fixtures it explains. */
interface Difference {
  title: string;
  reason: string;
  units: DifferenceUnit[];
}

interface DifferenceUnit {
  peer: Peer;
  check: string;
  file: string;
  object?: string;
  doc?: number;
  container?: string;
}

/** Polaris fixtures of one check, by file name under test/checks/<check>/. */
function polaris(check: string, files: string[]): DifferenceUnit[] {
  return files.map(f => ({ peer: 'polaris', check, file: `test/checks/${check}/${f}` }));
}

/** kube-linter units of one check in tests/checks/<file>: [object, doc_index, container?]. */
function kubeLinter(check: string, file: string, units: Array<[string, number, string?]>): DifferenceUnit[] {
  return units.map(([object, doc, container]) => ({ peer: 'kube-linter', check, file: `tests/checks/${file}`, object, doc, container }));
}

const DIFFERENCES: Difference[] = [
  {
    title: 'Two replicas are enough (kube-linter asks for three)',
    reason: 'kube-linter\'s `minimum-three-replicas` and `hpa-minimum-three-replicas` fail at 2 replicas. Two replicas already survive the loss of one pod or node and let a PodDisruptionBudget allow drains; the checklist\'s minimum is 2, configurable with `kubeready.replicas.minimum` for teams that want 3.',
    units: [
      ...kubeLinter('minimum-three-replicas', 'minimum-three-replicas.yml', [['Deployment/app', 2], ['DeploymentConfig/app', 3]]),
      ...kubeLinter('hpa-minimum-three-replicas', 'hpa-minimum-three-replicas.yml', [['HorizontalPodAutoscaler/app', 1]]),
    ],
  },
  {
    title: 'An unset minReplicas is 1',
    reason: 'Kubernetes defaults `minReplicas` of a HorizontalPodAutoscaler to 1, so an HPA without it scales down to a single pod; Polaris only looks at a value that is written. The same default applies when we compare a PodDisruptionBudget with what an HPA scales.',
    units: [
      ...polaris('hpaMinAvailability', ['success.minReplicaAbsent.yaml']),
      ...polaris('pdbMinAvailableGreaterThanHPAMinReplicas', ['success.no-min-replicas.yaml']),
    ],
  },
  {
    title: 'A budget is compared with the pods it selects, HPA or not',
    reason: 'Polaris\' `pdbMinAvailableGreaterThanHPAMinReplicas` compares `minAvailable` with an HPA\'s `minReplicas` only, and passes when `minAvailable` equals it. `pdb-blocks-eviction` compares it with the replicas of what the budget selects (the HPA minimum when an HPA scales it): `minAvailable` equal to the replica count already allows no eviction, so `kubectl drain` hangs.',
    units: polaris('pdbMinAvailableGreaterThanHPAMinReplicas', ['success.equals.yaml', 'success.hpa-no-match.yaml', 'success.no-hpa.yaml']),
  },
  {
    title: 'A probe may use a port another container of the pod declares',
    reason: 'Containers of a pod share one network namespace, so a probe on a port that a sibling container declares reaches a real listener; service meshes (Istio\'s probe rewrite) send application probes to a sidecar\'s port on purpose. kube-linter only accepts the probed container\'s own ports. `probe-port` still fires when no container of the pod declares the port.',
    units: [
      ...kubeLinter('liveness-port', 'liveness-port.yml', [['Deployment/<unnamed>', 0, 'fire-deployment-int']]),
      ...kubeLinter('readiness-port', 'readiness-port.yml', [['Deployment/<unnamed>', 0, 'fire-deployment-int'], ['Deployment/<unnamed>', 0, 'fire-deployment-grpc']]),
    ],
  },
  {
    title: 'A PodDisruptionBudget is asked for from two replicas on',
    reason: 'Polaris asks every Deployment for a PodDisruptionBudget. With one replica a budget either blocks every drain or allows the only pod to go, so `pdb` applies from 2 replicas (or an HPA) on, and `replicas` reports the single replica instead.',
    units: polaris('missingPodDisruptionBudget', ['failure-bad-ns.yaml', 'failure.bad-name.yaml', 'failure.empty-labels.yaml', 'failure.no-labels.yaml', 'failure.no-metadata.yaml', 'failure.wrong-place.yaml', 'failure.yaml']),
  },
  {
    title: 'Any NetworkPolicy that selects the pods isolates them',
    reason: 'Polaris also demands both `Ingress` and `Egress` policy types with rules. Once a policy selects a pod for a direction, everything not allowed in that direction is denied, which is what `network-policy` asks for; egress rules are a separate hardening step that many teams leave open on purpose.',
    units: polaris('missingNetworkPolicy', ['failure.netpol_missing_egress_in_policytypes.yaml', 'failure.netpol_missing_egress_rules.yaml', 'failure.netpol_missing_ingress_rules.yaml']),
  },
  {
    title: 'Every wildcard counts, not only a cluster-admin look-alike',
    reason: 'Polaris\' `rolebindingClusterAdminRole` only fails a Role whose rules are all wildcards. `wildcard-rbac` reports any `*` in verbs, resources or apiGroups: `resources: ["*"]` on the core group already grants secrets, pods/exec and every future resource.',
    units: polaris('rolebindingClusterAdminRole', ['success.explicit_apigroups.yaml', 'success.explicit_resources.yaml', 'success.explicit_verbs.yaml']),
  },
  {
    title: 'Roles are judged by what they grant, not by their name',
    reason: 'Polaris exempts RBAC objects by name: the `system:` prefix, GKE\'s `gce:podsecuritypolicy:calico-sa`, the default `admin` and `cluster-admin` ClusterRoles and their bindings. These are created by Kubernetes itself and do not appear in application manifests; when someone writes one, it grants exactly as much as under another name. (`cluster-admin-binding` skips `system:` subjects, which Kubernetes creates.)',
    units: [
      ...polaris('clusterrolePodExecAttach', ['success.defaultclusterrole_admin.yaml', 'success.defaultclusterrole_clusteradmin.yaml', 'success.gce_calico_clusterrole.yaml', 'success.system_prefix.yaml']),
      ...polaris('clusterrolebindingClusterAdmin', ['success.gce_calico_binding.yaml']),
      ...polaris('clusterrolebindingPodExecAttach', ['success.defaultclusterrolebinding_clusteradmin.yaml', 'success.defaultclusterrolebinding_system-controller-generic-garbage-collector.yaml', 'success.gce_calico_binding.yaml', 'success.system_prefix_binding.yaml']),
      ...polaris('rolePodExecAttach', ['success.gce_calico_binding.yaml', 'success.system_prefix_binding.yaml']),
      ...polaris('rolebindingClusterAdminClusterRole', ['success.gce_calico_binding.yaml']),
      ...polaris('rolebindingClusterAdminRole', ['success.gce_calico_binding.yaml', 'success.system_prefix_binding.yaml']),
      ...polaris('rolebindingClusterRolePodExecAttach', ['success.gce_calico_binding.yaml', 'success.system_prefix_binding.yaml']),
      ...polaris('rolebindingRolePodExecAttach', ['success.gce_calico_binding.yaml', 'success.system_prefix_binding.yaml']),
    ],
  },
  {
    title: 'The grant is reported on the Role, whatever binds it',
    reason: 'Polaris splits exec/attach into five checks by binding and role kind, and kube-linter\'s `access-to-secrets` and `access-to-create-pods` report the binding. We report the Role or ClusterRole that grants (`exec-rbac`, `secrets-rbac`, `workload-create-rbac`), once, wherever it is bound: a fixture made to pass one binding-kind check still fails when its ClusterRole grants exec, and a finding on the Role is not one on the RoleBinding.',
    units: [
      ...polaris('rolebindingRolePodExecAttach', ['success.role_binding_cluster_role_binding.yaml']),
      ...kubeLinter('access-to-secrets', 'access-to-secrets.yml', [['RoleBinding/role-binding1', 2]]),
      ...kubeLinter('access-to-create-pods', 'access-to-create-pods.yml', [['RoleBinding/role-binding1', 2]]),
    ],
  },
  {
    title: 'A binding to a missing role grants nothing',
    reason: 'Polaris fails a RoleBinding or ClusterRoleBinding whose role does not exist. Such a binding grants nothing until the role is created, and the role is judged when it is.',
    units: [
      ...polaris('clusterrolebindingPodExecAttach', ['failure.binding_points_to_missing_ref.yaml']),
      ...polaris('rolebindingClusterRolePodExecAttach', ['failure.binding_points_to_missing_ref.yaml']),
      ...polaris('rolebindingRolePodExecAttach', ['failure.binding_points_to_missing_ref.yaml']),
    ],
  },
  {
    title: 'Capabilities must drop ALL, even when the securityContext leaves them empty',
    reason: 'kube-linter\'s `drop-net-raw-capability` only looks at containers whose `capabilities` is set and non-null. A container with `capabilities:` empty keeps the runtime\'s default set, NET_RAW included, so `capabilities` reports it like any container that does not drop `ALL`.',
    units: kubeLinter('drop-net-raw-capability', 'drop-net-raw-capability.yml', [['Deployment/dont-fire', 0], ['DeploymentConfig/dont-fire', 1]]),
  },
  {
    title: 'runAsGroup: 0 is not running as root',
    reason: 'kube-linter\'s `run-as-non-root` also fails `runAsGroup: 0`. The process\' user decides root privileges; group 0 grants only what files give the root group. `run-as-non-root` checks `runAsNonRoot` and `runAsUser`, as the checklist defines.',
    units: kubeLinter('run-as-non-root', 'run-as-non-root.yml', [['Deployment/group-zero', 4], ['DeploymentConfig/group-zero', 5]]),
  },
  {
    title: 'A ServiceMonitor without namespaceSelector looks in its own namespace',
    reason: 'The Prometheus Operator only selects Services in the ServiceMonitor\'s namespace when `namespaceSelector` is absent. kube-linter matches labels across namespaces, so it passes a monitor whose Service lives in another namespace; `monitor-selector` reports it, because Prometheus scrapes nothing.',
    units: kubeLinter('dangling-servicemonitor', 'dangling-servicemonitor.yml', [['ServiceMonitor/dont-fire', 1]]),
  },
];

interface Unit {
  peer: Peer;
  entry: Expectation;
  coverage: Coverage | NotCovered | undefined;
  status: 'agree' | 'intentional' | 'differ' | 'not-implemented' | 'not-covered' | 'skipped';
  ours?: 'pass' | 'fail';
  difference?: Difference;
  evidence?: string;
}

function main(): number {
  const root = repoRoot();
  const corpus = resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(join(corpus, 'mapping.json'))) {
    process.stdout.write(`conformance: no corpus at ${corpus}; nothing to score.\n`);
    return 0;
  }
  const check = process.argv.includes('--check');
  const units: Unit[] = [];
  const cache = new Map<string, Finding[]>();
  for (const peer of PEERS) {
    const expectedPath = join(corpus, peer, 'expected.json');
    if (!existsSync(expectedPath)) continue;
    const entries = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expectation[];
    for (const entry of entries) {
      if (entry.scope === 'out') continue;
      const unit = score(peer, entry, corpus, cache);
      if (unit) units.push(unit);
    }
  }
  const report = render(units, corpus);
  writeFileSync(join(root, 'docs', 'conformance.md'), report.markdown);
  process.stdout.write(report.summary);
  if (check && report.adjusted < TARGET) {
    process.stderr.write(`conformance: ${pct(report.adjusted)} agreement on in-scope fixtures, below the ${pct(TARGET)} target.\n`);
    return 1;
  }
  return 0;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function coverageOf(peer: Peer, entry: Expectation): Coverage | NotCovered | undefined {
  return CHECK_COVERAGE[peer]?.[entry.peer_check_id] ?? CONCEPTS[entry.concept];
}

function score(peer: Peer, entry: Expectation, corpus: string, cache: Map<string, Finding[]>): Unit | undefined {
  if (peer === 'kube-linter' && entry.level === 'file' && entry.superseded_by_object_level) return undefined;
  const coverage = coverageOf(peer, entry);
  if (!coverage) {
    // An adjacent concept we do not implement is not scored at all (corpus/README.md).
    return entry.scope === 'in' ? { peer, entry, coverage, status: 'not-covered' } : undefined;
  }
  if ('none' in coverage) return entry.scope === 'in' ? { peer, entry, coverage, status: 'not-covered' } : undefined;
  if (coverage.rules.some(id => !ruleById(id))) return { peer, entry, coverage, status: 'not-implemented' };
  if (peer === 'kube-score' && entry.peer_config && JSON.stringify(entry.peer_config) !== '{"KubernetesVersion":"1.18"}') {
    return { peer, entry, coverage, status: 'skipped' };
  }
  const path = join(corpus, peer, entry.file);
  let findings = cache.get(path);
  if (!findings) {
    findings = lintText(entry.file, readFileSync(path, 'utf8'), defaultSettings(), new WorkspaceIndex()).findings;
    cache.set(path, findings);
  }
  const relevant = findings.filter(f => concerns(entry, coverage, f));
  const ours = relevant.length ? 'fail' : 'pass';
  const evidence = relevant.length ? `${relevant[0].ruleId}: ${relevant[0].message}` : undefined;
  if (ours === entry.expect) return { peer, entry, coverage, status: 'agree', ours, evidence };
  const difference = DIFFERENCES.find(d => d.units.some(u => u.peer === peer && u.check === entry.peer_check_id && u.file === entry.file
    && (u.object === undefined || u.object === entry.object) && (u.doc === undefined || u.doc === entry.doc_index)
    && (u.container === undefined || u.container === entry.container)));
  return { peer, entry, coverage, status: difference ? 'intentional' : 'differ', ours, difference, evidence };
}

/** True when finding `f` is one of the concept's and is about what the unit is about. */
function concerns(entry: Expectation, coverage: Coverage, f: Finding): boolean {
  if (!coverage.rules.includes(f.ruleId)) return false;
  if (coverage.message && !coverage.message.test(f.message)) return false;
  if (coverage.severity && f.severity !== coverage.severity) return false;
  if (entry.level === 'file') return true;
  if (entry.doc_index !== undefined && f.document.index !== entry.doc_index) return false;
  if (entry.object && !sameObject(entry.object, f)) return false;
  if (entry.level === 'container' && f.container !== undefined && f.container !== entry.container) return false;
  return true;
}

function sameObject(ref: string, f: Finding): boolean {
  const slash = ref.indexOf('/');
  const kind = ref.slice(0, slash);
  const name = ref.slice(slash + 1);
  if (!f.object || f.object.kind !== kind) return false;
  return name === '<unnamed>' ? !f.object.name : f.object.name === name;
}

// ---------------------------------------------------------------------------------------------------------
// The report

interface Tally {
  scored: number;
  agree: number;
  intentional: number;
  differ: number;
  notImplemented: number;
  notCovered: number;
  skipped: number;
}

function tally(units: Unit[]): Tally {
  const t: Tally = { scored: 0, agree: 0, intentional: 0, differ: 0, notImplemented: 0, notCovered: 0, skipped: 0 };
  for (const u of units) {
    if (u.status === 'agree') t.agree++;
    else if (u.status === 'intentional') t.intentional++;
    else if (u.status === 'differ') t.differ++;
    else if (u.status === 'not-implemented') t.notImplemented++;
    else if (u.status === 'not-covered') t.notCovered++;
    else t.skipped++;
  }
  t.scored = t.agree + t.intentional + t.differ;
  return t;
}

/** Agreement over the scored units, and over those left when intentional differences are set aside. */
function rates(t: Tally): { raw: number; adjusted: number } {
  return {
    raw: t.scored ? t.agree / t.scored : 1,
    adjusted: t.agree + t.differ ? t.agree / (t.agree + t.differ) : 1,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function cell(units: Unit[]): string {
  if (!units.length) return '-';
  const t = tally(units);
  if (!t.scored) {
    if (t.notImplemented) return 'not implemented yet';
    if (t.notCovered) return 'no rule';
    return 'skipped';
  }
  let s = `${t.agree}/${t.scored}`;
  if (t.intentional) s += ` (${t.intentional} intentional)`;
  if (t.notImplemented) s += `, ${t.notImplemented} not implemented yet`;
  return s;
}

function rulesCell(coverage: Coverage | NotCovered | undefined): string {
  if (!coverage || 'none' in coverage) return '-';
  return coverage.rules.map(id => (ruleById(id) ? `\`${id}\`` : `\`${id}\` (not implemented yet)`)).join(', ');
}

function render(units: Unit[], corpus: string): { markdown: string; summary: string; adjusted: number } {
  const peers = PEERS.filter(p => units.some(u => u.peer === p));
  const inScope = units.filter(u => u.entry.scope === 'in');
  const adjacent = units.filter(u => u.entry.scope === 'adjacent');
  const snapshots = snapshotCommits(corpus);

  const summaryRows = (list: Unit[]) => [
    '| peer | scoring units | scored | agree | intentional differences | other differences | agreement | agreement without intentional differences | not implemented yet | no rule |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...[...peers.map(p => [PEER_TITLES[p], list.filter(u => u.peer === p)] as const), ['**all**', list] as const].map(([name, us]) => {
      const t = tally(us);
      const r = rates(t);
      return `| ${name} | ${us.length} | ${t.scored} | ${t.agree} | ${t.intentional} | ${t.differ} | ${pct(r.raw)} | ${pct(r.adjusted)} | ${t.notImplemented} | ${t.notCovered} |`;
    }),
  ];
  const conceptRows = (list: Unit[]) => {
    const concepts = [...new Set(list.map(u => u.entry.concept))].sort();
    return [
      `| concept | our rules | ${peers.map(p => PEER_TITLES[p]).join(' | ')} |`,
      `|---|---|${peers.map(() => '---').join('|')}|`,
      ...concepts.map(c => {
        const us = list.filter(u => u.entry.concept === c);
        return `| ${c} | ${rulesCell(CONCEPTS[c])} | ${peers.map(p => cell(us.filter(u => u.peer === p))).join(' | ')} |`;
      }),
    ];
  };

  const total = rates(tally(inScope));
  const summary = [
    `Conformance on in-scope fixtures (${inScope.length} scoring units):`,
    ...summaryRows(inScope),
    '',
    ...conceptRows(inScope),
    '',
    `In-scope agreement: ${pct(total.raw)}; without documented intentional differences: ${pct(total.adjusted)} (target ${pct(TARGET)}).`,
    '',
  ].join('\n');

  const md: string[] = [
    '# Conformance against peer linters',
    '',
    'Generated by `npm run conformance` from the fixtures in `../shared/corpus`; do not edit by hand.',
    '',
    `Peers: ${peers.map(p => `${PEER_TITLES[p]}${snapshots[p] ? ` (snapshot \`${snapshots[p].slice(0, 12)}\`)` : ''}`).join(', ')}.`,
    PEERS.filter(p => !peers.includes(p)).map(p => `${PEER_TITLES[p]}'s fixtures are not in the corpus, so it is not scored.`).join(' '),
    '',
    '## How it is scored',
    '',
    '- Each fixture file is linted on its own, as one workspace, with the default settings.',
    '- Each peer check maps to a neutral concept (`mapping.json`), and each concept to our rules (the table in',
    '  `test/conformance/conformance.ts`). Our verdict is "fail" when one of those rules reports on what the',
    '  expectation is about, "pass" otherwise.',
    '- Polaris expectations are per file: any finding of the concept in the file fails it.',
    '- kube-linter expectations are per object (`doc_index`) or per container (a finding on that container, or on',
    '  the whole pod); file-level entries that are also attributed per object are not scored twice.',
    '- kube-score expectations are per targeted object; those that need a non-default kube-score configuration',
    '  are skipped.',
    '- Adjacent concepts (same area, not a checklist item) are scored only where we implement them.',
    '- Concepts whose rules are not registered yet count as "not implemented yet"; concepts we do not check count',
    '  as "no rule". Neither is in the agreement figures.',
    '- "Agreement without intentional differences" leaves out the fixtures listed under',
    '  [Intentional differences](#intentional-differences), where we disagree on purpose.',
    '',
    `In-scope agreement: **${pct(total.raw)}**; without documented intentional differences: **${pct(total.adjusted)}** (target ${pct(TARGET)}).`,
    '',
    '## Per peer (in scope)',
    '',
    ...summaryRows(inScope),
    '',
    '## Per concept (in scope)',
    '',
    'Cells are agreeing/scored units.',
    '',
    ...conceptRows(inScope),
    '',
  ];
  if (adjacent.length) {
    md.push('## Adjacent concepts we implement', '', ...summaryRows(adjacent), '', ...conceptRows(adjacent), '');
  }
  md.push('## Intentional differences', '');
  const intentional = units.filter(u => u.status === 'intentional');
  if (!intentional.length) md.push('None.', '');
  for (const d of DIFFERENCES) {
    const us = intentional.filter(u => u.difference === d);
    if (!us.length) continue;
    md.push(`### ${d.title}`, '', d.reason, '', ...us.map(u => `- ${describeUnit(u)}`), '');
  }
  md.push('## Other differences', '');
  const differ = units.filter(u => u.status === 'differ');
  if (!differ.length) md.push('None.', '');
  else md.push('Disagreements not explained above (bugs to fix, or differences to document):', '', ...differ.map(u => `- ${describeUnit(u)}`), '');
  md.push('## Concepts without a rule', '');
  const uncovered = Object.entries(CONCEPTS).filter((e): e is [string, NotCovered] => 'none' in e[1]);
  for (const [concept, c] of uncovered) md.push(`- **${concept}**: ${c.none}`);
  md.push('');
  return { markdown: md.join('\n'), summary, adjusted: total.adjusted };
}

function describeUnit(u: Unit): string {
  const e = u.entry;
  const where = [e.object, e.container ? `container ${e.container}` : undefined].filter(Boolean).join(', ');
  const ours = u.ours === 'fail' ? `we report it${u.evidence ? ` (${u.evidence.split(': ')[0]})` : ''}` : 'we do not report it';
  return `${PEER_TITLES[u.peer]} \`${e.peer_check_id}\` on \`${e.file}\`${where ? ` (${where})` : ''}: expected ${e.expect}, ${ours}.`;
}

function snapshotCommits(corpus: string): Partial<Record<Peer, string>> {
  const out: Partial<Record<Peer, string>> = {};
  const path = join(corpus, 'SOURCES.md');
  if (!existsSync(path)) return out;
  let peer: Peer | undefined;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) peer = PEERS.find(p => p === heading[1]);
    const commit = /snapshot commit: `([0-9a-f]{7,40})`/.exec(line);
    if (peer && commit) out[peer] = commit[1];
  }
  return out;
}

process.exitCode = main();
