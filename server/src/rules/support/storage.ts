// What the state rules share: a pod's volumes and what backs them, StatefulSet claim templates, and the
// images known to keep data on disk.
import { Document, isMap, Node, Scalar, YAMLMap } from 'yaml';
import { K8sObject } from '../../model/manifest';
import { findPair, getMap, getNode, getScalar, getSeq, getString, has, seqItems } from '../../model/nodes';
import { ContainerView, PodTemplate } from '../../model/workloads';

export type VolumeKind = 'claim' | 'claimTemplate' | 'emptyDir' | 'ephemeral' | 'config' | 'node' | 'network' | 'other';

export interface PodVolume {
  name: string;
  kind: VolumeKind;
  /** The volume's item in `volumes` (undefined for a StatefulSet claim template without a pod volume). */
  map: YAMLMap | undefined;
  /** For `persistentVolumeClaim` volumes: the claim name, and the node that spells it (an alias stays an alias). */
  claimName?: string;
  claimNode?: Node;
  /** The `persistentVolumeClaim` / `emptyDir` / ... value node, for positions. */
  sourceNode?: Node;
}

/** Volume sources that only carry configuration. */
const CONFIG_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected', 'serviceAccountToken', 'gitRepo', 'image'];
/** Volume sources on the node's disk: they survive a container restart but not a move to another node. */
const NODE_SOURCES = ['hostPath', 'local'];
/** Volume sources that outlive the pod and follow it to another node. */
const NETWORK_SOURCES = [
  'nfs', 'iscsi', 'cephfs', 'rbd', 'glusterfs', 'cinder', 'fc', 'flocker', 'azureDisk', 'azureFile', 'awsElasticBlockStore',
  'gcePersistentDisk', 'vsphereVolume', 'quobyte', 'portworxVolume', 'scaleIO', 'storageos', 'photonPersistentDisk', 'flexVolume', 'csi',
];

/** Names of a StatefulSet's `volumeClaimTemplates` (empty for other kinds). */
export function claimTemplateNames(object: K8sObject): string[] {
  if (object.kind !== 'StatefulSet') return [];
  const doc = object.doc;
  return seqItems(getSeq(getMap(object.map, 'spec', doc), 'volumeClaimTemplates', doc), doc)
    .map(t => getString(getMap(t, 'metadata', doc), 'name', doc))
    .filter((n): n is string => !!n);
}

/**
 * Every volume of the pod by name. A StatefulSet's claim templates become volumes of the same name and
 * replace a pod volume with that name, as the StatefulSet controller does.
 */
export function podVolumes(pod: PodTemplate): Map<string, PodVolume> {
  const doc = pod.object.doc;
  const out = new Map<string, PodVolume>();
  for (const item of seqItems(getSeq(pod.spec, 'volumes', doc), doc)) {
    if (!isMap(item)) continue;
    const name = getString(item, 'name', doc);
    if (!name) continue;
    out.set(name, classify(name, item, doc));
  }
  for (const name of claimTemplateNames(pod.object)) out.set(name, { name, kind: 'claimTemplate', map: out.get(name)?.map });
  return out;
}

function classify(name: string, map: YAMLMap, doc: Document): PodVolume {
  const claim = getMap(map, 'persistentVolumeClaim', doc);
  if (claim) {
    const value = getScalar(claim, 'claimName', doc);
    const claimName = value && value.value !== null ? String(value.value) : undefined;
    const claimNode = (findPair(claim, 'claimName', doc)?.value as Node | null | undefined) ?? undefined;
    return { name, kind: 'claim', map, claimName: claimName || undefined, claimNode, sourceNode: claim };
  }
  const source = (key: string) => has(map, key, doc);
  const sourceNode = (key: string) => getNode(map, key, doc);
  if (source('emptyDir')) return { name, kind: 'emptyDir', map, sourceNode: sourceNode('emptyDir') };
  if (source('ephemeral')) return { name, kind: 'ephemeral', map, sourceNode: sourceNode('ephemeral') };
  for (const key of CONFIG_SOURCES) if (source(key)) return { name, kind: 'config', map, sourceNode: sourceNode(key) };
  for (const key of NODE_SOURCES) if (source(key)) return { name, kind: 'node', map, sourceNode: sourceNode(key) };
  for (const key of NETWORK_SOURCES) if (source(key)) return { name, kind: 'network', map, sourceNode: sourceNode(key) };
  // A volume with no source at all is an emptyDir (the API server defaults it).
  const keys = map.items.filter(p => getScalarKey(p) !== 'name');
  return { name, kind: keys.length ? 'other' : 'emptyDir', map };
}

