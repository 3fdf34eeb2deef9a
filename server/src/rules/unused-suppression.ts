import { Rule } from './types';

/** Findings of this rule come from analysis/suppress.ts, which sees every suppression of a file. */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression', checklist: 'syntax', severity: 'info', fixable: false,
    title: 'Suppressions suppress something',
    whenItFails: 'A stale exemption hides the next real problem of the same kind on that object.',
    remediation: 'Remove the suppression, or correct its rule id.',
  },
  check: () => undefined,
};
