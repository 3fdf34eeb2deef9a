import { isScalar } from 'yaml';
import { WORKLOAD_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { isWindowsPod, seccompFix, seccompProblem, securityFixes, securityView } from './support/security';
import { Rule } from './types';

const CONSEQUENCE = 'every system call stays open, including the rarely used ones most kernel exploits and container escapes go through.';

export const seccomp: Rule = {
  meta: {
    id: 'seccomp', checklist: 'security', severity: 'info', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers run with a seccomp profile',
    whenItFails: 'Without a seccomp profile the whole kernel system-call surface is open to a compromised process, including the calls kernel exploits rely on.',
    remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with your own profile).',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod || isWindowsPod(pod)) return;
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      const problem = view && seccompProblem(view);
      if (!view || !problem) continue;
      const who = describeContainer(container, ctx.object);
      const where = problem.setting?.level === 'pod' ? 'pod-level ' : '';
      let message: string;
      let node;
      if (problem.typeNode && isScalar(problem.typeNode)) {
        message = `${who} uses the ${where}seccompProfile type ${String(problem.typeNode.value)} instead of RuntimeDefault or Localhost: ${CONSEQUENCE}`;
        node = problem.typeNode;
      } else if (problem.setting) {
        message = `${who} has a ${where}seccompProfile without a type (RuntimeDefault or Localhost): ${CONSEQUENCE}`;
        node = problem.setting.pair;
      } else {
        message = `${who} runs without a seccomp profile (no seccompProfile RuntimeDefault or Localhost at pod or container level): ${CONSEQUENCE}`;
        node = containerAnchor(container);
      }
      ctx.report({ node, container, message, fixes: securityFixes(view, 'seccomp', seccompFix(view)) });
    }
  },
};
