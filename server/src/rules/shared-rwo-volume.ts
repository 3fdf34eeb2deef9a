import { K8sObject } from '../model/manifest';
import { replicasOf } from '../model/workloads';
import { namespaceLabel, WorkspaceIndex } from '../analysis/workspace';
import { readAutoscaler } from './support/availability';
import { describeObject } from './support/describe';
import { accessModesOf, podVolumes } from './support/storage';
import { Rule } from './types';

/** Kinds that run interchangeable replicas of one pod template (a StatefulSet gives each replica its own claim). */
const SHARED_TEMPLATE_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig'];
const SHAREABLE_MODES = ['ReadWriteMany', 'ReadOnlyMany'];

export const sharedRwoVolume: Rule = {
  meta: {
    id: 'shared-rwo-volume', checklist: 'state', severity: 'warning', kinds: SHARED_TEMPLATE_KINDS, fixable: false, crossResource: true,
    title: 'Replicated workloads do not share a ReadWriteOnce volume',
    whenItFails: 'The second replica is scheduled on another node and stays ContainerCreating with a Multi-Attach error, because a ReadWriteOnce volume attaches to one node only.',
    remediation: 'Run the workload as a StatefulSet with a volumeClaimTemplate (one volume per replica), or use a ReadWriteMany claim whose storage class supports it.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const replicas = replicasOf(ctx.object) ?? 1;
    const autoscaled = maxAutoscaledReplicas(ctx.workspace, ctx.object);
    const most = Math.max(replicas, autoscaled ?? 0);
    if (most < 2) return;
    const scale = replicas >= 2 ? `${replicas} replicas` : `up to ${autoscaled} replicas (HorizontalPodAutoscaler)`;
    for (const volume of podVolumes(pod).values()) {
      if (volume.kind !== 'claim' || !volume.claimName) continue;
      const claim = ctx.workspace.inNamespaceOf(ctx.object, 'PersistentVolumeClaim').find(c => c.name === volume.claimName);
      const modes = claim ? accessModesOf(claim) : [];
      if (modes.some(m => SHAREABLE_MODES.includes(m))) continue;
      const mode = claim && modes.length
        ? `which is ${modes.join('/')}`
        : claim ? 'which sets no accessModes'
        : `which is not in the workspace (${namespaceLabel(ctx.object.namespace)}), so its access mode is unknown (most claims are ReadWriteOnce)`;
      ctx.report({
        node: volume.claimNode ?? volume.sourceNode,
        message: `${describeObject(ctx.object)} runs ${scale} that all mount PersistentVolumeClaim "${volume.claimName}", ${mode}: replicas on a second node stay ContainerCreating with a Multi-Attach error.`,
      });
    }
  },
};

/** The largest maxReplicas of an HPA in the workspace that scales `object`, or undefined. */
function maxAutoscaledReplicas(workspace: WorkspaceIndex, object: K8sObject): number | undefined {
  let most: number | undefined;
  for (const hpa of workspace.inNamespaceOf(object, 'HorizontalPodAutoscaler')) {
    const scaler = readAutoscaler(hpa);
    if (!scaler || scaler.targetKind !== object.kind || scaler.targetName !== object.name) continue;
    if (scaler.maxReplicas !== undefined) most = Math.max(most ?? 0, scaler.maxReplicas);
  }
  return most;
}
