// Workspace file helpers shared by the commands (vscode.workspace.fs works for local and remote workspaces).
import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
