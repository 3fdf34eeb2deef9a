import { isAlias, isScalar, Node } from 'yaml';
import { findPair, resolve } from '../model/nodes';
import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { Rule } from './types';

export interface ImageReference {
  /** Everything before the tag: registry (with its port) and repository path. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Splits `registry:5000/team/app:1.2@sha256:...`; a colon before the last `/` belongs to the registry host. */
export function parseImage(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repository: rest, tag: undefined, digest };
}

const CONSEQUENCE = 'each node runs whatever the tag pointed to when it pulled, so replicas drift apart and a rollback redeploys the same image.';

export const imageTag: Rule = {
  meta: {
    id: 'image-tag', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Images use a fixed tag or a digest',
    whenItFails: 'With no tag or :latest, nodes pull different images over time, so replicas run different code and a rollback does not bring back the old version.',
    remediation: 'Reference images by an immutable version tag (nginx:1.27.3) or, better, by digest (nginx@sha256:...).',
  },
  check(ctx) {
    for (const container of ctx.containers()) {
      const pair = findPair(container.map, 'image', ctx.doc);
      const node = pair && resolve(pair.value, ctx.doc);
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const image = node.value.trim();
      // Empty or templated images (`$(IMAGE)`, `${TAG}`, `{{ .Values.image }}`) are filled in later.
      if (!image || /[${}]/.test(image)) continue;
      const ref = parseImage(image);
      if (ref.digest) continue;
      // An alias is reported where it is used, not at its anchor.
      const at = isAlias(pair?.value) ? pair!.value as Node : node;
      const who = describeContainer(container, ctx.object);
      if (ref.tag === undefined || ref.tag === '') {
        ctx.report({ node: at, container, message: `${who} uses image "${image}" without a tag, which pulls :latest: ${CONSEQUENCE}` });
      } else if (ref.tag === 'latest') {
        ctx.report({ node: at, container, message: `${who} uses image "${image}", and :latest moves with every push: ${CONSEQUENCE}` });
      }
    }
  },
};
