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
  return (await import(/* @vite-ignore */ spec)) as T;
}
