// What the container-security rules share: the effective securityContext of a container (pod level and
// container level, the container winning as in Kubernetes), the problems each rule looks for, and the edits
// that fix them, alone or all at once ("Apply restricted security context").
import { Document, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { EditBuilder, isEmptyValue, YamlValue } from '../../model/edits';
import { AnalysisMemo } from '../../model/memo';
import { findPair, getMap, getString, resolve, seqItems } from '../../model/nodes';
import { ContainerView, PodTemplate } from '../../model/workloads';
import { FixSpec, RuleContext } from '../types';

/** A key found in a securityContext, with where it lives. */
export interface Setting {
  pair: Pair;
  /** The value, aliases resolved. */
  node: Node;
  /** The securityContext map that holds it (for a key reached through `<<`, the map it was merged into). */
  map: YAMLMap;
  level: 'pod' | 'container';
  /** True when the pair is written in `map` itself, not merged in with `<<`: only then can it be edited in place. */
  own: boolean;
}

export interface SecurityView {
  doc: Document;
  pod: PodTemplate;
  container: ContainerView;
  /** `spec.securityContext` of the pod, when it is a map. */
  podContext: YAMLMap | undefined;
  /** `securityContext` of the container, when it is a map. */
  containerContext: YAMLMap | undefined;
}

/** One view per container for the analysis: the six security rules each look at every container. */
const securityViews = new AnalysisMemo<ContainerView, SecurityView>();

export function securityView(ctx: RuleContext, container: ContainerView): SecurityView | undefined {
  const pod = ctx.pod();
  if (!pod) return undefined;
  return securityViews.get(container, readSecurityView, pod);
}

function readSecurityView(container: ContainerView, pod: PodTemplate): SecurityView {
  const doc = pod.object.doc;
  return { doc, pod, container, podContext: getMap(pod.spec, 'securityContext', doc), containerContext: getMap(container.map, 'securityContext', doc) };
}

const windowsPods = new AnalysisMemo<PodTemplate, boolean>();

/** Linux-only settings mean nothing on Windows pods (`spec.os.name: windows`). */
export function isWindowsPod(pod: PodTemplate): boolean {
  return windowsPods.get(pod, readIsWindows);
}

function readIsWindows(pod: PodTemplate): boolean {
  return getString(getMap(pod.spec, 'os', pod.object.doc), 'name', pod.object.doc) === 'windows';
}

function settingIn(map: YAMLMap | undefined, key: string, level: Setting['level'], doc: Document): Setting | undefined {
  if (!map) return undefined;
  const pair = findPair(map, key, doc);
  if (!pair) return undefined;
  const node = resolve(pair.value, doc);
  // `key:` with no value is null, which Kubernetes treats as unset.
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  return { pair, node, map, level, own: map.items.includes(pair) };
}

export function containerSetting(view: SecurityView, key: string): Setting | undefined {
  return settingIn(view.containerContext, key, 'container', view.doc);
}

export function podSetting(view: SecurityView, key: string): Setting | undefined {
  return settingIn(view.podContext, key, 'pod', view.doc);
}

/** A key that exists at both levels (runAsNonRoot, runAsUser, seccompProfile ...): the container's wins. */
export function effectiveSetting(view: SecurityView, key: string): Setting | undefined {
  return containerSetting(view, key) ?? podSetting(view, key);
}

export function scalarValue(setting: Setting | undefined): unknown {
  return setting && isScalar(setting.node) ? (setting.node as Scalar).value : undefined;
}

const isTrue = (s: Setting | undefined) => scalarValue(s) === true;

// ---------------------------------------------------------------------------------------------------
// Problems, one function per rule. Each returns undefined when the container is fine.

export type RootProblem =
  | { kind: 'user0'; setting: Setting }
  | { kind: 'notNonRoot'; setting: Setting | undefined };

export function rootProblem(view: SecurityView): RootProblem | undefined {
  const user = effectiveSetting(view, 'runAsUser');
  const uid = scalarValue(user);
  if (user && uid === 0) return { kind: 'user0', setting: user };
  const nonRoot = effectiveSetting(view, 'runAsNonRoot');
  if (scalarValue(nonRoot) === true) return undefined;
  // An explicit non-zero UID runs the process as that user, whatever the image says.
  if (typeof uid === 'number' && uid > 0) return undefined;
  return { kind: 'notNonRoot', setting: nonRoot };
}

export type EscalationProblem =
  | { kind: 'privileged'; setting: Setting }
  | { kind: 'sysAdmin'; node: Node }
  | { kind: 'notFalse'; setting: Setting | undefined };

export function escalationProblem(view: SecurityView): EscalationProblem | undefined {
  const privileged = containerSetting(view, 'privileged');
  if (isTrue(privileged)) return { kind: 'privileged', setting: privileged! };
  const sysAdmin = addedCapabilities(view).find(c => c.name === 'SYS_ADMIN');
  if (sysAdmin) return { kind: 'sysAdmin', node: sysAdmin.node };
  const ape = containerSetting(view, 'allowPrivilegeEscalation');
  if (scalarValue(ape) === false) return undefined;
  return { kind: 'notFalse', setting: ape };
}

export function privilegedSetting(view: SecurityView): Setting | undefined {
  const privileged = containerSetting(view, 'privileged');
  return isTrue(privileged) ? privileged : undefined;
}

export function readOnlyProblem(view: SecurityView): { setting: Setting | undefined } | undefined {
  const ro = containerSetting(view, 'readOnlyRootFilesystem');
  return isTrue(ro) ? undefined : { setting: ro };
}

export interface Capability {
  /** Upper case, without a `CAP_` prefix. */
  name: string;
  node: Node;
}

interface CapabilityList {
  seq: YAMLSeq | undefined;
  node: Node | undefined;
  items: readonly Capability[];
}

const NO_CAPABILITIES: CapabilityList = { seq: undefined, node: undefined, items: [] };

/** Memoized per securityContext map for the analysis: the six security rules and their fixes read the lists of every container. */
const capabilityLists = new AnalysisMemo<YAMLMap, { add?: CapabilityList; drop?: CapabilityList; dropsAll?: boolean }>();
const noLists = () => ({});

function capabilityList(view: SecurityView, key: 'add' | 'drop'): CapabilityList {
  const context = view.containerContext;
  if (!context) return NO_CAPABILITIES;
  return (capabilityLists.get(context, noLists)[key] ??= readCapabilityList(view, key));
}

function readCapabilityList(view: SecurityView, key: 'add' | 'drop'): CapabilityList {
  const caps = getMap(view.containerContext, 'capabilities', view.doc);
  const pair = caps ? findPair(caps, key, view.doc) : undefined;
  const node = pair ? resolve(pair.value, view.doc) : undefined;
  const items: Capability[] = [];
  for (const item of seqItems(node, view.doc)) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    items.push({ name: normalizeCapability(item.value), node: item });
  }
  return { seq: isSeq(node) ? node : undefined, node, items };
}

