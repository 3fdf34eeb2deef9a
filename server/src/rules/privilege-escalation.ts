import { WORKLOAD_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { allowPrivilegeEscalationFix, escalationProblem, isWindowsPod, securityFixes, securityView, shown } from './support/security';
import { Rule } from './types';

const CONSEQUENCE = 'a setuid binary or file capability in the image lets a compromised process gain privileges the container was never given.';

export const privilegeEscalation: Rule = {
  meta: {
    id: 'privilege-escalation', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers cannot escalate privileges',
    whenItFails: 'A compromised process uses a setuid binary or file capability to become more privileged than the container was meant to be.',
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container (and do not run it privileged or with SYS_ADMIN).',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod || isWindowsPod(pod)) return;
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      if (!view) continue;
      const problem = escalationProblem(view);
      if (!problem) continue;
      const who = describeContainer(container, ctx.object);
      let message: string;
      let node;
      switch (problem.kind) {
        case 'privileged':
          message = `${who} is privileged, which always allows privilege escalation: ${CONSEQUENCE}`;
          node = problem.setting.pair;
          break;
        case 'sysAdmin':
          message = `${who} adds SYS_ADMIN, which always allows privilege escalation: ${CONSEQUENCE}`;
          node = problem.node;
          break;
        default:
          message = problem.setting
            ? `${who} sets allowPrivilegeEscalation to ${shown(problem.setting)} instead of false: ${CONSEQUENCE}`
            : `${who} does not set allowPrivilegeEscalation: false: ${CONSEQUENCE}`;
          node = problem.setting?.pair ?? containerAnchor(container);
      }
      ctx.report({ node, container, message, fixes: securityFixes(view, 'privilege-escalation', allowPrivilegeEscalationFix(view)) });
    }
  },
};
