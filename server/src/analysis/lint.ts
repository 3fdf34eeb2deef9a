// Parse + index + analyze in one call, for the CLI, tests and tools that have only text.
import { K8sObject, ManifestFile, parseManifest } from '../model/manifest';
import { Finding } from '../rules/types';
import { analyze, AnalysisOptions } from './analyze';
import { Settings } from './settings';
import { WorkspaceIndex } from './workspace';

/** Objects a file contributes to the workspace: those of documents that parse. */
export function indexedObjects(file: ManifestFile): K8sObject[] {
  const out: K8sObject[] = [];
  for (const d of file.documents) if (!d.problems.length) out.push(...d.objects);
  return out;
}

export function lintText(
  path: string,
  text: string,
  settings: Settings,
  workspace: WorkspaceIndex = new WorkspaceIndex(),
  options: AnalysisOptions = {},
): { file: ManifestFile; findings: Finding[] } {
  const file = parseManifest(path, text);
  workspace.setFile(path, indexedObjects(file));
  return { file, findings: analyze(file, settings, workspace, { path, ...options }) };
}
