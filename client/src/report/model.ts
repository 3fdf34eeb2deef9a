// The readiness report as data, Markdown and HTML. Pure (no `vscode` import): the webview panel hands in a
// nonce and shows the HTML; "Save as Markdown" writes renderMarkdown's text. Score formula: docs/report.md.
import {
  baseName, ChecklistEntry, ChecklistFinding, ChecklistSnapshot, entryLabel, entryScore, headline, ItemStatus, percent,
  plural, Range, scoreSentence, Summary, summarize, summaryLabel,
} from '../checklist/model';

export interface ReportCell {
  status: ItemStatus;
  /** Findings that are not accepted exceptions. */
  active: number;
  accepted: number;
  /** Where the first finding of the item is (the cell links there). */
  first?: Range;
}

export interface ReportFinding {
  item: string;
  ruleId: string;
  severity: ChecklistFinding['severity'];
  message: string;
  range: Range;
  container?: string;
  suppressed?: string;
}

export interface ReportRow {
  uri: string;
  file: string;
  kind: string;
  name: string;
  namespace?: string;
  range: Range;
  score: number;
  applicable: number;
  passing: number;
  ready: boolean;
  cells: Record<string, ReportCell>;
  findings: ReportFinding[];
}

export interface ReportColumn {
  id: string;
  title: string;
}

export interface Report {
  /** When the report was made (ISO 8601). */
  generated: string;
  summary: Summary;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Non-workload objects with their findings. */
  others: ReportRow[];
  fileFindings: Array<{ uri: string; file: string; findings: ReportFinding[] }>;
  indexing: boolean;
}

const CORE: ReportColumn[] = [
  { id: 'resources', title: 'Resources' },
  { id: 'health', title: 'Health checks' },
  { id: 'rbac', title: 'RBAC' },
  { id: 'replicas', title: 'Replicas' },
  { id: 'observability', title: 'Observability' },
  { id: 'security', title: 'Security' },
];
const OPTIONAL: ReportColumn[] = [
  { id: 'state', title: 'State' },
  { id: 'networking', title: 'Networking' },
];

export interface ReportOptions {
  displayPath?: (uri: string) => string;
  /** The report's timestamp; passed in so the output is deterministic under test. */
  now?: Date;
}

