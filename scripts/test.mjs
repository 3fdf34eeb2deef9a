// The whole test suite: build the bundles and the tests, then run them with Node's test runner.
import { spawnSync } from 'node:child_process';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['esbuild.mjs', '--tests']);
run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', 'out/test/']);
