// Finding the npm packages that hold the demos' data (Node only).

/** A require rooted at the working directory or at this file, where `pkg` resolves; else a throw naming it. */
export async function requireFor(who: string, pkg: string): Promise<NodeRequire> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  for (const base of [pathToFileURL(`${process.cwd()}/`).href, import.meta.url]) {
    const r = createRequire(base);
    try { r.resolve(`${pkg}/package.json`); return r; } catch { /* try the next base */ }
  }
  throw new Error(`${who}: the npm package '${pkg}' is not installed; run \`npm install ${pkg}\``);
}
