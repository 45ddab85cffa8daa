// An imported ONNX graph as edgegrad model pieces: OnnxGraph, one layer holding the whole graph (its
// nodes and attributes as plain JSON, so model.json saves it; its float initializers as the layer's
// weights, so fit trains them), interpreted node by node with edgegrad's ops; and OnnxModel, the
// graph model around it (inputs and outputs under their ONNX names, predict/run/fit/save).
//
// Shape arithmetic is folded once per input shape: a node whose inputs are all host constants
// (initializers that are not weights, Constant nodes, Shape of anything, and what is computed from
// them) runs once, its outputs are kept on the host, and later runs with the same input shapes
// skip it (the plan cache).
import { engine } from '../engine.js';
import type { DType } from '../kernels.js';
import { Tensor, type Variable } from '../tensor.js';
import { type CallOptions, Layer, type LayerConfig, type Shape, SymbolicTensor, type Node } from '../layers/layer.js';
import { InputLayer } from '../layers/input.js';
import { Model } from '../model/graph.js';
import { canCompile, compiledPredictBatch } from '../model/compiled.js';
import { BOOL, DOUBLE, FLOAT, FLOAT16, type HostTensor, typeName } from './model.js';
import { foldOnHost } from './fold.js';
import * as eg from '../ops/elementwise.js';
import { layerNorm } from '../ops/attention.js';
import { type AttrValue, type Attrs, NHWC_OPS, Nhwc, OPS, type OpContext, type Val, isHost, toHost, toTensor } from './ops.js';

export type Dim = number | string | null;
export interface OnnxValueSpec { name: string; shape: Dim[] | null; type: number }
export interface OnnxNodeConfig { op: string; name: string; inputs: string[]; outputs: string[]; attrs: Record<string, AttrValue> }
/** The graph as model.json stores it (OnnxGraph's config). */
export interface OnnxGraphConfig extends LayerConfig {
  opset: number;
  inputs: OnnxValueSpec[];
  outputs: OnnxValueSpec[];
  nodes: OnnxNodeConfig[];
  /** Float initializers: the layer's weights, by ONNX name. */
  weights: { name: string; shape: number[] }[];
  /** Other initializers (integers, bool, scalars): host constants. */
  constants: { name: string; type: number; shape: number[]; data: number[] }[];
}

/** The dtype edgegrad holds an ONNX element type in: float types and bool as float32, integers as int32. */
export function dtypeOf(type: number): DType {
  return type === FLOAT || type === DOUBLE || type === FLOAT16 || type === 16 || type === BOOL || type === 0 ? 'float32' : 'int32';
}

/**
 * JSON has no Infinity or NaN (a causal mask's -inf fill would be saved as null, read back as 0):
 * getConfig writes non-finite numbers as the strings 'Infinity', '-Infinity', 'NaN', and the
 * numeric readers below take them back with Number.
 */
const NON_FINITE = /^(-?Infinity|NaN)$/;
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}
const numbers = (a: (number | string)[]): number[] => (a.some((x) => typeof x === 'string') ? a.map(Number) : a as number[]);

export function attrsOf(r: Record<string, AttrValue>): Attrs {
  const num = (name: string, d: number) => { const v = r[name]; return typeof v === 'number' ? v : typeof v === 'string' && NON_FINITE.test(v) ? Number(v) : d; };
  return {
    i: num, f: num,
    s: (name, d) => { const v = r[name]; return typeof v === 'string' ? v : d; },
    ints: (name, d) => { const v = r[name]; return Array.isArray(v) ? numbers(v) : d; },
    has: (name) => r[name] !== undefined,
    tensor: (name) => {
      const v = r[name];
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const float = dtypeOf(v.type) === 'float32' && v.type !== BOOL;
      return { type: v.type, shape: v.shape, data: float ? Float32Array.from(numbers(v.data)) : Float64Array.from(numbers(v.data)) };
    },
  };
}

interface Plan { consts: Map<string, HostTensor>; run: number[] }
/**
 * A node that absorbs the nodes after it on the fast path: a Conv its BatchNormalization and Relu, a
 * Gemm its Relu, a MatMul by a 2-D weight the Add of a bias vector and a Relu (fusedMatmul).
 * `chain`: the absorbed nodes in order.
 */
