// The arena that owns the wasm linear memory: alignment, reuse, coalescing, growth, views, usage, misuse errors.
import { describe, expect, it } from 'vitest';
import { ALIGN, Arena, PARAMS_BYTES, sizeClass } from '../bindings/arena.js';

const PAGE = 65536;
const arena = (pages = 1, heapBase = 1000) => new Arena(new WebAssembly.Memory({ initial: pages }), heapBase);

/** A tiny deterministic generator, so failures replay. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('size classes', () => {
  it('round small requests to 16 bytes and large ones to eighths of a power of two', () => {
    expect(sizeClass(0)).toBe(16);
    expect(sizeClass(1)).toBe(16);
    expect(sizeClass(16)).toBe(16);
    expect(sizeClass(17)).toBe(32);
    expect(sizeClass(4096)).toBe(4096);
    expect(sizeClass(4097)).toBe(4608);
    for (const n of [5000, 65537, 1e6, 123456789]) {
      const c = sizeClass(n);
      expect(c).toBeGreaterThanOrEqual(n);
      expect(c % ALIGN).toBe(0);
      expect((c - n) / n).toBeLessThanOrEqual(0.125);
    }
  });
});

describe('Arena', () => {
  it('puts a 16-byte aligned params block above the static data, and the heap above it', () => {
    const a = arena(1, 1001);
    expect(a.paramsPtr % ALIGN).toBe(0);
    expect(a.paramsPtr).toBeGreaterThanOrEqual(1001);
    expect(a.base).toBe(a.paramsPtr + PARAMS_BYTES);
    const p = a.alloc(4);
    expect(p).toBeGreaterThanOrEqual(a.base);
    a.params()[0] = 7;
    expect(a.i32()[a.paramsPtr >> 2]).toBe(7);
  });

  it('hands out 16-byte aligned, non-overlapping blocks', () => {
    const a = arena();
    const rnd = lcg(1);
    const blocks: [number, number][] = [];
    for (let i = 0; i < 300; i++) {
      const n = Math.floor(rnd() * 300);
      const p = a.alloc(n);
      expect(p % ALIGN).toBe(0);
      blocks.push([p, p + Math.max(n, 1)]);
    }
    blocks.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i][0]).toBeGreaterThanOrEqual(blocks[i - 1][1]);
  });

  it('reuses a freed block for a request of the same size class', () => {
    const a = arena();
    const p = a.alloc(100);
    const q = a.alloc(100);
    a.free(p);
    expect(a.alloc(97)).toBe(p);
    expect(a.usage().freeBlocks).toBe(0);
    a.free(q);
  });

  it('splits a larger free block for a smaller request, and coalesces neighbours on free', () => {
    const a = arena();
    const [x, y, z, guard] = [a.alloc(64), a.alloc(64), a.alloc(64), a.alloc(16)];
    a.free(x);
    a.free(z);
    a.free(y); // joins x, y and z into one free block
    expect(a.usage().freeBlocks).toBe(1);
    expect(a.alloc(192)).toBe(x);
    a.free(x);
    expect(a.alloc(32)).toBe(x); // split: the rest stays free
    expect(a.alloc(160)).toBe(x + 32);
    expect(a.usage().freeBlocks).toBe(0);
    void guard;
  });

  it('gives the space back to the top when the last blocks are freed', () => {
    const a = arena();
    const ps = [a.alloc(1000), a.alloc(2000), a.alloc(3000)];
    for (const p of ps) a.free(p);
    expect(a.usage()).toMatchObject({ usedBytes: 0, blocks: 0, freeBlocks: 0 });
    expect(a.alloc(5000)).toBe(ps[0]);
  });

  it('grows the memory on demand and keeps the data; fresh views see it, old views are detached', () => {
    const a = arena(1);
    const p = a.alloc(1024);
    const before = a.f32();
    before.set([1, 2, 3], p >> 2);
    const big = a.alloc(3 * PAGE);
    expect(a.memory.buffer.byteLength).toBeGreaterThanOrEqual(big + 3 * PAGE);
    expect(before.length).toBe(0); // NOTE: growth detached the old buffer
    const after = a.f32();
    expect(after.length * 4).toBe(a.memory.buffer.byteLength);
    expect(Array.from(after.subarray(p >> 2, (p >> 2) + 3))).toEqual([1, 2, 3]);
    expect(a.i32().buffer).toBe(a.memory.buffer);
    expect(a.u8().buffer).toBe(a.memory.buffer);
    expect(a.params().buffer).toBe(a.memory.buffer);
    after[(big >> 2) + 3 * PAGE / 4 - 1] = 9;
    expect(a.f32()[(big >> 2) + 3 * PAGE / 4 - 1]).toBe(9);
  });

  it('at the memory\'s maximum, a block that fits the untouched tail plus the last pages is handed out; one more byte is refused', () => {
    // NOTE: the same arithmetic as at 4 GiB, on a 4-page memory
    const a = new Arena(new WebAssembly.Memory({ initial: 1, maximum: 4 }), 1000);
    const p = a.alloc(40000);
    const rest = 4 * PAGE - (p + sizeClass(40000));
    // a size class that fits what is left, but not the 3 pages the memory can still grow by
    const want = 3.25 * PAGE;
    expect(sizeClass(want)).toBe(want);
    expect(want).toBeLessThanOrEqual(rest);
    const q = a.alloc(want);
    expect(q).toBe(p + sizeClass(40000));
    expect(a.memory.buffer.byteLength).toBe(4 * PAGE);
    a.u8()[q + want - 1] = 7;
    expect(a.u8()[q + want - 1]).toBe(7);
    expect(() => a.alloc(4 * PAGE - (q + want) + 1)).toThrow(/arena: out of memory: cannot grow WebAssembly memory from 262144 bytes/);
    // what is left still serves a request that fits
    expect(a.alloc(16)).toBe(q + want);
  });

  it('reports usage: heap, used, free bytes and block counts', () => {
    const a = arena(2);
    const u0 = a.usage();
    expect(u0).toEqual({ heapBytes: 2 * PAGE - a.base, usedBytes: 0, freeBytes: 2 * PAGE - a.base, blocks: 0, freeBlocks: 0 });
    const p = a.alloc(100), q = a.alloc(5000), r = a.alloc(0);
    const used = sizeClass(100) + sizeClass(5000) + sizeClass(0);
    let u = a.usage();
    expect(u.usedBytes).toBe(used);
    expect(u.blocks).toBe(3);
    expect(u.heapBytes).toBe(a.memory.buffer.byteLength - a.base);
    expect(u.freeBytes).toBe(u.heapBytes - used);
    expect(a.sizeOf(q)).toBe(sizeClass(5000));
    a.free(p);
    u = a.usage();
    expect(u).toMatchObject({ usedBytes: used - sizeClass(100), blocks: 2, freeBlocks: 1 });
    a.free(q);
    a.free(r);
    expect(a.usage()).toMatchObject({ usedBytes: 0, blocks: 0, freeBlocks: 0 });
  });

  it('throws clear errors on double free, unknown pointers and bad sizes', () => {
    const a = arena();
    const p = a.alloc(64);
    const q = a.alloc(64);
    a.alloc(64);
    a.free(p);
    expect(() => a.free(p)).toThrow(/double free of block/);
    a.free(q); // merges with p's free block
    expect(() => a.free(q)).toThrow(/double free of block/);
    const r = a.alloc(256);
    expect(() => a.free(r + 16)).toThrow(/points inside the block/);
    expect(() => a.free(8)).toThrow(/unknown pointer 8/);
    expect(() => a.sizeOf(12345678)).toThrow(/size of unknown pointer/);
    expect(() => a.alloc(-1)).toThrow(/cannot allocate -1 bytes/);
    expect(() => a.alloc(1.5)).toThrow(/cannot allocate/);
  });

  it('keeps every live block intact through a random alloc/free workload', () => {
    const intact = (v: Int32Array, p: number, n: number, t: number) => v.subarray(p >> 2, (p + n) >> 2).every((x) => x === t);
    const a = arena(1);
    const rnd = lcg(7);
    const live = new Map<number, { n: number; tag: number }>();
    let tag = 1, expectUsed = 0;
    for (let step = 0; step < 3000; step++) {
      if (live.size > 0 && rnd() < 0.45) {
        const keys = [...live.keys()];
        const p = keys[Math.floor(rnd() * keys.length)];
        const { n, tag: t } = live.get(p)!;
        expect(intact(a.i32(), p, n, t)).toBe(true);
        a.free(p);
        live.delete(p);
        expectUsed -= sizeClass(n);
      } else {
        const n = 4 * Math.floor(rnd() < 0.1 ? rnd() * 40000 : rnd() * 300);
        const p = a.alloc(n);
        expect(live.has(p)).toBe(false);
        a.i32().fill(tag, p >> 2, (p + n) >> 2);
        live.set(p, { n, tag: tag++ });
        expectUsed += sizeClass(n);
      }
      if (step % 500 === 0) expect(a.usage()).toMatchObject({ usedBytes: expectUsed, blocks: live.size });
    }
    for (const [p, { n, tag: t }] of live) {
      expect(intact(a.i32(), p, n, t)).toBe(true);
      a.free(p);
    }
    expect(a.usage()).toMatchObject({ usedBytes: 0, blocks: 0, freeBlocks: 0 });
  });
});

describe('arenas of several threads on one shared memory', () => {
  it('give disjoint blocks while each grows the memory in turn, and keep them intact', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4096, shared: true });
    // the caller's arena owns what exists; two workers' arenas claim only pages they grow themselves
    const arenas = [new Arena(memory, 1000), new Arena(memory, 1000, { claimOnly: true }), new Arena(memory, 1000, { claimOnly: true })];
    const params = new Set(arenas.map((a) => a.paramsPtr));
    expect(params.size).toBe(3);
    const rnd = lcg(11);
    const live: { a: number; p: number; n: number; tag: number }[] = [];
    let tag = 1;
    const view = () => new Int32Array(memory.buffer);
    for (let step = 0; step < 1500; step++) {
      const a = Math.floor(rnd() * 3);
      if (live.length > 0 && rnd() < 0.4) {
        const k = Math.floor(rnd() * live.length);
        const b = live[k];
        expect(view().subarray(b.p >> 2, (b.p + b.n) >> 2).every((x) => x === b.tag)).toBe(true);
        arenas[b.a].free(b.p);
        live.splice(k, 1);
      } else {
        // large requests make every arena grow often, interleaved with the others
        const n = 4 * Math.floor(rnd() < 0.2 ? 20000 + rnd() * 60000 : 1 + rnd() * 200);
        const p = arenas[a].alloc(n);
        for (const b of live) expect(p + n <= b.p || b.p + b.n <= p).toBe(true);
        for (const q of params) expect(p + n <= q || q + PARAMS_BYTES <= p).toBe(true);
        view().fill(tag, p >> 2, (p + n) >> 2);
        live.push({ a, p, n, tag: tag++ });
      }
    }
    for (const b of live) {
      expect(view().subarray(b.p >> 2, (b.p + b.n) >> 2).every((x) => x === b.tag)).toBe(true);
      arenas[b.a].free(b.p);
    }
    const total = arenas.reduce((s, a) => s + a.usage().heapBytes, 0);
    expect(arenas.map((a) => a.usage().usedBytes)).toEqual([0, 0, 0]);
    // every byte above the caller's base belongs to exactly one arena (the workers' own params blocks included)
    expect(total).toBe(memory.buffer.byteLength - arenas[0].base);
  });

  it('a worker arena starts in a range the caller ceded; the caller adopts all its regions back and reuses them', () => {
    const memory = new WebAssembly.Memory({ initial: 4, maximum: 4096, shared: true });
    const main = new Arena(memory, 1000);
    const region = main.cede(100_000);
    const before = main.usage();
    const w = new Arena(memory, 1000, { claimOnly: true, region });
    expect(w.paramsPtr).toBe(region[0]);
    const size0 = memory.buffer.byteLength;
    const small = w.alloc(1000);
    expect(small >= region[0] && small + 1000 <= region[1]).toBe(true);
    expect(memory.buffer.byteLength).toBe(size0);
    w.alloc(300_000); // more than the region: the worker grows the memory
    expect(memory.buffer.byteLength).toBeGreaterThan(size0);
    const regions = w.regions();
    expect(regions[0]).toEqual(region);
    for (const [a, b] of regions) main.adopt(a, b);
    const total = regions.reduce((s, [a, b]) => s + b - a, 0);
    expect(main.usage().heapBytes).toBe(before.heapBytes + total);
    const size1 = memory.buffer.byteLength;
    main.alloc(300_000);
    expect(memory.buffer.byteLength).toBe(size1);
    expect(() => main.adopt(8, 4)).toThrow(/cannot adopt/);
  });
});