function toRow(entry: ChecklistEntry, show: (uri: string) => string): ReportRow {
  const s = entryScore(entry);
  const cells: Record<string, ReportCell> = {};
  const findings: ReportFinding[] = [];
  for (const item of entry.items) {
    const active = item.findings.filter(f => !f.suppressed);
    const cell: ReportCell = { status: item.status, active: active.length, accepted: item.findings.length - active.length };
    const first = active[0] ?? item.findings[0];
    if (first) cell.first = first.range;
    cells[item.id] = cell;
    for (const f of item.findings) {
      const rf: ReportFinding = { item: item.title, ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
      if (f.container !== undefined) rf.container = f.container;
      if (f.suppressed) rf.suppressed = f.suppressed;
      findings.push(rf);
    }
  }
  const row: ReportRow = {
    uri: entry.uri, file: show(entry.uri), kind: entry.kind, name: entry.name, range: entry.range,
    score: s.score, applicable: s.applicable, passing: s.passing, ready: s.ready, cells, findings,
  };
  if (entry.namespace !== undefined) row.namespace = entry.namespace;
  return row;
}

export function buildReport(snapshot: ChecklistSnapshot, options: ReportOptions = {}): Report {
  const show = options.displayPath ?? baseName;
  const rows = snapshot.workloads.map(w => toRow(w, show));
  const columns = [...CORE, ...OPTIONAL.filter(c => rows.some(r => r.cells[c.id] && r.cells[c.id].status !== 'n/a'))];
  return {
    generated: (options.now ?? new Date()).toISOString(),
    summary: summarize(snapshot.workloads),
    columns,
    rows,
    others: snapshot.others.map(o => toRow(o, show)),
    fileFindings: snapshot.fileFindings.map(ff => ({
      uri: ff.uri, file: show(ff.uri),
      findings: ff.findings.map(f => {
        const rf: ReportFinding = { item: 'File', ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
        if (f.suppressed) rf.suppressed = f.suppressed;
        return rf;
      }),
    })),
    indexing: snapshot.indexing,
  };
}

/** Cell text shared by both renderings. */
export function cellText(cell: ReportCell | undefined): string {
  if (!cell || cell.status === 'n/a') return 'n/a';
  if (cell.status === 'pass') return 'pass';
  if (cell.status === 'accepted') return 'accepted';
  return `fail (${cell.active})`;
}

/** Sort key of a cell: failing first when ascending, then accepted, pass, n/a. */
export function cellRank(cell: ReportCell | undefined): number {
  if (!cell || cell.status === 'n/a') return 3000;
  if (cell.status === 'fail') return 1000 - Math.min(cell.active, 999);
  return cell.status === 'accepted' ? 2000 : 2500;
}

// ---- Markdown ------------------------------------------------------------------------------------------

const MD_MARK: Record<ItemStatus, string> = { pass: '✅', fail: '❌', accepted: '☑️', 'n/a': '—' };

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdMark(cell: ReportCell | undefined): string {
  if (!cell || cell.status === 'n/a') return MD_MARK['n/a'];
  if (cell.status === 'fail') return `${MD_MARK.fail} ${cell.active}`;
  return MD_MARK[cell.status];
}

function place(file: string, range: Range): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push('# Kubeready readiness report', '');
  out.push(`${summaryLabel(report.summary)}. ${report.summary.workloads ? `${scoreSentence(report.summary)}.` : ''}`.trimEnd());
  out.push('', `Generated ${report.generated}${report.indexing ? ' while the workspace was still being indexed' : ''}. ` +
    'Score = applicable checklist items that pass (or are accepted exceptions) / applicable items.', '');
  if (report.rows.length) {
    out.push(`| Workload | Namespace | File | Score | ${report.columns.map(c => c.title).join(' | ')} |`);
    out.push(`|---|---|---|---:|${report.columns.map(() => ':---:').join('|')}|`);
    for (const r of report.rows) {
      out.push(`| ${mdCell(`${r.kind}/${r.name}`)} | ${mdCell(r.namespace ?? '')} | ${mdCell(place(r.file, r.range))} | ${percent(r.score)} | ${report.columns.map(c => mdMark(r.cells[c.id])).join(' | ')} |`);
    }
    out.push('', `✅ pass · ❌ N failing with N findings · ☑️ accepted exception · — not applicable`, '');
  }
  const withFindings = report.rows.filter(r => r.findings.length);
  if (withFindings.length) {
    out.push('## Findings by workload', '');
    for (const r of withFindings) section(out, r);
  }
  if (report.others.length) {
    out.push('## Other objects', '');
    for (const r of report.others) section(out, r);
  }
  if (report.fileFindings.length) {
    out.push('## File problems', '');
    for (const ff of report.fileFindings) {
      out.push(`### ${ff.file}`, '');
      for (const f of ff.findings) out.push(findingLine(ff.file, f));
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function section(out: string[], r: ReportRow): void {
  out.push(`### ${r.kind}/${r.name}${r.namespace ? ` (${r.namespace})` : ''}`, '');
  out.push(`${place(r.file, r.range)}${r.applicable ? ` · score ${percent(r.score)}` : ''}`, '');
  for (const f of r.findings) out.push(findingLine(r.file, f));
  out.push('');
}

function findingLine(file: string, f: ReportFinding): string {
  const accepted = f.suppressed ? ` *(accepted exception: ${f.suppressed.replace(/\*/g, '\\*')})*` : '';
  return `- **${f.item}** \`${f.ruleId}\` (${f.severity}, ${place(file, f.range)}): ${f.message.replace(/\r?\n/g, ' ')}${accepted}`;
}

// ---- HTML ------------------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The Content-Security-Policy of the report: nothing remote, only the nonce'd inline style and script. */
export function reportCsp(nonce: string): string {
  return `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
}

function linkAttrs(uri: string, range: Range): string {
  return `href="#" class="src" data-uri="${escapeHtml(uri)}" data-range="${range.start.line},${range.start.character},${range.end.line},${range.end.character}"`;
}

function htmlCell(row: ReportRow, column: ReportColumn): string {
  const cell = row.cells[column.id];
  const text = cellText(cell);
  const cls = !cell || cell.status === 'n/a' ? 'na' : cell.status;
  const label = cell?.status === 'fail' ? `${plural(cell.active, 'finding')}` : text;
  const inner = cell?.first && cell.status !== 'pass'
    ? `<a ${linkAttrs(row.uri, cell.first)} title="${escapeHtml(`${column.title}: ${label} — go to the first finding`)}">${escapeHtml(text)}</a>`
    : escapeHtml(text);
  return `<td class="cell ${cls}" data-sort="${cellRank(cell)}">${inner}</td>`;
}

function findingItem(uri: string, file: string, f: ReportFinding): string {
  const accepted = f.suppressed ? ` <span class="accepted-note">accepted exception: ${escapeHtml(f.suppressed)}</span>` : '';
  return `<li class="${f.suppressed ? 'accepted' : escapeHtml(f.severity)}"><a ${linkAttrs(uri, f.range)}>${escapeHtml(place(file, f.range))}</a> ` +
    `<span class="item">${escapeHtml(f.item)}</span> <code>${escapeHtml(f.ruleId)}</code> ${escapeHtml(headline(f.message, 400))}${accepted}</li>`;
}

function objectSection(r: ReportRow): string {
  return `<section class="object"><h3><a ${linkAttrs(r.uri, r.range)}>${escapeHtml(entryLabel(r))}</a>` +
    `${r.namespace ? ` <span class="muted">${escapeHtml(r.namespace)}</span>` : ''} <span class="muted">${escapeHtml(r.file)}</span></h3>` +
    `<ul>${r.findings.map(f => findingItem(r.uri, r.file, f)).join('')}</ul></section>`;
}

export interface HtmlOptions {
  nonce: string;
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const { nonce } = options;
  const s = report.summary;
  const head = report.columns.map((c, i) => `<th scope="col" data-col="${i + 4}" data-type="num"><button type="button">${escapeHtml(c.title)}</button></th>`).join('');
  const rows = report.rows.map(r => `<tr class="${r.ready ? 'ready' : 'not-ready'}">` +
    `<th scope="row" data-sort="${escapeHtml(`${r.kind}/${r.name}`.toLowerCase())}"><a ${linkAttrs(r.uri, r.range)}>${escapeHtml(`${r.kind}/${r.name}`)}</a></th>` +
    `<td data-sort="${escapeHtml(r.namespace ?? '')}">${escapeHtml(r.namespace ?? '')}</td>` +
    `<td data-sort="${escapeHtml(r.file)}" class="muted">${escapeHtml(r.file)}</td>` +
    `<td class="score ${r.ready ? 'pass' : r.score >= 0.5 ? 'partial' : 'fail'}" data-sort="${r.score.toFixed(4)}" title="${r.passing} of ${r.applicable} applicable items pass">${percent(r.score)}</td>` +
    report.columns.map(c => htmlCell(r, c)).join('') + '</tr>').join('\n');
  const table = report.rows.length
    ? `<div class="table-wrap"><table id="report"><thead><tr>` +
      `<th scope="col" data-col="0"><button type="button">Workload</button></th>` +
      `<th scope="col" data-col="1"><button type="button">Namespace</button></th>` +
      `<th scope="col" data-col="2"><button type="button">File</button></th>` +
      `<th scope="col" data-col="3" data-type="num"><button type="button">Score</button></th>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>`
    : `<p class="empty">No workloads in the workspace.</p>`;
  const details = report.rows.filter(r => r.findings.length).map(objectSection).join('\n');
  const others = report.others.map(objectSection).join('\n');
  const files = report.fileFindings.map(ff => `<section class="object"><h3>${escapeHtml(ff.file)}</h3><ul>${ff.findings.map(f => findingItem(ff.uri, ff.file, f)).join('')}</ul></section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Kubeready readiness report</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
  h1 { font-size: 1.4em; font-weight: 600; }
  h2 { font-size: 1.15em; font-weight: 600; margin-top: 2em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 4px; }
  h3 { font-size: 1em; font-weight: 600; margin: 1.2em 0 0.3em; }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover, a:focus { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
  .muted { color: var(--vscode-descriptionForeground); font-weight: normal; }
  .toolbar { display: flex; gap: 8px; align-items: center; margin: 8px 0 16px; }
  .toolbar button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
  .toolbar button:hover { background: var(--vscode-button-hoverBackground); }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; white-space: nowrap; }
  thead th button { font: inherit; font-weight: 600; color: inherit; background: none; border: none; padding: 0; cursor: pointer; }
  thead th[aria-sort="ascending"] button::after { content: " ▲"; }
  thead th[aria-sort="descending"] button::after { content: " ▼"; }
  tbody tr:hover { background: var(--vscode-list-hoverBackground); }
  td.cell, td.score { text-align: center; }
  .pass { color: var(--vscode-testing-iconPassed); }
  .fail, li.error::marker { color: var(--vscode-testing-iconFailed); }
  .partial, li.warning::marker { color: var(--vscode-editorWarning-foreground); }
  .accepted, li.info::marker, li.accepted::marker { color: var(--vscode-editorInfo-foreground); }
  .na { color: var(--vscode-disabledForeground); }
  .table-wrap { overflow-x: auto; }
  td.cell a { color: inherit; text-decoration: underline dotted; }
  li { margin: 2px 0; }
  li a { color: var(--vscode-textLink-foreground); }
  li.accepted { color: var(--vscode-descriptionForeground); }
  li .item { font-weight: 600; }
  code { font-family: var(--vscode-editor-font-family); }
  .accepted-note { font-style: italic; }
  .legend { margin-top: 8px; color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>Kubeready readiness report</h1>
<p class="summary"><strong>${escapeHtml(summaryLabel(s))}</strong>${s.workloads ? ` · ${escapeHtml(scoreSentence(s))}` : ''}${report.indexing ? ' · <em>indexing…</em>' : ''}</p>
<div class="toolbar"><button type="button" id="save-markdown">Save as Markdown</button><span class="muted">Generated ${escapeHtml(report.generated)}. Click a header to sort, a name or a cell to open the manifest there.</span></div>
${table}
<p class="legend">Score = applicable checklist items that pass (or are accepted exceptions) ÷ applicable items. pass · fail (N findings) · accepted exception · n/a = not applicable to this kind.</p>
${details ? `<h2>Findings by workload</h2>\n${details}` : ''}
${others ? `<h2>Other objects</h2>\n${others}` : ''}
${files ? `<h2>File problems</h2>\n${files}` : ''}
<script nonce="${nonce}">
${REPORT_SCRIPT}
</script>
</body>
</html>
`;
}

/** The report's only script: sorting (remembered in the webview state), reveal links, save. */
export const REPORT_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const table = document.getElementById('report');
  function keyOf(row, col, numeric) {
    const cell = row.children[col];
    const v = cell ? (cell.getAttribute('data-sort') ?? cell.textContent) : '';
    return numeric ? Number(v) : String(v);
  }
  function sortBy(col, dir) {
    if (!table) return;
    const th = table.querySelector('thead th[data-col="' + col + '"]');
    if (!th) return;
    const numeric = th.getAttribute('data-type') === 'num';
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = keyOf(a, col, numeric), y = keyOf(b, col, numeric);
      const c = numeric ? x - y : String(x).localeCompare(String(y));
      return dir === 'descending' ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    vscode.setState({ sort: { col: col, dir: dir } });
  }
  if (table) {
    table.querySelectorAll('thead th').forEach(function (th) {
      th.querySelector('button').addEventListener('click', function () {
        const col = Number(th.getAttribute('data-col'));
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortBy(col, dir);
      });
    });
    const state = vscode.getState();
    if (state && state.sort) sortBy(state.sort.col, state.sort.dir);
  }
  document.addEventListener('click', function (event) {
    const link = event.target.closest ? event.target.closest('a.src') : null;
    if (!link) return;
    event.preventDefault();
    const r = link.getAttribute('data-range').split(',').map(Number);
    vscode.postMessage({ type: 'reveal', uri: link.getAttribute('data-uri'), range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } } });
  });
  const save = document.getElementById('save-markdown');
  if (save) save.addEventListener('click', function () { vscode.postMessage({ type: 'saveMarkdown' }); });
})();`;

/** Messages the report webview posts to the extension. */
export type ReportMessage =
  | { type: 'reveal'; uri: string; range: Range }
  | { type: 'saveMarkdown' };

export function parseReportMessage(message: unknown): ReportMessage | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'saveMarkdown') return { type: 'saveMarkdown' };
  if (m.type === 'reveal' && typeof m.uri === 'string' && isRange(m.range)) return { type: 'reveal', uri: m.uri, range: m.range };
  return undefined;
}

function isPosition(p: unknown): p is Range['start'] {
  if (!p || typeof p !== 'object') return false;
  const { line, character } = p as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

function isRange(r: unknown): r is Range {
  return !!r && typeof r === 'object' && isPosition((r as Range).start) && isPosition((r as Range).end);
}
