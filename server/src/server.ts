// Language server entry point: wiring only. Run as `node dist/server.js --stdio` or `kubeready lsp --stdio`.
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, InitializeResult, ProposedFeatures, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { CheckWorkspaceRequest, FIX_ALL_COMMAND, SarifRequest } from './protocol';
import { FIX_ALL_KIND, KubereadyService } from './lsp/service';
import { applyV8Settings } from './v8Settings';

export function startServer(): void {
  applyV8Settings();
  const connection = createConnection(ProposedFeatures.all);
  const service = new KubereadyService(connection);
  let watchRegistration = false;
  let workspaceFolders = false;

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map(f => URI.parse(f.uri).fsPath)
      ?? (params.rootUri ? [URI.parse(params.rootUri).fsPath] : params.rootPath ? [params.rootPath] : []);
    service.setWorkspaceRoots(folders);
    service.settings.supportsConfiguration = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as { settings?: object; checklist?: unknown } | undefined;
    if (init?.settings && typeof init.settings === 'object') service.settings.initializationOptions = init.settings;
    service.pushChecklist = init?.checklist === true;
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kubeready', version: process.env.KUBEREADY_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.kubeready.{yaml,yml}' }],
      });
    }
    if (service.settings.supportsConfiguration) {
      connection.onDidChangeConfiguration(() => service.onConfigurationChanged());
    }
    // Only a client that supports workspace folders can send their changes (subscribing otherwise throws,
    // and the workspace would never be indexed).
    if (workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(e => {
        const removed = new Set(e.removed.map(f => URI.parse(f.uri).fsPath));
        const roots = service.roots.filter(r => !removed.has(r));
        service.setWorkspaceRoots([...roots, ...e.added.map(f => URI.parse(f.uri).fsPath)]);
        void service.indexWorkspace();
      });
    }
    void service.indexWorkspace();
  });
  if (!service.settings.supportsConfiguration) connection.onDidChangeConfiguration(() => service.onConfigurationChanged());

  connection.onDidChangeWatchedFiles(params => service.onWatchedFiles(params));
  connection.onCodeAction(params => service.codeActions(params));
  connection.onHover(params => service.hover(params));
  connection.onExecuteCommand(async params => {
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    const edit = await service.fixAllEdit(uri);
    if (edit) await connection.workspace.applyEdit({ label: 'Kubeready: fix all', edit: { changes: { [uri]: [edit] } } });
  });
  connection.onRequest(CheckWorkspaceRequest.type, async () => {
    const { files, threads } = await service.indexWorkspace();
    return { files, findings: await service.workspaceFindingCount(), indexThreads: threads };
  });
  connection.onRequest(SarifRequest.type, () => service.sarif());

  service.documents.listen(connection);
  connection.listen();
}

startServer();
