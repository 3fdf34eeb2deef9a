// A person's hands on code-server's workbench, through playwright-core: Quick Open, the command palette,
// Go to Line, the Problems panel, the light bulb menu, the activity bar and tree views, screenshots.
// Every wait is Playwright's own polling with a timeout; nothing sleeps for a fixed time.
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';

const TIMEOUT = Number(process.env.KUBEREADY_E2E_WAIT_MS) || 30_000;

export class Workbench {
  constructor(readonly page: Page, private readonly shots: string, private readonly log: (...args: unknown[]) => void) {}

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  }

  /** The row of the command palette or Quick Open list whose label is exactly `label`. */
  private quickInputRow(label: string): Locator {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name, .monaco-highlighted-label', { hasText: label }),
    }).first();
  }

  private async quickInput(keys: string, text: string): Promise<void> {
    await this.page.keyboard.press(keys);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(text);
  }

  async openFile(name: string): Promise<void> {
    await this.focusEditorArea();
    await this.quickInput('Control+P', name);
    const row = this.quickInputRow(name);
    await row.waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"], .tabs-container .tab.active[aria-label^="${name}"]`).first()
      .waitFor({ timeout: TIMEOUT });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Runs a command from the palette by its full title, e.g. "Kubeready: Show Readiness Report". */
  async command(title: string): Promise<void> {
    await this.quickInput('Control+Shift+P', `>${title}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Focuses the editor group with the keyboard (View: Focus First Editor Group), as clicking could move the cursor. */
  private async focusEditorArea(): Promise<void> {
    await this.page.keyboard.press('Control+1');
  }

  /** Go to Line/Column (1-based), then checks the status bar shows the cursor there. */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditorArea();
    // Ctrl+G opens the quick input with ":" (Go to Line); the text replaces it, so it must keep it.
    await this.quickInput('Control+G', `:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    await this.cursorAt(line, column);
  }

  /** Waits for the status bar's cursor position to read "Ln line, Col column". */
  async cursorAt(line: number, column: number): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.selection');
    await item.filter({ hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) }).waitFor({ timeout: TIMEOUT });
    return (await item.innerText()).trim();
  }

  editorText(): Promise<string> {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  }

  /** Moves the cursor to the end of the file (Ctrl+End), which scrolls the editor there. */
  async goToEnd(): Promise<void> {
    await this.focusEditorArea();
    await this.page.keyboard.press('Control+End');
  }

  /** Waits for the editor's visible lines (only those are rendered) to contain `text`. */
  async editorShows(text: string): Promise<void> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await lines.filter({ hasText: text }).waitFor({ timeout: TIMEOUT });
  }

  squiggles(kind: 'warning' | 'error' | 'info' = 'warning'): Locator {
    return this.page.locator(`.editor-group-container.active .monaco-editor .squiggly-${kind}`);
  }

  async openProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.command('View: Focus Problems (Errors, Warnings, Infos)');
    await panel.waitFor({ timeout: TIMEOUT });
    return panel;
  }

  problemRow(rule: string): Locator {
    // Shown as "kubeready(memory-limit) [Ln 20, Col 17]": the source, the rule id (a link to its documentation;
    // the parentheses are CSS), the position.
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: new RegExp(`kubeready\\s*${rule}\\s*\\[Ln`) });
  }

  /** Types into the Problems panel's filter box ('' clears it): the list is virtual, only visible rows exist. */
  async filterProblems(text: string): Promise<void> {
    const filter = this.page.locator('.part.panel').getByPlaceholder(/^Filter/).first();
    await filter.fill(text);
  }

  /** Opens the light bulb menu at the cursor (Ctrl+.) and returns its visible items. */
  async openQuickFixMenu(): Promise<Locator> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row.action').first().waitFor({ timeout: TIMEOUT });
    return menu.locator('.monaco-list-row.action');
  }

  async quickFixMenuTitles(): Promise<string[]> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    return (await rows.allInnerTexts()).map(t => t.trim().replace(/\s+/g, ' '));
  }

  async chooseQuickFix(title: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    // While the menu is open an invisible layer blocks the rest of the UI; it goes away when the mouse moves,
    // as a person's mouse does on its way to the entry.
    await row.hover({ force: true });
    await this.page.locator('.context-view-pointerBlock').waitFor({ state: 'detached', timeout: TIMEOUT });
    await row.click();
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  async openViewContainer(title: string): Promise<void> {
    // The entry (li) holds the icon and its badge (workloads not production-ready): click the entry itself.
    const item = this.page.locator(`.activitybar .action-item[aria-label^="${title}"]`).first();
    await item.waitFor({ timeout: TIMEOUT });
    if (!(await item.evaluate(e => e.classList.contains('checked')))) await item.click();
    await this.page.locator('.part.sidebar .composite.title .title-label', { hasText: new RegExp(`^${title}`, 'i') }).waitFor({ timeout: TIMEOUT });
  }

  /** Drags the side bar's edge so it is `width` pixels wide (the default cuts the checklist's labels short). */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('the side bar is not visible');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** A row of a tree view in the side bar, by the text of its label. */
  treeRow(label: string | RegExp): Locator {
    return this.page.locator('.sidebar .pane-body .monaco-list-row').filter({
      has: this.page.locator('.monaco-icon-label .label-name', { hasText: label }),
    }).first();
  }

  async expand(row: Locator): Promise<void> {
    await row.waitFor({ timeout: TIMEOUT });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await row.filter({ has: this.page.locator('.monaco-tl-twistie:not(.collapsed)') }).waitFor({ timeout: TIMEOUT });
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.shots, name);
    await this.page.screenshot({ path });
    this.log(`screenshot ${path}`);
    return path;
  }

  /** Hides the bottom panel and the side bar (when shown), e.g. to give a webview the whole window. */
  async hidePanelAndSideBar(): Promise<void> {
    if (await this.page.locator('.part.panel').isVisible()) await this.command('View: Hide Panel');
    if (await this.page.locator('.part.sidebar').isVisible()) await this.command('View: Close Primary Side Bar');
  }

  /** Escape twice: closes a menu, a hover or the quick input left open by a failed step. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Closes notification toasts so they do not cover what a screenshot shows. */
  async clearNotifications(): Promise<void> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    if (await toasts.count()) await this.command('Notifications: Clear All Notifications');
  }
}
