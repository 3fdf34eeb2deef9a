// Settings for each file the CLI lints, and the findings of the config files themselves.
import { readFileSync, statSync } from 'node:fs';
import { resolve as resolvePath, relative } from 'node:path';
import { ConfigResolver } from '../analysis/configResolver';
import { FindingRecord } from '../analysis/records';
import { LineIndex } from '../model/lines';
import { Settings } from '../analysis/settings';
import { ConfigIgnores } from '../analysis/suppress';
import { UsageError } from './files';

export interface CliSettings {
  settings: Settings;
  ignores?: ConfigIgnores;
  excluded: boolean;
  /** Problems of the config file, reported with the first file it applies to. */
  problems: FindingRecord[];
}

export function readTextFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function loadSettingsFor(explicitConfig?: string): (filePath: string) => CliSettings {
  let explicit: string | undefined;
  if (explicitConfig) {
    explicit = resolvePath(explicitConfig);
    if (readTextFile(explicit) === undefined) throw new UsageError(`cannot read config file ${explicitConfig}`);
  }
  const resolver = new ConfigResolver(readTextFile, explicit);
  const reported = new Set<string>();
  return (filePath: string) => {
    const resolved = resolver.resolve(resolvePath(filePath), {}, process.cwd());
    const problems: FindingRecord[] = [];
    if (resolved.configPath && resolved.config && !reported.has(resolved.configPath)) {
      reported.add(resolved.configPath);
      const text = readTextFile(resolved.configPath) ?? '';
      const lines = new LineIndex(text);
      const rel = relative(process.cwd(), resolved.configPath);
      for (const p of resolved.config.problems) {
        const s = lines.humanPosition(p.start);
        const e = lines.humanPosition(p.end);
        problems.push({
          file: rel && !rel.startsWith('..') ? rel : resolved.configPath, ruleId: 'invalid-config', severity: 'error', checklist: 'syntax',
          message: p.message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, fixable: false,
        });
      }
    }
    return { settings: resolved.settings, ignores: resolved.ignores, excluded: resolved.excluded, problems };
  };
}
