// A minimal LSP client for protocol tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  waitForDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  notifications: Array<{ method: string; params: unknown }>;
  stop(): Promise<void>;
}

export async function startServer(options: { rootUri?: string | null; settings?: Record<string, unknown>; configuration?: boolean; initializationOptions?: Record<string, unknown>; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [resolve('dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  child.stderr!.on('data', () => undefined);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<() => void> = [];
  const notifications: Array<{ method: string; params: unknown }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    for (const w of waiters.splice(0)) w();
  });
  connection.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
    for (const w of waiters.splice(0)) w();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    initializationOptions: options.initializationOptions,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: options.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
    },
  });
  await connection.sendNotification('initialized', {});
  const server: TestServer = {
    connection,
    process: child,
    diagnostics,
    notifications,
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      return new Promise((resolvePromise, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}`)), timeoutMs);
        const check = () => {
          const current = diagnostics.get(uri);
          if (current && predicate(current)) {
            clearTimeout(deadline);
            resolvePromise(current);
          } else waiters.push(check);
        };
        check();
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // the process may be gone already
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
  return server;
}
