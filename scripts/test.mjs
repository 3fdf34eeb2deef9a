// The whole test suite: build the bundles and the tests, then run them with Node's test runner; then the
// end-to-end tests in a real VS Code (code-server + Chromium, test/e2e/README.md).
import { spawnSync } from 'node:child_process';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['esbuild.mjs', '--tests']);
run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', 'out/test/']);

// In CI the end-to-end tests must run: an environment that cannot be set up fails the build. Elsewhere
// KUBEREADY_E2E=0 skips them, and an environment that cannot be set up (no apt, not root) skips them
// with a message.
const ci = !!process.env.CI && !['false', '0'].includes(process.env.CI.toLowerCase());
if (process.env.KUBEREADY_E2E === '0') {
  if (!ci) {
    console.log('\n[test] end-to-end tests skipped (KUBEREADY_E2E=0).');
    process.exit(0);
  }
  console.log('\n[test] KUBEREADY_E2E=0 is ignored in CI: the end-to-end tests always run there.');
}
const e2e = spawnSync(process.execPath, ['scripts/e2e-ci.mjs'], { stdio: 'inherit' });
if (e2e.status === 2 && !ci) {
  console.log('\n[test] end-to-end tests SKIPPED: their environment could not be set up (see above). CI fails on this.');
  process.exit(0);
}
if (e2e.status === 2) console.error('\n[test] CI=true: the end-to-end environment must be set up; failing.');
process.exit(e2e.status ?? 1);
