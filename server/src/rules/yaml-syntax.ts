import { Rule } from './types';

/** Findings of this rule come from the parser (see analysis/analyze.ts); it has nothing to check per object. */
export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax', checklist: 'syntax', severity: 'error', fixable: false,
    title: 'The file is valid YAML',
    whenItFails: '`kubectl apply` stops at the broken document and the objects after it are never applied.',
    remediation: 'Fix the YAML at the reported position; the rest of the document is not checked until it parses.',
  },
  check: () => undefined,
};