export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export function addedCapabilities(view: SecurityView): readonly Capability[] {
  return capabilityList(view, 'add').items;
}

/** The capabilities container runtimes (Docker, containerd) grant by default. Dropping all of them equals dropping ALL. */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP',
  'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
];

/** True when the container drops ALL, or every capability the runtime grants by default. */
export function dropsAll(view: SecurityView): boolean {
  const context = view.containerContext;
  if (!context) return false;
  const lists = capabilityLists.get(context, noLists);
  if (lists.dropsAll === undefined) {
    const dropped = new Set(capabilityList(view, 'drop').items.map(c => c.name));
    lists.dropsAll = dropped.has('ALL') || DEFAULT_CAPABILITIES.every(c => dropped.has(c));
  }
  return lists.dropsAll;
}

/** The `drop` value, for positions and for appending `ALL`. */
export function dropList(view: SecurityView) {
  return capabilityList(view, 'drop');
}

const RUNTIME_DEFAULT = 'RuntimeDefault';

export function seccompProblem(view: SecurityView): { setting: Setting | undefined; typeNode: Node | undefined } | undefined {
  const profile = effectiveSetting(view, 'seccompProfile');
  if (!profile) return { setting: undefined, typeNode: undefined };
  const type = isMap(profile.node) ? findPair(profile.node, 'type', view.doc) : undefined;
  const typeNode = type ? resolve(type.value, view.doc) : undefined;
  const value = isScalar(typeNode) ? typeNode.value : undefined;
  if (value === RUNTIME_DEFAULT || value === 'Localhost') return undefined;
  return { setting: profile, typeNode };
}

