// The language server's state and behaviour: open documents and the workspace index, debounced validation,
// code actions, hover. Only this folder knows LSP.
import {
  CodeAction, CodeActionKind, CodeActionParams, Connection, Diagnostic, DidChangeWatchedFilesParams, FileChangeType,
  Hover, HoverParams, MarkupKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { absoluteRange, fileTooLargeFinding, fixEdits, isConfigPath } from '../analysis/analyze';
import { checklistFile } from '../analysis/checklist';
import { fixAllText, minimalEdit } from '../analysis/fixAll';
import { ignoreFix } from '../analysis/ignoreFix';
import { Project } from '../analysis/project';
import { FindingRecord, toRecord } from '../analysis/records';
import { sarifLog } from '../analysis/sarif';
import { LineIndex } from '../model/lines';
import { ManifestFile, parseManifest } from '../model/manifest';
import { ruleById, ruleDocUrl } from '../rules';
import { Finding } from '../rules/types';
import { ChecklistNotification, StatusNotification } from '../protocol';
import { findYamlFiles, readTextFileAsync, readTextFileCapped, yieldToEventLoop } from './files';
import { IndexedFile, indexWorkerCount, MIN_FILES_FOR_WORKERS, summarizeOnWorkers } from './indexer';
import { fsPath, SettingsStore } from './settings';
import { DiagnosticData, SOURCE, toDiagnostic, toRange, toTextEdits } from './toLsp';
import { ValidationTimer } from './timing';
import { activeFindings, ChecklistAnalysis, ChecklistInput, ChecklistPublisher } from './checklistPublisher';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeready`;
const INDEX_MAX_BYTES = 2 * 1024 * 1024;

interface Analysed {
  version: number;
  file: ManifestFile;
  findings: Finding[];
  excluded: boolean;
}

export class KubereadyService {
  readonly documents = new TextDocuments(TextDocument);
  readonly project = new Project();
  readonly settings: SettingsStore;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What was last published per document: the same findings at the same version are not sent again. */
  private readonly published = new Map<string, { version: number; findings: readonly Finding[] }>();
  private readonly timer = new ValidationTimer();
  private readonly analysed = new Map<string, Analysed>();
  private workspaceRoots: string[] = [];
  private indexing = false;
  private indexRun = 0;
  /**
   * Push `kubeready/checklist` after changes: only to clients that show it (the VS Code extension says so in
   * its initialization options). Computing it means analysing every file of the workspace, which an editor
   * without the view should not pay for (its findings stay available through kubeready/sarif).
   */
  pushChecklist = false;
  private refreshTimer: NodeJS.Timeout | undefined;
  private checklistTimer: NodeJS.Timeout | undefined;
  private readonly checklistPublisher = new ChecklistPublisher(
    { files: () => this.workspaceInputs(), indexing: () => this.indexing, unchangedSince: (g, reads) => this.project.workspace.unchangedSince(g, reads) },
    update => this.connection.sendNotification(ChecklistNotification.type, update),
  );
  private readonly failures = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.settings = new SettingsStore(connection, () => this.workspaceRoots);
    this.documents.onDidChangeContent(e => this.onContent(e.document));
    this.documents.onDidClose(e => this.onClose(e.document.uri));
  }

  setWorkspaceRoots(roots: string[]): void {
    this.workspaceRoots = roots;
  }

  get roots(): readonly string[] {
    return this.workspaceRoots;
  }

  // ---- validation -------------------------------------------------------------------------------

  private onContent(document: TextDocument): void {
    const uri = document.uri;
    if (isConfigFile(uri)) {
      this.settings.setOpenConfig(fsPath(uri), document.getText());
      this.publishConfigDiagnostics(document);
      this.refreshOpenDocuments();
      return;
    }
    this.timer.received(uri);
    void this.schedule(uri);
  }

  private async schedule(uri: string): Promise<void> {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { settings } = await this.settings.resolve(uri);
    if (this.documents.get(uri)?.version !== version) return; // a newer change schedules itself
    const delay = Math.max(0, settings.validation.delayMs);
    if (delay === 0) {
      this.timers.delete(uri);
      await this.validate(uri, version);
      return;
    }
    const current = this.timers.get(uri);
    if (current) clearTimeout(current);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri, version);
    }, delay));
  }

  /** Analyses the current text of an open document; returns undefined when the version moved on. */
  async analyse(uri: string, expectedVersion?: number): Promise<Analysed | undefined> {
    const document = this.documents.get(uri);
    if (!document || (expectedVersion !== undefined && document.version !== expectedVersion)) return undefined;
    const version = document.version;
    const cached = this.analysed.get(uri);
    if (cached && cached.version === version && !this.stale.has(uri)) return cached;
    const resolved = await this.settings.resolve(uri);
    const latest = this.documents.get(uri);
    if (!latest || latest.version !== version) return undefined;
    const text = latest.getText();
    const path = fsPath(uri);
    if (resolved.excluded) {
      const file = this.project.update(uri, text);
      const result = { version, file, findings: [], excluded: true };
      this.analysed.set(uri, result);
      return result;
    }
    if (text.length > resolved.settings.validation.maxFileSizeKb * 1024) {
      // Too large to parse while typing: the file leaves the index and gets one explanation.
      this.project.remove(uri);
      const file = parseManifest(uri, '');
      const result = { version, file, findings: [fileTooLargeFinding({ ...file, text }, resolved.settings)], excluded: false };
      this.analysed.set(uri, result);
      return result;
    }
    let started = this.timer.now();
    const file = this.project.update(uri, text);
    this.timer.lap(uri, 'update', started);
    started = this.timer.now();
    const findings = this.project.analyze(uri, resolved.settings, {
      path,
      suppressions: resolved.ignores,
      skipCrossResource: this.indexing,
      onRuleFailure: f => this.reportRuleFailure(f.ruleId, uri, f.error),
    });
    this.timer.lap(uri, 'analyze', started);
    const result = { version, file, findings, excluded: false };
    this.analysed.set(uri, result);
    this.stale.delete(uri);
    return result;
  }

  private readonly stale = new Set<string>();

  private async validate(uri: string, version: number): Promise<void> {
    let result: Analysed | undefined;
    const generation = this.project.workspace.generation;
    try {
      result = await this.analyse(uri, version);
    } catch (error) {
      this.connection.console.error(`Kubeready could not analyse ${uri}: ${(error as Error)?.stack ?? error}`);
      return;
    }
    if (!result) return;
    this.publish(uri, result);
    if (this.project.workspace.generation !== generation) this.refreshOpenDocuments(uri);
    this.scheduleChecklist();
  }

  private publish(uri: string, result: Analysed): void {
    // Findings are reused across validations (per document and per object), so "nothing changed" is an
    // identity check; comparing the serialized diagnostics would cost as much as sending them.
    const last = this.published.get(uri);
    if (last && last.version === result.version && sameItems(last.findings, result.findings)) return;
    this.published.set(uri, { version: result.version, findings: result.findings });
    const started = this.timer.now();
    const diagnostics: Diagnostic[] = [];
    for (const f of result.findings) if (!f.suppressed) diagnostics.push(toDiagnostic(result.file, f, result.version));
    this.timer.lap(uri, 'diagnostics', started);
    const params = { uri, version: result.version, diagnostics };
    void this.connection.sendDiagnostics(params);
    const timing = this.timer.published(uri, result.version, () => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }));
    if (timing) this.connection.console.log(timing);
    this.sendStatus();
  }

  /** Re-validates open documents (other than `except`) whose cross-resource verdicts may have changed. */
  refreshOpenDocuments(except?: string): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      for (const document of this.documents.all()) {
        if (document.uri === except) continue;
        if (isConfigFile(document.uri)) continue;
        this.stale.add(document.uri);
        void this.validate(document.uri, document.version);
      }
    }, 20);
  }

  private onClose(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.analysed.delete(uri);
    this.published.delete(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (isConfigFile(uri)) {
      this.settings.setOpenConfig(fsPath(uri), undefined);
      this.refreshOpenDocuments();
      return;
    }
    // The file on disk is what the workspace has again (unsaved edits are gone with the editor).
    const path = fsPath(uri);
    if (this.isInWorkspace(path)) {
      void readTextFileAsync(path, INDEX_MAX_BYTES).then(text => {
        if (this.documents.get(uri)) return;
        if (text === undefined) this.project.remove(uri);
        else this.project.update(uri, text);
        this.refreshOpenDocuments();
      });
    } else {
      this.project.remove(uri);
      this.refreshOpenDocuments();
    }
    this.scheduleChecklist();
  }

  private reportRuleFailure(ruleId: string, uri: string, error: unknown): void {
    const key = `${ruleId}\u0000${uri}`;
    if (this.failures.has(key)) return;
    this.failures.add(key);
    this.connection.console.error(`Kubeready rule "${ruleId}" failed on ${uri}; its findings there are dropped: ${(error as Error)?.stack ?? error}`);
  }

  private publishConfigDiagnostics(document: TextDocument): void {
    const path = fsPath(document.uri);
    const lines = new LineIndex(document.getText());
    const config = this.settings.configOf(path);
    const diagnostics: Diagnostic[] = config.problems.map(p => ({
      range: toRange(lines, p.start, p.end),
      severity: 1,
      code: 'invalid-config',
      codeDescription: { href: ruleDocUrl('invalid-config') },
      source: SOURCE,
      message: p.message,
    }));
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  // ---- workspace index -------------------------------------------------------------------------------

  private isInWorkspace(path: string): boolean {
    return this.workspaceRoots.some(root => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`));
  }

  /** Indexes every YAML file of the workspace roots; `threads`: worker threads that did it (0: the main thread). */
  async indexWorkspace(): Promise<{ files: number; threads: number }> {
    const run = ++this.indexRun;
    this.indexing = true;
    this.sendStatus();
    let count = 0;
    let threads = 0;
    try {
      const files: string[] = [];
      for (const root of this.workspaceRoots) files.push(...await findYamlFiles(root, () => run !== this.indexRun));
      const paths = files.filter(path => !isConfigPath(path));
      const indexFile = (file: IndexedFile) => {
        const uri = URI.file(file.path).toString();
        if (run !== this.indexRun || file.text === undefined || this.documents.get(uri)) return;
        try {
          this.project.index(uri, file.text, file.summary);
          count++;
        } catch (error) {
          this.connection.console.error(`Kubeready could not index ${file.path}: ${(error as Error)?.message ?? error}`);
        }
      };
      // Worker threads read and parse the files; the main thread only records their summaries. Whatever they
      // did not do (a small workspace, no workers, a worker that failed) is done here, yielding between files.
      const workers = paths.length >= MIN_FILES_FOR_WORKERS ? indexWorkerCount() : 0;
      threads = workers;
      const done = workers
        ? await summarizeOnWorkers(paths, {
          workers,
          maxBytes: INDEX_MAX_BYTES,
          isCancelled: () => run !== this.indexRun,
          onFailure: reason => {
            threads = 0;
            this.connection.console.warn(`Kubeready: indexing on worker threads failed (${reason}); the rest of the workspace is indexed on the main thread.`);
          },
        }, indexFile)
        : 0;
      for (let i = done; i < paths.length; i++) {
        if (run !== this.indexRun) return { files: count, threads };
        // Read synchronously: files are small, and the loop yields to open documents every few files.
        indexFile({ path: paths[i], text: readTextFileCapped(paths[i], INDEX_MAX_BYTES) });
        if ((i - done) % 20 === 19) await yieldToEventLoop();
      }
    } finally {
      if (run === this.indexRun) {
        this.indexing = false;
        this.sendStatus();
        for (const d of this.documents.all()) this.stale.add(d.uri);
        this.refreshOpenDocuments();
        this.scheduleChecklist();
      }
    }
    return { files: count, threads };
  }

  async onWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    let configChanged = false;
    let indexChanged = false;
    for (const change of params.changes) {
      const path = fsPath(change.uri);
      if (isConfigFile(change.uri)) {
        configChanged = true;
        continue;
      }
      if (!/\.ya?ml$/i.test(path) || this.documents.get(change.uri)) continue; // the open text wins
      if (change.type === FileChangeType.Deleted) {
        this.project.remove(change.uri);
        indexChanged = true;
      } else {
        const text = await readTextFileAsync(path, INDEX_MAX_BYTES);
        if (text === undefined) this.project.remove(change.uri);
        else this.project.index(change.uri, text);
        indexChanged = true;
      }
    }
    if (configChanged) this.settings.clear();
    if (configChanged || indexChanged) {
      for (const d of this.documents.all()) this.stale.add(d.uri);
      this.refreshOpenDocuments();
      this.scheduleChecklist();
    }
  }

  onConfigurationChanged(): void {
    this.settings.clear();
    for (const d of this.documents.all()) this.stale.add(d.uri);
    this.refreshOpenDocuments();
    this.scheduleChecklist();
  }

  // ---- status and checklist --------------------------------------------------------------------------

  private sendStatus(): void {
    let openFindings = 0;
    for (const d of this.documents.all()) openFindings += this.analysed.get(d.uri)?.findings.filter(f => !f.suppressed).length ?? 0;
    void this.connection.sendNotification(StatusNotification.type, {
      state: this.indexing ? 'indexing' : 'ready',
      indexedFiles: this.project.uris().length,
      openFindings,
    });
  }

  private scheduleChecklist(): void {
    if (!this.pushChecklist) return;
    if (this.checklistTimer) clearTimeout(this.checklistTimer);
    this.checklistTimer = setTimeout(() => {
      this.checklistTimer = undefined;
      this.checklistPublisher.publish().catch(e => this.connection.console.error(`Kubeready: the checklist update failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    }, 200);
  }

  /**
   * Every file of the workspace, to analyse one at a time: open documents at their current text, closed files
   * without keeping the trees parsed for them (Project.analyzeApart).
   */
  async *workspaceInputs(): AsyncGenerator<ChecklistInput> {
    const roots = this.workspaceRoots;
    for (const uri of this.project.uris()) {
      if (isConfigFile(uri)) continue;
      if (this.documents.get(uri)) {
        yield { uri, analyse: async () => {
          const a = await this.analyse(uri);
          return a && !a.excluded ? { file: a.file, findings: a.findings } : undefined;
        } };
        continue;
      }
      const skipCrossResource = this.indexing;
      yield {
        uri,
        key: [this.project.source(uri), this.settings.epoch, roots, skipCrossResource],
        analyse: async () => {
          const resolved = await this.settings.resolve(uri);
          if (resolved.excluded) return undefined;
          return this.project.analyzeApart(uri, resolved.settings, { path: fsPath(uri), suppressions: resolved.ignores, skipCrossResource });
        },
      };
    }
  }

  /** Every file of the workspace with its findings, one at a time. */
  async *workspaceFiles(): AsyncGenerator<ChecklistAnalysis & { uri: string }> {
    for await (const input of this.workspaceInputs()) {
      const analysis = await input.analyse();
      if (analysis) yield { uri: input.uri, ...analysis };
    }
  }

  /** Findings (not suppressed) of the workspace's objects: from the checklist's update when the client has one. */
  async workspaceFindingCount(): Promise<number> {
    if (this.pushChecklist) {
      await this.checklistPublisher.publish();
      return this.checklistPublisher.findingCount();
    }
    let count = 0;
    for await (const { uri, file, findings } of this.workspaceFiles()) count += activeFindings(checklistFile(uri, file, findings));
    return count;
  }

  async sarif(): Promise<object> {
    const records: FindingRecord[] = [];
    for await (const { uri, file, findings } of this.workspaceFiles()) {
      const path = fsPath(uri);
      const root = this.workspaceRoots.find(r => path.startsWith(r));
      const display = root ? path.slice(root.length).replace(/^[\\/]/, '') : path;
      for (const f of findings) {
        const r = toRecord(file, display, f);
        if (f.suppressed) r.suppressed = true;
        records.push(r);
      }
    }
    return sarifLog(records);
  }

  // ---- code actions ----------------------------------------------------------------------------------

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const document = this.documents.get(uri);
    if (!document) return [];
    const only = params.context.only;
    const wantsFixAll = !!only?.some(k => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
    const wantsQuickFix = !only || only.some(k => CodeActionKind.QuickFix.startsWith(k));
    const result = await this.analyse(uri);
    if (!result || result.version !== document.version) return [];
    const actions: CodeAction[] = [];
    // One entry per distinct edit: a fix shared by several findings under the cursor (the resources block
    // fixes four) is listed once in the light bulb menu, linked to all of them.
    const fixesByEdit = new Map<string, CodeAction>();
    const addFix = (action: CodeAction) => {
      const key = `${action.title}\u0000${JSON.stringify(action.edit)}`;
      const same = fixesByEdit.get(key);
      if (!same) {
        fixesByEdit.set(key, action);
        actions.push(action);
        return;
      }
      same.diagnostics!.push(...action.diagnostics!);
      same.isPreferred = same.isPreferred || action.isPreferred;
    };
    if (wantsQuickFix) {
      for (const diagnostic of params.context.diagnostics) {
        // Some clients (Neovim 0.7) send back only code and data, not source: recognise ours by data.
        if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
        const data = diagnostic.data as DiagnosticData | undefined;
        // A request computed for another version gets nothing rather than a wrong edit.
        if (!data || data.version !== document.version) continue;
        const finding = result.findings.find(f => !f.suppressed && f.ruleId === data.ruleId && sameRange(f, data));
        if (!finding) continue;
        for (const fix of finding.fixes) {
          const edits = fixEdits(result.file, finding, fix);
          if (!edits.length) continue;
          addFix({
            title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: !!fix.preferred,
            edit: { changes: { [uri]: toTextEdits(result.file.lines, edits) } },
          });
        }
        const ignore = ignoreFix(finding);
        if (ignore) {
          const edits = fixEdits(result.file, finding, ignore);
          if (edits.length) actions.push({ title: ignore.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: toTextEdits(result.file.lines, edits) } } });
        }
      }
    }
    if (wantsFixAll || (!only && actions.length)) {
      const edit = await this.fixAllEdit(uri);
      if (edit) actions.push({ title: 'Fix all Kubeready findings in this file', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
    }
    return actions;
  }

  async fixAllEdit(uri: string) {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const resolved = await this.settings.resolve(uri);
    if (resolved.excluded) return undefined;
    const text = document.getText();
    // A file above the size cap is not parsed while typing, not even for fix-all on save.
    if (text.length > resolved.settings.validation.maxFileSizeKb * 1024) return undefined;
    const scratch = new Project();
    for (const other of this.project.uris()) {
      if (other !== uri) scratch.workspace.copyFile(other, this.project.workspace);
    }
    const result = fixAllText(text, t => {
      const file = scratch.update(uri, t);
      return { file, findings: scratch.analyze(uri, resolved.settings, { path: fsPath(uri), suppressions: resolved.ignores }).filter(f => !f.suppressed) };
    });
    const edit = minimalEdit(text, result.text);
    if (!edit) return undefined;
    const lines = new LineIndex(text);
    return toTextEdits(lines, [edit])[0];
  }

  // ---- hover -----------------------------------------------------------------------------------------

  async hover(params: HoverParams): Promise<Hover | null> {
    const result = await this.analyse(params.textDocument.uri);
    if (!result) return null;
    const offset = result.file.lines.offsetAt(params.position.line, params.position.character);
    const here = result.findings.filter(f => {
      if (f.suppressed) return false;
      const [s, e] = absoluteRange(f);
      return offset >= s && offset <= e;
    });
    if (!here.length) return null;
    const sections = [...new Set(here.map(f => f.ruleId))].map(id => {
      const meta = ruleById(id)?.meta;
      if (!meta) return '';
      return `**Kubeready: ${meta.title}** (\`${id}\`)\n\n*When it fails:* ${meta.whenItFails}\n\n*Fix:* ${meta.remediation}\n\n[Rule documentation](${ruleDocUrl(id)})`;
    });
    const [s, e] = absoluteRange(here[0]);
    return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: toRange(result.file.lines, s, e) };
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRange(f: Finding, data: DiagnosticData): boolean {
  const [s, e] = absoluteRange(f);
  return s === data.start && e === data.end;
}

export function isConfigFile(uri: string): boolean {
  return isConfigPath(fsPath(uri));
}
