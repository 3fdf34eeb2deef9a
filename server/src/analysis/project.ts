// A set of files analysed together: what the CLI lints in one run and what the server keeps per workspace.
import { ManifestFile, parseManifest } from '../model/manifest';
import { FileSummary, SummarizedFile, summarize } from '../model/summary';
import { Finding } from '../rules/types';
import { analyze, AnalysisOptions } from './analyze';
import { indexedObjects } from './lint';
import { Settings } from './settings';
import { WorkspaceIndex } from './workspace';

export interface AnalysedApart {
  file: ManifestFile;
  findings: Finding[];
  /** The workspace generation the analysis started from, and what it read of the workspace. */
  generation: number;
  reads: readonly string[];
}

export class Project {
  readonly workspace = new WorkspaceIndex();
  private readonly files = new Map<string, ManifestFile>();
  /** Files indexed without an editor: parsed on demand (model/summary.ts). */
  private readonly summarized = new Map<string, SummarizedFile>();

  /** Parses a new version of a file, reusing the documents whose text did not change. */
  update(uri: string, text: string): ManifestFile {
    const summary = this.summarized.get(uri);
    if (summary) {
      this.summarized.delete(uri);
      // Opened as it is on disk: the index keeps the summary, whose parsed objects are the file's objects.
      if (summary.text === text) {
        const whole = summary.manifest();
        this.files.set(uri, whole);
        return whole;
      }
    }
    // A file is either parsed or summarized: the same text can only be an unchanged parsed file.
    const previous = this.files.get(uri) ?? summary?.parsedManifest();
    if (previous && previous.text === text) return previous;
    const file = parseManifest(uri, text, previous);
    this.files.set(uri, file);
    this.workspace.setFile(uri, indexedObjects(file));
    return file;
  }

  /**
   * Indexes a file that no editor shows: it is parsed once to learn its objects, and its documents are parsed
   * again only when a cross-resource rule reads them or the file itself is analysed. `summary` is that first
   * parse when a worker thread did it (null: the text is parsed as a whole, see `summarize`).
   */
  index(uri: string, text: string, summary?: FileSummary | null): void {
    if ((this.files.get(uri) ?? this.summarized.get(uri))?.text === text) return;
    if (summary === undefined) summary = summarize(text) ?? null;
    if (!summary) {
      this.update(uri, text);
      return;
    }
    const file = new SummarizedFile(uri, text, summary);
    this.files.delete(uri);
    this.summarized.set(uri, file);
    this.workspace.setSummarizedFile(uri, file);
  }

  remove(uri: string): void {
    this.files.delete(uri);
    this.summarized.delete(uri);
    this.workspace.removeFile(uri);
  }

  get(uri: string): ManifestFile | undefined {
    return this.files.get(uri) ?? this.summarized.get(uri)?.manifest();
  }

  uris(): string[] {
    return [...this.files.keys(), ...this.summarized.keys()];
  }

  /** What the file's analysis starts from: another object after any change of the file's text. */
  source(uri: string): object | undefined {
    return this.files.get(uri) ?? this.summarized.get(uri);
  }

  /**
   * Analyses a file for a report over the whole workspace, keeping nothing it parsed or found for it: the
   * documents of a summarized file that nothing read before are parsed for this analysis only, and its findings
   * are not cached (keeping every file's trees and findings for the checklist was most of the server's memory;
   * the caller keeps what it needs). Also says what the analysis read of the workspace,
   * and from which generation, so the caller can tell when its result may have changed (`unchangedSince`).
   */
  analyzeApart(uri: string, settings: Settings, options: AnalysisOptions = {}): AnalysedApart | undefined {
    const file = this.files.get(uri) ?? this.summarized.get(uri)?.transientManifest();
    if (!file) return undefined;
    const generation = this.workspace.generation;
    let findings: Finding[] = [];
    const reads = this.workspace.recordReads(() => {
      findings = analyze(file, settings, this.workspace, { ...options, noCache: true });
    });
    return { file, findings, generation, reads };
  }

  analyze(uri: string, settings: Settings, options: AnalysisOptions = {}): Finding[] {
    const file = this.get(uri);
    return file ? analyze(file, settings, this.workspace, options) : [];
  }
}