// ---------------------------------------------------------------------------------------------------
// Fixes

export const TITLES = {
  runAsNonRoot: 'Set runAsNonRoot: true',
  runAsNonRootReplacing: 'Set runAsNonRoot: true (replaces runAsUser: 0)',
  allowPrivilegeEscalation: 'Set allowPrivilegeEscalation: false',
  readOnlyRootFilesystem: 'Set readOnlyRootFilesystem: true',
  dropAll: 'Drop all capabilities',
  removePrivileged: 'Remove privileged: true',
  seccomp: 'Set seccompProfile: RuntimeDefault',
  restricted: 'Apply restricted security context',
} as const;

interface RootPlan {
  /** `runAsUser: 0` settings to turn into `runAsNonRoot: true` (or to delete when the map has runAsNonRoot). */
  replace: Setting[];
  /** Where `runAsNonRoot: true` still has to be set (after the replacements): 'container', 'pod' or nowhere. */
  set: 'container' | 'pod' | undefined;
}

/**
 * How to make the container non-root. `placement` is where a new `runAsNonRoot: true` goes when nothing
 * forces a level: the pod (the single fix) or the container (the restricted context).
 */
function rootPlan(view: SecurityView, placement: 'pod' | 'container'): RootPlan | undefined {
  const replace: Setting[] = [];
  const containerUser = containerSetting(view, 'runAsUser');
  const podUser = podSetting(view, 'runAsUser');
  if (scalarValue(containerUser) === 0) replace.push(containerUser!);
  if ((!containerUser || scalarValue(containerUser) === 0) && scalarValue(podUser) === 0) replace.push(podUser!);
  // A `runAsUser: 0` merged in with `<<` cannot be edited without touching the anchor's other users.
  if (replace.some(s => !s.own)) return undefined;
  // Each replaced map ends up with `runAsNonRoot: true` (the pair is rewritten, or its runAsNonRoot sibling is
  // set to true), so only a container-level runAsNonRoot that is not true and was not replaced still blocks.
  const containerNonRoot = containerSetting(view, 'runAsNonRoot');
  let set: RootPlan['set'];
  if (containerNonRoot) {
    const fixedByReplacement = replace.some(s => s.level === 'container');
    set = scalarValue(containerNonRoot) === true || fixedByReplacement ? undefined : 'container';
  } else {
    set = replace.length ? undefined : placement;
  }
  return { replace, set };
}

function applyRootReplacements(b: EditBuilder, view: SecurityView, plan: RootPlan): void {
  for (const s of plan.replace) {
    const sibling = settingIn(s.map, 'runAsNonRoot', s.level, view.doc);
    if (sibling) {
      removeOwnPair(b, s.map, s.pair);
      if (scalarValue(sibling) !== true) b.merge(s.map, { runAsNonRoot: true }, { overwrite: true });
    } else {
      const start = (s.pair.key as Node).range?.[0];
      const end = s.node.range?.[1];
      if (start !== undefined && end !== undefined) b.edits.push({ start, end, text: 'runAsNonRoot: true' });
    }
  }
}

/** Removes a pair that has siblings (a block map keeps its other lines; a flow map its other entries). */
function removeOwnPair(b: EditBuilder, map: YAMLMap, pair: Pair): void {
  const key = pair.key as Node;
  const start = key.range?.[0] ?? 0;
  const end = (pair.value as Node | null)?.range?.[1] ?? key.range?.[1] ?? start;
  if (map.flow) {
    const text = b.pd.text;
    let s = start;
    let e = end;
    const after = text.slice(e).match(/^\s*,\s*/);
    if (after) e += after[0].length;
    else {
      const before = text.slice(0, s).match(/,\s*$/);
      if (before) s -= before[0].length;
    }
    b.delete(s, e);
    return;
  }
  b.deleteLines(start, Math.max(end - 1, start));
}

export function runAsNonRootFix(view: SecurityView): FixSpec | undefined {
  const plan = rootPlan(view, 'pod');
  if (!plan) return undefined;
  return {
    title: plan.replace.length ? TITLES.runAsNonRootReplacing : TITLES.runAsNonRoot,
    preferred: true,
    edit: b => {
      applyRootReplacements(b, view, plan);
      if (plan.set === 'container') b.merge(view.container.map, { securityContext: { runAsNonRoot: true } }, { overwrite: true });
      else if (plan.set === 'pod') b.merge(view.pod.spec, { securityContext: { runAsNonRoot: true } }, { overwrite: true });
    },
  };
}

