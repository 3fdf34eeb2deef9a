import { WORKLOAD_KINDS } from '../model/workloads';
import { containerAnchor, describeContainer } from './support/describe';
import { isWindowsPod, readOnlyProblem, readOnlyRootFilesystemFix, securityFixes, securityView, shown } from './support/security';
import { Rule } from './types';

const CONSEQUENCE = 'an attacker can drop tools into it and rewrite the app\'s own binaries and configuration while it runs.';

export const readOnlyRootFs: Rule = {
  meta: {
    id: 'read-only-root-fs', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: true,
    title: 'Containers have a read-only root filesystem',
    whenItFails: 'An attacker who gets code execution can download tools and tamper with the app\'s files inside the running container.',
    remediation: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app needs to write (e.g. /tmp).',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod || isWindowsPod(pod)) return;
    for (const container of ctx.containers()) {
      const view = securityView(ctx, container);
      const problem = view && readOnlyProblem(view);
      if (!view || !problem) continue;
      const who = describeContainer(container, ctx.object);
      ctx.report({
        node: problem.setting?.pair ?? containerAnchor(container),
        container,
        message: problem.setting
          ? `${who} sets readOnlyRootFilesystem to ${shown(problem.setting)} instead of true: ${CONSEQUENCE}`
          : `${who} has a writable root filesystem (readOnlyRootFilesystem is not true): ${CONSEQUENCE}`,
        fixes: securityFixes(view, 'read-only-root-fs', readOnlyRootFilesystemFix(view)),
      });
    }
  },
};
