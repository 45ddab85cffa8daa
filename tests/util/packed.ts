// The package as users get it: `npm pack` (whose prepack step builds dist/) into build/pack/, then
// installed from the tarball into a fresh project. The tarball is reused while it is newer than
// every source file; a lock keeps two test processes from building dist/ at the same time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PACK_DIR = join(ROOT, 'build', 'pack');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const f of readdirSync(path)) t = Math.max(t, newest(join(path, f)));
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The path of a tarball of the current sources (npm pack, run at most once while they are unchanged). */
export async function packedTarball(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const tgz = join(PACK_DIR, `edgegrad-${version}.tgz`);
  const sources = Math.max(...['src', 'bindings', 'package.json', 'README.md', 'ARCHITECTURE.md', 'tsconfig.json', 'tsconfig.build.json']
    .map((p) => newest(join(ROOT, p))));
  const fresh = () => existsSync(tgz) && statSync(tgz).mtimeMs > sources;
  mkdirSync(PACK_DIR, { recursive: true });
  const lock = join(PACK_DIR, 'lock');
  for (;;) {
    if (fresh()) return tgz;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another process packs: wait for it (a lock older than 10 minutes is stale)
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (fresh()) return tgz;
    const out = mkdtempSync(join(tmpdir(), 'edgegrad-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel', 'error'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    renameSync(join(out, `edgegrad-${version}.tgz`), tgz);
    rmSync(out, { recursive: true, force: true });
    return tgz;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A fresh project in a temp directory with the tarball installed (from npm's cache where it can:
 * the only dependency is comlink). Returns its directory and npm's output.
 */
export async function installedProject(prefix: string): Promise<{ dir: string; npmOutput: string }> {
  const tgz = await packedTarball();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  const r = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tgz], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' },
  });
  const npmOutput = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm install ${tgz} failed (exit ${r.status}):\n${npmOutput}`);
  return { dir, npmOutput };
}
