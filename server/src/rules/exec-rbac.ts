import { describeObject } from './support/describe';
import { coversCoreGroup, describeVerbs, grantedVerbs, policyRules, ROLE_KINDS, roleScope } from './support/rbac';
import { Rule } from './types';

/** `create` opens exec/attach over SPDY; `get` opens them over WebSocket (until the API server requires create for both). */
const EXEC_VERBS = ['create', 'get'];
const EXEC_RESOURCES = new Set(['pods/exec', 'pods/attach', 'pods/*', '*/exec', '*/attach', '*']);

export const execRbac: Rule = {
  meta: {
    id: 'exec-rbac', checklist: 'rbac', severity: 'warning', kinds: ROLE_KINDS, fixable: false,
    title: 'Roles do not grant exec or attach into pods',
    whenItFails: 'Whoever holds the role gets a shell in every pod it reaches, with those pods\' service account tokens, mounted Secrets and network access.',
    remediation: 'Remove pods/exec and pods/attach from the role; grant them only to a break-glass role bound on demand.',
  },
  check(ctx) {
    const owner = describeObject(ctx.object);
    for (const rule of policyRules(ctx.object)) {
      if (!coversCoreGroup(rule) || rule.resourceNames.length) continue;
      const verbs = grantedVerbs(rule, EXEC_VERBS);
      if (!verbs.length) continue;
      for (const entry of rule.resources) {
        if (!EXEC_RESOURCES.has(entry.value)) continue;
        const what = entry.value === '*' ? 'every resource ("*"), pods/exec and pods/attach included'
          : entry.value.includes('*') ? `"${entry.value}", pods/exec or pods/attach included` : entry.value;
        const over = verbs.includes('create') || verbs.includes('*') ? '' : ' (exec over WebSocket needs only get)';
        ctx.report({
          node: entry.node,
          message: `${owner} grants ${describeVerbs(verbs)} on ${what}${over}: its subjects get a shell in ${roleScope(ctx.object, 'every pod')}, with their tokens and Secrets.`,
        });
      }
    }
  },
};
