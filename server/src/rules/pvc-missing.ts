import { WORKLOAD_KINDS } from '../model/workloads';
import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { claimTemplateNames, podVolumes } from './support/storage';
import { Rule } from './types';

export const pvcMissing: Rule = {
  meta: {
    id: 'pvc-missing', checklist: 'state', severity: 'info', kinds: WORKLOAD_KINDS, fixable: false, crossResource: true,
    title: 'Mounted PersistentVolumeClaims are defined',
    whenItFails: 'The pods stay Pending (FailedScheduling: persistentvolumeclaim not found) until someone creates the claim.',
    remediation: 'Add the PersistentVolumeClaim to the manifests, in the workload\'s namespace, or fix the claimName.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const templates = claimTemplateNames(ctx.object);
    const claims = ctx.workspace.inNamespaceOf(ctx.object, 'PersistentVolumeClaim');
    for (const volume of podVolumes(pod).values()) {
      if (volume.kind !== 'claim' || !volume.claimName) continue;
      if (templates.includes(volume.claimName)) continue;
      if (claims.some(c => c.name === volume.claimName)) continue;
      ctx.report({
        node: volume.claimNode,
        message: `${describeObject(ctx.object)} mounts PersistentVolumeClaim "${volume.claimName}", but no PersistentVolumeClaim "${volume.claimName}" in ${namespaceLabel(ctx.object.namespace)} is in the workspace: its pods stay Pending until the claim exists.`,
      });
    }
  },
};
