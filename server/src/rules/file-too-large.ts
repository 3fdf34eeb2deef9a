import { Rule } from './types';

/** Findings of this rule come from the language server, which skips files above the size cap. */
export const fileTooLarge: Rule = {
  meta: {
    id: 'file-too-large', checklist: 'syntax', severity: 'info', fixable: false,
    title: 'Files are small enough to check while typing',
    whenItFails: 'Nothing in the file is checked in the editor, so its problems only show up in CI.',
    remediation: 'Split the file, raise kubeready.validation.maxFileSizeKb, or lint it with the `kubeready lint` command.',
  },
  check: () => undefined,
};
