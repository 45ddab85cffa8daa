// The import graph of src/ between folders: no cycle crosses folders, and the pool (src/pool/)
// imports nothing of the model (src/model/) or the layers (src/layers/). Every import counts:
// static, `export ... from`, type-only, dynamic `import()` (also in type positions) and
// `declare module`. One exception: a bare `import '../core.js'` (or '../index.js') of the library, which
// lazily loaded modules make so esbuild keeps the library in one chunk (ARCHITECTURE.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** `src` with comments blanked (strings kept), so commented-out imports do not count. */
function stripComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length;) {
    const c = src[i], d = src[i + 1];
    if (c === '/' && d === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && d === '*') { const e = src.indexOf('*/', i + 2); i = e < 0 ? src.length : e + 2; out += ' '; continue; }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export interface Import { from: string; to: string; spec: string; bare: boolean }

const IMPORT = /(?:^|[^\w$.])(?:(import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?|declare\s+module\s+)['"]([^'"]+)['"]|(?:^|[^\w$.])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative imports of each file (paths relative to the repository, .ts). */
export function importsOf(files: Record<string, string>): Import[] {
  const out: Import[] = [];
  for (const [from, text] of Object.entries(files)) {
    for (const m of stripComments(text).matchAll(IMPORT)) {
      const spec = m[2] ?? m[3];
      if (!spec.startsWith('.')) continue;
      const to = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '.ts');
      out.push({ from, to, spec, bare: m[1] === 'import' && /^import\s*['"]/.test(m[0].trimStart()) });
    }
  }
  return out;
}

/** The folder a file belongs to (src/<folder>), or the file itself at src/'s top; outside src, its top folder. */
export function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0];
  return parts.length === 2 ? path : `src/${parts[1]}`;
}

/** Cycles between folders, each as its folders in order and the imports that close it. */
export function folderCycles(imports: Import[]): string[] {
  const edges = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    if (i.bare && (i.to === 'src/index.ts' || i.to === 'src/core.ts')) continue;
    const a = folderOf(i.from), b = folderOf(i.to);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, i);
  }
  // Tarjan's strongly connected components; each of more than one folder holds a cycle.
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const sccs: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n); low.set(v, n); n++;
    stack.push(v); on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1) sccs.push(c);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  // One concrete cycle per component: the shortest way from its first folder back to itself.
  return sccs.map((c) => {
    const inside = new Set(c), start = [...c].sort()[0];
    const prev = new Map<string, string>();
    const queue = [start];
    let end: string | null = null;
    while (queue.length && end === null) {
      const v = queue.shift()!;
      for (const w of edges.get(v)?.keys() ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) { end = v; break; }
        if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
      }
    }
    const path = [end!];
    while (path[0] !== start) path.unshift(prev.get(path[0])!);
    path.push(start);
    const why = path.slice(1).map((to, k) => { const i = edges.get(path[k])!.get(to)!; return `${i.from} imports '${i.spec}'`; });
    return `${path.join(' -> ')} (${why.join('; ')})`;
  });
}

function sources(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files[p] = readFileSync(join(ROOT, p), 'utf8');
    }
  };
  walk('src');
  return files;
}

describe('the import graph of src/', () => {
  const imports = importsOf(sources());

  it('reads every kind of import (a check that it sees what it must refuse)', () => {
    const got = importsOf({
      'src/a/x.ts': [
        "import { p } from '../b/p.js';", "import type { Q } from '../c/q.js';", "export * from '../d/r.js';",
        "const m = await import('../e/s.js');", "let t: import('../f/t.js').T;", "import '../index.js';",
        "declare module '../g/u.js' { interface U {} }", "// import { no } from '../h/no.js';", "const s = \"import('../i/str.js')\"; // (counts: over-reports, never misses)",
      ].join('\n'),
    });
    expect(got.map((i) => `${i.to}${i.bare ? ' (bare)' : ''}`)).toEqual([
      'src/b/p.ts', 'src/c/q.ts', 'src/d/r.ts', 'src/e/s.ts', 'src/f/t.ts', 'src/index.ts (bare)', 'src/g/u.ts', 'src/i/str.ts',
    ]);
  });

  it('names a cycle between folders, static or dynamic, with the imports that make it', () => {
    const cycles = folderCycles(importsOf({
      'src/model/training.ts': "const p = await import('../pool/pool.js');",
      'src/pool/model.ts': "import { loadModel } from '../model/index.js';",
      'src/pool/pool.ts': "import '../index.js';",
      'src/index.ts': "export { model } from './model/index.js'; export type { Pool } from './pool/pool.js';",
    }));
    expect(cycles).toEqual([
      "src/model -> src/pool -> src/model (src/model/training.ts imports '../pool/pool.js'; src/pool/model.ts imports '../model/index.js')",
    ]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(imports)).toEqual([]);
  });

  it('src/pool/ imports nothing from src/model/ or src/layers/ (the model registers its jobs into the pool)', () => {
    const up = imports.filter((i) => i.from.startsWith('src/pool/') && /^src\/(model|layers)\//.test(i.to));
    expect(up.map((i) => `${i.from} imports '${i.spec}'`)).toEqual([]);
  });
});
