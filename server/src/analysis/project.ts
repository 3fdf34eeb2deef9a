// A set of files analysed together: what the CLI lints in one run and what the server keeps per workspace.
import { ManifestFile, parseManifest } from '../model/manifest';
import { Finding } from '../rules/types';
import { analyze, AnalysisOptions } from './analyze';
import { indexedObjects } from './lint';
import { Settings } from './settings';
import { WorkspaceIndex } from './workspace';

export class Project {
  readonly workspace = new WorkspaceIndex();
  private readonly files = new Map<string, ManifestFile>();

  /** Parses a new version of a file, reusing the documents whose text did not change. */
  update(uri: string, text: string): ManifestFile {
    const previous = this.files.get(uri);
    if (previous && previous.text === text) return previous;
    const file = parseManifest(uri, text, previous);
    this.files.set(uri, file);
    this.workspace.setFile(uri, indexedObjects(file));
    return file;
  }

  remove(uri: string): void {
    this.files.delete(uri);
    this.workspace.removeFile(uri);
  }

  get(uri: string): ManifestFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  analyze(uri: string, settings: Settings, options: AnalysisOptions = {}): Finding[] {
    const file = this.files.get(uri);
    return file ? analyze(file, settings, this.workspace, options) : [];
  }
}
