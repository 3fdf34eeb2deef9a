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
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** The text has no CR: lines end at LF only. */
  private readonly lfOnly: boolean;

  constructor(readonly text: string, reuse?: LineReuse) {
    this.lfOnly = text.indexOf('\r') === -1;
    if (this.lfOnly && reuse?.previous.lfOnly && reuse.prefixEnd <= reuse.suffixStart && reuse.prefixEnd <= reuse.previousSuffixStart) {
      this.starts = spliceStarts(text, reuse);
      return;
    }
    const starts = [0];
    if (this.lfOnly) {
      // The common case, searched natively: several times faster than a character loop on large files.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
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
    const { line, character } = this.position(offset);
    const start = this.starts[line];
    const end = start + character;
    // A byte-order mark is not a character anyone sees: columns on the first line count after it.
    const from = line === 0 && this.text.charCodeAt(0) === 0xfeff && character > 0 ? 1 : start;
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
function spliceStarts(text: string, reuse: LineReuse): number[] {
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
  const middle: number[] = [];
  for (let i = text.indexOf('\n', reuse.prefixEnd); i !== -1 && i < reuse.suffixStart; i = text.indexOf('\n', i + 1)) middle.push(i + 1);
  // Old line starts after the old suffix start (their newline is inside the suffix), shifted.
  const suffix = upTo(reuse.previousSuffixStart);
  const shift = reuse.suffixStart - reuse.previousSuffixStart;
  // Filled in place rather than pushed: this runs on every edit of a large file.
  const starts = new Array<number>(prefix + middle.length + old.length - suffix);
  let k = 0;
  for (let j = 0; j < prefix; j++) starts[k++] = old[j];
  for (let j = 0; j < middle.length; j++) starts[k++] = middle[j];
  for (let j = suffix; j < old.length; j++) starts[k++] = old[j] + shift;
  return starts;
}

/** The line ending a file mostly uses, so inserted text matches it. */
export function detectEol(text: string): Eol {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}