interface Fusion {
  chain: number[]; bn?: number; add?: number; relu?: boolean; gelu?: boolean;
  /** LayerNormalization written out (ReduceMean ... Div, then Mul gamma, Add beta): one layerNorm kernel. */
  ln?: { axis: number; epsilon: number; gamma?: string; beta?: string };
}

function fusions(spec: OnnxGraphConfig): Map<number, Fusion> {
  const readers = new Map<string, number[]>();
  spec.nodes.forEach((n, i) => n.inputs.forEach((name) => { if (name) readers.set(name, [...(readers.get(name) ?? []), i]); }));
  const outputs = new Set(spec.outputs.map((o) => o.name));
  const params = new Map<string, number[]>([...spec.weights.map((w) => [w.name, w.shape] as const), ...spec.constants.map((k) => [k.name, k.shape] as const)]);
  /** The one node reading `name` (not a graph output), when it is `op`. */
  const only = (name: string, op: string, first = true): number | undefined => {
    const r = readers.get(name);
    if (!r || r.length !== 1 || outputs.has(name)) return undefined;
    const n = spec.nodes[r[0]];
    return n.op === op && (!first || n.inputs[0] === name) && n.outputs.filter(Boolean).length === 1 ? r[0] : undefined;
  };
  // scalars of initializers and Constant nodes, for GELU's pattern
  const scalars = new Map<string, number>();
  for (const k of spec.constants) if (k.data.length === 1) scalars.set(k.name, Number(k.data[0]));
  for (const n of spec.nodes) {
    const v = n.attrs.value;
    if (n.op === 'Constant' && v && typeof v === 'object' && !Array.isArray(v) && v.data.length === 1) scalars.set(n.outputs[0], Number(v.data[0]));
    else if (n.op === 'Constant' && typeof n.attrs.value_float === 'number') scalars.set(n.outputs[0], n.attrs.value_float);
  }
  const near = (name: string | undefined, want: number) => name !== undefined && Math.abs((scalars.get(name) ?? NaN) - want) < 1e-6 * Math.max(1, want);
  const other = (k: number, name: string) => spec.nodes[k].inputs.find((x) => x !== name);
  // int lists of initializers and Constant nodes (ReduceMean's axes as an input, opset 18)
  const intLists = new Map<string, number[]>();
  for (const k of spec.constants) if (k.shape.length === 1) intLists.set(k.name, k.data.map(Number));
  for (const n of spec.nodes) {
    const v = n.attrs.value;
    if (n.op === 'Constant' && v && typeof v === 'object' && !Array.isArray(v) && v.shape.length === 1) intLists.set(n.outputs[0], v.data.map(Number));
  }
  /** A ReduceMean over one axis with keepdims: that axis, else undefined. */
  const meanAxis = (k: number): number | undefined => {
    const m = spec.nodes[k], a = m.attrs;
    if (m.op !== 'ReduceMean' || (a.keepdims ?? 1) !== 1 || m.outputs.filter(Boolean).length !== 1) return undefined;
    const axes = Array.isArray(a.axes) ? numbers(a.axes) : m.inputs[1] ? intLists.get(m.inputs[1]) : undefined;
    return axes && axes.length === 1 ? axes[0] : undefined;
  };
  const weightC = (name: string | undefined) => {
    const w = name === undefined ? undefined : spec.weights.find((x) => x.name === name);
    return w && w.shape.length === 1 ? w.shape[0] : undefined;
  };
  /**
   * LayerNormalization as exporters write it out (opsets before 17): m = ReduceMean(x) over one axis,
   * d = x - m, v = ReduceMean(d ^ 2) over the same axis, y = d / Sqrt(v + eps), then optionally
   * y · gamma and + beta (weights of one axis). Every intermediate read by the pattern only.
   */
  const layerNormFrom = (i: number): Fusion | undefined => {
    const axis = meanAxis(i);
    if (axis === undefined) return undefined;
    const x = spec.nodes[i].inputs[0];
    const sub = only(spec.nodes[i].outputs[0], 'Sub', false);
    if (sub === undefined || spec.nodes[sub].inputs[0] !== x || spec.nodes[sub].inputs[1] !== spec.nodes[i].outputs[0]) return undefined;
    const d = spec.nodes[sub].outputs[0];
    const r = readers.get(d);
    if (!r || r.length !== 2 || outputs.has(d)) return undefined;
    const pow = r.find((k) => spec.nodes[k].op === 'Pow'), div = r.find((k) => spec.nodes[k].op === 'Div');
    if (pow === undefined || div === undefined || spec.nodes[pow].inputs[0] !== d || !near(spec.nodes[pow].inputs[1], 2) || spec.nodes[div].inputs[0] !== d) return undefined;
    const m2 = only(spec.nodes[pow].outputs[0], 'ReduceMean');
    if (m2 === undefined || meanAxis(m2) !== axis) return undefined;
    const add = only(spec.nodes[m2].outputs[0], 'Add', false);
    const epsName = add === undefined ? undefined : other(add, spec.nodes[m2].outputs[0]);
    const epsilon = epsName === undefined ? NaN : scalars.get(epsName) ?? NaN;
    if (add === undefined || !(epsilon > 0)) return undefined;
    const sqrt = only(spec.nodes[add].outputs[0], 'Sqrt');
    if (sqrt === undefined || only(spec.nodes[sqrt].outputs[0], 'Div', false) !== div || spec.nodes[div].inputs[1] !== spec.nodes[sqrt].outputs[0]) return undefined;
    const f: Fusion = { chain: [sub, pow, m2, add, sqrt, div], ln: { axis, epsilon } };
    let last = spec.nodes[div].outputs[0];
    const mul = only(last, 'Mul', false);
    const gamma = mul === undefined ? undefined : other(mul, last);
    const C = weightC(gamma);
    if (mul !== undefined && C !== undefined) {
      f.chain.push(mul); f.ln!.gamma = gamma; last = spec.nodes[mul].outputs[0];
      const plus = only(last, 'Add', false);
      const beta = plus === undefined ? undefined : other(plus, last);
      if (plus !== undefined && weightC(beta) === C) { f.chain.push(plus); f.ln!.beta = beta; }
    }
    return f;
  };
  const out = new Map<number, Fusion>();
  spec.nodes.forEach((n, i) => {
    if (n.outputs.length !== 1) return;
    const f: Fusion = { chain: [] };
    let last = n.outputs[0];
    if (n.op === 'ReduceMean') {
      const ln = layerNormFrom(i);
      if (ln) out.set(i, ln);
      return;
    }
    // GELU as PyTorch exports it: x / √2 -> Erf -> + 1 -> x · -> · 0.5 (or x · 1/√2 first), one gelu kernel
    if ((n.op === 'Div' && near(n.inputs[1], Math.SQRT2)) || (n.op === 'Mul' && near(n.inputs[1], Math.SQRT1_2))) {
      const x = n.inputs[0];
      const e = only(last, 'Erf');
      const a = e === undefined ? undefined : only(spec.nodes[e].outputs[0], 'Add', false);
      const m1 = a === undefined || !near(other(a, spec.nodes[e!].outputs[0]), 1) ? undefined : only(spec.nodes[a].outputs[0], 'Mul', false);
      const m2 = m1 === undefined || other(m1, spec.nodes[a!].outputs[0]) !== x ? undefined : only(spec.nodes[m1].outputs[0], 'Mul', false);
      if (m2 !== undefined && near(other(m2, spec.nodes[m1!].outputs[0]), 0.5)) out.set(i, { chain: [e!, a!, m1!, m2], gelu: true });
      return;
    }
    if (n.op === 'Conv') {
      const bn = only(last, 'BatchNormalization');
      if (bn !== undefined && spec.nodes[bn].attrs.training_mode !== 1 && spec.nodes[bn].inputs.slice(1).every((name) => params.has(name))) {
        f.bn = bn; f.chain.push(bn); last = spec.nodes[bn].outputs[0];
      }
    } else if (n.op === 'Gemm') {
      const a = n.attrs;
      const c = n.inputs[2] ? params.get(n.inputs[2]) : [];
      if ((a.alpha ?? 1) !== 1 || (a.beta ?? 1) !== 1 || a.transA === 1 || !params.has(n.inputs[1]) || !c || c.length > 1) return;
    } else if (n.op === 'MatMul') {
      const b = params.get(n.inputs[1]);
      if (!b || b.length !== 2) return;
      const add = only(last, 'Add', false);
      const other = add === undefined ? undefined : spec.nodes[add].inputs.find((x) => x !== last);
      const bias = other === undefined ? undefined : params.get(other);
      if (add === undefined || !bias || bias.length !== 1 || bias[0] !== b[1]) return;
      f.add = add; f.chain.push(add); last = spec.nodes[add].outputs[0];
    } else return;
    const relu = only(last, 'Relu');
    if (relu !== undefined) { f.relu = true; f.chain.push(relu); }
    // a Gemm by a weight runs the prepared form ([K, N], bias [N]) even with nothing to absorb
    if (f.chain.length || n.op === 'Gemm') out.set(i, f);
  });
  return out;
}

