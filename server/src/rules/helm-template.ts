import { Rule } from './types';

/** Findings of this rule come from the analysis of the whole file (see analysis/analyze.ts). */
export const helmTemplate: Rule = {
  meta: {
    id: 'helm-template', checklist: 'syntax', severity: 'info', fixable: false,
    title: 'Helm templates are linted after rendering',
    whenItFails: 'Linting template source would report noise for values that only exist after rendering.',
    remediation: 'Lint the rendered output instead: `helm template . | kubeready lint -`.',
  },
  check: () => undefined,
};
