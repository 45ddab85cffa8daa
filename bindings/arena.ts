// The allocator that owns the kernels' linear memory: 16-byte aligned blocks, best-fit reuse with
// coalescing, growth on demand, and a fixed params block for passing shapes and strides to kernels.

export interface ArenaUsage {
  /** Bytes of linear memory the arena manages (memory size minus static data and params). */
  heapBytes: number;
  /** Bytes in live blocks (sizes rounded up to their size class). */
  usedBytes: number;
  /** heapBytes - usedBytes: free blocks plus the untouched space above them. */
  freeBytes: number;
  /** Live blocks. */
  blocks: number;
  /** Free blocks waiting for reuse. */
  freeBlocks: number;
}

export const ALIGN = 16;
export const PARAMS_BYTES = 256;
const PAGE = 65536;
/** Below this, blocks are rounded to 16 bytes; above, to eighths of a power of two. */
const SMALL = 4096;

/** How many freed blocks of one size wait uncoalesced for reuse. */
const RECENT_PER_SIZE = 64;

const align = (n: number, a: number = ALIGN): number => Math.ceil(n / a) * a;

/** The size class of a request: exact 16-byte steps when small, at most 12.5% slack when large. */
export function sizeClass(bytes: number): number {
  if (bytes <= SMALL) return Math.max(ALIGN, align(bytes));
  const step = 2 ** Math.floor(Math.log2(bytes)) / 8;
  return align(bytes, step);
}

export interface ArenaOptions {
  /**
   * The memory is shared with other threads' arenas (a shared WebAssembly.Memory): this arena owns
   * no pages at first and takes new ones only by growing the memory itself. `memory.grow` returns
   * the old size atomically, so two arenas growing at once get disjoint regions.
   */
  claimOnly?: boolean;
  /** With claimOnly: a range another arena gave up for this one (see cede) to start in. */
  region?: [number, number];
}

export class Arena {
  readonly memory: WebAssembly.Memory;
  /** Start of the params block (PARAMS_BYTES, 16-byte aligned). */
  readonly paramsPtr: number;
  /** First heap byte. */
  readonly base: number;
  /** Start of the untouched space in the region the arena grew last. */
  private top: number;
  /** End of that region. */
  private limit: number;
  /** Bytes of memory this arena manages. */
  private owned: number;
  /** The pages this arena grew itself, as [start, end) byte ranges (merged when adjacent). */
  private readonly grown: [number, number][] = [];
  private readonly live = new Map<number, number>();
  private readonly freeStart = new Map<number, number>();
  private readonly freeEnd = new Map<number, number>();
  // NOTE: free blocks of one size are an array used as a stack, with each block's index kept in
  // `freeSlot` for O(1) removal. A Set's `values().next()` would walk the deleted entries that
  // alloc/free churn leaves behind before it finds a live one.
  private readonly freeBySize = new Map<number, number[]>();
  // NOTE: freed blocks first wait, uncoalesced, on a per-size stack: a training step frees and
  // reallocates the same sizes, and the coalescing maps' set/delete churn (hash tables resized at
  // every few entries) cost about a microsecond per op. They are coalesced when a request finds no
  // block of its size waiting, and before usage() reports.
  private readonly recent = new Map<number, number[]>();
  private recentCount = 0;
  private readonly freeSlot = new Map<number, number>();
  private used = 0;
  private f32View: Float32Array;
  private i32View: Int32Array;
  private u8View: Uint8Array;
  private i8View: Int8Array;
  private u16View: Uint16Array;
  private paramsView: Int32Array;

  /** `heapBase`: first byte the module leaves free (its static data lies below). */
  constructor(memory: WebAssembly.Memory, heapBase: number, opts: ArenaOptions = {}) {
    this.memory = memory;
    if (opts.claimOnly) {
      this.top = this.limit = this.owned = 0;
      if (opts.region) {
        const [start, end] = opts.region;
        if (!(start >= 0 && end - start >= PARAMS_BYTES && start % ALIGN === 0 && end % ALIGN === 0)) {
          throw new Error(`arena: cannot start in the range [${start}, ${end})`);
        }
        [this.top, this.limit, this.owned] = [start, end, end - start];
        this.grown.push([start, end]);
      }
      this.paramsPtr = this.bump(PARAMS_BYTES);
      this.base = this.top;
    } else {
      this.paramsPtr = align(heapBase);
      this.base = this.paramsPtr + PARAMS_BYTES;
      this.top = this.limit = this.memory.buffer.byteLength;
      this.owned = this.limit - this.base;
      if (this.limit < this.base) this.bump(this.base - this.limit);
      this.top = this.base;
    }
    this.f32View = new Float32Array(memory.buffer);
    this.i32View = new Int32Array(memory.buffer);
    this.u8View = new Uint8Array(memory.buffer);
    this.i8View = new Int8Array(memory.buffer);
    this.u16View = new Uint16Array(memory.buffer);
    this.paramsView = new Int32Array(memory.buffer, this.paramsPtr, PARAMS_BYTES / 4);
  }

