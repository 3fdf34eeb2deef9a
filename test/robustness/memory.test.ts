// Memory stays bounded while one document is edited 10,000 times: no per-version leak in the server (the
// parse cache, the analysis caches, timers, published diagnostics). The server runs with a 160 MB heap
// limit (a leak of the parsed documents would exhaust it and kill the process) and its resident memory is
// measured after 1,000 and after 10,000 edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { startServer } from '../helpers/lspClient';

const TEXT = readFileSync('examples/storefront.yaml', 'utf8');
const LINE = TEXT.split('\n').findIndex(l => l.includes('replicas:'));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('memory: 10,000 edits of one document', () => {
  it('the server survives with a 160 MB heap and its memory does not grow with the edits', { skip: process.platform !== 'linux', timeout: 300_000 }, async t => {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --max-old-space-size=160`.trim();
    const server = await startServer({ settings: { validation: { delayMs: 0 } } });
    process.env.NODE_OPTIONS = previous;
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    const uri = 'file:///memory/storefront.yaml';
    try {
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
      let current = 1;
      const edit = async (version: number) => {
        // Every version has its own text (its replica count), so every analysed version is parsed anew.
        const replicas = `  replicas: ${version}`;
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: LINE, character: 0 }, end: { line: LINE, character: Number.MAX_SAFE_INTEGER } }, text: replicas }],
        });
        current = version;
      };
      const burst = async (until: number) => {
        // Bursts of 50 edits, then wait for the diagnostics of the last one: analyses run on many versions.
        while (current < until) {
          const end = Math.min(until, current + 50);
          for (let v = current + 1; v <= end; v++) await edit(v);
          await server.waitForDiagnostics(uri, p => p.version === end, 60_000);
        }
      };
      await burst(1_000);
      const early = rssMb(server.process.pid!);
      await burst(10_000);
      const late = rssMb(server.process.pid!);
      t.diagnostic(`resident memory after 1,000 edits: ${early.toFixed(1)} MB; after 10,000: ${late.toFixed(1)} MB`);
      assert.equal(server.process.exitCode, null, 'the server died');
      const last = server.diagnostics.get(uri)!;
      assert.equal(last.version, 10_000);
      assert.ok(last.diagnostics.length > 0);
      // A leak of one parsed version per edit would cost far more than this over 9,000 edits.
      assert.ok(late - early < 120, `resident memory grew from ${early.toFixed(0)} MB to ${late.toFixed(0)} MB`);
    } finally {
      await server.stop();
    }
  });
});
