// Edits the core builder leaves to callers: giving a key that holds nothing (`null`, `[]`, `{}`) a block value.
import { Node, Pair } from 'yaml';
import { EditBuilder, inlineValue, renderBlock, YamlValue } from '../../model/edits';

/**
 * Replaces the value of `pair` (an explicit `null`, `[]` or `{}`) with `value`: rendered as a block under the
 * key when the key sits in a block map, inline when it sits in a flow collection.
 */
export function replaceEmptyValue(b: EditBuilder, pair: Pair, value: YamlValue, inFlow: boolean): void {
  const key = pair.key as Node;
  const current = pair.value as Node;
  const range = current.range!;
  if (inFlow || value === null || typeof value !== 'object') {
    b.replace(current, inlineValue(value));
    return;
  }
  const keyColumn = b.columnOf(key.range![0]);
  const column = Array.isArray(value) && !b.style.indentSequences ? keyColumn : keyColumn + b.style.indent;
  const lines = renderBlock(value, column, b.style);
  const colon = b.pd.text.lastIndexOf(':', range[0]) + 1;
  b.edits.push({ start: colon, end: range[1], text: b.style.eol + lines.join(b.style.eol) });
}
