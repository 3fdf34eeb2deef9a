import { Rule } from './types';

/** Findings of this rule come from analysis/config.ts, on `.kubeready.yaml` files. */
export const invalidConfig: Rule = {
  meta: {
    id: 'invalid-config', checklist: 'syntax', severity: 'error', fixable: false,
    title: 'The Kubeready configuration file is valid',
    whenItFails: 'A typo in the configuration silently keeps a rule on (or off) for the whole team.',
    remediation: 'Correct the entry as the message says; `kubeready rules` lists the valid rule ids.',
  },
  check: () => undefined,
};
