import { Node } from 'yaml';
import { findPair, getMap, getNode, seqItems } from '../model/nodes';
import { describeObject } from './support/describe';
import { Rule } from './types';

/** Annotations that terminate TLS at a cloud load balancer, where the Ingress needs no `tls` section. */
const TLS_ANNOTATIONS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'networking.gke.io/managed-certificates',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

export const ingressTls: Rule = {
  meta: {
    id: 'ingress-tls', checklist: 'networking', severity: 'warning', kinds: ['Ingress'], fixable: false,
    title: 'Ingresses terminate TLS',
    whenItFails: 'The hosts are served over plain HTTP, so passwords, session cookies and tokens cross the network in clear text.',
    remediation: 'Add a `tls` section listing the hosts and the Secret that holds their certificate (cert-manager can issue it).',
  },
  check(ctx) {
    if (TLS_ANNOTATIONS.some(a => ctx.object.annotations[a])) return;
    const spec = getMap(ctx.object.map, 'spec', ctx.doc);
    if (seqItems(getNode(spec, 'tls', ctx.doc), ctx.doc).length) return;
    const tls = findPair(spec, 'tls', ctx.doc);
    ctx.report({
      node: (tls?.key as Node | undefined) ?? ctx.object.nameNode,
      message: `${describeObject(ctx.object)} has ${tls ? 'an empty' : 'no'} tls section: its hosts are served over plain HTTP, so credentials and cookies cross the network in clear text.`,
    });
  },
};
