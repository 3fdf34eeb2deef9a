import { Rule } from './types';

/**
 * Findings of this rule come from the parser (see model/limits.ts and analysis/analyze.ts): documents that
 * nest deeper than any manifest does, or whose aliases expand without bound. It has nothing to check per object.
 */
export const yamlLimits: Rule = {
  meta: {
    id: 'yaml-limits', checklist: 'syntax', severity: 'error', fixable: false,
    title: 'Documents stay within sane nesting and alias limits',
    whenItFails: 'The document is never applied: kubectl rejects aliases that expand without bound ("excessive aliasing"), and tools that expand a document nested hundreds of levels deep run out of memory or stack.',
    remediation: 'Write the values out instead of nesting aliases of aliases, and keep nesting to what the object needs; the rest of the document is not checked until then.',
  },
  check: () => undefined,
};