/** Setting `allowPrivilegeEscalation: false` next to privileged or SYS_ADMIN is rejected by the API server. */
export function allowPrivilegeEscalationFix(view: SecurityView): FixSpec | undefined {
  const problem = escalationProblem(view);
  if (!problem || problem.kind !== 'notFalse') return undefined;
  return {
    title: TITLES.allowPrivilegeEscalation,
    preferred: true,
    edit: b => b.merge(view.container.map, { securityContext: { allowPrivilegeEscalation: false } }, { overwrite: true }),
  };
}

export function readOnlyRootFilesystemFix(view: SecurityView): FixSpec {
  return {
    title: TITLES.readOnlyRootFilesystem,
    preferred: true,
    edit: b => b.merge(view.container.map, { securityContext: { readOnlyRootFilesystem: true } }, { overwrite: true }),
  };
}

/** `drop: [ALL]` where there is no drop list, `ALL` appended to an existing one; undefined for a malformed drop. */
function dropAllPlan(view: SecurityView): { append: YAMLSeq | undefined } | undefined {
  const capsPair = view.containerContext ? findPair(view.containerContext, 'capabilities', view.doc) : undefined;
  const caps = capsPair ? resolve(capsPair.value, view.doc) : undefined;
  if (caps && !isMap(caps) && !isEmptyValue(caps)) return undefined;
  const drop = dropList(view);
  if (!drop.node || isEmptyValue(drop.node)) return { append: undefined };
  return drop.seq ? { append: drop.seq } : undefined;
}

export function dropAllFix(view: SecurityView): FixSpec | undefined {
  const plan = dropAllPlan(view);
  if (!plan || !contextEditable(view)) return undefined;
  return {
    title: TITLES.dropAll,
    preferred: true,
    edit: b => {
      if (plan.append) b.appendItems(plan.append, ['ALL']);
      else b.merge(view.container.map, { securityContext: { capabilities: { drop: ['ALL'] } } });
    },
  };
}

export function removePrivilegedFix(view: SecurityView): FixSpec | undefined {
  const setting = privilegedSetting(view);
  if (!setting) return undefined;
  return {
    title: TITLES.removePrivileged,
    preferred: true,
    edit: b => {
      const context = view.containerContext!;
      const contextPair = findPair(view.container.map, 'securityContext', view.doc);
      if (!setting.own) {
        // Merged in with `<<`: override it here.
        b.merge(setting.map, { privileged: false }, { overwrite: true });
      } else if (setting.map.flow || setting.map.items.length > 1) {
        removeOwnPair(b, setting.map, setting.pair);
      } else if (contextPair && view.container.map.items.includes(contextPair) && view.container.map.items.length > 1
        && contextPair.value === context && !containsAnchor(b, contextPair) && startsItsLine(b, contextPair)) {
        // The only key of the container's securityContext: remove the whole (now empty) securityContext.
        removeOwnPair(b, view.container.map, contextPair);
      } else {
        b.replace(setting.node, 'false');
      }
    },
  };
}

/** True when only indentation precedes the pair's key on its line (not `- key:`), so its lines can go. */
function startsItsLine(b: EditBuilder, pair: Pair): boolean {
  const start = (pair.key as Node).range?.[0] ?? 0;
  return /^[ \t]*$/.test(b.pd.text.slice(b.lineStart(start), start));
}

function containsAnchor(b: EditBuilder, pair: Pair): boolean {
  const start = (pair.key as Node).range?.[0] ?? 0;
  const end = (pair.value as Node | null)?.range?.[1] ?? start;
  return b.pd.text.slice(start, end).includes('&');
}

export function seccompFix(view: SecurityView): FixSpec | undefined {
  const problem = seccompProblem(view);
  if (!problem) return undefined;
  const setting = problem.setting;
  // A leftover localhostProfile beside a non-Localhost type is rejected by the API server.
  if (setting && isMap(setting.node) && findPair(setting.node, 'localhostProfile', view.doc)) return undefined;
  if (setting && !isMap(setting.node) && !isEmptyValue(setting.node)) return undefined;
  const target = setting?.level === 'container' ? view.container.map : view.pod.spec;
  return {
    title: TITLES.seccomp,
    preferred: true,
    edit: b => b.merge(target, { securityContext: { seccompProfile: { type: RUNTIME_DEFAULT } } }, { overwrite: true }),
  };
}

