// Indexing a workspace on worker threads (server/src/lsp/indexer.ts, dist/indexWorker.js): the summaries are
// the ones the main thread would make, in path order, a failing worker leaves the rest to the main thread, and a
// server that indexes on workers reports what one without workers and the CLI report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { generateTree } from '../../bench/generate.mjs';
import { IndexedFile, indexWorkerCount, summarizeOnWorkers } from '../../server/src/lsp/indexer';
import { summarize } from '../../server/src/model/summary';
import { startServer } from '../helpers/lspClient';

const WORKER = resolve('dist/indexWorker.js');

/** A tree of generated bundles plus files the workers must read as the main thread does. */
function writeTree(files: number): { root: string; paths: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'kubeready-index-'));
  const paths: string[] = [];
  const write = (rel: string, text: string) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    paths.push(path);
  };
  for (const f of generateTree(files, 3, 5)) write(f.path, f.text);
  write('odd/directives.yaml', '%YAML 1.2\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: whole}\n...\n');
  write('odd/broken.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: broken\n');
  write('odd/crlf.yaml', '\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf-ü\r\n');
  return { root, paths };
}

function collect(paths: readonly string[], options: { workers: number; script?: string; cancelAfter?: number }) {
  const files: IndexedFile[] = [];
  const failures: string[] = [];
  const done = summarizeOnWorkers(paths, {
    workers: options.workers, maxBytes: 1 << 20, script: options.script ?? WORKER,
    isCancelled: () => files.length >= (options.cancelAfter ?? Infinity),
    onFailure: reason => failures.push(reason),
  }, f => files.push(f));
  return done.then(count => ({ count, files, failures }));
}

describe('indexing on worker threads', () => {
  it('hands back, in path order, what the main thread would read and summarize', async () => {
    const { root, paths } = writeTree(70);
    const withMissing = [...paths.slice(0, 40), join(root, 'missing.yaml'), root, ...paths.slice(40)];
    const { count, files, failures } = await collect(withMissing, { workers: 2 });
    assert.equal(count, withMissing.length);
    assert.deepEqual(failures, []);
    assert.deepEqual(files.map(f => f.path), withMissing);
    for (const file of files) {
      if (file.path === root || file.path.endsWith('missing.yaml')) {
        assert.equal(file.text, undefined, `${file.path} cannot be read`);
        continue;
      }
      const text = readFileSync(file.path, 'utf8');
      assert.equal(file.text, text);
      assert.deepEqual(file.summary, summarize(text) ?? null, file.path);
    }
    assert.equal(files.find(f => f.path.endsWith('directives.yaml'))!.summary, null, 'parsed as a whole, on the main thread');
  });

  it('stops when cancelled, and leaves everything to the main thread when a worker cannot start', async () => {
    const { paths } = writeTree(70);
    const cancelled = await collect(paths, { workers: 1, cancelAfter: 1 });
    assert.ok(cancelled.count >= 1 && cancelled.count < paths.length, `${cancelled.count} of ${paths.length}`);
    assert.deepEqual(cancelled.failures, [], 'a cancelled run is not a failure');
    const failed = await collect(paths, { workers: 2, script: join(tmpdir(), 'no-such-kubeready-worker.js') });
    assert.equal(failed.count, 0);
    assert.equal(failed.files.length, 0);
    assert.equal(failed.failures.length, 1, 'one failure reported, however many workers fail');
    assert.match(failed.failures[0], /no-such-kubeready-worker/);
  });

  it('uses KUBEREADY_INDEX_WORKERS, else up to two workers', () => {
    assert.equal(indexWorkerCount({ KUBEREADY_INDEX_WORKERS: '0' }), 0);
    assert.equal(indexWorkerCount({ KUBEREADY_INDEX_WORKERS: '3' }), 3);
    const automatic = indexWorkerCount({});
    assert.ok(automatic >= 1 && automatic <= 2);
  });

  it('gives a server the findings of the CLI, with and without workers', async () => {
    const { root, paths } = writeTree(80);
    const cli = spawnSync(process.execPath, [resolve('dist/cli.js'), 'lint', '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    const findings = JSON.parse(cli.stdout).findings as Array<{ file: string; ruleId: string; line: number; column: number }>;
    // Files whose findings include cross-resource ones, which read the other files' objects.
    const crossResource = new Set(['pdb', 'network-policy', 'service-selector', 'metrics-scrape', 'selector-mismatch', 'service-target-port', 'default-service-account']);
    const opened = [...new Set(findings.filter(f => crossResource.has(f.ruleId)).map(f => f.file))].slice(0, 4);
    assert.ok(opened.length >= 2, 'the tree has cross-resource findings');
    const expected = findings.filter(f => opened.includes(f.file)).map(f => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).sort();
    for (const workers of ['0', '2']) {
      const server = await startServer({ rootUri: pathToFileURL(root).toString(), settings: { validation: { delayMs: 0 } }, env: { ...process.env, KUBEREADY_INDEX_WORKERS: workers } });
      try {
        const { files, indexThreads } = await server.connection.sendRequest('kubeready/checkWorkspace') as { files: number; indexThreads: number };
        assert.equal(files, paths.length, `${workers} workers: every file indexed`);
        assert.equal(indexThreads, Number(workers), 'indexed on the threads asked for');
        const got: string[] = [];
        for (const rel of opened) {
          const path = join(root, rel);
          const uri = pathToFileURL(path).toString();
          await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(path, 'utf8') } });
          const published = await server.waitForDiagnostics(uri, p => p.version === 1);
          for (const d of published.diagnostics) got.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
        }
        assert.deepEqual(got.sort(), expected, `${workers} workers`);
      } finally {
        await server.stop();
      }
    }
  });
});
