import { WORKLOAD_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { addedCapabilities, DEFAULT_CAPABILITIES, dropAllFix, dropList, dropsAll, isWindowsPod, securityFixes, securityView } from './support/security';
import { Rule } from './types';

/** Capabilities that hand a compromised container power over the node or its neighbours, and what they allow. */
export const DANGEROUS_CAPABILITIES: Record<string, string> = {
  ALL: 'do anything a capability allows, which is root on the node in all but name',
  SYS_ADMIN: 'mount filesystems, enter namespaces and load BPF programs, the classic way out of a container',
  NET_ADMIN: 'reconfigure interfaces, routes and iptables rules of the pod (of the node with hostNetwork)',
  NET_RAW: 'craft raw packets to spoof traffic and poison ARP or DNS for other pods on the node',
  SYS_PTRACE: 'read and rewrite the memory of other processes',
  SYS_MODULE: 'load kernel modules, which is root on the node',
  SYS_RAWIO: 'read and write devices and kernel memory directly',
  SYS_BOOT: 'reboot the node',
  SYS_TIME: 'change the node\'s clock, breaking certificates and leases',
  DAC_READ_SEARCH: 'open any file of the node by handle (the "shocker" escape)',
  BPF: 'load BPF programs into the node\'s kernel',
  PERFMON: 'observe the kernel and other processes through perf and BPF',
  MAC_ADMIN: 'change the AppArmor or SELinux policy meant to confine it',
  MAC_OVERRIDE: 'bypass the AppArmor or SELinux policy meant to confine it',
};

export const capabilities: Rule = {
  meta: {
    id: 'capabilities', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers drop all capabilities and add no dangerous ones',
    whenItFails: 'A compromised process keeps kernel capabilities such as NET_RAW or SYS_ADMIN and uses them to attack other pods or escape to the node.',
    remediation: 'Set securityContext.capabilities.drop: [ALL] and add back only the capabilities the process needs (usually none, or NET_BIND_SERVICE).',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod || isWindowsPod(pod)) return;
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      if (!view) continue;
      const who = describeContainer(container, ctx.object);
      if (!dropsAll(view)) {
        const drop = dropList(view);
        const message = drop.items.length
          ? `${who} drops some capabilities but not ALL (capabilities.drop: [ALL]): it keeps the runtime's defaults ${keptExamples(drop.items)}, which a compromised process uses against files and other pods.`
          : `${who} does not drop all capabilities (capabilities.drop: [ALL]): it keeps the runtime's defaults such as NET_RAW, to spoof traffic of other pods, and CHOWN and SETUID, to take over files.`;
        ctx.report({
          node: drop.items.length ? drop.node : containerAnchor(container),
          container,
          message,
          fixes: securityFixes(view, 'capabilities', dropAllFix(view)),
        });
      }
      for (const cap of addedCapabilities(view)) {
        const danger = DANGEROUS_CAPABILITIES[cap.name];
        if (!danger) continue;
        ctx.report({
          node: cap.node,
          container,
          message: `${who} adds capability ${cap.name}, which lets a compromised process ${danger}.`,
        });
      }
    }
  },
};

/** The first default capabilities a drop list keeps, for the message. */
function keptExamples(dropped: readonly { name: string }[]): string {
  const kept = DEFAULT_CAPABILITIES.filter(c => !dropped.some(d => d.name === c));
  return kept.slice(0, 3).join(', ') + (kept.length > 3 ? ' ...' : '');
}