  /** A block of at least `bytes` bytes, 16-byte aligned; contents unspecified. */
  alloc(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`arena: cannot allocate ${bytes} bytes`);
    const size = sizeClass(bytes);
    const recent = this.recent.get(size);
    if (recent !== undefined && recent.length > 0) {
      this.recentCount--;
      return this.claim(recent.pop()!, size);
    }
    const ptr = this.reuse(size);
    if (ptr !== -1) return ptr;
    if (this.recentCount > 0) {
      // A size with nothing waiting: coalesce the recently freed blocks and look again before
      // taking new space (in a steady training loop every size hits its own stack instead).
      this.flushRecent();
      const again = this.reuse(size);
      if (again !== -1) return again;
    }
    return this.claim(this.bump(size), size);
  }

  /** A free block of `size` from the coalesced free lists (exact, else the best fit, split), or -1. */
  private reuse(size: number): number {
    const exact = this.freeBySize.get(size);
    if (exact !== undefined && exact.length > 0) {
      const ptr = exact[exact.length - 1];
      this.unlinkFree(ptr, size);
      return this.claim(ptr, size);
    }
    const fit = this.bestFit(size);
    if (fit !== -1) {
      const have = this.freeStart.get(fit)!;
      this.unlinkFree(fit, have);
      if (have > size) this.linkFree(fit + size, have - size);
      return this.claim(fit, size);
    }
    return -1;
  }

  free(ptr: number): void {
    const size = this.live.get(ptr);
    if (size === undefined) throw new Error(this.describeBadFree(ptr));
    this.live.delete(ptr);
    this.used -= size;
    let list = this.recent.get(size);
    if (list === undefined) this.recent.set(size, (list = []));
    if (list.length < RECENT_PER_SIZE) {
      list.push(ptr);
      this.recentCount++;
      return;
    }
    this.coalesce(ptr, size);
  }

  /** Returns a block to the coalesced free lists, merged with free neighbours (or the top). */
  private coalesce(ptr: number, size: number): void {
    let start = ptr, end = ptr + size;
    const left = this.freeEnd.get(start);
    if (left !== undefined) { this.unlinkFree(left, start - left); start = left; }
    const right = this.freeStart.get(end);
    if (right !== undefined) { this.unlinkFree(end, right); end += right; }
    if (end === this.top) this.top = start;
    else this.linkFree(start, end - start);
  }

  /** The size (rounded to its class) of the live block at `ptr`. */
  sizeOf(ptr: number): number {
    const size = this.live.get(ptr);
    if (size === undefined) throw new Error(this.describeBadFree(ptr).replace('free of', 'size of'));
    return size;
  }

  usage(): ArenaUsage {
    this.flushRecent();
    const heapBytes = this.owned;
    return { heapBytes, usedBytes: this.used, freeBytes: heapBytes - this.used, blocks: this.live.size, freeBlocks: this.freeStart.size };
  }

  // NOTE: growing the memory detaches every view of the old buffer; always take views from here.
  f32(): Float32Array { this.refresh(); return this.f32View; }
  i32(): Int32Array { this.refresh(); return this.i32View; }
  u8(): Uint8Array { this.refresh(); return this.u8View; }
  i8(): Int8Array { this.refresh(); return this.i8View; }
  u16(): Uint16Array { this.refresh(); return this.u16View; }

  /** The params block as int32 slots. */
  params(): Int32Array { this.refresh(); return this.paramsView; }

  private refresh(): void {
    const buf = this.memory.buffer;
    if (this.f32View.buffer === buf) return;
    this.f32View = new Float32Array(buf);
    this.i32View = new Int32Array(buf);
    this.u8View = new Uint8Array(buf);
    this.i8View = new Int8Array(buf);
    this.u16View = new Uint16Array(buf);
    this.paramsView = new Int32Array(buf, this.paramsPtr, PARAMS_BYTES / 4);
  }

  private flushRecent(): void {
    for (const [size, list] of this.recent) while (list.length > 0) this.coalesce(list.pop()!, size);
    this.recentCount = 0;
  }

  private claim(ptr: number, size: number): number {
    this.live.set(ptr, size);
    this.used += size;
    return ptr;
  }

  /** The smallest free block that holds `size` bytes, or -1. */
  private bestFit(size: number): number {
    let best = -1, bestSize = Infinity;
    for (const [s, list] of this.freeBySize) {
      if (s >= size && s < bestSize && list.length > 0) { best = list[list.length - 1]; bestSize = s; }
    }
    return best;
  }

  private linkFree(ptr: number, size: number): void {
    this.freeStart.set(ptr, size);
    this.freeEnd.set(ptr + size, ptr);
    let list = this.freeBySize.get(size);
    if (list === undefined) this.freeBySize.set(size, (list = []));
    this.freeSlot.set(ptr, list.length);
    list.push(ptr);
  }

  private unlinkFree(ptr: number, size: number): void {
    this.freeStart.delete(ptr);
    this.freeEnd.delete(ptr + size);
    const list = this.freeBySize.get(size)!;
    const at = this.freeSlot.get(ptr)!;
    const last = list.pop()!;
    if (last !== ptr) { list[at] = last; this.freeSlot.set(last, at); }
    this.freeSlot.delete(ptr);
    // NOTE: emptied lists go, or split remnants of every size would pile up for bestFit to scan.
    if (list.length === 0) this.freeBySize.delete(size);
  }

  /** `size` bytes from the untouched space, growing the memory when it runs out. */
  private bump(size: number): number {
    if (this.top + size > this.limit) this.extend(size);
    // NOTE: grown by just enough for the untouched tail to hold `size` (near the memory's maximum),
    // the new pages may yet not follow this region (another thread grew the memory at once)
    if (this.top + size > this.limit) throw new Error(this.outOfMemory(size));
    const ptr = this.top;
    this.top += size;
    return ptr;
  }

  /**
   * Grows the memory so that the untouched space holds `size` bytes: by at least 25% (and 1 MiB)
   * to amortise growth. When another thread grew the memory since this arena last did, the new
   * pages do not follow this arena's region: what is left of the old region becomes a free block
   * and the new pages start a new region.
   */
  private extend(size: number): void {
    const have = this.memory.buffer.byteLength;
    // NOTE: enough for all of `size` even when the new pages turn out not to follow ours; 25% of
    // what this arena owns, not of the memory, which other threads' arenas may fill.
    const need = Math.ceil(size / PAGE);
    const want = Math.max(need, Math.ceil(this.owned / PAGE / 4), 16);
    // Near the memory's maximum, where this region ends the memory: only what the untouched tail lacks.
    const tail = have === this.limit ? Math.ceil((size - (this.limit - this.top)) / PAGE) : need;
    let old = -1, got = 0;
    for (const pages of new Set([want, need, tail])) {
      try {
        old = this.memory.grow(pages);
        got = pages;
        break;
      } catch {
        // the next, smaller request
      }
    }
    if (old < 0) throw new Error(this.outOfMemory(size));
    const start = old * PAGE;
    if (start !== this.limit) {
      if (this.limit > this.top) this.linkFree(this.top, this.limit - this.top);
      this.top = start;
    }
    this.limit = start + got * PAGE;
    this.owned += got * PAGE;
    const last = this.grown[this.grown.length - 1];
    if (last && last[1] === start) last[1] = this.limit;
    else this.grown.push([start, this.limit]);
  }

  private outOfMemory(size: number): string {
    return `arena: out of memory: cannot grow WebAssembly memory from ${this.memory.buffer.byteLength} bytes by ${size} bytes`;
  }

  /**
   * Gives up a free range of at least `bytes` bytes for another thread's arena to start in: from
   * here on this arena neither uses nor counts it (adopt takes it back).
   */
  cede(bytes: number): [number, number] {
    const ptr = this.alloc(bytes);
    const size = this.live.get(ptr)!;
    this.live.delete(ptr);
    this.used -= size;
    this.owned -= size;
    return [ptr, ptr + size];
  }

  /** The ranges this arena owns beyond what existed when it started: all a worker's share of a shared memory. */
  regions(): [number, number][] {
    return this.grown.map(([a, b]) => [a, b]);
  }

  /**
   * Takes over [start, end), which another arena owned and will never touch again (a pool worker
   * that has ended): its bytes become free space here.
   */
  adopt(start: number, end: number): void {
    if (!(start >= 0 && end > start && start % ALIGN === 0 && end % ALIGN === 0)) {
      throw new Error(`arena: cannot adopt the range [${start}, ${end})`);
    }
    this.owned += end - start;
    if (start === this.limit) this.limit = end;
    else this.coalesce(start, end - start);
  }

  private describeBadFree(ptr: number): string {
    this.flushRecent();
    for (const [s, size] of this.freeStart) {
      if (ptr >= s && ptr < s + size) return `arena: double free of block ${ptr} (it is already free)`;
    }
    if (ptr >= this.top && ptr < this.limit) return `arena: double free of block ${ptr} (it is already free)`;
    for (const [s, size] of this.live) {
      if (ptr > s && ptr < s + size) return `arena: free of ${ptr}, which points inside the block at ${s}`;
    }
    return `arena: free of unknown pointer ${ptr}`;
  }
}
