// `kubeready fix`: the quick fixes applied to files, pass after pass; never touches a file that does not parse.
import { writeFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fixAllText } from '../analysis/fixAll';
import { Project } from '../analysis/project';
import { collectFiles, UsageError } from './files';
import { loadSettingsFor } from './config';
import { unifiedDiff } from './diff';
import { ruleFailureReporter } from './lint';
import { allRules } from '../rules';

export interface FixOptions {
  paths: string[];
  dryRun: boolean;
  rules?: string[];
  config?: string;
}

export function fix(options: FixOptions): number {
  const known = new Set(allRules.map(r => r.meta.id));
  for (const r of options.rules ?? []) if (!known.has(r)) throw new UsageError(`unknown rule id "${r}" in --rules`);
  const files = collectFiles(options.paths);
  const project = new Project();
  const texts = new Map<string, string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    texts.set(f, text);
    project.update(f, text);
  }
  const settingsFor = loadSettingsFor(options.config);
  let changedFiles = 0;
  let fixedCount = 0;
  for (const path of files) {
    const original = texts.get(path)!;
    const display = relative(process.cwd(), path) || path;
    if (project.get(path)!.documents.some(d => d.problems.length)) {
      process.stderr.write(`${display}: skipped: the YAML does not parse\n`);
      continue;
    }
    const resolved = settingsFor(path);
    if (resolved.excluded) continue;
    const onRuleFailure = ruleFailureReporter(display);
    const result = fixAllText(original, text => {
      const file = project.update(path, text);
      const findings = project.analyze(path, resolved.settings, { path, suppressions: resolved.ignores, onRuleFailure })
        .filter(f => !f.suppressed && (!options.rules || options.rules.includes(f.ruleId)));
      return { file, findings };
    });
    if (result.text === original) continue;
    changedFiles++;
    fixedCount += result.fixed.length;
    if (options.dryRun) process.stdout.write(unifiedDiff(display, original, result.text));
    else writeFileSync(path, result.text);
    const counts = new Map<string, number>();
    for (const f of result.fixed) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    const summary = [...counts].map(([id, n]) => `${id}${n > 1 ? ` ×${n}` : ''}`).join(', ');
    (options.dryRun ? process.stderr : process.stdout).write(`${display}: ${options.dryRun ? 'would fix' : 'fixed'} ${summary}\n`);
  }
  const verb = options.dryRun ? 'would change' : 'changed';
  (options.dryRun ? process.stderr : process.stdout).write(`${fixedCount} finding${fixedCount === 1 ? '' : 's'} fixed; ${verb} ${changedFiles} of ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return 0;
}
