// Weight penalties (Keras semantics): l1 = x·sum|w|, l2 = x·sum(w²), l1l2 both; differentiable ops.
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { scalar } from '../ops/creation.js';
import { abs, add, mul, square } from '../ops/elementwise.js';
import { sum } from '../ops/reduce.js';
import { checkTensor } from '../ops/util.js';
import type { Regularizer } from './optimizer.js';

function factor(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${op}: '${name}' must be a finite number >= 0, got ${String(v)}`);
  return v;
}

class L1L2 implements Regularizer {
  constructor(readonly name: 'l1' | 'l2' | 'l1l2', readonly l1: number, readonly l2: number) {}

  penalty(x: Tensor): Tensor {
    checkTensor(`regularizers.${this.name}`, x);
    return engine.tidy(() => {
      const terms: Tensor[] = [];
      if (this.l1 !== 0) terms.push(mul(sum(abs(x)), this.l1));
      if (this.l2 !== 0) terms.push(mul(sum(square(x)), this.l2));
      if (terms.length === 0) return scalar(0);
      return terms.length === 1 ? terms[0] : add(terms[0], terms[1]);
    });
  }

  getConfig(): { name: string; [key: string]: unknown } {
    if (this.name === 'l1') return { name: 'l1', l1: this.l1 };
    if (this.name === 'l2') return { name: 'l2', l2: this.l2 };
    return { name: 'l1l2', l1: this.l1, l2: this.l2 };
  }
}

/** x · sum(|w|); x defaults to 0.01. */
export const l1 = (x = 0.01): Regularizer => new L1L2('l1', factor('regularizers.l1', 'x', x), 0);
/** x · sum(w²); x defaults to 0.01. */
export const l2 = (x = 0.01): Regularizer => new L1L2('l2', 0, factor('regularizers.l2', 'x', x));
/** l1 · sum(|w|) + l2 · sum(w²); both default to 0. */
export function l1l2(opts: { l1?: number; l2?: number } = {}): Regularizer {
  return new L1L2('l1l2', factor('regularizers.l1l2', 'l1', opts.l1 ?? 0), factor('regularizers.l1l2', 'l2', opts.l2 ?? 0));
}

export type RegularizerSpec = 'l1' | 'l2' | 'l1l2' | Regularizer | { name: string; [key: string]: unknown };

/** A regularizer from a name (default factors), a Regularizer (as is), or a config from getConfig. */
export function get(spec: RegularizerSpec): Regularizer {
  if (typeof spec === 'object' && spec !== null && typeof (spec as Regularizer).penalty === 'function') return spec as Regularizer;
  const c = (typeof spec === 'string' ? { name: spec } : spec) as { name?: unknown; l1?: number; l2?: number } | null;
  switch (c?.name) {
    case 'l1': return l1(c.l1);
    case 'l2': return l2(c.l2);
    case 'l1l2': return l1l2({ l1: c.l1, l2: c.l2 });
    default: throw new Error(`regularizers.get: unknown regularizer ${JSON.stringify(c?.name ?? spec)}; expected 'l1', 'l2', 'l1l2', a Regularizer or { name, ... }`);
  }
}

export const fromConfig = (config: { name: string; [key: string]: unknown }): Regularizer => get(config);
