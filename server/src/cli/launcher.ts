// The `kubeready` command (dist/cli.js): runs the CLI bundle (dist/cli-main.js) with V8's code cache. A one-file
// lint is mostly start-up, and compiling the bundle is the largest part of what we add to Node's own start-up
// (bench/README.md); with the cache written by the previous run, V8 skips parsing and compiling the functions
// that run. The cache lives in the user's own cache directory, never in a shared temporary one (V8 trusts
// cached code), is keyed by the bundle and Node's version, and any problem with it only means an uncached run.
// KUBEREADY_COMPILE_CACHE=0 turns it off. Only Node built-ins here: this file is read on every run.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'cli-main.js');

function cacheFile(): string | undefined {
  if (process.env.KUBEREADY_COMPILE_CACHE === '0') return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME
      || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined)
      || join(homedir(), '.cache');
    const stat = statSync(bundle);
    const key = `${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
    return join(base, 'kubeready', `cli-${key}.cache`);
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, script: Script): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    removeStaleCaches(dir, basename(file));
  } catch {
    // A read-only home or a full disk: the next run compiles again.
  }
}

/** Caches of other bundles or Node versions (an upgrade, a rebuild) are never read again. */
function removeStaleCaches(dir: string, current: string): void {
  for (const name of readdirSync(dir)) {
    if (name !== current && name.startsWith('cli-') && name.endsWith('.cache')) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // Another run removed it first.
      }
    }
  }
}

function launch(): void {
  const file = cacheFile();
  const cachedData = readCache(file);
  const source = readFileSync(bundle, 'utf8');
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // Written at exit, so that the functions this run compiled are in it too.
    process.once('exit', () => writeCache(file, script));
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = module.paths;
  run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, __dirname);
}

launch();
