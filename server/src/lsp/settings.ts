// Per-document settings: the client's `kubeready` section (fetched with workspace/configuration per
// resource, cached until the client says it changed) layered with the nearest `.kubeready.yaml`.
import { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ConfigResolver, ResolvedSettings } from '../analysis/configResolver';
import { PartialSettings } from '../analysis/settings';
import { readTextFile } from './files';

export class SettingsStore {
  private readonly user = new Map<string, Promise<PartialSettings>>();
  private readonly resolver = new ConfigResolver(p => this.readConfig(p));
  /** Unsaved text of open config files: what the user sees is what applies. */
  private readonly openConfigs = new Map<string, string>();
  supportsConfiguration = false;
  initializationOptions: PartialSettings = {};
  /** Bumped whenever a file's resolved settings may have changed: what was computed with older ones is stale. */
  epoch = 0;

  constructor(private readonly connection: Connection, private readonly workspaceRoots: () => string[]) {}

  private readConfig(path: string): string | undefined {
    return this.openConfigs.get(path) ?? readTextFile(path);
  }

  setOpenConfig(path: string, text: string | undefined): void {
    if (text === undefined) this.openConfigs.delete(path);
    else this.openConfigs.set(path, text);
    this.resolver.clear();
    this.epoch++;
  }

  /** Called on workspace/didChangeConfiguration and when a config file changes on disk. */
  clear(): void {
    this.user.clear();
    this.resolver.clear();
    this.epoch++;
  }

  forget(uri: string): void {
    this.user.delete(uri);
  }

  private userSettings(uri: string): Promise<PartialSettings> {
    let cached = this.user.get(uri);
    if (!cached) {
      cached = this.supportsConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'kubeready' })
          .then(v => (v && typeof v === 'object' ? v as PartialSettings : {}), () => ({}))
        : Promise.resolve(this.initializationOptions);
      this.user.set(uri, cached);
    }
    return cached;
  }

  async resolve(uri: string): Promise<ResolvedSettings> {
    const user = await this.userSettings(uri);
    const path = fsPath(uri);
    const root = this.workspaceRoots().find(r => path.startsWith(r));
    return this.resolver.resolve(path, user, root);
  }

  configOf(path: string) {
    return this.resolver.parsedConfig(path);
  }
}

export function fsPath(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : uri;
  } catch {
    return uri;
  }
}