/** Ops never folded: values of shapes (the host path folds those), random draws, control flow. */
/** Runs one node's op; an error names the node (`where`) once. */
function runOp(op: string, ins: (Val | undefined)[], attrs: Attrs, ctx: OpContext, where: string): Val | Val[] {
  try {
    return OPS[op](ins, attrs, ctx);
  } catch (e) {
    const m = (e as Error).message;
    throw new Error(m.startsWith(where) ? m : `${where}: ${m}`);
  }
}

const VIEWS = new Set(['Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Identity']);
const UNFOLDED = new Set(['Shape', 'Size', 'RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Bernoulli', 'Multinomial', 'Dropout', 'If', 'Loop', 'Scan']);

/**
 * Nodes whose inputs are weights, constants and outputs of such nodes only, with a weight among them
 * (all-constant nodes fold on the host already), and no output the caller gets (it would own a
 * tensor the graph keeps): on the inference path they run once per weights version, as ORT's
 * constant folding runs them once at load. Nodes in a fusion are left to it.
 */
function fixedNodes(spec: OnnxGraphConfig, fused: Map<number, Fusion>, absorbed: Set<number>): Set<number> {
  const consts = new Set<string>(spec.constants.map((c) => c.name));
  const derived = new Set<string>(spec.weights.map((w) => w.name));
  const outputs = new Set(spec.outputs.map((o) => o.name));
  const out = new Set<number>();
  spec.nodes.forEach((n, i) => {
    if (n.op === 'Constant') { for (const o of n.outputs) consts.add(o); return; }
    const ins = n.inputs.filter(Boolean);
    if (UNFOLDED.has(n.op) || fused.has(i) || absorbed.has(i) || !ins.some((x) => derived.has(x)) || !ins.every((x) => derived.has(x) || consts.has(x))) return;
    for (const o of n.outputs) if (o) derived.add(o);
    // views (no kernel) run as written; what reads them may still fold
    if (VIEWS.has(n.op) || n.outputs.some((o) => outputs.has(o))) return;
    out.add(i);
  });
  return out;
}

