// Effective settings for one document. Pure data: the LSP layer and the CLI fill it from their sources.
import { Severity } from '../rules/types';

export type RuleLevel = Severity | 'off';

export interface ResourceDefaults {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export interface Settings {
  enable: boolean;
  /** Per-rule severity overrides; 'off' disables a rule. */
  rules: Record<string, RuleLevel>;
  /** Globs of paths (relative to the workspace or config root) that are never checked. */
  exclude: string[];
  replicas: { minimum: number };
  resources: { requireCpuLimit: boolean };
  fixes: {
    resources: ResourceDefaults;
    probePaths: { readiness: string; liveness: string };
  };
  validation: { delayMs: number; maxFileSizeKb: number };
}

export function defaultSettings(): Settings {
  return {
    enable: true,
    rules: {},
    exclude: [],
    replicas: { minimum: 2 },
    resources: { requireCpuLimit: true },
    fixes: {
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      probePaths: { readiness: '/ready', liveness: '/healthz' },
    },
    validation: { delayMs: 150, maxFileSizeKb: 5120 },
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type PartialSettings = DeepPartial<Settings>;

/** Layers partial settings over a base; later layers win. Values of the wrong type are ignored. */
export function mergeSettings(base: Settings, ...layers: Array<PartialSettings | undefined | null>): Settings {
  let out: Settings = structuredClone(base);
  for (const layer of layers) if (layer && typeof layer === 'object') out = mergeInto(out, layer) as Settings;
  return out;
}

function mergeInto(base: unknown, layer: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(layer)) return layer === undefined ? base : layer;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(layer)) {
    if (v === undefined || v === null) continue;
    const current = out[k];
    if (k === 'rules' && isPlainObject(v)) out[k] = { ...(current as object), ...v };
    else if (isPlainObject(current)) out[k] = isPlainObject(v) ? mergeInto(current, v) : current;
    else if (Array.isArray(current)) out[k] = Array.isArray(v) ? v : current;
    else if (current === undefined || typeof current === typeof v) out[k] = v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
