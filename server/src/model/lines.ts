// Offsets <-> lines. One index per text version; LF, CRLF and lone CR all end a line.

export type Eol = '\n' | '\r\n' | '\r';

/** What an edit kept of the previous version of a text: the line index of that version can be reused. */
export interface LineReuse {
  previous: LineIndex;
  /** Both versions are identical before this offset... */
  prefixEnd: number;
  /** ...and from these offsets (previous version, this version) to their ends. */
  previousSuffixStart: number;
  suffixStart: number;
}

export class LineIndex {
  /** Offset of the first character of each line (a typed array: filling one is several times faster). */
  readonly starts: Int32Array;
  /** The text has no CR: lines end at LF only. */
  private readonly lfOnly: boolean;

  constructor(readonly text: string, reuse?: LineReuse) {
    this.lfOnly = text.indexOf('\r') === -1;
    if (this.lfOnly && reuse?.previous.lfOnly && reuse.prefixEnd <= reuse.suffixStart && reuse.prefixEnd <= reuse.previousSuffixStart) {
      this.starts = spliceStarts(text, reuse);
      return;
    }
    if (this.lfOnly) {
      // The common case, searched natively: several times faster than a character loop on large files.
      this.starts = new Int32Array(1 + countLf(text, 0, text.length));
      fillLfStarts(text, 0, text.length, this.starts, 1);
      return;
    }
    const out: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) out.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        out.push(i + 1);
      }
    }
    this.starts = Int32Array.from(out);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 0-based line and UTF-16 column (what LSP counts). */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** 1-based line and 1-based column counted in Unicode code points (what people and the CLI count). */
  humanPosition(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.starts[line];
    const character = clamped - start;
    const end = start + character;
    // A byte-order mark is not a character anyone sees: columns on the first line count after it.
    const from = line === 0 && this.text.charCodeAt(0) === 0xfeff && character > 0 ? 1 : start;
    // Most texts have no astral character: columns are then UTF-16 offsets, without a per-line table.
    if (!this.hasAstral()) return { line: line + 1, column: 1 + (end - from) };
    // Surrogate pairs wholly before `end` count once (binary search: many findings on one long line stay cheap).
    const pairs = this.surrogatePairs(line);
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] < end - 1) lo = mid + 1;
      else hi = mid;
    }
    return { line: line + 1, column: 1 + (end - from) - lo };
  }

  private readonly pairs = new Map<number, number[]>();
  private astral: boolean | undefined;

  /** True when the text has a high surrogate anywhere (searched once, natively). */
  private hasAstral(): boolean {
    return (this.astral ??= /[\uD800-\uDBFF]/.test(this.text));
  }

  /** Offsets of the surrogate pairs (astral characters) of a line, computed once per line. */
  private surrogatePairs(line: number): number[] {
    let list = this.pairs.get(line);
    if (!list) {
      list = [];
      const start = this.starts[line];
      const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
      for (let i = start; i < end - 1; i++) {
        const c = this.text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = this.text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) list.push(i++);
        }
      }
      this.pairs.set(line, list);
    }
    return list;
  }

  /** Offset of an LSP position (0-based line, UTF-16 character), clamped to the line. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(start + Math.max(0, character), end);
  }

  lineText(line: number): string {
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}

/**
 * Line starts of an edited text from those of its previous version: the lines of the unchanged prefix as they
 * were, the edited region scanned, the lines of the unchanged suffix shifted. An edit of a large file costs a
 * copy of the array instead of a scan of the text.
 */
function spliceStarts(text: string, reuse: LineReuse): Int32Array {
  const old = reuse.previous.starts;
  const upTo = (offset: number) => {
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Old line starts up to prefixEnd: the newline before each is inside the common prefix.
  const prefix = upTo(reuse.prefixEnd);
  // New line starts in the edited region: after each of its newlines.
  const middleEnd = Math.min(reuse.suffixStart, text.length);
  const middle = countLf(text, reuse.prefixEnd, middleEnd);
  // Old line starts after the old suffix start (their newline is inside the suffix), shifted.
  const suffix = upTo(reuse.previousSuffixStart);
  const shift = reuse.suffixStart - reuse.previousSuffixStart;
  const starts = new Int32Array(prefix + middle + old.length - suffix);
  starts.set(old.subarray(0, prefix));
  fillLfStarts(text, reuse.prefixEnd, middleEnd, starts, prefix);
  let k = prefix + middle;
  for (let j = suffix; j < old.length; j++) starts[k++] = old[j] + shift;
  return starts;
}

/** Newlines in text[from, to). */
function countLf(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Writes the start of the line after each newline of text[from, to) into `starts` from index `at`. */
function fillLfStarts(text: string, from: number, to: number, starts: Int32Array, at: number): void {
  let k = at;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
}

/** The line ending a file mostly uses, so inserted text matches it. */
export function detectEol(text: string): Eol {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}
