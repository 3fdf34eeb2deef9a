// `npm run fuzz -- --iterations N [--seed S] [--workers W] [--time-limit MS] [--no-save] [--json]`
// Bundles the fuzzer (test/robustness/fuzz/runner.ts) and runs it. Deterministic for a given seed; failures
// are saved as regression fixtures under test/robustness/fixtures/found/ (replayed by `npm test`).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const outdir = process.env.FUZZ_OUT_DIR || 'out/fuzz-runner';
const outfile = join(outdir, 'runner.js');
await esbuild.build({
  entryPoints: ['test/robustness/fuzz/runner.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  sourcemap: true, logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
