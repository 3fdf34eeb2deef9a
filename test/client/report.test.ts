// The readiness report (client/src/report/model.ts): rows and scores, the Markdown, the CSP-locked HTML,
// and the messages the webview may post.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, cellRank, escapeHtml, parseReportMessage, renderHtml, renderMarkdown, reportCsp } from '../../client/src/report/model';
import { DB, emptySnapshot, finding, item, sampleSnapshot, WEB, workload } from './fixtures';

const NOW = new Date('2025-01-02T03:04:05.000Z');
const rel = (uri: string) => uri.replace('file:///ws/', '');

describe('report model', () => {
  it('has one row per workload with its score and the status of each item', () => {
    const report = buildReport(sampleSnapshot(), { displayPath: rel, now: NOW });
    assert.deepEqual(report.rows.map(r => [`${r.kind}/${r.name}`, r.file, Math.round(r.score * 100), r.ready]), [
      ['Deployment/web', 'k8s/web.yaml', 67, false],
      ['Deployment/api', 'k8s/web.yaml', 100, true],
      ['StatefulSet/db', 'k8s/db.yaml', 86, false],
      ['CronJob/backup', 'k8s/db.yaml', 100, true],
    ]);
    // State appears because one workload has it; Networking does not.
    assert.deepEqual(report.columns.map(c => c.title), ['Resources', 'Health checks', 'RBAC', 'Replicas', 'Observability', 'Security', 'State']);
    const web = report.rows[0];
    assert.deepEqual(web.cells.resources, { status: 'fail', active: 2, accepted: 0, first: { start: { line: 20, character: 8 }, end: { line: 20, character: 11 } } });
    assert.deepEqual(web.cells.replicas.status, 'accepted');
    assert.equal(web.cells.replicas.accepted, 1);
    assert.equal(web.findings.length, 4);
    assert.equal(report.summary.ready, 2);
    assert.equal(report.generated, '2025-01-02T03:04:05.000Z');
  });

  it('sorts failing cells first, the most findings first', () => {
    const report = buildReport(sampleSnapshot());
    const ranks = [report.rows[0].cells.resources, report.rows[0].cells.health, report.rows[0].cells.replicas, report.rows[0].cells.rbac, report.rows[3].cells.health]
      .map(cellRank);
    assert.deepEqual([...ranks].sort((a, b) => a - b), ranks);
  });
});

