// Starts the language server (dist/server.js) over IPC and keeps the client handle.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      configurationSection: 'kubeready',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,.kubeready.yaml,.kubeready.yml}'),
    },
    outputChannel: output,
    traceOutputChannel: output,
    // `checklist`: this client shows the checklist view, so the server pushes kubeready/checklist (others skip it).
    initializationOptions: { version: context.extension.packageJSON.version, checklist: true },
  };
  return new LanguageClient('kubeready', 'Kubeready', serverOptions, clientOptions);
}
