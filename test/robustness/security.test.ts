// The server only reads the workspace: symbolic links (to directories, to manifests, to a config file) that
// lead out of it are not followed when indexing, `$ref`-like keys in a manifest read nothing, and the server
// process opens no sockets and starts no processes. The CLI does not follow links found in a directory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, TestServer } from '../helpers/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    $ref: ../outside/pdb.yaml
    include: /etc/passwd
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: shop:1.4.2
          envFrom:
            - configMapRef: {name: "file://../outside/pdb.yaml"}
`;
// Outside the workspace: a PodDisruptionBudget for the Deployment and a config turning its rule off. If the
// server read either, the `pdb` finding on the Deployment would disappear.
const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n';
const CONFIG = 'rules:\n  pdb: off\n';

/** Open file descriptors of a process (Linux): their link targets. */
function descriptors(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  return readdirSync(dir).map(fd => {
    try {
      return `${fd} -> ${readlinkSync(join(dir, fd))}`;
    } catch {
      return `${fd} -> (gone)`;
    }
  });
}

function children(pid: number): string[] {
  const out: string[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const path = `/proc/${pid}/task/${task}/children`;
    if (existsSync(path)) out.push(...readFileSync(path, 'utf8').split(/\s+/).filter(Boolean));
  }
  return out;
}

describe('security: reads stay in the workspace', () => {
  let root: string;
  let ws: string;
  let server: TestServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kubeready-security-'));
    ws = join(root, 'ws');
    const outside = join(root, 'outside');
    mkdirSync(join(ws, 'k8s'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'pdb.yaml'), PDB);
    writeFileSync(join(outside, 'config.yaml'), CONFIG);
    writeFileSync(join(ws, 'k8s', 'web.yaml'), DEPLOYMENT);
    symlinkSync(outside, join(ws, 'k8s', 'linked-dir'));
    symlinkSync(join(outside, 'pdb.yaml'), join(ws, 'k8s', 'linked-pdb.yaml'));
    symlinkSync(join(outside, 'config.yaml'), join(ws, '.kubeready.yaml'));
    server = await startServer({ rootUri: pathToFileURL(ws).toString(), settings: { validation: { delayMs: 0 } } });
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexing follows no symbolic link: one file indexed, the outside PDB and config are not read', async () => {
    const result = await server.connection.sendRequest('kubeready/checkWorkspace') as { files: number };
    assert.equal(result.files, 1, 'only k8s/web.yaml is indexed');
    const uri = pathToFileURL(join(ws, 'k8s', 'web.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: DEPLOYMENT } });
    const published = await server.waitForDiagnostics(uri, p => p.version === 1);
    assert.ok(published.diagnostics.some(d => d.code === 'pdb'), `the outside PDB or config was read: ${published.diagnostics.map(d => d.code)}`);
  });

  it('the server process has no sockets and no child processes', { skip: process.platform !== 'linux' }, () => {
    const pid = server.process.pid!;
    // fds 0-2 are the stdio pipes to this test (libuv may create them as socket pairs); nothing else may be a socket.
    const sockets = descriptors(pid).filter(d => /socket:/.test(d) && !/^[012] /.test(d));
    assert.deepEqual(sockets, []);
    assert.deepEqual(children(pid), []);
  });
});

describe('security: the CLI does not follow links inside a directory', () => {
  it('lint DIR skips symlinked files and directories', () => {
    const root = mkdtempSync(join(tmpdir(), 'kubeready-security-cli-'));
    try {
      mkdirSync(join(root, 'ws'));
      mkdirSync(join(root, 'outside'));
      writeFileSync(join(root, 'outside', 'pdb.yaml'), PDB);
      writeFileSync(join(root, 'ws', 'web.yaml'), DEPLOYMENT);
      symlinkSync(join(root, 'outside'), join(root, 'ws', 'linked-dir'));
      symlinkSync(join(root, 'outside', 'pdb.yaml'), join(root, 'ws', 'linked.yaml'));
      const r = spawnSync(process.execPath, [resolve('dist/cli.js'), 'lint', '--format', 'json', '--fail-on', 'never', 'ws'], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.summary.files, 1);
      assert.ok(out.findings.some((f: { ruleId: string }) => f.ruleId === 'pdb'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('security: what the server code can do', () => {
  /** Source files of the language server and the engine (the CLI writes files on `fix`; it is not the server). */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'cli' ? [] : sources(full);
      return e.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('imports no process, network or socket module and writes no file', () => {
    const offenders: string[] = [];
    for (const file of sources('server/src')) {
      const text = readFileSync(file, 'utf8');
      if (/from ['"](node:)?(child_process|net|http|https|http2|dgram|tls|cluster)['"]/.test(text)) offenders.push(`${file}: imports a process or network module`);
      // Threads, yes, but only the indexing workers, which run the server's own bundled code (dist/indexWorker.js).
      if (/from ['"](node:)?worker_threads['"]/.test(text) && !/lsp\/(indexer|indexWorker)\.ts$/.test(file)) offenders.push(`${file}: starts threads`);
      if (/new Worker\(/.test(text) && !(/new Worker\(script,/.test(text) && /script = join\(__dirname, 'indexWorker\.js'\)/.test(text))) offenders.push(`${file}: starts a thread on other code than dist/indexWorker.js`);
      if (/require\(['"](node:)?(child_process|net|http|https|dgram|tls)['"]\)/.test(text)) offenders.push(`${file}: requires a process or network module`);
      if (/\b(writeFile|appendFile|unlink|rmSync|rmdir|mkdir|createWriteStream|chmod|rename)(Sync)?\s*\(/.test(text)) offenders.push(`${file}: writes to the file system`);
      if (/\b(eval|new Function)\s*\(/.test(text)) offenders.push(`${file}: evaluates code`);
    }
    assert.deepEqual(offenders, []);
  });
});
