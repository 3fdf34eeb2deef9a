import { LONG_RUNNING_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { isPersistent, mountCovers, mountsOf, podVolumes, statefulImageOf } from './support/storage';
import { Rule } from './types';

const VOLUME_TYPE: Record<string, string> = { emptyDir: 'emptyDir', ephemeral: 'ephemeral', config: 'configuration' };

export const statefulDataEphemeral: Rule = {
  meta: {
    id: 'stateful-data-ephemeral', checklist: 'state', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: false,
    title: 'Databases keep their data on persistent volumes',
    whenItFails: 'The pod gets rescheduled (a node drain, an eviction, an upgrade) and all the data of the database is gone.',
    remediation: 'Run the database as a StatefulSet with a volumeClaimTemplate mounted at its data directory, or mount a PersistentVolumeClaim there.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const volumes = podVolumes(pod);
    for (const container of ctx.containers({ init: false })) {
      const stateful = statefulImageOf(container, ctx.doc);
      if (!stateful) continue;
      const mounts = mountsOf(container, ctx.doc).filter(m => volumes.has(m.volume));
      const who = `${describeContainer(container, ctx.object)} runs ${stateful.label}`;
      // The mount that holds the data directory decides; the most specific (longest) mount wins.
      const dataMount = stateful.dataPaths
        .map(path => ({ path, mount: mounts.filter(m => mountCovers(m.path, path)).sort((a, b) => b.path.length - a.path.length)[0] }))
        .find(x => x.mount);
      if (dataMount) {
        const volume = volumes.get(dataMount.mount.volume)!;
        if (isPersistent(volume)) continue;
        ctx.report({
          node: dataMount.mount.pathNode,
          container,
          message: `${who} but keeps its data (${dataMount.path}) on ${VOLUME_TYPE[volume.kind] ?? volume.kind} volume "${volume.name}": when the pod is rescheduled, all data is gone.`,
        });
        continue;
      }
      // No mount at a known data directory: a persistent mount elsewhere is taken as a custom data directory.
      if (mounts.some(m => isPersistent(volumes.get(m.volume)!))) continue;
      ctx.report({
        node: stateful.image,
        container,
        message: `${who} with no persistent volume for its data (${stateful.dataPaths[0]}): the data lives in the container's writable layer, and when the pod is rescheduled, all data is gone.`,
      });
    }
  },
};
