// End-to-end tests in code-server (VS Code's own workbench, from npm) driven by headless Chromium, for
// machines without access to VS Code downloads (CI here). See test/e2e/README.md.
//
//   npm run test:e2e:ci [-- options]
//     --update-images   copy the screenshots of this run into docs/images/
//     --grep REGEX      run only the matching tests (extension-host suite and UI scenarios)
//     --suite-only | --ui-only
//     --keep            keep the scratch folder (servers' logs, workspaces) for a look afterwards
//
// Steps: set up (apt Chromium, code-server in .e2e/), build and package the .vsix, then twice (the Mocha
// suite in the extension host, then the UI scenarios) start a fresh code-server on 127.0.0.1 with its own
// user-data, extensions and XDG folders, install the .vsix into it, open a scratch copy of
// test/e2e/workspace/, run, and stop the server by its process group. Exit 0 only when everything passed;
// 2 when the environment could not be set up (scripts/test.mjs fails on that in CI and skips outside).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { CHROMIUM, E2ESetupError, ROOT, setup } from './e2e-setup.mjs';

const argv = process.argv.slice(2);
const flag = name => argv.includes(name);
const option = name => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const GREP = option('--grep') ?? process.env.KUBEREADY_E2E_GREP;
const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');
const FIXTURE = join(ROOT, 'test', 'e2e', 'workspace');
const OUT = join(ROOT, 'out', 'e2e');
const SUITE_TIMEOUT_MS = 10 * 60_000;
/** Screenshots the README and docs show: file in test-results/e2e/ -> docs/images/. */
const DOC_IMAGES = ['problems.png', 'quick-fix.png', 'checklist-panel.png', 'report.png'];

const T0 = Date.now();
const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const log = (...args) => console.log(`[e2e ${elapsed()}]`, ...args);
const timings = {};
async function timed(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = (Date.now() - t) / 1000;
  }
}

// ---- processes we start: every one is stopped by its process group, on success and on failure ----------

const children = new Set();
function stopAll() {
  for (const child of children) stopGroup(child);
}
function stopGroup(child) {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch { /* already gone */ }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, logFile, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready:\n${tailOf(logFile)}`);
    try {
      const response = await fetch(new URL('healthz', url));
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs / 1000} s:\n${tailOf(logFile)}`);
}

function tailOf(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- code-server ------------------------------------------------------------------------------------------

/** A fresh code-server profile: user data, extensions, XDG config and temp folders, and its settings. */
function makeProfile(root, name) {
  const dir = join(root, name);
  const profile = { dir, userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), xdg: join(dir, 'xdg'), tmp: join(dir, 'tmp'), log: join(dir, 'server.log') };
  for (const d of [profile.userData, profile.extensions, profile.xdg, profile.tmp]) mkdirSync(d, { recursive: true });
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  writeFileSync(join(profile.userData, 'User', 'settings.json'), `${JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    // code-server defaults to afterDelay; VS Code to off. The tests need VS Code's behaviour: a fix leaves
    // the buffer dirty, and only an explicit save runs codeActionsOnSave.
    'files.autoSave': 'off',
  }, null, 2)}\n`);
  return profile;
}

function serverEnv(profile, extra = {}) {
  return { ...process.env, XDG_CONFIG_HOME: profile.xdg, XDG_DATA_HOME: join(profile.xdg, 'data'), TMPDIR: profile.tmp, ...extra };
}

const COMMON_FLAGS = profile => [
  '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override', '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
];

