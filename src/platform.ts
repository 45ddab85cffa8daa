// Platform probes shared by the library: is this Node, is stdout a terminal, and Node built-ins
// loaded without letting browser bundlers see (and fail on) their names.

export function isNode(): boolean {
  return typeof process === 'object' && process !== null && !!process.versions?.node;
}

/** stdout is a terminal (Node): where fit draws its progress bar. */
export const isTTY = (): boolean => typeof process !== 'undefined' && !!process.stdout?.isTTY;

/**
 * `import('node:<name>')` behind a variable specifier, so that a browser bundle of the library
 * contains no reference to Node built-ins. Call it only on Node paths.
 */
export async function nodeModule<T>(name: string): Promise<T> {
  const spec = `node:${name}`;
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as T;
}

/** Facts about a WebGPU adapter, for features() and bench labels. */
export interface AdapterFacts { name: string; fallback: boolean }

/**
 * An adapter's name and whether it is a fallback (software) one. Here rather than in the webgpu
 * backend so that 'auto' can look at a browser's adapter without loading that backend's chunk.
 */
export function adapterFacts(adapter: GPUAdapter): AdapterFacts {
  const a = adapter as GPUAdapter & { isFallbackAdapter?: boolean; info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } };
  const info = a.info;
  const name = [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' ') || 'unknown adapter';
  return { name, fallback: !!(info?.isFallbackAdapter ?? a.isFallbackAdapter) };
}
