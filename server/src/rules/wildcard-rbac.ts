import { describeObject } from './support/describe';
import { policyRules, ROLE_KINDS } from './support/rbac';
import { Rule } from './types';

const MEANING = {
  verbs: 'every verb, including escalate, bind and impersonate and any verb added later',
  resources: 'every resource of its API groups, Secrets and RBAC objects included, and any resource added later',
  apiGroups: 'every API group, including the custom resources of operators installed later',
} as const;

export const wildcardRbac: Rule = {
  meta: {
    id: 'wildcard-rbac', checklist: 'rbac', severity: 'warning', kinds: ROLE_KINDS, fixable: false,
    title: 'Roles list their verbs, resources and API groups',
    whenItFails: 'A wildcard grants far more than the subject uses, including permissions added by future Kubernetes versions and operators, so a leaked credential goes much further than expected.',
    remediation: 'Replace `*` with the explicit verbs, resources and API groups the subject needs.',
  },
  check(ctx) {
    const owner = describeObject(ctx.object);
    for (const rule of policyRules(ctx.object)) {
      for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
        for (const entry of rule[field]) {
          if (entry.value === '*') {
            ctx.report({ node: entry.node, message: `${owner} grants "*" in ${field}: ${MEANING[field]}.` });
          } else if (field === 'resources' && entry.value.includes('*')) {
            const [resource, sub] = entry.value.split('/');
            const meaning = resource === '*'
              ? `the ${sub} subresource of every resource`
              : `every subresource of ${resource} (${resource === 'pods' ? 'exec, attach and portforward included' : 'including ones added later'})`;
            ctx.report({ node: entry.node, message: `${owner} grants "${entry.value}" in resources: ${meaning}.` });
          }
        }
      }
    }
  },
};