/** The container's securityContext can be merged into: absent, empty, or a map. */
function contextEditable(view: SecurityView): boolean {
  const pair = findPair(view.container.map, 'securityContext', view.doc);
  if (!pair) return true;
  const node = resolve(pair.value, view.doc);
  return !node || isMap(node) || isEmptyValue(node);
}

export type SecurityRuleId = 'run-as-non-root' | 'privilege-escalation' | 'privileged' | 'read-only-root-fs' | 'capabilities' | 'seccomp';

/**
 * "Apply restricted security context": everything the restricted Pod Security Standard asks of one
 * container, in one edit. Offered on a finding only when it removes that finding and does more than the
 * single fix would (at least two settings change).
 */
export function restrictedFix(view: SecurityView, forRule: SecurityRuleId): FixSpec | undefined {
  const plan = restrictedPlans.get(view.container, planRestrictedOf, view);
  return plan?.changes.has(forRule) ? plan.fix : undefined;
}

/**
 * The restricted context of a container depends on nothing but the container and its pod: worked out once
 * for the six rules that offer it, and one fix shared by their findings.
 */
const restrictedPlans = new AnalysisMemo<ContainerView, { changes: ReadonlySet<SecurityRuleId>; fix: FixSpec } | undefined>();

function planRestrictedOf(_container: ContainerView, view: SecurityView) {
  return planRestricted(view);
}

function planRestricted(view: SecurityView): { changes: ReadonlySet<SecurityRuleId>; fix: FixSpec } | undefined {
  if (!contextEditable(view)) return undefined;
  // With SYS_ADMIN added, allowPrivilegeEscalation: false is rejected; removing a capability is a human call.
  if (addedCapabilities(view).some(c => c.name === 'SYS_ADMIN')) return undefined;
  const changes = new Set<SecurityRuleId>();
  const root = rootProblem(view) ? rootPlan(view, 'container') : undefined;
  if (rootProblem(view)) {
    if (!root) return undefined;
    changes.add('run-as-non-root');
  }
  const privileged = privilegedSetting(view);
  if (privileged) changes.add('privileged');
  const escalation = escalationProblem(view);
  if (escalation) changes.add('privilege-escalation');
  if (readOnlyProblem(view)) changes.add('read-only-root-fs');
  const drop = dropsAll(view) ? undefined : dropAllPlan(view);
  if (!dropsAll(view)) {
    if (!drop) return undefined;
    changes.add('capabilities');
  }
  const seccomp = seccompProblem(view);
  if (seccomp) {
    if (!seccompFix(view)) return undefined;
    changes.add('seccomp');
  }
  if (changes.size < 2) return undefined;
  const fix: FixSpec = {
    title: TITLES.restricted,
    edit: b => {
      const value: Record<string, YamlValue> = {};
      if (root) {
        applyRootReplacements(b, view, root);
        if (root.set) value.runAsNonRoot = true;
      }
      if (privileged) value.privileged = false;
      if (escalation) value.allowPrivilegeEscalation = false;
      if (changes.has('read-only-root-fs')) value.readOnlyRootFilesystem = true;
      if (drop?.append) b.appendItems(drop.append, ['ALL']);
      else if (drop) value.capabilities = { drop: ['ALL'] };
      if (seccomp) value.seccompProfile = { type: RUNTIME_DEFAULT };
      if (Object.keys(value).length) b.merge(view.container.map, { securityContext: value }, { overwrite: true });
    },
  };
  return { changes, fix };
}

/** The fixes of a security finding: the rule's own first (preferred), then the restricted context. */
export function securityFixes(view: SecurityView, forRule: SecurityRuleId, own: FixSpec | undefined): FixSpec[] {
  const out: FixSpec[] = [];
  if (own) out.push(own);
  const restricted = own ? restrictedFix(view, forRule) : undefined;
  if (restricted) out.push(restricted);
  return out;
}

/** A setting's value as the message shows it. */
export function shown(setting: Setting): string {
  const node = setting.node;
  if (isScalar(node)) return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
  return isMap(node) ? 'a map' : 'a list';
}
