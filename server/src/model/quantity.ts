// Kubernetes resource quantities, parsed as apimachinery's resource.ParseQuantity does.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export interface Quantity {
  /** The value in base units (cores for CPU, bytes for memory). */
  value: number;
  text: string;
}

/** Parses a quantity; undefined when Kubernetes would reject the text. */
export function parseQuantity(input: string | number): Quantity | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, text: String(input) } : undefined;
  const text = input.trim();
  if (text !== input || !text) return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const number = Number(m[1]);
  const suffix = m[2] ?? '';
  let multiplier: number;
  if (suffix in BINARY) multiplier = BINARY[suffix];
  else if (suffix in DECIMAL) multiplier = DECIMAL[suffix];
  else multiplier = 10 ** Number(suffix.slice(1));
  const value = number * multiplier;
  return Number.isFinite(value) ? { value, text } : undefined;
}

/** Formats a CPU amount in cores as Kubernetes would write it (millicores below one core). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes with the largest binary suffix that keeps a whole number. */
export function formatMemory(bytes: number): string {
  const rounded = Math.round(bytes);
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = BINARY[suffix];
    if (rounded >= unit && rounded % unit === 0) return `${rounded / unit}${suffix}`;
  }
  return String(rounded);
}
