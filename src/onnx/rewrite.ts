// Graph rewrites at load: node patterns that exporters write for one function edgegrad has as a
// kernel. PyTorch (before opset 20's Gelu) writes the exact GELU as
//   y = Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)), 0.5)
// (operands of Add and Mul in either order, Mul(x, 1/sqrt 2) for the Div, the 0.5 applied to x or
// to the product): five elementwise passes and an Erf built from a dozen more, where edgegrad's
// gelu kernel (erf-exact, with its gradient) is one. Rewritten only where every intermediate
// value has the pattern's node as its one reader and is not a graph output.
import type { OnnxGraphConfig, OnnxNodeConfig } from './graph.js';

type Node = OnnxNodeConfig;

/** Scalar float constants by value name: Constant nodes' outputs and one-value initializers. */
function scalarConstants(cfg: OnnxGraphConfig): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cfg.constants) if (c.data.length === 1) out.set(c.name, Number(c.data[0]));
  for (const n of cfg.nodes) {
    if (n.op !== 'Constant' || !n.outputs[0]) continue;
    const v = n.attrs.value, f = n.attrs.value_float;
    if (typeof f === 'number') out.set(n.outputs[0], f);
    else if (v && typeof v === 'object' && !Array.isArray(v) && v.data.length === 1) out.set(n.outputs[0], Number(v.data[0]));
  }
  return out;
}

const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) <= 1e-6 * Math.abs(b);

/** The exact-GELU pattern rewritten as Gelu nodes; the config itself when there is none. */
export function fuseGelu(cfg: OnnxGraphConfig): OnnxGraphConfig {
  if (!cfg.nodes.some((n) => n.op === 'Erf')) return cfg;
  const scalars = scalarConstants(cfg);
  const readers = new Map<string, number[]>();
  cfg.nodes.forEach((n, i) => n.inputs.forEach((v) => { if (v) readers.set(v, [...(readers.get(v) ?? []), i]); }));
  const outputs = new Set(cfg.outputs.map((o) => o.name));
  /** The one node reading `v` (v not a graph output), if it is an `op`. */
  const soleReader = (v: string, op: string): [number, Node] | undefined => {
    const r = readers.get(v);
    if (!r || r.length !== 1 || outputs.has(v)) return undefined;
    const n = cfg.nodes[r[0]];
    return n.op === op && n.outputs.length === 1 ? [r[0], n] : undefined;
  };
  /** For a binary node reading `v`: its other operand. */
  const other = (n: Node, v: string): string | undefined => (n.inputs.length !== 2 ? undefined : n.inputs[0] === v ? n.inputs[1] : n.inputs[1] === v ? n.inputs[0] : undefined);

  const drop = new Set<number>();
  const replace = new Map<number, Node>();
  cfg.nodes.forEach((erf, ie) => {
    if (erf.op !== 'Erf' || erf.inputs.length !== 1 || erf.outputs.length !== 1) return;
    // Div(x, sqrt 2) or Mul(x, 1/sqrt 2) feeding the Erf, read only by it
    const id = cfg.nodes.findIndex((n) => n.outputs[0] === erf.inputs[0]);
    if (id < 0 || soleReader(erf.inputs[0], 'Erf')?.[0] !== ie) return;
    const scale = cfg.nodes[id];
    let x: string | undefined;
    if (scale.op === 'Div' && near(scalars.get(scale.inputs[1]), Math.SQRT2)) x = scale.inputs[0];
    else if (scale.op === 'Mul') {
      if (near(scalars.get(scale.inputs[1]), Math.SQRT1_2)) x = scale.inputs[0];
      else if (near(scalars.get(scale.inputs[0]), Math.SQRT1_2)) x = scale.inputs[1];
    }
    if (!x) return;
    const add = soleReader(erf.outputs[0], 'Add');
    if (!add || !near(scalars.get(other(add[1], erf.outputs[0]) ?? ''), 1)) return;
    const mul1 = soleReader(add[1].outputs[0], 'Mul');
    if (!mul1) return;
    const m1other = other(mul1[1], add[1].outputs[0]);
    let last: [number, Node] | undefined;
    const dropped = [id, ie, add[0], mul1[0]];
    if (m1other === x) {
      // (x * (1 + erf)) * 0.5
      const mul2 = soleReader(mul1[1].outputs[0], 'Mul');
      if (!mul2 || !near(scalars.get(other(mul2[1], mul1[1].outputs[0]) ?? ''), 0.5)) return;
      last = mul2;
    } else {
      // (x * 0.5) * (1 + erf): m1other is Mul(x, 0.5), read only by mul1
      const half = cfg.nodes.findIndex((n) => n.outputs[0] === m1other);
      if (half < 0 || !m1other || soleReader(m1other, 'Mul')?.[0] !== mul1[0]) return;
      const h = cfg.nodes[half];
      if (h.op !== 'Mul' || other(h, x) === undefined || !near(scalars.get(other(h, x)!), 0.5)) return;
      dropped.push(half);
      last = mul1;
      dropped.splice(dropped.indexOf(mul1[0]), 1);
    }
    if (dropped.some((i) => drop.has(i) || replace.has(i)) || replace.has(last[0])) return;
    for (const i of dropped) drop.add(i);
    replace.set(last[0], { op: 'Gelu', name: last[1].name || `${erf.name}_gelu`, inputs: [x], outputs: [last[1].outputs[0]], attrs: {} });
  });
  if (replace.size === 0) return cfg;
  const nodes: Node[] = [];
  cfg.nodes.forEach((n, i) => { if (replace.has(i)) nodes.push(replace.get(i)!); else if (!drop.has(i)) nodes.push(n); });
  return { ...cfg, nodes };
}
