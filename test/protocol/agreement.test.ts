// The CLI and the language server agree on the same tree: same findings, same positions, with a
// .kubeready.yaml, suppressions and cross-file rules in play.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import { startServer } from '../helpers/lspClient';

it('kubeready lint and the language server report the same findings on the examples', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kubeready-agree-'));
  cpSync('examples', root, { recursive: true });
  writeFileSync(join(root, '.kubeready.yaml'), 'rules:\n  seccomp: off\n  image-tag: error\n');
  const storefront = join(root, 'storefront.yaml');
  writeFileSync(storefront, readFileSync(storefront, 'utf8').replace('  name: storefront\n  namespace: shop\n  labels:', '  name: storefront\n  namespace: shop\n  annotations:\n    kubeready.io/ignore: "replicas -- scaled by KEDA"\n  labels:'));
  const cli = spawnSync(process.execPath, [resolve('dist/cli.js'), 'lint', '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
  const fromCli = (JSON.parse(cli.stdout).findings as Array<{ file: string; ruleId: string; line: number; column: number; severity: string }>)
    .map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`).sort();
  assert.ok(fromCli.some(f => f.includes('image-tag') && f.includes('error')));
  assert.ok(!fromCli.some(f => f.includes(' seccomp')));
  assert.ok(!fromCli.some(f => f.startsWith('storefront.yaml') && f.endsWith(' replicas')));

  const server = await startServer({ rootUri: pathToFileURL(root).toString(), settings: { validation: { delayMs: 0 } } });
  try {
    const files = readdirSync(root).filter(n => n.endsWith('.yaml') && !n.startsWith('.'));
    // Let the workspace index settle so cross-resource rules see every file, as the CLI does.
    await server.connection.sendRequest('kubeready/checkWorkspace');
    const fromServer: string[] = [];
    const severity = ['', 'error', 'warning', 'info'];
    for (const name of files) {
      const uri = pathToFileURL(join(root, name)).toString();
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(join(root, name), 'utf8') } });
      const published = await server.waitForDiagnostics(uri, p => p.version === 1);
      for (const d of published.diagnostics) fromServer.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity[d.severity ?? 0]} ${d.code}`);
    }
    assert.deepEqual(fromServer.sort(), fromCli);
  } finally {
    await server.stop();
  }
});