export class OnnxGraph extends Layer {
  readonly className = 'OnnxGraph';
  readonly spec: OnnxGraphConfig;
  private readonly vars = new Map<string, Variable>();
  private readonly consts = new Map<string, HostTensor>();
  private readonly attrs: Attrs[];
  private readonly plans = new Map<string, Plan>();
  private readonly fused: Map<number, Fusion>;
  /** Nodes a fused Conv runs (fast path). */
  private readonly absorbed = new Set<number>();
  /** Nodes computed from the weights and constants alone (fast path: once per weights version). */
  private readonly fixed: Set<number>;
  /** Per node: tensors prepared from weights (fast path), with what they were made from. */
  private readonly prepared = new Map<number, { version: number; deps: unknown[]; outs: Tensor[] }>();
  /** The weights' version (the model's weightsVersion): prepared tensors are remade when it changes. */
  version: () => number = () => 0;
  /** Output shapes of the last run (dynamic dims resolved). */
  lastOutShapes: number[][] | null = null;

  /** `values`: the weights' values (loadOnnx); without them the weights come from the loading model file. */
  constructor(spec: OnnxGraphConfig, values?: Map<string, HostTensor>) {
    super({ name: spec.name, trainable: spec.trainable }, 'onnx');
    this.spec = spec;
    for (const w of spec.weights) {
      this.vars.set(w.name, this.addWeight(w.name, w.shape, () => {
        const v = values?.get(w.name);
        if (!v) throw new Error(`OnnxGraph '${this.name}': no value for weight '${w.name}'`);
        return toTensor(v);
      }));
    }
    for (const c of spec.constants) {
      this.consts.set(c.name, { type: c.type, shape: c.shape, data: dtypeOf(c.type) === 'float32' && c.type !== BOOL ? Float32Array.from(numbers(c.data)) : Float64Array.from(numbers(c.data)) });
    }
    this.attrs = spec.nodes.map((n) => attrsOf(n.attrs));
    this.fused = fusions(spec);
    for (const f of this.fused.values()) for (const k of f.chain) this.absorbed.add(k);
    this.fixed = fixedNodes(spec, this.fused, this.absorbed);
    this.built = true;
  }

