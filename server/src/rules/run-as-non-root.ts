import { WORKLOAD_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { isWindowsPod, rootProblem, runAsNonRootFix, securityFixes, securityView } from './support/security';
import { Rule } from './types';

const CONSEQUENCE = 'whoever breaks into the app is root in the container, one kernel or runtime bug away from root on the node.';

export const runAsNonRoot: Rule = {
  meta: {
    id: 'run-as-non-root', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers cannot run as root',
    whenItFails: 'A compromised process is root inside the container, so one kernel or runtime bug turns it into root on the node.',
    remediation: 'Set securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image has no numeric USER), and build images that run as an unprivileged user.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod || isWindowsPod(pod)) return;
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      if (!view) continue;
      const problem = rootProblem(view);
      if (!problem) continue;
      const who = describeContainer(container, ctx.object);
      let message: string;
      let node;
      if (problem.kind === 'user0') {
        const where = problem.setting.level === 'pod' ? 'pod-level ' : '';
        message = `${who} runs as root (${where}runAsUser: 0): ${CONSEQUENCE}`;
        node = problem.setting.pair;
      } else if (problem.setting) {
        const where = problem.setting.level === 'pod' ? 'pod-level ' : '';
        message = `${who} may run as root (${where}runAsNonRoot is not true): ${CONSEQUENCE}`;
        node = problem.setting.pair;
      } else {
        message = `${who} may run as root (runAsNonRoot is not true at pod or container level): ${CONSEQUENCE}`;
        node = containerAnchor(container);
      }
      ctx.report({ node, container, message, fixes: securityFixes(view, 'run-as-non-root', runAsNonRootFix(view)) });
    }
  },
};