function getScalarKey(pair: unknown): string | undefined {
  const key = (pair as { key?: unknown }).key as Scalar | undefined;
  return key && typeof key.value === 'string' ? key.value : undefined;
}

/** True for volumes whose data outlives the pod. */
export function isPersistent(volume: PodVolume): boolean {
  return volume.kind === 'claim' || volume.kind === 'claimTemplate' || volume.kind === 'network' || volume.kind === 'node' || volume.kind === 'other';
}

export interface Mount {
  path: string;
  volume: string;
  pathNode: Scalar | undefined;
  map: YAMLMap;
}

export function mountsOf(container: ContainerView, doc: Document): Mount[] {
  return seqItems(getSeq(container.map, 'volumeMounts', doc), doc).flatMap(item => {
    if (!isMap(item)) return [];
    const path = getString(item, 'mountPath', doc);
    const volume = getString(item, 'name', doc);
    if (!path || !volume) return [];
    return [{ path, volume, pathNode: getScalar(item, 'mountPath', doc), map: item }];
  });
}

/** The repository name of an image: `docker.io/bitnami/postgresql:16@sha256:...` -> `postgresql`. */
export function imageRepositoryName(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return (colon === -1 ? last : last.slice(0, colon)).toLowerCase();
}

interface StatefulImage {
  /** What the message calls it. */
  label: string;
  /** Where the image keeps its data by default (official and Bitnami images). */
  paths: string[];
  /** Environment variables that move the data directory. */
  env?: string[];
  /** Command-line flags that move the data directory (`--flag=path` or `--flag path`). */
  flags?: string[];
  /** Absolute paths among the arguments are data directories (`minio server /data`). */
  pathArgs?: boolean;
}

const POSTGRES: StatefulImage = { label: 'PostgreSQL', paths: ['/var/lib/postgresql/data', '/bitnami/postgresql', '/home/postgres/pgdata'], env: ['PGDATA', 'POSTGRESQL_DATA_DIR'] };
const MYSQL: StatefulImage = { label: 'MySQL', paths: ['/var/lib/mysql', '/bitnami/mysql'], flags: ['--datadir'] };
const MARIADB: StatefulImage = { label: 'MariaDB', paths: ['/var/lib/mysql', '/bitnami/mariadb'], flags: ['--datadir'] };
const MONGO: StatefulImage = { label: 'MongoDB', paths: ['/data/db', '/bitnami/mongodb'], flags: ['--dbpath'] };
const REDIS: StatefulImage = { label: 'Redis', paths: ['/data', '/bitnami/redis/data'], flags: ['--dir'] };
const VALKEY: StatefulImage = { label: 'Valkey', paths: ['/data', '/bitnami/valkey/data'], flags: ['--dir'] };
const ELASTIC: StatefulImage = { label: 'Elasticsearch', paths: ['/usr/share/elasticsearch/data', '/bitnami/elasticsearch/data'] };
const OPENSEARCH: StatefulImage = { label: 'OpenSearch', paths: ['/usr/share/opensearch/data', '/bitnami/opensearch/data'] };
const RABBITMQ: StatefulImage = { label: 'RabbitMQ', paths: ['/var/lib/rabbitmq', '/bitnami/rabbitmq/mnesia'], env: ['RABBITMQ_MNESIA_BASE'] };
const KAFKA: StatefulImage = { label: 'Kafka', paths: ['/var/lib/kafka', '/bitnami/kafka', '/kafka', '/var/lib/kafka/data'], env: ['KAFKA_LOG_DIRS', 'KAFKA_CFG_LOG_DIRS'] };
const ZOOKEEPER: StatefulImage = { label: 'ZooKeeper', paths: ['/data', '/datalog', '/var/lib/zookeeper', '/bitnami/zookeeper'], env: ['ZOO_DATA_DIR'] };
const ETCD: StatefulImage = { label: 'etcd', paths: ['/var/lib/etcd', '/etcd-data', '/bitnami/etcd', '/default.etcd'], env: ['ETCD_DATA_DIR'], flags: ['--data-dir'] };
const CASSANDRA: StatefulImage = { label: 'Cassandra', paths: ['/var/lib/cassandra', '/bitnami/cassandra'] };
const MINIO: StatefulImage = { label: 'MinIO', paths: ['/data', '/export', '/bitnami/minio/data'], pathArgs: true };
const CLICKHOUSE: StatefulImage = { label: 'ClickHouse', paths: ['/var/lib/clickhouse', '/bitnami/clickhouse'] };

