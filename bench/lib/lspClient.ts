// A small LSP client for the benchmarks: spawns a language server over stdio, answers the requests servers
// make of clients, and lets a benchmark wait for diagnostics of a given document version.
import { ChildProcess, spawn } from 'node:child_process';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: unknown[];
  /** performance.now() when the notification arrived. */
  at: number;
}

export interface LspServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Every publishDiagnostics, in order of arrival. */
  published: PublishedDiagnostics[];
  /** Other notifications (method, params, arrival time). */
  notifications: Array<{ method: string; params: any; at: number }>;
  /** Resolves with the first notification (already received or future) that satisfies `match`. */
  waitFor<T>(what: string, match: () => T | undefined, timeoutMs?: number): Promise<T>;
  stop(): Promise<number | null>;
}

export interface StartOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  rootUri?: string | null;
  /** What the server gets for each workspace/configuration item (by section). */
  configuration?: (section: string | undefined) => unknown;
  initializationOptions?: unknown;
  capabilities?: Record<string, unknown>;
}

export async function startLsp(options: StartOptions): Promise<LspServer> {
  const child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishedDiagnostics[] = [];
  const notifications: LspServer['notifications'] = [];
  let waiters: Array<() => void> = [];
  const wake = () => {
    const current = waiters;
    waiters = [];
    for (const w of current) w();
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: Omit<PublishedDiagnostics, 'at'>) => {
    published.push({ ...p, at: performance.now() });
    wake();
  });
  connection.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params, at: performance.now() });
    wake();
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map(item => options.configuration?.(item.section) ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  connection.onError(() => undefined);
  connection.listen();
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  const rootUri = options.rootUri ?? null;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
    initializationOptions: options.initializationOptions,
    capabilities: options.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  const server: LspServer = {
    connection,
    process: child,
    published,
    notifications,
    waitFor(what, match, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${stderr}`)), timeoutMs);
        const check = () => {
          let value: ReturnType<typeof match>;
          try {
            value = match();
          } catch (e) {
            clearTimeout(deadline);
            reject(e);
            return;
          }
          if (value !== undefined) {
            clearTimeout(deadline);
            resolve(value);
          } else waiters.push(check);
        };
        check();
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 5000))]);
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      const code = await Promise.race([exited, new Promise<null>(r => setTimeout(() => r(null), 5000))]);
      connection.dispose();
      if (child.exitCode === null) child.kill();
      return code;
    },
  };
  return server;
}

/** LSP positions (0-based line, UTF-16 character) of offsets in a text. */
export class Positions {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