  override dispose(): void {
    for (const p of this.prepared.values()) for (const t of p.outs) t.dispose();
    this.prepared.clear();
    this.plans.clear();
    super.dispose();
  }

  computeOutputShape(_s: Shape | Shape[]): Shape {
    const o = this.spec.outputs[0];
    return (o.shape ?? []).slice(1).map((d) => (typeof d === 'number' && d > 0 ? d : 1));
  }

  call(x: Tensor | Tensor[], opts: CallOptions): Tensor {
    return this.run(Array.isArray(x) ? x : [x], !!opts.training)[0];
  }

  override getConfig(): LayerConfig {
    return { ...(jsonSafe(this.spec) as OnnxGraphConfig), name: this.name, trainable: this.trainable };
  }

  /** Runs the graph on its inputs (in spec order); returns its outputs (in spec order). */
  run(xs: Tensor[], training: boolean): Tensor[] {
    const { spec } = this;
    if (xs.length !== spec.inputs.length) throw new Error(`OnnxGraph '${this.name}': expects ${spec.inputs.length} inputs, got ${xs.length}`);
    const env = new Map<string, Val>();
    for (const [k, v] of this.consts) env.set(k, v);
    for (const [k, v] of this.vars) env.set(k, v);
    spec.inputs.forEach((s, i) => env.set(s.name, xs[i]));
    const key = xs.map((x) => `${x.dtype}[${x.shape}]`).join(' ') + (training ? ' t' : '');
    let plan = this.plans.get(key);
    if (plan) {
      for (const [k, v] of plan.consts) env.set(k, v);
      for (const i of plan.run) this.exec(i, env, training);
    } else {
      plan = { consts: new Map(), run: [] };
      for (let i = 0; i < spec.nodes.length; i++) {
        const n = spec.nodes[i];
        if (!training && this.absorbed.has(i)) continue; // run by its Conv
        const host = n.op === 'Shape' || n.inputs.every((name) => name === '' || isHost(env.get(name)));
        if (!host) { this.exec(i, env, training); plan.run.push(i); continue; }
        // folded: run once on the host's values, kept as host constants for this input shape
        if (n.outputs.length === 1 && this.foldHost(i, env, plan)) continue;
        engine.tidy(() => {
          this.exec(i, env, training);
          for (const o of n.outputs) {
            if (!o) continue;
            const v = env.get(o)!;
            const h = isHost(v) ? v : toHost(toTensor(v));
            env.set(o, h);
            plan!.consts.set(o, h);
          }
        });
      }
      if (this.plans.size >= 16) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, plan);
    }
    const outs = spec.outputs.map((o) => {
      const v = env.get(o.name);
      if (v === undefined) throw new Error(`OnnxGraph '${this.name}': output '${o.name}' is made by no node`);
      if (isHost(v)) return toTensor(v);
      if (v instanceof Nhwc) return v.nchw();
      // a graph input or a weight passed straight through: a view the caller may dispose
      return xs.includes(v) || (v as Variable).trainable !== undefined && [...this.vars.values()].includes(v as Variable) ? engine.view(v, v.shape) : v;
    });
    this.lastOutShapes = outs.map((t) => [...t.shape]);
    return outs;
  }

  private exec(i: number, env: Map<string, Val>, training: boolean): void {
    const n = this.spec.nodes[i];
    const where = `ONNX node '${n.name || `#${i}`}' (${n.op})`;
    const get = (name: string) => {
      if (name === '') return undefined;
      const v = env.get(name);
      if (v === undefined) throw new Error(`${where}: input '${name}' is made by no earlier node, initializer or graph input`);
      return v;
    };
    let ins = n.inputs.map(get);
    if (!training && this.fixed.has(i)) {
      // initializers only (constant folding, as ORT's): computed once, kept until a weight changes
      const deps = ins.filter((v): v is Tensor => v instanceof Tensor);
      const ctx: OpContext = { opset: this.spec.opset, training, fast: false, where, outputs: n.outputs.length };
      const outs = this.prepare(~i, deps, () => {
        const r = runOp(n.op, ins, this.attrs[i], ctx, where);
        return (Array.isArray(r) ? r : [r]).map((v) => {
          const t = v instanceof Nhwc ? v.nchw() : isHost(v) ? toTensor(v) : v;
          // NOTE: a view of a weight would share its storage: an optimizer update would then copy the
          // weight first (copy-on-write) and a compiled training step would trace again; keep a copy.
          return deps.some((d) => d.storage === t.storage) ? engine.runKernel('cast', [t], { dtype: t.dtype })[0] : t;
        });
      });
      n.outputs.forEach((name, k) => { if (name && outs[k] !== undefined) env.set(name, outs[k]); });
      return;
    }
    // NHWC activations go only to the ops that take them (two-operand ops: both NHWC); others get NCHW
    const nhwcOk = NHWC_OPS.has(n.op) && (n.op !== 'Add' && n.op !== 'Sub' && n.op !== 'Mul' || ins.every((v) => v instanceof Nhwc));
    if (!nhwcOk && ins.some((v) => v instanceof Nhwc)) {
      ins = ins.map((v, k) => {
        if (!(v instanceof Nhwc)) return v;
        const t = v.nchw();
        env.set(n.inputs[k], t);
        return t;
      });
    }
    const ctx: OpContext = { opset: this.spec.opset, training, fast: !training, where, outputs: n.outputs.length };
    const fusion = training ? undefined : this.fused.get(i);
    let outName = n.outputs;
    if (!training) {
      ctx.prepare = (deps, make) => this.prepare(i, deps, make);
      const x = ins[0] as unknown;
      const rank = x instanceof Nhwc ? 4 : x instanceof Tensor ? x.rank : 0;
      if (fusion?.ln) {
        const x = ins[0] instanceof Nhwc ? ins[0].nchw() : ins[0] === undefined ? undefined : toTensor(ins[0]);
        const { axis, epsilon, gamma, beta } = fusion.ln;
        const C = x?.shape[x.rank - 1];
        const g = gamma === undefined ? undefined : get(gamma), b = beta === undefined ? undefined : get(beta);
        // the fused kernel normalises the last axis of float32 x by [C] weights; anything else runs the nodes
        const ok = x instanceof Tensor && x.dtype === 'float32' && x.rank >= 1 && (axis === -1 || axis === x.rank - 1)
          && [g, b].every((w) => w === undefined || (w instanceof Tensor && w.dtype === 'float32' && w.rank === 1 && w.shape[0] === C));
        if (ok) {
          try {
            env.set(this.spec.nodes[fusion.chain[fusion.chain.length - 1]].outputs[0], layerNorm(x, g as Tensor | undefined, b as Tensor | undefined, { epsilon }));
          } catch (e) {
            throw new Error(`${where}: ${(e as Error).message}`);
          }
          return;
        }
      }
      if (fusion?.gelu) {
        try {
          const x = ins[0] instanceof Nhwc ? ins[0].nchw() : toTensor(ins[0]!);
          env.set(this.spec.nodes[fusion.chain[3]].outputs[0], eg.gelu(x.dtype === 'float32' ? x : eg.cast(x, 'float32')));
        } catch (e) {
          throw new Error(`${where}: ${(e as Error).message}`);
        }
        return;
      }
      if (fusion && !fusion.ln && (n.op === 'Conv' ? rank === 4 : n.op === 'MatMul' ? rank >= 2 : true)) {
        const bn = fusion.bn !== undefined ? this.spec.nodes[fusion.bn] : undefined;
        const add = fusion.add !== undefined ? this.spec.nodes[fusion.add] : undefined;
        ctx.fuse = {
          bn: bn ? { ins: bn.inputs.slice(1).map(get), epsilon: this.attrs[fusion.bn!].f('epsilon', 1e-5) } : undefined,
          bias: add ? get(add.inputs.find((name) => name !== n.outputs[0])!) : undefined,
          relu: !!fusion.relu,
        };
        if (fusion.chain.length) outName = this.spec.nodes[fusion.chain[fusion.chain.length - 1]].outputs;
      }
    }
    const out = runOp(n.op, ins, this.attrs[i], ctx, where);
    const list = Array.isArray(out) ? out : [out];
    outName.forEach((name, k) => {
      if (!name) return;
      if (list[k] === undefined) throw new Error(`${where}: output ${k} ('${name}') is not supported`);
      env.set(name, list[k]);
    });
    // a fused node that could not fuse (a Conv not on a 2-D image, a MatMul of a vector): run the nodes it would have absorbed
    if (fusion && !ctx.fuse) for (const k of fusion.chain) this.exec(k, env, training);
  }

  /** Folds node i on the host (fold.ts) where it can; false where the device ops must run. */
  private foldHost(i: number, env: Map<string, Val>, plan: Plan): boolean {
    const n = this.spec.nodes[i];
    const ins = n.inputs.map((name) => (name ? env.get(name) : undefined));
    if (n.op === 'Shape' || ins.some((v) => v !== undefined && !isHost(v))) return false;
    const where = `ONNX node '${n.name || `#${i}`}' (${n.op})`;
    let h: HostTensor | undefined;
    try {
      h = foldOnHost(n.op, ins as (HostTensor | undefined)[], this.attrs[i], { opset: this.spec.opset, training: false, fast: true, where, outputs: 1 });
    } catch (e) {
      const m = (e as Error).message;
      throw new Error(m.startsWith(where) ? m : `${where}: ${m}`);
    }
    if (!h) return false;
    env.set(n.outputs[0], h);
    plan.consts.set(n.outputs[0], h);
    return true;
  }

  /** Tensors made from weights once (kept by the graph), remade when the weights change. */
  private prepare(i: number, deps: Tensor[], make: () => Tensor[]): Tensor[] {
    const version = this.version();
    const ids = deps.map((t) => t.storage);
    const p = this.prepared.get(i);
    if (p && p.version === version && p.deps.length === ids.length && p.deps.every((d, k) => d === ids[k])) return p.outs;
    if (p) for (const t of p.outs) t.dispose();
    const outs = engine.tidy(() => make());
    for (const t of outs) engine.keep(t);
    this.prepared.set(i, { version, deps: ids, outs });
    return outs;
  }
}

