// The scenarios that need the real UI (code-server path only): squiggles and the Problems panel, the light
// bulb menu opened with Ctrl+., clicks in the checklist view, and the screenshots of docs/images/. The
// extension-host suite (test/e2e/suite) covers the same scenarios through the API on both runners.
//
// Loaded by scripts/e2e-ci.mjs with a browser context, a running code-server and a scratch copy of
// test/e2e/workspace/. The scenarios run in order on one workbench, as a person would work through them.
import type { BrowserContext } from 'playwright-core';
import { Workbench } from './workbench';

export interface UiOptions {
  context: BrowserContext;
  url: string;
  folder: string;
  /** Folder for the screenshots. */
  shots: string;
  /** Run only the scenarios whose name matches this regular expression. */
  grep?: string;
  log: (...args: unknown[]) => void;
}

export interface UiResults {
  passed: number;
  failed: number;
  tests: Array<{ name: string; ok: boolean; ms: number; error?: string }>;
}

const CONTAINER = { line: 20, column: 17 };
const FIXES = [
  { rule: 'memory-limit', title: 'Add resources block (requests and limits)', inserted: 'memory: 256Mi', alsoGone: ['cpu-request'] },
  { rule: 'readiness-probe', title: 'Add readiness probe', inserted: 'readinessProbe:', alsoGone: [] },
  { rule: 'run-as-non-root', title: 'Set runAsNonRoot: true', inserted: 'runAsNonRoot: true', alsoGone: [] },
];

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function runUiScenarios(options: UiOptions): Promise<UiResults> {
  const { context, log } = options;
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', error => log(`page error: ${error.message}`));
  const wb = new Workbench(page, options.shots, log);
  const results: UiResults = { passed: 0, failed: 0, tests: [] };
  const grep = options.grep ? new RegExp(options.grep) : undefined;
  let opened = false;

  const scenario = async (name: string, body: () => Promise<void>) => {
    if (grep && !grep.test(name)) return;
    const t0 = Date.now();
    try {
      if (!opened) {
        await wb.open(options.url, options.folder);
        opened = true;
      } else {
        await wb.dismiss();
      }
      await body();
      results.passed++;
      results.tests.push({ name, ok: true, ms: Date.now() - t0 });
      log(`  ✔ ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      results.failed++;
      const message = (error as Error)?.message ?? String(error);
      results.tests.push({ name, ok: false, ms: Date.now() - t0, error: message });
      log(`  ✘ ${name}\n      ${message.split('\n').join('\n      ')}`);
      await wb.screenshot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60)}.png`).catch(() => undefined);
    }
  };

  await scenario('1. web.yaml shows squiggles, and the Problems panel lists memory-limit, readiness-probe and run-as-non-root at Ln 20, Col 17', async () => {
    await wb.openFile('web.yaml');
    await wb.squiggles('warning').first().waitFor({ timeout: 60_000 });
    await wb.openProblems();
    for (const rule of ['memory-limit', 'readiness-probe', 'run-as-non-root']) {
      await wb.filterProblems(rule);
      const row = wb.problemRow(rule);
      await row.first().waitFor();
      const text = (await row.first().innerText()).replace(/\s+/g, ' ');
      check(text.includes(`[Ln ${CONTAINER.line}, Col ${CONTAINER.column}]`), `the ${rule} row should point at Ln 20, Col 17: ${text}`);
      check(text.includes('Container "web" of Deployment "web"'), `the ${rule} row should name the container: ${text}`);
    }
    await wb.filterProblems('pdb');
    const pdb = (await wb.problemRow('pdb').first().innerText()).replace(/\s+/g, ' ');
    check(pdb.includes('[Ln 5, Col 9]'), `the pdb row should point at the Deployment name: ${pdb}`);
    await wb.filterProblems('');
    await wb.goTo(1, 1);
    await wb.screenshot('problems.png');
  });

  await scenario('4. the checklist view shows Deployment/web and its items; a click on a finding moves the cursor to its range', async () => {
    await wb.openViewContainer('Kubeready');
    await wb.resizeSideBar(470);
    const workload = wb.treeRow('Deployment/web');
    await workload.waitFor({ timeout: 60_000 });
    await wb.expand(workload);
    for (const item of ['Resources', 'Health checks', 'RBAC', 'Replicas', 'Observability', 'Security']) {
      const row = wb.treeRow(item);
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      check(/\d+ findings?/.test(text), `${item} should fail with findings: ${text}`);
    }
    await wb.expand(wb.treeRow('Health checks'));
    await wb.goTo(1, 1);
    const finding = page.locator('.sidebar .pane-body .monaco-list-row', { hasText: 'readiness-probe · line 20' }).first();
    await finding.click();
    // The finding's range is the container name "web" (Ln 20, Col 17-20): selected, cursor at its end.
    const status = await wb.cursorAt(20, 20);
    check(/\(3 selected\)/.test(status), `the finding's range should be selected: ${status}`);
    await wb.screenshot('checklist-panel.png');
  });

  await scenario('2. Ctrl+. on the container lists the quick fixes; each one edits the file and its finding leaves the Problems panel', async () => {
    await wb.openProblems();
    for (const [i, fix] of FIXES.entries()) {
      await wb.filterProblems(fix.rule);
      await wb.problemRow(fix.rule).first().waitFor();
      await wb.goTo(CONTAINER.line, CONTAINER.column);
      await wb.openQuickFixMenu();
      const titles = await wb.quickFixMenuTitles();
      check(titles.some(t => t.startsWith(fix.title)), `the light bulb menu should offer "${fix.title}": ${titles.join(' | ')}`);
      const twice = titles.filter((t, k) => titles.indexOf(t) !== k);
      check(!twice.length, `each entry of the light bulb menu should be listed once: ${[...new Set(twice)].join(' | ')}`);
      if (i === 0) await wb.screenshot('quick-fix.png');
      await wb.chooseQuickFix(fix.title);
      // Each of these fixes appends to the container (or the pod spec), at the end of web.yaml.
      await wb.goToEnd();
      await wb.editorShows(fix.inserted);
      for (const rule of [fix.rule, ...fix.alsoGone]) {
        await wb.filterProblems(rule);
        await wb.problemRow(rule).first().waitFor({ state: 'detached' });
      }
    }
    await wb.filterProblems('');
    // The checklist followed: Resources passes now; Health checks still fails on the liveness probe.
    const resources = wb.treeRow('Resources');
    await resources.filter({ hasText: 'pass' }).waitFor();
    await wb.treeRow('Health checks').filter({ hasText: /1 finding\b/ }).waitFor();
  });

  await scenario('report: "Kubeready: Show Readiness Report" opens the report with Deployment/web', async () => {
    // The report gets the whole window.
    await wb.hidePanelAndSideBar();
    await wb.command('Kubeready: Show Readiness Report');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('h1', { hasText: 'Kubeready readiness report' }).waitFor({ timeout: 60_000 });
    await frame.locator('table#report', { hasText: 'Deployment/web' }).waitFor();
    await wb.clearNotifications();
    await wb.screenshot('report.png');
  });

  return results;
}
