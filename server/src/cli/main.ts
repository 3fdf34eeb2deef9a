// The `kubeready` command line. The only code (with lsp/) that does I/O; all logic lives in analysis/.
import { readFileSync } from 'node:fs';
import { lint, LintOptions } from './lint';
import { fix } from './fix';
import { UsageError } from './files';
import { listRules } from './rules';

const HELP = `Usage: kubeready <command> [options]

Commands:
  lint [--format text|json|sarif] [--fail-on error|warning|info|never] [--config FILE] [--include-suppressed] PATH... | -
      Check manifests (files, directories searched for *.yaml/*.yml, or - for stdin). All inputs form one
      workspace, so cross-resource rules (PodDisruptionBudget, NetworkPolicy, Service...) see each other.
      Exit 0 when nothing reaches --fail-on (default: warning), 1 when something does, 2 on usage errors.
  fix [--dry-run] [--rules id,id] [--config FILE] PATH...
      Apply the quick fixes to the files (a unified diff on stdout with --dry-run).
  rules [--format text|json]
      List the rule catalog.
  lsp --stdio
      Run the language server over stdio (for Neovim, Helix, Emacs and other LSP clients).

Options:
  -h, --help      Show this help.
  -v, --version   Show the version.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lint(parseLintArgs(rest));
      case 'fix':
        return fix(parseFixArgs(rest));
      case 'rules':
        return listRules(optionValue(rest, '--format') ?? 'text');
      case 'lsp':
        // The server is its own bundle beside this one, loaded only here so `lint` starts fast.
        require(require('node:path').join(__dirname, 'server.js'));
        return -1;
      case '-v':
      case '--version':
        process.stdout.write(`${version()}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kubeready: ${e.message}\nRun "kubeready --help" for usage.\n`);
      return 2;
    }
    throw e;
  }
}

function version(): string {
  try {
    return JSON.parse(readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

/** Splits arguments into options (with values where the option takes one) and positional paths. */
function splitArgs(args: string[], withValue: string[], flags: string[]): { options: Map<string, string>; paths: string[] } {
  const options = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (withValue.includes(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      options.set(name, v);
    } else if (flags.includes(a)) options.set(a, 'true');
    else if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  return { options, paths };
}

function parseLintArgs(args: string[]): LintOptions {
  const { options, paths } = splitArgs(args, ['--format', '--fail-on', '--config'], ['--include-suppressed']);
  const format = options.get('--format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  const failOn = options.get('--fail-on') ?? 'warning';
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never (got "${failOn}")`);
  if (!paths.length) throw new UsageError('lint needs at least one PATH (or - for stdin)');
  return {
    paths,
    format: format as LintOptions['format'],
    failOn: failOn as LintOptions['failOn'],
    config: options.get('--config'),
    includeSuppressed: options.has('--include-suppressed'),
  };
}

function parseFixArgs(args: string[]) {
  const { options, paths } = splitArgs(args, ['--rules', '--config'], ['--dry-run']);
  if (!paths.length) throw new UsageError('fix needs at least one PATH');
  if (paths.includes('-')) throw new UsageError('fix works on files, not stdin');
  const rules = options.get('--rules')?.split(',').map(s => s.trim()).filter(Boolean);
  return { paths, dryRun: options.has('--dry-run'), rules, config: options.get('--config') };
}
