// Keeps the extension's checklist view current by sending only what changed. A file whose inputs did not
// change (same text and settings, nothing it read of the workspace changed) is not analysed again; another
// file's part is compared with what was last sent (by digest), and changed parts go out in batches of bounded
// size, each awaited, so neither the server nor the pipe holds the whole workspace's checklist at once.
import { createHash } from 'node:crypto';
import { checklistFile } from '../analysis/checklist';
import type { ChecklistFile } from '../analysis/checklistSnapshot';
import type { ManifestFile } from '../model/manifest';
import type { ChecklistUpdate } from '../protocol';
import type { Finding } from '../rules/types';
import { yieldToEventLoop } from './files';

/** Serialized size of the changed parts after which a message is sent and the next batch begins. */
export const CHECKLIST_BATCH_BYTES = 512 * 1024;
/** A few milliseconds of analysis each. */
const ANALYSES_BETWEEN_YIELDS = 8;

export interface ChecklistAnalysis {
  file: ManifestFile;
  findings: readonly Finding[];
  /** What the analysis read of the workspace, from which generation: without them it is done again next time. */
  generation?: number;
  reads?: readonly string[];
}

export interface ChecklistInput {
  uri: string;
  /** What the file's part depends on besides the workspace (compared element by element, by identity). */
  key?: readonly unknown[];
  /** Undefined: the file is not in the checklist (excluded, gone). */
  analyse(): Promise<ChecklistAnalysis | undefined>;
}

export interface ChecklistSource {
  /** The workspace's files (closed files included), one at a time. */
  files(): AsyncIterable<ChecklistInput>;
  /** Whether the workspace index is still incomplete. */
  indexing(): boolean;
  /** Whether nothing of `reads` changed in the workspace since `generation` (WorkspaceIndex.unchangedSince). */
  unchangedSince(generation: number, reads: readonly string[]): boolean;
}

interface Sent {
  digest: string;
  /** Findings of the file's objects that are not suppressed. */
  findings: number;
  key?: readonly unknown[];
  generation?: number;
  reads?: readonly string[];
}

export class ChecklistPublisher {
  /** What was last sent of each file, and what it was computed from. */
  private readonly sent = new Map<string, Sent>();
  private first = true;
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    private readonly source: ChecklistSource,
    private readonly send: (update: ChecklistUpdate) => Promise<void>,
    private readonly batchBytes = CHECKLIST_BATCH_BYTES,
  ) {}

  /**
   * Sends an update. One runs at a time; asked for while one runs, the next one starts after it (however many
   * times it was asked for), so it sees every change made meanwhile.
   */
  publish(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running.then(() => {
      this.queued = undefined;
      return this.update();
    });
    this.queued = next;
    this.running = next.catch(() => undefined);
    return next;
  }

  private async update(): Promise<void> {
    // Read before the files are analysed: indexing may end meanwhile, and a checklist of a partial index
    // must not claim to be complete.
    const indexingAtStart = this.source.indexing();
    let batch: Array<{ part: ChecklistFile; sent: Sent }> = [];
    let bytes = 0;
    // What was sent is recorded once it is: an update that fails half-way leaves the rest to the next one.
    const flush = async (done: boolean, removed: string[]): Promise<void> => {
      const committed = batch;
      batch = [];
      bytes = 0;
      await this.send({ reset: this.first, files: committed.map(c => c.part), removed, done, indexing: indexingAtStart || this.source.indexing() });
      this.first = false;
      for (const { part, sent } of committed) this.sent.set(part.uri, sent);
      for (const uri of removed) this.sent.delete(uri);
    };
    const seen = new Set<string>();
    let analysed = 0;
    for await (const input of this.source.files()) {
      const last = this.first ? undefined : this.sent.get(input.uri);
      if (last && this.current(last, input.key)) {
        seen.add(input.uri);
        continue;
      }
      // Analyses can be many (a changed .kubeready.yaml applies to every file): let edits of open files through.
      if (++analysed % ANALYSES_BETWEEN_YIELDS === 0) await yieldToEventLoop();
      const analysis = await input.analyse();
      if (!analysis) continue;
      seen.add(input.uri);
      const part = checklistFile(input.uri, analysis.file, analysis.findings);
      const json = JSON.stringify(part);
      const sent: Sent = { digest: createHash('sha1').update(json).digest('base64'), findings: activeFindings(part) };
      if (analysis.reads && input.key) Object.assign(sent, { key: input.key, generation: analysis.generation, reads: analysis.reads });
      if (last?.digest === sent.digest) {
        this.sent.set(input.uri, sent);
        continue;
      }
      batch.push({ part, sent });
      bytes += json.length;
      if (bytes >= this.batchBytes) await flush(false, []);
    }
    await flush(true, [...this.sent.keys()].filter(uri => !seen.has(uri)));
  }

  /** Findings (not suppressed) of the workspace's objects as of the last update. */
  findingCount(): number {
    let n = 0;
    for (const sent of this.sent.values()) n += sent.findings;
    return n;
  }

  /** The part last sent is still the file's: same inputs, and nothing it read of the workspace changed since. */
  private current(last: Sent, key: readonly unknown[] | undefined): boolean {
    if (!key || !last.key || last.generation === undefined || !last.reads) return false;
    if (key.length !== last.key.length || key.some((k, i) => k !== last.key![i])) return false;
    return this.source.unchangedSince(last.generation, last.reads);
  }
}

/** Findings of a file's objects that are not suppressed (its findings outside any object are not counted). */
export function activeFindings(part: Pick<ChecklistFile, 'workloads' | 'others'>): number {
  let n = 0;
  for (const entry of [...part.workloads, ...part.others]) for (const item of entry.items) for (const f of item.findings) if (!f.suppressed) n++;
  return n;
}
