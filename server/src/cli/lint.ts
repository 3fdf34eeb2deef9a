// `kubeready lint`: read the inputs as one workspace, analyse, print, exit by severity.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { RuleFailure } from '../analysis/analyze';
import { Project } from '../analysis/project';
import { compareRecords, FindingRecord, SEVERITY_RANK, toRecord } from '../analysis/records';
import { collectFiles, UsageError } from './files';
import { formatJson, formatText, summarize } from './formatters';
import { formatSarif } from '../analysis/sarif';
import { loadSettingsFor } from './config';
import { isConfigPath } from '../analysis/analyze';

export interface LintOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  failOn: 'error' | 'warning' | 'info' | 'never';
  config?: string;
  includeSuppressed: boolean;
}

export const STDIN_NAME = '<stdin>';

export async function lint(options: LintOptions): Promise<number> {
  const inputs = await readInputs(options.paths);
  const project = new Project();
  for (const input of inputs) project.update(input.path, input.text);
  const records: FindingRecord[] = [];
  const settingsFor = loadSettingsFor(options.config);
  for (const input of inputs) {
    const file = project.get(input.path)!;
    const resolved = settingsFor(input.path === STDIN_NAME ? process.cwd() + '/stdin.yaml' : input.path);
    if (resolved.excluded) continue;
    // Each file is analysed once: caching its findings for a next analysis would only cost time.
    const findings = project.analyze(input.path, resolved.settings, { path: input.path, suppressions: resolved.ignores, noCache: true, onRuleFailure: ruleFailureReporter(input.display) });
    for (const f of findings) {
      const record = toRecord(file, input.display, f);
      if (f.suppressed) {
        if (!options.includeSuppressed) continue;
        record.suppressed = true;
      }
      records.push(record);
    }
    for (const p of resolved.problems) records.push(p);
  }
  records.sort(compareRecords);
  const summary = summarize(records, inputs.length);
  const out = options.format === 'json' ? formatJson(records, summary)
    : options.format === 'sarif' ? formatSarif(records)
    : formatText(records, summary);
  process.stdout.write(out);
  if (options.failOn === 'never') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  return records.some(r => !r.suppressed && SEVERITY_RANK[r.severity] >= threshold) ? 1 : 0;
}

/** Reports a rule that threw, once per rule and file, on stderr; the rule's findings there are dropped. */
export function ruleFailureReporter(display: string): (failure: RuleFailure) => void {
  const seen = new Set<string>();
  return ({ ruleId, error }) => {
    if (seen.has(ruleId)) return;
    seen.add(ruleId);
    const message = (error as Error)?.message ?? String(error);
    process.stderr.write(`kubeready: rule ${ruleId} failed on ${display} (its findings there are left out; please report this): ${message}\n`);
  };
}

interface Input {
  path: string;
  display: string;
  text: string;
}

async function readInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  // Config files are read where they apply (and their mistakes reported there), not linted as manifests.
  const filePaths = collectFiles(paths.filter(p => p !== '-')).filter(p => !isConfigPath(p));
  if (paths.includes('-')) out.push({ path: STDIN_NAME, display: STDIN_NAME, text: await readStdin() });
  for (const path of filePaths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const rel = relative(process.cwd(), path);
    out.push({ path, display: rel && !rel.startsWith('..') ? rel : path, text });
  }
  return out;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', c => chunks.push(c as Buffer));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}