/** A symbolic tensor under its ONNX name. */
class OnnxSymbolic extends SymbolicTensor {
  constructor(shape: readonly (number | null)[], dtype: DType, node: Node, index: number, private readonly onnxName: string) { super(shape, dtype, node, index); }
  override get name(): string { return this.onnxName; }
}

const dims = (s: Dim[] | null): (number | null)[] => (s ?? []).map((d) => (typeof d === 'number' && d > 0 ? d : null));

/**
 * An imported ONNX model: a graph model of one OnnxGraph layer. `inputs`/`outputs` carry the ONNX
 * names, shapes (null for a dynamic axis) and dtypes; `run` takes and returns tensors by name.
 */
export class OnnxModel extends Model<Tensor | Tensor[]> {
  override readonly className: string = 'OnnxModel';
  readonly graph: OnnxGraph;
  private current: number[][] | null = null;

  constructor(graph: OnnxGraph) {
    super(null, { name: graph.name });
    this.graph = graph;
    graph.version = () => this.weightsVersion;
    const used = new Set([graph.name]);
    const safe = (s: string) => {
      let b = s.replace(/[^\w.-]/g, '_') || 'input', n = b, k = 1;
      while (used.has(n)) n = `${b}_${k++}`;
      used.add(n);
      return n;
    };
    const ins = graph.spec.inputs.map((s) => {
      const dtype = dtypeOf(s.type);
      const shape = dims(s.shape);
      const l = new InputLayer({ name: safe(s.name), shape: shape.slice(1).map((d) => d ?? 1), dtype });
      const node = l.inboundNodes[0];
      const t = new OnnxSymbolic(shape.length ? shape : [null], dtype, node, 0, s.name);
      (node.outputs as SymbolicTensor[])[0] = t;
      return t;
    });
    const node: Node = { layer: graph, inputs: ins, outputs: [] };
    const outs = graph.spec.outputs.map((s, k) => new OnnxSymbolic(dims(s.shape).length ? dims(s.shape) : [null], dtypeOf(s.type), node, k, s.name));
    (node.outputs as SymbolicTensor[]).push(...outs);
    graph.inboundNodes.push(node);
    // a graph without inputs (constants only) still runs with run({}); predict and fit need inputs
    if (ins.length) this.setGraph(ins, outs.length === 1 ? outs[0] : outs);
    else { this.inputs = []; this.outputs = outs; this.layers.push(graph); }
  }