/** Repository names of images that keep state on disk, and where. */
const STATEFUL_IMAGES: Record<string, StatefulImage> = {
  'postgres': POSTGRES, 'postgresql': POSTGRES, 'postgresql-repmgr': POSTGRES, 'postgis': POSTGRES, 'timescaledb': POSTGRES,
  'timescaledb-ha': POSTGRES, 'pgvector': POSTGRES,
  'mysql': MYSQL, 'mysql-server': MYSQL, 'percona-server': MYSQL, 'percona': MYSQL,
  'mariadb': MARIADB, 'mariadb-galera': MARIADB,
  'mongo': MONGO, 'mongodb': MONGO, 'mongodb-sharded': MONGO, 'mongodb-community-server': MONGO,
  'redis': REDIS, 'redis-stack-server': REDIS, 'redis-stack': REDIS, 'redis-cluster': REDIS,
  'valkey': VALKEY, 'valkey-cluster': VALKEY,
  'elasticsearch': ELASTIC, 'opensearch': OPENSEARCH,
  'rabbitmq': RABBITMQ,
  'kafka': KAFKA, 'cp-kafka': KAFKA, 'cp-server': KAFKA,
  'zookeeper': ZOOKEEPER, 'cp-zookeeper': ZOOKEEPER,
  'etcd': ETCD,
  'cassandra': CASSANDRA,
  'minio': MINIO,
  'clickhouse': CLICKHOUSE, 'clickhouse-server': CLICKHOUSE,
  'couchdb': { label: 'CouchDB', paths: ['/opt/couchdb/data', '/bitnami/couchdb'] },
  'neo4j': { label: 'Neo4j', paths: ['/data'] },
  'influxdb': { label: 'InfluxDB', paths: ['/var/lib/influxdb', '/var/lib/influxdb2', '/bitnami/influxdb'] },
  'cockroach': { label: 'CockroachDB', paths: ['/cockroach/cockroach-data'] },
  'scylla': { label: 'ScyllaDB', paths: ['/var/lib/scylla'] },
};

export interface StatefulContainer {
  label: string;
  image: Scalar;
  /** Where this container keeps its data, most specific first. */
  dataPaths: string[];
}

/** The stateful image a container runs, with its data directories (defaults plus env/flags/args). */
export function statefulImageOf(container: ContainerView, doc: Document): StatefulContainer | undefined {
  const image = getScalar(container.map, 'image', doc);
  if (!image || typeof image.value !== 'string') return undefined;
  const known = STATEFUL_IMAGES[imageRepositoryName(image.value)];
  if (!known) return undefined;
  const configured: string[] = [];
  for (const env of seqItems(getSeq(container.map, 'env', doc), doc)) {
    const name = getString(env, 'name', doc);
    const value = getString(env, 'value', doc);
    if (name && value && known.env?.includes(name)) configured.push(...value.split(',').map(v => v.trim()).filter(isAbsolute));
  }
  const args = [...stringsOf(getNode(container.map, 'command', doc), doc), ...stringsOf(getNode(container.map, 'args', doc), doc)];
  args.forEach((arg, i) => {
    for (const flag of known.flags ?? []) {
      if (arg.startsWith(`${flag}=`)) configured.push(arg.slice(flag.length + 1));
      else if (arg === flag && args[i + 1]) configured.push(args[i + 1]);
    }
    if (known.pathArgs && isAbsolute(arg) && !arg.startsWith('/usr/') && !arg.startsWith('/bin/')) configured.push(arg);
  });
  const dataPaths = [...new Set([...configured.filter(isAbsolute), ...known.paths])];
  return { label: known.label, image, dataPaths };
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

function stringsOf(node: Node | undefined, doc: Document): string[] {
  return seqItems(node, doc).flatMap(n => {
    const v = (n as Scalar).value;
    return typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : [];
  });
}

/** True when a mount at `mountPath` holds `path` (the same directory or one below it). */
export function mountCovers(mountPath: string, path: string): boolean {
  const m = mountPath.replace(/\/+$/, '') || '/';
  const p = path.replace(/\/+$/, '') || '/';
  return p === m || m === '/' || p.startsWith(`${m}/`);
}

/** The accessModes of a PersistentVolumeClaim. */
export function accessModesOf(claim: K8sObject): string[] {
  const doc = claim.doc;
  return seqItems(getSeq(getMap(claim.map, 'spec', doc), 'accessModes', doc), doc)
    .map(n => (n as Scalar).value)
    .filter((v): v is string => typeof v === 'string');
}
