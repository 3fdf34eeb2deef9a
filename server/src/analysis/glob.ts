// Glob matching for `exclude` and `ignore[].path`, with the semantics users know from .gitignore-like tools.
import { minimatch } from 'minimatch';

export function globMatches(pattern: string, path: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  // A pattern without a slash matches at any depth, as in .gitignore.
  const effective = pattern.includes('/') ? pattern : `**/${pattern}`;
  return minimatch(normalized, effective, { dot: true, nocomment: true }) || minimatch(normalized, pattern, { dot: true, nocomment: true });
}

/** An error message when the glob cannot be used, undefined when it is fine. */
export function globProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || !pattern.trim()) return 'a glob must be a non-empty string';
  let depth = 0;
  for (const c of pattern) {
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (depth < 0) return `unbalanced "${c}" in glob "${pattern}"`;
  }
  if (depth !== 0) return `unclosed bracket or brace in glob "${pattern}"`;
  return undefined;
}
