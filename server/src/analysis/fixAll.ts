// Fix-all: the preferred fix of every finding, non-overlapping, repeated until nothing changes.
import { applyEdits, TextEdit } from '../model/edits';
import { ManifestFile } from '../model/manifest';
import { Finding, FixSpec } from '../rules/types';
import { fixEdits } from './analyze';

export function preferredFix(finding: Finding): FixSpec | undefined {
  return finding.fixes.find(f => f.preferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
}

/** Edits of the preferred fixes of `findings` that do not overlap each other (first come, first kept). */
export function nonOverlappingFixEdits(file: ManifestFile, findings: Finding[]): { edits: TextEdit[]; applied: Finding[] } {
  const accepted: TextEdit[] = [];
  const applied: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = preferredFix(finding);
    if (!fix) continue;
    const group = fixEdits(file, finding, fix);
    if (!group.length) continue;
    const signature = JSON.stringify(group);
    if (seen.has(signature)) {
      applied.push(finding);
      continue;
    }
    if (group.some(e => accepted.some(a => overlaps(a, e)))) continue;
    seen.add(signature);
    accepted.push(...group);
    applied.push(finding);
  }
  return { edits: accepted, applied };
}

/**
 * Two edits conflict when their ranges intersect, or when an insertion touches another edit's range:
 * text inserted at the edge of a deleted block may belong to the block (a key added to a map being removed).
 */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const touches = (insert: TextEdit, other: TextEdit) => other.start <= insert.start && insert.start <= other.end;
  if (a.start === a.end) return touches(a, b);
  if (b.start === b.end) return touches(b, a);
  return a.start < b.end && b.start < a.end;
}

export interface FixAllResult {
  text: string;
  /** Rule ids of the findings fixed, one per fix applied, over all passes. */
  fixed: Finding[];
  passes: number;
}

/**
 * Applies fixes pass after pass (a fix can make room for another: a new `resources` block, then a missing
 * limit) until a pass changes nothing, at most `maxPasses` times. Fixes that insert into the same map
 * conflict (two would add `securityContext:` twice), so one pass applies only some of them.
 */
export function fixAllText(
  text: string,
  analyzeText: (text: string) => { file: ManifestFile; findings: Finding[] },
  maxPasses = 30,
): FixAllResult {
  let current = text;
  const fixed: Finding[] = [];
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const { file, findings } = analyzeText(current);
    if (file.documents.some(d => d.problems.length)) break;
    const { edits, applied } = nonOverlappingFixEdits(file, findings);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    fixed.push(...applied);
  }
  return { text: current, fixed, passes };
}

/** One edit that turns `before` into `after`: the changed middle, common prefix and suffix untouched. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}