  override forward(xs: Tensor[], training: boolean): Tensor[] {
    return this.graph.run(xs, training);
  }

  /** @internal Checks the inputs against the ONNX declared shapes (dynamic axes take any size). */
  override buildFor(xs: Tensor[]): void {
    this.graph.spec.inputs.forEach((s, i) => {
      const x = xs[i];
      if (!(x instanceof Tensor) || !s.shape) return;
      const bad = x.rank !== s.shape.length || s.shape.some((d, k) => k > 0 && typeof d === 'number' && d > 0 && d !== x.shape[k]);
      if (bad) throw new Error(`model '${this.name}': input '${s.name}' has shape [${x.shape}] but the ONNX model declares [${s.shape.map((d) => (typeof d === 'number' && d > 0 ? d : d ?? '?'))}]`);
    });
    this.current = xs.map((x) => [...x.shape]);
  }

  override get inputSpecs(): { name: string; shape: Shape; dtype: DType }[] {
    return this.inputs.map((t, i) => ({ name: t.name, shape: this.current?.[i]?.slice(1) ?? t.sampleShape.map((d) => d ?? 1), dtype: t.dtype }));
  }

  override get outputSpecs(): { name: string; shape: Shape }[] {
    return this.outputs.map((t, i) => ({ name: t.name, shape: this.graph.lastOutShapes?.[i]?.slice(1) ?? t.sampleShape.map((d) => d ?? 1) }));
  }

