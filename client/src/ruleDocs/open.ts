// "Open rule documentation": the rule's page shipped in the extension (docs/rules/<id>.md, part of the
// .vsix) in the Markdown preview; the web page when the bundled file is missing.
import * as vscode from 'vscode';
import { isRuleId, ruleDocUrl } from '../checklist/model';
import { exists } from '../files';
import { CatalogEntry, parseRuleCatalog } from './catalog';

export function bundledDoc(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** Opens the rule's documentation; resolves with where it was shown ('preview' or 'web'). */
export async function openRuleDoc(extensionUri: vscode.Uri, ruleId: string): Promise<'preview' | 'web' | undefined> {
  if (!isRuleId(ruleId)) {
    void vscode.window.showErrorMessage(`Kubeready: "${ruleId}" is not a rule id.`);
    return undefined;
  }
  const local = bundledDoc(extensionUri, ruleId);
  if (await exists(local)) {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', local);
    } catch {
      // Without the built-in Markdown extension the source is still readable.
      await vscode.window.showTextDocument(local, { preview: true });
    }
    return 'preview';
  }
  await vscode.env.openExternal(vscode.Uri.parse(ruleDocUrl(ruleId)));
  return 'web';
}

/** The rules with a bundled page, for the command palette's pick list. */
export async function ruleCatalog(extensionUri: vscode.Uri): Promise<CatalogEntry[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let entries: CatalogEntry[] = [];
  try {
    entries = parseRuleCatalog(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'README.md'))));
  } catch {
    // No catalog: fall back to the file names below.
  }
  try {
    const known = new Set(entries.map(e => e.id));
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const id = name.replace(/\.md$/, '');
      if (type === vscode.FileType.File && name.endsWith('.md') && name !== 'README.md' && isRuleId(id) && !known.has(id)) {
        entries.push({ id, checklist: '', severity: '', fixable: false, title: '' });
      }
    }
  } catch {
    // No bundled docs at all: the list stays as the catalog gave it.
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** The Kubeready diagnostic under the cursor of the active editor, if any. */
export function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== 'kubeready' || !d.range.contains(position)) continue;
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (isRuleId(code)) return code;
  }
  return undefined;
}
