// End-to-end tests in a desktop VS Code through @vscode/test-electron, for a developer machine with internet
// (or a local VS Code): the same Mocha suite (test/e2e/suite) that `npm run test:e2e:ci` runs in code-server.
// See test/e2e/README.md.
//
//   npm run test:e2e                                   # downloads VS Code into .vscode-test/ on first use
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:e2e
//   KUBEREADY_E2E_GREP='Quick fixes' npm run test:e2e  # only the matching tests
//
// On Linux without a display, run it under xvfb-run -a.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'test', 'e2e', 'workspace');
const executable = process.env.VSCODE_EXECUTABLE;

if (executable && !existsSync(executable)) {
  console.error(`[e2e] VSCODE_EXECUTABLE=${executable} does not exist.`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['esbuild.mjs', '--e2e'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const scratch = mkdtempSync(join(tmpdir(), 'kubeready-e2e-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(FIXTURE, workspace, { recursive: true });
const userData = join(scratch, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
// The same settings as the code-server run (scripts/e2e-ci.mjs), where they differ from VS Code's defaults.
writeFileSync(join(userData, 'User', 'settings.json'), `${JSON.stringify({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'files.autoSave': 'off',
}, null, 2)}\n`);
const results = join(scratch, 'results.json');

let code = 1;
try {
  code = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'e2e', 'suite'),
    extensionTestsEnv: {
      KUBEREADY_E2E_FIXTURE: FIXTURE,
      KUBEREADY_E2E_RESULTS: results,
      ...(process.env.KUBEREADY_E2E_GREP ? { KUBEREADY_E2E_GREP: process.env.KUBEREADY_E2E_GREP } : {}),
    },
    launchArgs: [
      workspace,
      '--user-data-dir', userData,
      '--extensions-dir', join(scratch, 'extensions'),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
    ],
  });
} catch (error) {
  const message = error?.message ?? String(error);
  if (!executable && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|download|fetch failed|socket hang up/i.test(`${message} ${error?.code ?? ''}`)) {
    console.error([
      '',
      `[e2e] Could not download VS Code for the tests: ${message}`,
      '[e2e] This machine cannot reach VS Code\'s download server. Either set VSCODE_EXECUTABLE to a VS Code',
      '[e2e] installed here (e.g. VSCODE_EXECUTABLE=/usr/share/code/code npm run test:e2e), or run',
      '[e2e] `npm run test:e2e:ci`, which runs the same suite in code-server from npm and works offline.',
      '',
    ].join('\n'));
  } else {
    console.error(`[e2e] VS Code tests failed to run: ${error?.stack ?? message}`);
  }
  code = 1;
} finally {
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`e2e: ${r.passed} passed, ${r.failed} failed`);
  }
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