function installVsix(codeServer, profile, vsix) {
  const r = spawnSync(codeServer, [...COMMON_FLAGS(profile), '--install-extension', vsix], { env: serverEnv(profile), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const installed = readdirSync(profile.extensions).find(name => name.startsWith('kubeready.kubeready-'));
  if (!installed) throw new Error(`the .vsix did not install: ${readdirSync(profile.extensions).join(', ') || 'empty extensions folder'}\n${r.stdout}`);
  return join(profile.extensions, installed);
}

async function startCodeServer(codeServer, profile, env) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const out = openSync(profile.log, 'a');
  // detached: its own process group (setsid), so the extension host, the language server and the
  // watchers it starts are stopped with it.
  const child = spawn(codeServer, [...COMMON_FLAGS(profile), '--bind-addr', `127.0.0.1:${port}`], { env: serverEnv(profile, env), stdio: ['ignore', out, out], detached: true });
  children.add(child);
  await waitForHealth(url, child, profile.log);
  return { url, port, child, stop: () => stopServer(child) };
}

async function stopServer(child) {
  stopGroup(child);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) await new Promise(resolve => setTimeout(resolve, 100));
  if (child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

// ---- browser ---------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launchBrowser(root) {
  const { chromium } = require('playwright-core');
  const userDataDir = mkdtempSync(join(root, 'chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS, viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1,
  });
  return context;
}

const NOISE = /^(Resolv|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore|Extension host \(Remote\) is unresponsive|Extension host \(Remote\) is responsive)/;

/** Runs test/e2e/suite in code-server's extension host through VS Code's test `payload` URL parameter. */
async function runSuite(server, root, extensionPath, folder) {
  const context = await launchBrowser(root);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    let finish;
    const finished = new Promise(resolve => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args ?? []));
      if (!NOISE.test(line)) console.log(`  ${line.replace(/\n/g, '\n  ')}`);
    });
    await page.exposeFunction('codeAutomationExit', code => finish(code));
    const remote = path => `vscode-remote://${new URL(server.url).host}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(join(OUT, 'suite'))],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const code = await Promise.race([finished, new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS); })]);
    clearTimeout(timer);
    return code;
  } finally {
    await context.close();
  }
}

// ---- main ------------------------------------------------------------------------------------------------

function build(root) {
  const esbuild = spawnSync(process.execPath, ['esbuild.mjs', '--e2e'], { cwd: ROOT, stdio: 'inherit' });
  if (esbuild.status !== 0) throw new Error('esbuild failed');
  const vsix = join(root, 'kubeready.vsix');
  const vsce = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (vsce.status !== 0 || !existsSync(vsix)) throw new Error(`vsce package failed:\n${vsce.stdout}\n${vsce.stderr}`);
  return vsix;
}

function freshWorkspace(root, name) {
  const dir = join(root, name);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function main() {
  let environment;
  try {
    environment = await timed('setup', () => setup());
  } catch (error) {
    const message = error instanceof E2ESetupError ? error.message : error?.stack ?? String(error);
    console.error(`\n[e2e] END-TO-END ENVIRONMENT COULD NOT BE SET UP: ${message}\n`);
    return 2;
  }
  log(`environment ready (${environment.installed.length ? `installed ${environment.installed.join(', ')}` : 'already installed'})`);

  const root = mkdtempSync(join(tmpdir(), 'kubeready-e2e-'));
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const summary = { suite: undefined, ui: undefined };
  let ok = true;
  try {
    const vsix = await timed('build', () => build(root));
    log(`built ${vsix}`);

    if (!flag('--ui-only')) {
      summary.suite = await timed('suite', async () => {
        const profile = makeProfile(root, 'suite');
        const extensionPath = installVsix(environment.codeServer, profile, vsix);
        const resultsFile = join(root, 'suite-results.json');
        const env = { KUBEREADY_E2E_RESULTS: resultsFile, KUBEREADY_E2E_FIXTURE: FIXTURE, ...(GREP ? { KUBEREADY_E2E_GREP: GREP } : {}) };
        const server = await startCodeServer(environment.codeServer, profile, env);
        log(`extension-host suite: code-server ${server.url}, extension ${extensionPath}`);
        try {
          const code = await runSuite(server, root, extensionPath, freshWorkspace(root, 'workspace-suite'));
          const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
          if (code !== 0) {
            console.log(`[e2e] the extension-host suite ended with ${code}; code-server log:\n${tailOf(profile.log, 40)}`);
            cpSync(profile.log, join(RESULTS_DIR, 'suite-server.log'));
          }
          return { code, results };
        } finally {
          await server.stop();
        }
      });
      if (summary.suite.code !== 0) ok = false;
    }

    if (!flag('--suite-only')) {
      summary.ui = await timed('ui', async () => {
        const profile = makeProfile(root, 'ui');
        installVsix(environment.codeServer, profile, vsix);
        const server = await startCodeServer(environment.codeServer, profile, {});
        log(`UI scenarios: code-server ${server.url}; screenshots in ${RESULTS_DIR}`);
        const context = await launchBrowser(root);
        try {
          const { runUiScenarios } = require(join(OUT, 'ui', 'index.js'));
          return await runUiScenarios({ context, url: server.url, folder: freshWorkspace(root, 'workspace-ui'), shots: RESULTS_DIR, grep: GREP, log });
        } finally {
          await context.close();
          await server.stop();
          if (existsSync(profile.log)) cpSync(profile.log, join(RESULTS_DIR, 'ui-server.log'));
        }
      });
      if (summary.ui.failed > 0 || summary.ui.passed === 0) ok = false;
    }
  } catch (error) {
    ok = false;
    console.error(`[e2e] ${error?.stack ?? error}`);
  } finally {
    stopAll();
    if (flag('--keep')) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }

  if (flag('--update-images') && ok) {
    mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
    for (const name of DOC_IMAGES) {
      if (existsSync(join(RESULTS_DIR, name))) {
        cpSync(join(RESULTS_DIR, name), join(ROOT, 'docs', 'images', name));
        log(`docs/images/${name} updated`);
      }
    }
  }

  const suite = summary.suite?.results;
  const passed = (suite?.passed ?? 0) + (summary.ui?.passed ?? 0);
  const failed = (suite?.failed ?? (summary.suite && summary.suite.code !== 0 ? 1 : 0)) + (summary.ui?.failed ?? 0);
  console.log('');
  if (summary.suite) console.log(`[e2e] extension-host suite: ${suite ? `${suite.passed} passed, ${suite.failed} failed` : `no results (exit ${summary.suite.code})`} in ${timings.suite?.toFixed(1)} s`);
  if (summary.ui) console.log(`[e2e] UI scenarios: ${summary.ui.passed} passed, ${summary.ui.failed} failed in ${timings.ui?.toFixed(1)} s; screenshots in ${RESULTS_DIR}`);
  console.log(`[e2e] timings: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}, total ${elapsed()}`);
  console.log(`e2e: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
stopAll();
