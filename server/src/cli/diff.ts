// Unified diffs for `kubeready fix --dry-run`.
//
// jsdiff's line diff (Myers) takes time proportional to the length of the file times the number of changed
// lines, and fixing a large file changes lines all over it: 3,000 documents took four minutes. So the two texts
// are first aligned on the lines they share (the common head and tail, then the lines that occur exactly once
// in each, in an order both keep: the anchors of patience diff), and jsdiff compares only the stretches between
// anchors that differ, with some unchanged lines around them. The output is jsdiff's unified format with its
// hunks (on the examples, the peers' fixtures and the bench inputs, byte for byte what jsdiff gives for the whole
// file); where a repeated line can be lined up either way, the choice may differ from a whole-file comparison.
import { formatPatch, structuredPatch, StructuredPatchHunk } from 'diff';

const CONTEXT = 3;
/**
 * Unchanged lines given to jsdiff around each stretch that differs, where there are that many: more than the
 * context, as jsdiff may line up a repeated line (`apiVersion: v1` before an inserted document) another way and
 * move a change into them.
 */
const MARGIN = 16;

export function unifiedDiff(path: string, before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks: StructuredPatchHunk[] = [];
  for (const region of changedRegions(a, b)) {
    const patch = structuredPatch('', '', a.slice(region.oldStart, region.oldEnd).join(''), b.slice(region.newStart, region.newEnd).join(''), undefined, undefined, { context: CONTEXT });
    for (const hunk of patch.hunks) hunks.push({ ...hunk, oldStart: hunk.oldStart + region.oldStart, newStart: hunk.newStart + region.newStart });
  }
  return formatPatch({ oldFileName: `a/${path}`, newFileName: `b/${path}`, oldHeader: undefined, newHeader: undefined, hunks }).replace(/^=+\n/, '');
}

/** Lines with their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Line ranges (0-based, end exclusive) of the two texts that differ, with their margins, in order. */
interface Region {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * The stretches between aligned lines that differ, merged when their hunks would touch (as jsdiff merges hunks:
 * at most twice the context apart), then widened on each side by up to MARGIN unchanged lines, at most half
 * of those that separate them from the next stretch, so that no line is in two regions. Lines outside every
 * region are the same in both texts and line up one to one.
 */
function changedRegions(a: readonly string[], b: readonly string[]): Region[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const merged: Region[] = [];
  let i0 = head;
  let j0 = head;
  for (const [i, j] of [...anchors(a, b, head, a.length - tail, head, b.length - tail), [a.length - tail, b.length - tail]]) {
    if (!sameLines(a, i0, i, b, j0, j)) {
      const last = merged[merged.length - 1];
      if (last && i0 - last.oldEnd <= 2 * CONTEXT) {
        last.oldEnd = i;
        last.newEnd = j;
      } else merged.push({ oldStart: i0, oldEnd: i, newStart: j0, newEnd: j });
    }
    i0 = i + 1;
    j0 = j + 1;
  }
  // The unchanged lines around a region line up one to one, so both sides widen by the same count.
  return merged.map((region, k) => {
    const previousEnd = k > 0 ? merged[k - 1].oldEnd : 0;
    const nextStart = k + 1 < merged.length ? merged[k + 1].oldStart : a.length;
    const before = Math.min(MARGIN, k > 0 ? (region.oldStart - previousEnd) >> 1 : region.oldStart, region.newStart);
    const after = Math.min(MARGIN, k + 1 < merged.length ? (nextStart - region.oldEnd - 1) >> 1 : a.length - region.oldEnd, b.length - region.newEnd);
    return { oldStart: region.oldStart - before, oldEnd: region.oldEnd + after, newStart: region.newStart - before, newEnd: region.newEnd + after };
  });
}

function sameLines(a: readonly string[], i0: number, i1: number, b: readonly string[], j0: number, j1: number): boolean {
  if (i1 - i0 !== j1 - j0) return false;
  for (let k = 0; k < i1 - i0; k++) if (a[i0 + k] !== b[j0 + k]) return false;
  return true;
}

/**
 * Pairs (i, j) of lines of a[a0, a1) and b[b0, b1) that occur exactly once in each, the longest chain of them
 * in increasing order on both sides.
 */
function anchors(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): Array<[number, number]> {
  const seen = new Map<string, { inA: number; inB: number; atB: number }>();
  for (let i = a0; i < a1; i++) {
    const entry = seen.get(a[i]);
    if (entry) entry.inA++;
    else seen.set(a[i], { inA: 1, inB: 0, atB: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = seen.get(b[j]);
    if (entry) {
      entry.inB++;
      entry.atB = j;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = a0; i < a1; i++) {
    const entry = seen.get(a[i])!;
    if (entry.inA === 1 && entry.inB === 1) pairs.push([i, entry.atB]);
  }
  return longestIncreasingChain(pairs);
}

/** The longest subsequence of `pairs` (sorted by their first number) whose second numbers increase. */
function longestIncreasingChain(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  // Patience sorting: tops[k] is the pair ending the best chain of length k + 1 found so far.
  const tops: number[] = [];
  const previous = new Int32Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const j = pairs[p][1];
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tops[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    previous[p] = lo > 0 ? tops[lo - 1] : -1;
    tops[lo] = p;
  }
  const chain: Array<[number, number]> = [];
  for (let p = tops.length ? tops[tops.length - 1] : -1; p >= 0; p = previous[p]) chain.push(pairs[p]);
  return chain.reverse();
}
