// Which settings apply to a file: defaults < editor/user settings < the nearest `.kubeready.yaml` above
// the file (like .eslintrc), or an explicit config file. File access is injected, so this stays testable.
import { dirname, join, relative } from 'node:path';
import { CONFIG_FILE_NAMES, parseConfig, ParsedConfig } from './config';
import { globMatches } from './glob';
import { defaultSettings, mergeSettings, PartialSettings, Settings } from './settings';
import { ConfigIgnores } from './suppress';

export interface ResolvedSettings {
  settings: Settings;
  ignores?: ConfigIgnores;
  excluded: boolean;
  configPath?: string;
  config?: ParsedConfig;
}

export type ReadFile = (path: string) => string | undefined;

export class ConfigResolver {
  private readonly nearest = new Map<string, string | null>();
  private readonly parsed = new Map<string, ParsedConfig>();

  constructor(private readonly read: ReadFile, private readonly explicitConfig?: string) {}

  /** Forget cached config files (after one changed on disk). */
  clear(): void {
    this.nearest.clear();
    this.parsed.clear();
  }

  configFor(filePath: string): string | undefined {
    if (this.explicitConfig) return this.explicitConfig;
    let dir = dirname(filePath);
    const visited: string[] = [];
    let found: string | null | undefined;
    for (;;) {
      const cached = this.nearest.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const hit = CONFIG_FILE_NAMES.map(n => join(dir, n)).find(p => this.read(p) !== undefined);
      if (hit) {
        found = hit;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        found = null;
        break;
      }
      dir = parent;
    }
    for (const v of visited) this.nearest.set(v, found ?? null);
    return found ?? undefined;
  }

  parsedConfig(path: string): ParsedConfig {
    let parsed = this.parsed.get(path);
    if (!parsed) {
      parsed = parseConfig(this.read(path) ?? '');
      this.parsed.set(path, parsed);
    }
    return parsed;
  }

  /**
   * @param user settings from the editor or command line
   * @param userRoot folder the user's `exclude` globs are relative to
   */
  resolve(filePath: string, user: PartialSettings = {}, userRoot?: string): ResolvedSettings {
    const configPath = this.configFor(filePath);
    const config = configPath ? this.parsedConfig(configPath) : undefined;
    // The repository's file wins over user settings: a team's decision travels with the repo.
    const settings = mergeSettings(defaultSettings(), user, config?.settings);
    const relToConfig = configPath ? relative(dirname(configPath), filePath) : undefined;
    const relToUser = userRoot ? relative(userRoot, filePath) : filePath;
    const excluded = (user.exclude ?? []).some(g => globMatches(g, relToUser))
      || (!!relToConfig && (config?.settings.exclude ?? []).some(g => globMatches(g, relToConfig)));
    const ignores = config && config.ignores.length && relToConfig !== undefined
      ? { entries: config.ignores, relativePath: relToConfig, source: configPath!.split(/[\\/]/).pop()! }
      : undefined;
    return { settings, ignores, excluded, configPath, config };
  }
}
