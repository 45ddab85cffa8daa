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
import { BOOL, DOUBLE, FLOAT, FLOAT16, type HostTensor, typeName } from './model.js';
import { type AttrValue, type Attrs, OPS, type OpContext, type Val, isHost, toHost, toTensor } from './ops.js';

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

function attrsOf(r: Record<string, AttrValue>): Attrs {
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

export class OnnxGraph extends Layer {
  readonly className = 'OnnxGraph';
  readonly spec: OnnxGraphConfig;
  private readonly vars = new Map<string, Variable>();
  private readonly consts = new Map<string, HostTensor>();
  private readonly attrs: Attrs[];
  private readonly plans = new Map<string, Plan>();
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
    this.built = true;
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
        const host = n.op === 'Shape' || n.inputs.every((name) => name === '' || isHost(env.get(name)));
        if (!host) { this.exec(i, env, training); plan.run.push(i); continue; }
        // folded: run once on the host's values, kept as host constants for this input shape
        engine.tidy(() => {
          this.exec(i, env, training);
          for (const o of n.outputs) {
            if (!o) continue;
            const v = env.get(o)!;
            const h = isHost(v) ? v : toHost(v);
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
      // a graph input or a weight passed straight through: a view the caller may dispose
      return xs.includes(v) || (v as Variable).trainable !== undefined && [...this.vars.values()].includes(v as Variable) ? engine.view(v, v.shape) : v;
    });
    this.lastOutShapes = outs.map((t) => [...t.shape]);
    return outs;
  }

  private exec(i: number, env: Map<string, Val>, training: boolean): void {
    const n = this.spec.nodes[i];
    const where = `ONNX node '${n.name || `#${i}`}' (${n.op})`;
    const ins = n.inputs.map((name) => {
      if (name === '') return undefined;
      const v = env.get(name);
      if (v === undefined) throw new Error(`${where}: input '${name}' is made by no earlier node, initializer or graph input`);
      return v;
    });
    const ctx: OpContext = { opset: this.spec.opset, training, where, outputs: n.outputs.length };
    let out: Val | Val[];
    try {
      out = OPS[n.op](ins, this.attrs[i], ctx);
    } catch (e) {
      const m = (e as Error).message;
      throw new Error(m.startsWith(where) ? m : `${where}: ${m}`);
    }
    const list = Array.isArray(out) ? out : [out];
    n.outputs.forEach((name, k) => {
      if (!name) return;
      if (list[k] === undefined) throw new Error(`${where}: output ${k} ('${name}') is not supported`);
      env.set(name, list[k]);
    });
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
    const outs = engine.tidy(() => this.graph.run(xs, false));
    const r: Record<string, Tensor> = {};
    this.graph.spec.outputs.forEach((s, k) => { r[s.name] = outs[k]; });
    return r;
  }
}

/** Builds an OnnxModel from a saved OnnxGraph config (loadModel: the weights come from the file). */
export function modelFromConfig(config: LayerConfig): OnnxModel {
  return new OnnxModel(new OnnxGraph(config as OnnxGraphConfig));
}
