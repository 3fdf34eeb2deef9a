// Sets up what the code-server end-to-end run needs on a machine that reaches only the npm registry and
// Debian's apt: Chromium (apt), a ripgrep download cache seeded from Debian's rg, and code-server installed
// locally into .e2e/ (never a global install). Idempotent: a second run only checks.
//
//   node scripts/e2e-setup.mjs           # prints the path of the code-server binary
//
// Exported for scripts/e2e-ci.mjs. Every failure throws an E2ESetupError that says what is missing and how
// to provide it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** code-server 4.100.3 (VS Code 1.100.3) is the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep version code-server 4.100.3 pins, and the asset its postinstall would download. */
const RIPGREP = { package: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];

export const E2E_DIR = resolve(process.env.KUBEREADY_E2E_DIR || join(ROOT, '.e2e'));
export const CHROMIUM = process.env.KUBEREADY_CHROMIUM || '/usr/bin/chromium';

export class E2ESetupError extends Error {}

const log = (...args) => console.log('[e2e-setup]', ...args);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: r.error ? -1 : r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function dpkgInstalled(pkg) {
  return run('dpkg-query', ['-W', '-f=${Status}', pkg]).stdout.includes('install ok installed');
}

/** Chromium, ripgrep and the Kerberos headers (code-server's native modules build against them). */
export function ensureSystemPackages() {
  // A Chromium of its own (KUBEREADY_CHROMIUM) needs no apt package.
  const missing = APT_PACKAGES.filter(p => !(p === 'chromium' && existsSync(CHROMIUM)) && !dpkgInstalled(p));
  if (!missing.length) {
    if (!existsSync(CHROMIUM)) throw new E2ESetupError(`no Chromium at ${CHROMIUM} (KUBEREADY_CHROMIUM).`);
    return { installed: [] };
  }
  if (run('apt-get', ['--version']).status !== 0) {
    throw new E2ESetupError(`missing ${missing.join(', ')} and apt-get is not available: install them (Chromium at ${CHROMIUM}, or set KUBEREADY_CHROMIUM).`);
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new E2ESetupError(`missing ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (this script installs them only as root).`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', '-qq'], { env });
  if (update.status !== 0) throw new E2ESetupError(`apt-get update failed:\n${update.stderr.trim()}`);
  const install = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  if (install.status !== 0) throw new E2ESetupError(`apt-get install ${missing.join(' ')} failed:\n${install.stderr.trim()}`);
  if (!existsSync(CHROMIUM)) throw new E2ESetupError(`apt installed chromium but ${CHROMIUM} does not exist.`);
  return { installed: missing };
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it first looks in its
 * download cache, so put Debian's rg there in the archive layout it expects.
 */
export function seedRipgrepCache() {
  const rg = run('sh', ['-c', 'command -v rg']).stdout.trim();
  if (!rg) throw new E2ESetupError('ripgrep (rg) is not installed: apt-get install -y ripgrep.');
  const cache = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP.package}`);
  const archive = join(cache, RIPGREP.asset);
  if (existsSync(archive)) return archive;
  mkdirSync(cache, { recursive: true });
  const tar = run('tar', ['czf', `${archive}.part`, '-C', dirname(rg), 'rg']);
  if (tar.status !== 0) throw new E2ESetupError(`could not seed the ripgrep cache: ${tar.stderr.trim()}`);
  renameSync(`${archive}.part`, archive);
  return archive;
}

export function codeServerDir() {
  return join(E2E_DIR, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin() {
  return join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

function installedVersion() {
  const marker = join(codeServerDir(), '.installed');
  if (!existsSync(marker) || !existsSync(codeServerBin())) return undefined;
  return readFileSync(marker, 'utf8').trim();
}

/** A local npm install of code-server into .e2e/code-server-<version>/ (built in a scratch folder, then renamed). */
export function ensureCodeServer() {
  if (installedVersion() === CODE_SERVER_VERSION) return { bin: codeServerBin(), installed: false };
  seedRipgrepCache();
  mkdirSync(E2E_DIR, { recursive: true });
  const scratch = join(E2E_DIR, `.install-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, 'package.json'), `${JSON.stringify({
    name: 'kubeready-e2e-tools', version: '0.0.0', private: true,
    // npm is moving to blocking dependency install scripts by default; these two must run.
    allowScripts: { 'code-server': true, argon2: true },
  }, null, 2)}\n`);
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${codeServerDir()} (1.5-2.5 min)`);
  // unsafe_perm: code-server's postinstall refuses to run as root without it. yes: node-pty's postinstall
  // runs `npx node-gyp`, which a `yes=false` in ~/.npmrc would cancel. Never -g: a nested npm inherits it.
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_global: 'false' };
  delete env.npm_config_prefix;
  const npm = run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: scratch, env });
  if (npm.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new E2ESetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status}):\n${tail(npm.stderr || npm.stdout, 40)}`);
  }
  const bin = join(scratch, 'node_modules', '.bin', 'code-server');
  // Its own config home, or code-server writes ~/.config/code-server/config.yaml.
  const home = join(scratch, '.xdg');
  const version = run(bin, ['--version'], { env: { ...process.env, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home } });
  rmSync(home, { recursive: true, force: true });
  if (version.status !== 0 || !new RegExp(`^${CODE_SERVER_VERSION.replace(/\./g, '\\.')} `, 'm').test(version.stdout)) {
    rmSync(scratch, { recursive: true, force: true });
    throw new E2ESetupError(`code-server was installed but \`code-server --version\` failed:\n${tail(version.stderr || version.stdout, 20)}`);
  }
  writeFileSync(join(scratch, '.installed'), `${CODE_SERVER_VERSION}\n`);
  rmSync(codeServerDir(), { recursive: true, force: true });
  renameSync(scratch, codeServerDir());
  return { bin: codeServerBin(), installed: true };
}

function tail(text, lines) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Everything the code-server run needs; returns timings in seconds. */
export function setup() {
  const t0 = Date.now();
  const system = ensureSystemPackages();
  const t1 = Date.now();
  const codeServer = ensureCodeServer();
  const t2 = Date.now();
  try {
    // playwright-core is a pinned devDependency; `npm ci` installs it.
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    throw new E2ESetupError('playwright-core is not installed: run `npm ci` first.');
  }
  return {
    codeServer: codeServer.bin,
    chromium: CHROMIUM,
    seconds: { apt: (t1 - t0) / 1000, codeServer: (t2 - t1) / 1000 },
    installed: [...system.installed, ...(codeServer.installed ? [`code-server@${CODE_SERVER_VERSION}`] : [])],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const result = setup();
    log(`ready in ${(result.seconds.apt + result.seconds.codeServer).toFixed(1)} s (apt ${result.seconds.apt.toFixed(1)} s, code-server ${result.seconds.codeServer.toFixed(1)} s)`);
    console.log(result.codeServer);
  } catch (error) {
    console.error(`[e2e-setup] ${error instanceof E2ESetupError ? error.message : error?.stack ?? error}`);
    process.exit(1);
  }
}
