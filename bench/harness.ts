// Bench harness: warm-up, repeated timing, median and spread, and result rows shared by suites.
import * as eg from '../src/index.js';

/** Bench backend names: 'js', 'wasm-simd', 'wasm-relaxed' (each WASM build measured on its own), 'webgpu'. */
export async function useBackend(name: string): Promise<void> {
  if (name === 'webgpu') {
    // Node without a GPU: Dawn finds SwiftShader through Debian chromium's Vulkan driver
    const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
    const { existsSync } = await import('node:fs');
    if (typeof process !== 'undefined' && !process.env.VK_ICD_FILENAMES && existsSync(icd)) process.env.VK_ICD_FILENAMES = icd;
    await eg.init({ backend: 'webgpu' });
  } else if (name === 'wasm-simd' || name === 'wasm-relaxed') {
    await eg.init({ backend: 'wasm', wasmBuild: name === 'wasm-simd' ? 'simd' : 'relaxed', enableRelaxedSimdFlag: true });
  } else {
    await eg.init({ backend: name as 'js' | 'wasm' });
  }
}

/** A row label for a backend: webgpu says which adapter, and "software adapter" for a fallback one. */
export function backendLabel(name: string): string {
  if (name !== 'webgpu') return name;
  const f = eg.features();
  return `webgpu (${f.webgpuAdapter ?? 'unknown adapter'}${f.webgpuFallback ? ', software adapter' : ''})`;
}

/** A tensor's values, awaited where the backend reads asynchronously (webgpu). */
export async function readOut(t: { dataSync(): unknown; data(): Promise<unknown> }): Promise<void> {
  if (eg.backend() === 'webgpu') await t.data();
  else t.dataSync();
}

/** As time(), for calls that return a promise: warm-up, batches of >= minRepMs, median. */
export async function timeAsync(fn: () => unknown, reps: number, minRepMs: number): Promise<Timing> {
  for (let i = 0; i < 2; i++) await fn();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 16) break;
    inner *= 2;
  }
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    samples.push((performance.now() - t0) / 1000 / inner);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], min: samples[0], max: samples[samples.length - 1], reps };
}

export interface Timing { median: number; min: number; max: number; reps: number }

export interface Row {
  suite: string;
  case: string;
  backend: string;
  /** Median seconds per call. */
  seconds: number;
  /** (max - min) / median over the repetitions. */
  spread: number;
  /** Throughput figure and its unit (GB/s, GFLOP/s, samples/s). */
  value: number;
  unit: string;
  /** value / baseline's value, measured in the same run. */
  ratio?: number;
  baseline?: string;
}

/** Times `fn` (one call = one unit of work): warm-up, then batches of calls until each rep lasts `minRepMs`. */
export function time(fn: () => void, opts: { warmup?: number; reps?: number; minRepMs?: number } = {}): Timing {
  const warmup = opts.warmup ?? 3, reps = opts.reps ?? 7, minRepMs = opts.minRepMs ?? 50;
  for (let i = 0; i < warmup; i++) fn();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 20) break;
    inner *= 2;
  }
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    samples.push((performance.now() - t0) / 1000 / inner);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], min: samples[0], max: samples[samples.length - 1], reps };
}

export function row(suite: string, name: string, backend: string, t: Timing, work: number, unit: string): Row {
  return {
    suite, case: name, backend, seconds: t.median, spread: (t.max - t.min) / t.median,
    value: work / t.median, unit,
  };
}

/** Fills `ratio` for every row against the row of `baseline` backend in the same case. */
export function addRatios(rows: Row[], baseline: string): void {
  for (const r of rows) {
    const b = rows.find((x) => x.suite === r.suite && x.case === r.case && x.backend === baseline);
    if (b) { r.ratio = r.value / b.value; r.baseline = baseline; }
  }
}

export function table(rows: Row[]): string {
  const head = ['suite', 'case', 'backend', 'median', 'spread', 'throughput', 'ratio'];
  const body = rows.map((r) => [
    r.suite, r.case, r.backend, `${(r.seconds * 1e3).toFixed(3)} ms`, `±${(r.spread * 50).toFixed(0)}%`,
    `${r.value.toFixed(2)} ${r.unit}`, r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x vs ${r.baseline}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
