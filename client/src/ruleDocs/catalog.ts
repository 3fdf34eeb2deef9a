// The rule catalog as the bundled docs/rules/README.md lists it (generated from the registry by
// `npm run generate`). Pure, so the parsing is unit-tested against the real file.

export interface CatalogEntry {
  id: string;
  checklist: string;
  severity: string;
  fixable: boolean;
  title: string;
}

/** Rows like: | [`cpu-limit`](cpu-limit.md) | resources | warning | yes | Containers limit CPU | */
export function parseRuleCatalog(markdown: string): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^\|\s*\[`([a-z0-9-]+)`\]\(([a-z0-9-]+)\.md\)\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|/.exec(line);
    if (!m || m[1] !== m[2]) continue;
    out.push({ id: m[1], checklist: m[3].trim(), severity: m[4].trim(), fixable: m[5].trim() === 'yes', title: m[6].trim() });
  }
  return out;
}