describe('report as Markdown', () => {
  it('renders the summary, the table and the findings', () => {
    const md = renderMarkdown(buildReport(sampleSnapshot(), { displayPath: rel, now: NOW }));
    const lines = md.split('\n');
    assert.equal(lines[0], '# Kubeready readiness report');
    assert.equal(lines[2], '2 of 4 workloads production-ready. Checklist score 86%: 19 of 22 applicable items pass (1 as accepted exceptions).');
    assert.ok(lines.includes('| Workload | Namespace | File | Score | Resources | Health checks | RBAC | Replicas | Observability | Security | State |'));
    assert.ok(lines.includes('| Deployment/web | shop | k8s/web.yaml:4:9 | 67% | ❌ 2 | ❌ 1 | ✅ | ☑️ | ✅ | ✅ | — |'), md);
    assert.ok(lines.includes('| CronJob/backup | data | k8s/db.yaml:61:9 | 100% | ✅ | — | ✅ | — | — | ✅ | — |'), md);
    assert.ok(lines.includes('### Deployment/web (shop)'));
    assert.ok(lines.includes('- **Resources** `memory-limit` (warning, k8s/web.yaml:21:9): Container "web" breaks memory-limit: and here is why it matters.'));
    assert.ok(lines.some(l => l.startsWith('- **Replicas** `pdb`') && l.endsWith('*(accepted exception: annotation kubeready.io/ignore: single replica by design)*')));
    assert.ok(lines.includes('## Other objects'));
    assert.ok(lines.includes('### Role/reader'));
    assert.ok(lines.includes('## File problems'));
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  it('escapes table cells', () => {
    const snap = emptySnapshot();
    snap.workloads.push(workload('file:///ws/a|b.yaml', 'Deployment', 'x|y', [], 'ns'));
    snap.objects = 1;
    const md = renderMarkdown(buildReport(snap, { displayPath: rel, now: NOW }));
    assert.ok(md.includes('| Deployment/x\\|y | ns | a\\|b.yaml:4:9 | 100% |'), md);
  });

  it('says so when there are no workloads', () => {
    const md = renderMarkdown(buildReport(emptySnapshot(), { now: NOW }));
    assert.match(md, /^No workloads\.$/m);
    assert.doesNotMatch(md, /\| Workload \|/);
  });
});

describe('report as HTML', () => {
  const nonce = 'bm9uY2Utbm9uY2Utbm9uY2U=';

  it('is locked down by its Content-Security-Policy: nothing remote, only the nonce\'d style and script', () => {
    const html = renderHtml(buildReport(sampleSnapshot(), { displayPath: rel, now: NOW }), { nonce });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, reportCsp(nonce));
    assert.match(csp!, /default-src 'none'/);
    assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval|https?:|\*/);
    // Every <script> and <style> carries the nonce; nothing loads from anywhere.
    const tags = [...html.matchAll(/<(script|style)\b([^>]*)>/g)];
    assert.equal(tags.length, 2);
    for (const t of tags) assert.equal(t[2].trim(), `nonce="${nonce}"`);
    assert.doesNotMatch(html, /<(link|img|iframe|object|embed)\b/);
    assert.doesNotMatch(html, /\bsrc=|\bstyle="|\bon[a-z]+=/);
    assert.doesNotMatch(html.replace(/https:\/\/[^"'\s<]*\.md/g, ''), /https?:\/\//);
    // Colours come from the theme.
    assert.match(html, /var\(--vscode-foreground\)/);
    assert.match(html, /var\(--vscode-testing-iconFailed\)/);
  });

  it('has a sortable table and links to the source ranges', () => {
    const html = renderHtml(buildReport(sampleSnapshot(), { displayPath: rel, now: NOW }), { nonce });
    assert.equal((html.match(/<th scope="col" data-col="\d+"/g) ?? []).length, 4 + 7);
    assert.match(html, /<th scope="col" data-col="3" data-type="num"><button type="button">Score<\/button><\/th>/);
    assert.match(html, /<a href="#" class="src" data-uri="file:\/\/\/ws\/k8s\/web\.yaml" data-range="3,8,3,11">Deployment\/web<\/a>/);
    // A failing cell links to its first finding.
    assert.match(html, /<td class="cell fail" data-sort="998"><a href="#" class="src" data-uri="file:\/\/\/ws\/k8s\/web\.yaml" data-range="20,8,20,11"[^>]*>fail \(2\)<\/a><\/td>/);
    assert.match(html, /<td class="score partial" data-sort="0\.6667"/);
    assert.match(html, /id="save-markdown">Save as Markdown</);
    assert.match(html, /acquireVsCodeApi\(\)/);
  });

  it('escapes everything that comes from manifests', () => {
    const snap = emptySnapshot();
    snap.workloads.push(workload(DB, 'Deployment', '<img src=x onerror=alert(1)>', [item('resources', 'fail', [finding('memory-limit', 5, { message: '</script><script>alert(1)</script>' })])]));
    snap.objects = 1;
    const html = renderHtml(buildReport(snap, { now: NOW }), { nonce });
    assert.doesNotMatch(html, /<img|<\/script><script>alert/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('renders an empty workspace without a table', () => {
    const html = renderHtml(buildReport(emptySnapshot(), { now: NOW }), { nonce });
    assert.match(html, /No workloads in the workspace\./);
    assert.doesNotMatch(html, /<table/);
  });
});

describe('report webview messages', () => {
  it('accepts only well-formed reveal and save messages', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    assert.deepEqual(parseReportMessage({ type: 'reveal', uri: WEB, range }), { type: 'reveal', uri: WEB, range });
    assert.deepEqual(parseReportMessage({ type: 'saveMarkdown' }), { type: 'saveMarkdown' });
    assert.equal(parseReportMessage({ type: 'reveal', uri: WEB, range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }), undefined);
    assert.equal(parseReportMessage({ type: 'reveal', uri: 42, range }), undefined);
    assert.equal(parseReportMessage({ type: 'run', command: 'rm -rf' }), undefined);
    assert.equal(parseReportMessage(null), undefined);
    assert.equal(parseReportMessage('saveMarkdown'), undefined);
  });
});
