// One build script for every bundle: the client, the server, the CLI and (with --tests) the test files.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { YAML_ESM_ALIAS } from './scripts/yaml-alias.mjs';

const args = new Set(process.argv.slice(2));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', alias: YAML_ESM_ALIAS };

await Promise.all([
  // `--production` (npm run package) minifies what ships in the .vsix; tests use readable bundles.
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: args.has('--production') }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', minify: args.has('--production') }),
  // The server's indexing threads (server/src/lsp/indexWorker.ts), beside server.js, which starts them.
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/indexWorker.ts'], outfile: 'dist/indexWorker.js', minify: args.has('--production') }),
  // Minified: `kubeready lint` of one file is mostly start-up, and half the bundle is half the time to read and
  // compile it (bench/README.md). Stack traces map back through the source map.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/run.ts'], outfile: 'dist/cli-main.js', minify: true }),
  // The `kubeready` command: a small launcher that runs cli-main.js with V8's code cache (launcher.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, minify: true, sourcemap: false }),
]);
chmodSync('dist/cli.js', 0o755);

if (args.has('--tests')) {
  const testFiles = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) { if (name !== 'e2e') walk(full); }
      else if (name.endsWith('.test.ts')) testFiles.push(full);
    }
  };
  walk('test');
  // OUT_DIR lets several builds run side by side (e.g. parallel work trees) without clobbering each other.
  const outdir = process.env.OUT_DIR || 'out/test';
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({ ...common, entryPoints: testFiles, outdir, outbase: 'test', external: ['vscode'] });
}

if (args.has('--e2e')) {
  // End-to-end tests (test/e2e/README.md): the Mocha suite that runs inside the extension host
  // (suite/index.ts + suite/*.e2e.ts) and the UI scenarios driven through playwright-core (ui/index.ts).
  const entryPoints = [
    ...readdirSync('test/e2e/suite').filter(n => n === 'index.ts' || n.endsWith('.e2e.ts')).map(n => join('test/e2e/suite', n)),
    'test/e2e/ui/index.ts',
  ];
  const outdir = process.env.E2E_OUT_DIR || 'out/e2e';
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({ ...common, entryPoints, outdir, outbase: 'test/e2e', external: ['vscode', 'mocha', 'playwright-core'] });
}
