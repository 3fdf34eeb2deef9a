// "Ignore <rule> for <object>": the suppression annotation, added where the team will see it in review.
import { isScalar } from 'yaml';
import { getMap, getScalar } from '../model/nodes';
import { inlineValue } from '../model/edits';
import { Finding, FixSpec } from '../rules/types';

const ANNOTATION = 'kubeready.io/ignore';
const NOT_IGNORABLE = new Set(['yaml-syntax', 'helm-template', 'unused-suppression', 'file-too-large', 'invalid-config']);

export function ignoreFix(finding: Finding): FixSpec | undefined {
  if (NOT_IGNORABLE.has(finding.ruleId) || !finding.object) return undefined;
  const ref = finding.object;
  const object = finding.document.objects.find(o => o.kind === ref.kind && o.name === ref.name && o.namespace === ref.namespace);
  if (!object) return undefined;
  const metadata = getMap(object.map, 'metadata', object.doc);
  if (!metadata) return undefined;
  const existing = getScalar(getMap(metadata, 'annotations', object.doc), ANNOTATION, object.doc);
  const label = object.name ? `${object.kind} ${object.name}` : object.kind;
  return {
    title: `Ignore ${finding.ruleId} for ${label}`,
    edit: builder => {
      if (existing && isScalar(existing) && existing.range) {
        const current = existing.value === null ? '' : String(existing.value);
        const sep = current.indexOf(' -- ');
        const list = sep >= 0 ? current.slice(0, sep) : current;
        const reason = sep >= 0 ? current.slice(sep) : '';
        const rules = list.split(',').map(s => s.trim()).filter(Boolean);
        if (rules.includes(finding.ruleId) || rules.includes('*')) return;
        builder.replace(existing, inlineValue([...rules, finding.ruleId].join(',') + reason));
      } else {
        builder.merge(metadata, { annotations: { [ANNOTATION]: finding.ruleId } });
      }
    },
  };
}