  /** Runs the model on named inputs; returns every output by name (tensors the caller owns). */
  run(feeds: Record<string, Tensor>): Record<string, Tensor> {
    const names = this.graph.spec.inputs.map((s) => s.name);
    if (!feeds || typeof feeds !== 'object') throw new Error(`run: expects { ${names.map((n) => `'${n}': tensor`).join(', ')} }, got ${feeds === null ? 'null' : typeof feeds}`);
    for (const k of Object.keys(feeds)) if (!names.includes(k)) throw new Error(`run: model '${this.name}' has no input '${k}' (its inputs: ${names.join(', ')})`);
    const xs = this.graph.spec.inputs.map((s) => {
      const x = feeds[s.name];
      if (!(x instanceof Tensor)) throw new Error(`run: input '${s.name}' must be a Tensor, got ${x === undefined ? 'nothing' : typeof x}`);
      x.live('run');
      const want = dtypeOf(s.type);
      if (x.dtype !== want) throw new Error(`run: input '${s.name}' has dtype ${x.dtype} but the model reads ${typeName(s.type)} (give ${want})`);
      return x;
    });
    this.buildFor(xs);
    // replayed from predict's compiled plan for these input shapes where the step can be (model/compiled.ts)
    const eager = () => this.graph.run(xs, false);
    const outs = engine.tidy(() => (xs.length && canCompile() ? compiledPredictBatch(this, xs, eager) : eager()));
    const r: Record<string, Tensor> = {};
    this.graph.spec.outputs.forEach((s, k) => { r[s.name] = outs[k]; });
    return r;
  }
}

/** Builds an OnnxModel from a saved OnnxGraph config (loadModel: the weights come from the file). */
export function modelFromConfig(config: LayerConfig): OnnxModel {
  return new OnnxModel(new OnnxGraph(config as OnnxGraphConfig));
}
