var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/kernels.ts
function sizeOf(shape) {
  let n2 = 1;
  for (const d of shape) n2 *= d;
  return n2;
}
function stridesOf(shape) {
  const s = new Array(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}
var UNARY, BINARY, COMPARISONS, INT_BINARY, INT_UNARY, UNARY_GRAD, REDUCE, OPTIMIZER_UPDATES, KERNELS;
var init_kernels = __esm({
  "src/kernels.ts"() {
    "use strict";
    UNARY = [
      "neg",
      "exp",
      "log",
      "sqrt",
      "square",
      "abs",
      "sign",
      "reciprocal",
      "relu",
      "sigmoid",
      "tanh",
      "gelu",
      "leakyRelu",
      "clip"
    ];
    BINARY = [
      "add",
      "sub",
      "mul",
      "div",
      "pow",
      "maximum",
      "minimum",
      "greater",
      "greaterEqual",
      "less",
      "lessEqual",
      "equal",
      "notEqual"
    ];
    COMPARISONS = /* @__PURE__ */ new Set(["greater", "greaterEqual", "less", "lessEqual", "equal", "notEqual"]);
    INT_BINARY = /* @__PURE__ */ new Set(["add", "sub", "mul", "maximum", "minimum"]);
    INT_UNARY = /* @__PURE__ */ new Set(["neg", "abs", "square", "sign"]);
    UNARY_GRAD = ["reluGrad", "leakyReluGrad", "sigmoidGrad", "tanhGrad", "geluGrad", "clipGrad"];
    REDUCE = ["sum", "max", "min", "argmax", "argmin"];
    OPTIMIZER_UPDATES = ["sgdUpdate", "adamUpdate", "rmspropUpdate", "adagradUpdate"];
    KERNELS = [
      ...UNARY,
      ...BINARY,
      ...UNARY_GRAD,
      ...REDUCE,
      "softmax",
      "logSoftmax",
      "matmul",
      "transpose",
      "slice",
      "pad",
      "concat",
      "gather",
      "scatterAdd",
      "oneHot",
      "cast",
      "fill",
      "softmaxCrossEntropy",
      "sparseSoftmaxCrossEntropy",
      ...OPTIMIZER_UPDATES,
      // fused dense forward
      "fusedMatmul"
    ];
  }
});

// src/tensor.ts
function setTensorHost(h) {
  host = h;
}
function setAssignHook(h) {
  assignHook = h;
}
function nest(flat, shape) {
  if (shape.length === 0) return flat[0];
  const go = (off, d) => {
    const n2 = shape[d];
    const out = [];
    if (d === shape.length - 1) {
      for (let i = 0; i < n2; i++) out.push(flat[off + i]);
      return out;
    }
    const step = sizeOf(shape.slice(d + 1));
    for (let i = 0; i < n2; i++) out.push(go(off + i * step, d + 1));
    return out;
  };
  return go(0, 0);
}
var Storage, host, nextId, Tensor, Variable, assignHook;
var init_tensor = __esm({
  "src/tensor.ts"() {
    "use strict";
    init_kernels();
    Storage = class {
      constructor(backend2, buf, bytes) {
        this.backend = backend2;
        this.buf = buf;
        this.bytes = bytes;
      }
      backend;
      buf;
      bytes;
      refs = 1;
    };
    nextId = 1;
    Tensor = class {
      constructor(shape, dtype, storage) {
        this.shape = shape;
        this.dtype = dtype;
        this.size = sizeOf(shape);
        this.storage = storage;
      }
      shape;
      dtype;
      id = nextId++;
      size;
      /** @internal */
      storage;
      /** @internal true once the user called keep(), so tidy leaves it alone. */
      kept = false;
      get rank() {
        return this.shape.length;
      }
      get isDisposed() {
        return this.storage === null;
      }
      /** @internal Throws if disposed; `what` names the operation for the message. */
      live(what) {
        if (this.storage === null) {
          throw new Error(`${what}: tensor #${this.id} (shape [${this.shape}], ${this.dtype}) has been disposed`);
        }
        return this.storage;
      }
      /** A synchronous copy of the values (on webgpu this may throw: use `await data()`). */
      dataSync() {
        return host.read(this);
      }
      /** An asynchronous copy of the values. */
      data() {
        return host.readAsync(this);
      }
      async array() {
        return nest(await this.data(), this.shape);
      }
      arraySync() {
        return nest(this.dataSync(), this.shape);
      }
      dispose() {
        if (this.storage !== null) host.release(this);
      }
      toString() {
        if (this.isDisposed) return `Tensor(disposed, shape [${this.shape}], ${this.dtype})`;
        const v = this.size <= 64 ? JSON.stringify(this.arraySync()) : `${this.size} values`;
        return `Tensor(shape [${this.shape}], ${this.dtype}, ${v})`;
      }
      print() {
        console.log(this.toString());
      }
    };
    Variable = class extends Tensor {
      constructor(t, storage, trainable, name) {
        super(t.shape, t.dtype, storage);
        this.trainable = trainable;
        this.name = name;
      }
      trainable;
      name;
      /** Replaces the value with `v`'s (same shape and dtype); `v` stays usable and owned by the caller. */
      assign(v) {
        const s = v.live("assign");
        this.live("assign");
        if (v.dtype !== this.dtype || v.shape.length !== this.shape.length || v.shape.some((d, i) => d !== this.shape[i])) {
          throw new Error(`assign: variable '${this.name}' has shape [${this.shape}] ${this.dtype}, got shape [${v.shape}] ${v.dtype}`);
        }
        if (s === this.storage) return;
        s.refs++;
        assignHook(this, s);
      }
    };
  }
});

// src/backends/js.ts
function erf(x) {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let term = ax, sum2 = ax;
    const x2 = ax * ax;
    for (let n2 = 1; n2 < 60; n2++) {
      term *= -x2 / n2;
      const t = term / (2 * n2 + 1);
      sum2 += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum2)) break;
    }
    const r = 2 / Math.sqrt(Math.PI) * sum2;
    return x < 0 ? -r : r;
  }
  if (ax > 6) return x < 0 ? -1 : 1;
  let f = ax, c = ax, d = 0;
  for (let n2 = 1; n2 < 200; n2++) {
    const an = n2 / 2;
    d = ax + an * d;
    d = 1 / d;
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return x < 0 ? erfc - 1 : 1 - erfc;
}
function walk(shape, strides, fn) {
  const n2 = sizeOf(shape);
  const rank = shape.length;
  const idx = new Array(rank).fill(0);
  let off = 0;
  for (let i = 0; i < n2; i++) {
    fn(i, off);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}
function createJsBackend(opts = {}) {
  const f64 = opts.precision === "float64";
  let bytes = 0;
  const alloc = (dtype, size) => {
    const a2 = dtype === "int32" ? new Int32Array(size) : f64 ? new Float64Array(size) : new Float32Array(size);
    bytes += a2.byteLength;
    return a2;
  };
  const out = (shape, dtype) => ({ shape: [...shape], dtype, buf: alloc(dtype, sizeOf(shape)) });
  const k = {};
  const tbl = k;
  for (const op of UNARY) {
    const f = unaryFns[op];
    tbl[op] = ([x], attrs2) => {
      const o = out(x.shape, x.dtype);
      const a2 = x.buf, b2 = o.buf;
      for (let i = 0; i < a2.length; i++) b2[i] = f(a2[i], attrs2);
      return o;
    };
  }
  for (const op of BINARY) {
    const f = binaryFns[op];
    const cmp2 = COMPARISONS.has(op);
    tbl[op] = ([a2, b2]) => {
      const shape = a2.shape.map((d, i) => Math.max(d, b2.shape[i]));
      if (a2.shape.includes(0) || b2.shape.includes(0)) shape.forEach((_, i) => {
        if (a2.shape[i] === 0 || b2.shape[i] === 0) shape[i] = 0;
      });
      const o = out(shape, cmp2 ? "float32" : a2.dtype);
      const sa = stridesOf(a2.shape).map((s, i) => a2.shape[i] === 1 ? 0 : s);
      const sb = stridesOf(b2.shape).map((s, i) => b2.shape[i] === 1 ? 0 : s);
      const ob = o.buf, ab = a2.buf, bb = b2.buf;
      if (ab.length === ob.length && bb.length === ob.length) {
        for (let i = 0; i < ob.length; i++) ob[i] = f(ab[i], bb[i]);
        return o;
      }
      const aOff = new Array(sizeOf(shape));
      walk(shape, sa, (i, off) => {
        aOff[i] = off;
      });
      walk(shape, sb, (i, off) => {
        ob[i] = f(ab[aOff[i]], bb[off]);
      });
      return o;
    };
  }
  for (const [op, f] of Object.entries(gradFns)) {
    tbl[op] = ([dy, v], attrs2) => {
      const o = out(dy.shape, "float32");
      for (let i = 0; i < o.buf.length; i++) o.buf[i] = f(dy.buf[i], v.buf[i], attrs2);
      return o;
    };
  }
  const reduce2 = (init3, step, arg) => ([x]) => {
    const [outer, R2, inner] = x.shape;
    const o = out([outer, inner], arg ? "int32" : x.dtype);
    for (let i = 0; i < outer; i++) {
      for (let j = 0; j < inner; j++) {
        let acc = init3(x), best = 0;
        for (let r = 0; r < R2; r++) [acc, best] = step(acc, x.buf[(i * R2 + r) * inner + j], r, best);
        o.buf[i * inner + j] = arg ? best : acc;
      }
    }
    return o;
  };
  k.sum = reduce2(() => 0, (acc, v) => [acc + v, 0], false);
  k.max = reduce2(() => -Infinity, (acc, v) => [Number.isNaN(v) || v > acc ? v : acc, 0], false);
  k.min = reduce2(() => Infinity, (acc, v) => [Number.isNaN(v) || v < acc ? v : acc, 0], false);
  k.argmax = reduce2(() => -Infinity, (acc, v, r, best) => v > acc || Number.isNaN(v) && !Number.isNaN(acc) ? [v, r] : [acc, best], true);
  k.argmin = reduce2(() => Infinity, (acc, v, r, best) => v < acc || Number.isNaN(v) && !Number.isNaN(acc) ? [v, r] : [acc, best], true);
  const rowLse = (x, r, C) => {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, x[r * C + c]);
    if (m === -Infinity || Number.isNaN(m)) m = Number.isNaN(m) ? NaN : 0;
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(x[r * C + c] - m);
    return [m, Math.log(s)];
  };
  k.softmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, "float32");
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(x.buf, r, C);
      for (let c = 0; c < C; c++) o.buf[r * C + c] = Math.exp(x.buf[r * C + c] - m - l);
    }
    return o;
  };
  k.logSoftmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, "float32");
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(x.buf, r, C);
      for (let c = 0; c < C; c++) o.buf[r * C + c] = x.buf[r * C + c] - m - l;
    }
    return o;
  };
  k.softmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], "float32");
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(logits.buf, r, C);
      let s = 0;
      for (let c = 0; c < C; c++) {
        const y = labels.buf[r * C + c];
        if (y !== 0) s -= y * (logits.buf[r * C + c] - m - l);
      }
      o.buf[r] = s;
    }
    return o;
  };
  k.sparseSoftmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], "float32");
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(logits.buf, r, C);
      const y = labels.buf[r];
      o.buf[r] = y >= 0 && y < C ? -(logits.buf[r * C + y] - m - l) : NaN;
    }
    return o;
  };
  k.matmul = ([a2, b2], { transposeA, transposeB }) => {
    const [Ba, ar, ac] = a2.shape;
    const [Bb, br, bc] = b2.shape;
    const M = transposeA ? ac : ar, K = transposeA ? ar : ac;
    const N = transposeB ? br : bc;
    const B = Math.max(Ba, Bb);
    const o = out([B, M, N], "float32");
    for (let p2 = 0; p2 < B; p2++) {
      const ao = (Ba === 1 ? 0 : p2) * ar * ac, bo = (Bb === 1 ? 0 : p2) * br * bc;
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let q = 0; q < K; q++) {
            const av = a2.buf[ao + (transposeA ? q * ac + i : i * ac + q)];
            const bv = b2.buf[bo + (transposeB ? j * bc + q : q * bc + j)];
            s += av * bv;
          }
          o.buf[(p2 * M + i) * N + j] = s;
        }
      }
    }
    return o;
  };
  k.fusedMatmul = ([a2, b2, bias], { transposeA, transposeB, activation }) => {
    const o = k.matmul([a2, b2], { transposeA, transposeB });
    const N = o.shape[2];
    const f = activation === "linear" ? void 0 : unaryFns[activation];
    for (let i = 0; i < o.buf.length; i++) {
      o.buf[i] = bias ? o.buf[i] + bias.buf[i % N] : o.buf[i];
      if (f) o.buf[i] = f(o.buf[i], {});
    }
    return o;
  };
  k.transpose = ([x], { perm }) => {
    const shape = perm.map((p2) => x.shape[p2]);
    const xs = stridesOf(x.shape);
    const o = out(shape, x.dtype);
    walk(shape, perm.map((p2) => xs[p2]), (i, off) => {
      o.buf[i] = x.buf[off];
    });
    return o;
  };
  k.slice = ([x], { begin, size }) => {
    const xs = stridesOf(x.shape);
    const o = out(size, x.dtype);
    const base = begin.reduce((acc, b2, i) => acc + b2 * xs[i], 0);
    walk(size, xs, (i, off) => {
      o.buf[i] = x.buf[base + off];
    });
    return o;
  };
  k.pad = ([x], { before, after }) => {
    const shape = x.shape.map((d, i) => d + before[i] + after[i]);
    const o = out(shape, x.dtype);
    const os = stridesOf(shape);
    const base = before.reduce((acc, b2, i) => acc + b2 * os[i], 0);
    walk(x.shape, os, (i, off) => {
      o.buf[base + off] = x.buf[i];
    });
    return o;
  };
  k.concat = (xs, { axis }) => {
    const shape = [...xs[0].shape];
    shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
    const o = out(shape, xs[0].dtype);
    const os = stridesOf(shape);
    let at = 0;
    for (const x of xs) {
      walk(x.shape, os, (i, off) => {
        o.buf[at * os[axis] + off] = x.buf[i];
      });
      at += x.shape[axis];
    }
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = out([outer, M, inner], x.dtype);
    for (let i = 0; i < outer; i++)
      for (let m = 0; m < M; m++)
        for (let j = 0; j < inner; j++) o.buf[(i * M + m) * inner + j] = x.buf[(i * N + idx.buf[m]) * inner + j];
    return o;
  };
  k.scatterAdd = ([dy, idx], { n: n2 }) => {
    const [outer, M, inner] = dy.shape;
    const o = out([outer, n2, inner], "float32");
    for (let i = 0; i < outer; i++)
      for (let m = 0; m < M; m++)
        for (let j = 0; j < inner; j++) o.buf[(i * n2 + idx.buf[m]) * inner + j] += dy.buf[(i * M + m) * inner + j];
    return o;
  };
  k.oneHot = ([idx], { depth }) => {
    const n2 = idx.shape[0];
    const o = out([n2, depth], "float32");
    for (let i = 0; i < n2; i++) {
      const c = idx.buf[i];
      if (c >= 0 && c < depth) o.buf[i * depth + c] = 1;
    }
    return o;
  };
  k.cast = ([x], { dtype }) => {
    const o = out(x.shape, dtype);
    if (dtype === "int32") for (let i = 0; i < x.buf.length; i++) o.buf[i] = Math.trunc(x.buf[i]);
    else o.buf.set(x.buf);
    return o;
  };
  k.fill = (_, { shape, dtype, value }) => {
    const o = out(shape, dtype);
    o.buf.fill(value);
    return o;
  };
  const decay = (p2, d) => {
    if (d !== 0) for (let i = 0; i < p2.length; i++) p2[i] -= p2[i] * d;
  };
  k.sgdUpdate = (ts, { lr, momentum, nesterov, weightDecay }) => {
    const p2 = ts[0].buf, g = ts[ts.length - 1].buf;
    decay(p2, lr * weightDecay);
    if (momentum === 0) {
      for (let i = 0; i < p2.length; i++) p2[i] -= lr * g[i];
    } else {
      const v = ts[1].buf;
      for (let i = 0; i < p2.length; i++) {
        v[i] = momentum * v[i] - lr * g[i];
        p2[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
      }
    }
    return [];
  };
  k.adamUpdate = ([{ buf: p2 }, { buf: m }, { buf: v }, { buf: g }], { lr, beta1, beta2, epsilon, step, weightDecay }) => {
    decay(p2, lr * weightDecay);
    const alpha = lr * Math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step);
    for (let i = 0; i < p2.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - beta1);
      v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
      p2[i] -= m[i] * alpha / (Math.sqrt(v[i]) + epsilon);
    }
    return [];
  };
  k.rmspropUpdate = (ts, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
    const p2 = ts[0].buf, ms = ts[1].buf, g = ts[ts.length - 1].buf;
    const mom = momentum > 0 ? ts[2].buf : null, mg = centered ? ts[momentum > 0 ? 3 : 2].buf : null;
    decay(p2, lr * weightDecay);
    for (let i = 0; i < p2.length; i++) {
      ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
      let den = ms[i] + epsilon;
      if (mg) {
        mg[i] = rho * mg[i] + (1 - rho) * g[i];
        den = ms[i] - mg[i] * mg[i] + epsilon;
      }
      const inc = lr * g[i] / Math.sqrt(den);
      if (mom) {
        mom[i] = momentum * mom[i] + inc;
        p2[i] -= mom[i];
      } else {
        p2[i] -= inc;
      }
    }
    return [];
  };
  k.adagradUpdate = ([{ buf: p2 }, { buf: a2 }, { buf: g }], { lr, epsilon, weightDecay }) => {
    decay(p2, lr * weightDecay);
    for (let i = 0; i < p2.length; i++) {
      a2[i] += g[i] * g[i];
      p2[i] -= lr * g[i] / Math.sqrt(a2[i] + epsilon);
    }
    return [];
  };
  return {
    name: "js",
    info: { precision: f64 ? "float64" : "float32" },
    kernels: k,
    alloc,
    write(buf, values) {
      buf.set(values);
    },
    elementBytes: (dtype) => dtype === "float32" && f64 ? 8 : 4,
    // NOTE: in float64 precision this returns a Float64Array although the type says TypedArray.
    read(buf) {
      return buf.slice();
    },
    async readAsync(buf) {
      return buf.slice();
    },
    free(buf) {
      bytes -= buf.byteLength;
    },
    memory() {
      return { bytes };
    }
  };
}
var SQRT1_2, INV_SQRT_2PI, unaryFns, binaryFns, gradFns;
var init_js = __esm({
  "src/backends/js.ts"() {
    "use strict";
    init_kernels();
    SQRT1_2 = Math.SQRT1_2;
    INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    unaryFns = {
      neg: (x) => -x,
      exp: Math.exp,
      log: Math.log,
      sqrt: Math.sqrt,
      square: (x) => x * x,
      abs: Math.abs,
      sign: (x) => x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN,
      reciprocal: (x) => 1 / x,
      relu: (x) => x > 0 ? x : Number.isNaN(x) ? NaN : 0,
      sigmoid: (x) => 1 / (1 + Math.exp(-x)),
      tanh: Math.tanh,
      gelu: (x) => 0.5 * x * (1 + erf(x * SQRT1_2)),
      leakyRelu: (x, a2) => x > 0 ? x : a2.alpha * x,
      clip: (x, a2) => Number.isNaN(x) ? NaN : Math.min(Math.max(x, a2.min), a2.max)
    };
    binaryFns = {
      add: (a2, b2) => a2 + b2,
      sub: (a2, b2) => a2 - b2,
      mul: (a2, b2) => a2 * b2,
      div: (a2, b2) => a2 / b2,
      pow: Math.pow,
      maximum: (a2, b2) => Number.isNaN(a2) || Number.isNaN(b2) ? NaN : Math.max(a2, b2),
      minimum: (a2, b2) => Number.isNaN(a2) || Number.isNaN(b2) ? NaN : Math.min(a2, b2),
      greater: (a2, b2) => +(a2 > b2),
      greaterEqual: (a2, b2) => +(a2 >= b2),
      less: (a2, b2) => +(a2 < b2),
      lessEqual: (a2, b2) => +(a2 <= b2),
      equal: (a2, b2) => +(a2 === b2),
      notEqual: (a2, b2) => +(a2 !== b2)
    };
    gradFns = {
      reluGrad: (dy, x) => x > 0 ? dy : 0,
      leakyReluGrad: (dy, x, a2) => x > 0 ? dy : a2.alpha * dy,
      sigmoidGrad: (dy, y) => dy * y * (1 - y),
      tanhGrad: (dy, y) => dy * (1 - y * y),
      geluGrad: (dy, x) => dy * (0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x)),
      clipGrad: (dy, x, a2) => x >= a2.min && x <= a2.max ? dy : 0
    };
  }
});

// src/backends/webgpu/runtime.ts
function f32bits(v) {
  f32view[0] = v;
  return u32view[0];
}
function groups(n2, z = 1) {
  const x = Math.min(n2, 65535);
  return [Math.max(1, x), Math.max(1, Math.ceil(n2 / 65535)), z];
}
function bucket(bytes) {
  const b2 = Math.max(16, bytes);
  if (b2 <= 1 << 22) return 2 ** Math.ceil(Math.log2(b2));
  return Math.ceil(b2 / (1 << 20)) * (1 << 20);
}
var USAGE, MAP_READ_MODE, PARAM_SLOT, UNIFORM_BYTES, BATCH, f32view, u32view, GpuRuntime;
var init_runtime = __esm({
  "src/backends/webgpu/runtime.ts"() {
    "use strict";
    USAGE = { MAP_READ: 1, COPY_SRC: 4, COPY_DST: 8, UNIFORM: 64, STORAGE: 128 };
    MAP_READ_MODE = 1;
    PARAM_SLOT = 256;
    UNIFORM_BYTES = 64 * 1024;
    BATCH = 64;
    f32view = new Float32Array(1);
    u32view = new Uint32Array(f32view.buffer);
    GpuRuntime = class {
      device;
      pool = /* @__PURE__ */ new Map();
      staging = /* @__PURE__ */ new Map();
      pipelines = /* @__PURE__ */ new Map();
      encoder = null;
      pass = null;
      pending = 0;
      /** Buffers the encoded, unsubmitted dispatches use: a host write to one must submit them first. */
      inFlight = /* @__PURE__ */ new Set();
      /** Buffers freed while in flight: they join the pool at the next submit. */
      deferred = [];
      /** Compile checks not yet resolved (reads wait for them so a compile error is the one reported). */
      compiling = /* @__PURE__ */ new Set();
      uniform;
      uniformHost = new Uint32Array(UNIFORM_BYTES / 4);
      uniformUsed = 0;
      /** A lost device: every later call throws it. */
      failure = null;
      /** An asynchronous GPU error (a shader that did not compile, a validation error): the next read throws it once. */
      pendingError = null;
      /** Programs that failed to compile, by key: running one throws at once. */
      broken = /* @__PURE__ */ new Map();
      live = 0;
      pooled = 0;
      dispatches = 0;
      submits = 0;
      /** The GPU object, held so it outlives the device (see findGpu). */
      gpu;
      constructor(device, gpu) {
        this.device = device;
        this.gpu = gpu;
        this.uniform = device.createBuffer({ size: UNIFORM_BYTES, usage: USAGE.UNIFORM | USAGE.COPY_DST });
        void device.lost.then((info) => {
          this.failure = info.reason === "destroyed" ? new Error("webgpu: the GPU device was destroyed (the backend was disposed); call `await eg.init({ backend: 'webgpu' })` again") : new Error(`webgpu: the GPU device was lost (${info.reason}): ${info.message || "no message"}; tensors on it are gone; call \`await eg.init({ backend: 'webgpu' })\` to start a new device`);
        });
        device.addEventListener?.("uncapturederror", (ev) => {
          const msg = ev.error?.message ?? String(ev);
          this.pendingError ??= new Error(`webgpu: GPU error: ${msg}`);
        });
      }
      check() {
        if (this.failure) throw this.failure;
      }
      /** Throws (once) the asynchronous error reported since the last read, if any. */
      takeError() {
        this.check();
        const e = this.pendingError;
        this.pendingError = null;
        if (e) throw e;
      }
      // ---- buffers ----------------------------------------------------------------------------
      alloc(bytes) {
        this.check();
        const size = bucket(bytes);
        const free = this.pool.get(size);
        let buffer = free?.pop();
        if (buffer) this.pooled -= size;
        else buffer = this.device.createBuffer({ size, usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST });
        this.live += size;
        return { buffer, bytes };
      }
      free(b2) {
        const size = b2.buffer.size;
        this.live -= size;
        this.pooled += size;
        if (this.failure) return;
        if (this.inFlight.has(b2.buffer)) {
          this.deferred.push(b2.buffer);
          return;
        }
        this.release(b2.buffer);
      }
      release(buffer) {
        const size = buffer.size;
        let list = this.pool.get(size);
        if (!list) this.pool.set(size, list = []);
        list.push(buffer);
      }
      write(b2, data) {
        this.check();
        if (data.byteLength === 0) return;
        if (this.inFlight.has(b2.buffer)) this.flush();
        this.device.queue.writeBuffer(b2.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
      }
      async read(b2, bytes) {
        if (this.compiling.size) await Promise.all(this.compiling);
        this.takeError();
        if (bytes === 0) return new ArrayBuffer(0);
        this.flush();
        const size = bucket(bytes);
        const st = this.staging.get(size)?.pop() ?? this.device.createBuffer({ size, usage: USAGE.MAP_READ | USAGE.COPY_DST });
        const enc = this.device.createCommandEncoder();
        enc.copyBufferToBuffer(b2.buffer, 0, st, 0, Math.ceil(bytes / 4) * 4);
        this.device.queue.submit([enc.finish()]);
        const keepAlive = setInterval(() => {
        }, 1e3);
        try {
          await st.mapAsync(MAP_READ_MODE, 0, size);
        } catch (e) {
          this.check();
          throw new Error(`webgpu: reading a tensor failed: ${e.message}`);
        } finally {
          clearInterval(keepAlive);
        }
        if (this.pendingError) {
          st.unmap();
          this.takeError();
        }
        const out = st.getMappedRange(0, size).slice(0, bytes);
        st.unmap();
        let list = this.staging.get(size);
        if (!list) this.staging.set(size, list = []);
        list.push(st);
        return out;
      }
      // ---- programs ---------------------------------------------------------------------------
      pipeline(p2) {
        let pl = this.pipelines.get(p2.key);
        if (pl) return pl;
        const code = p2.code();
        const d = this.device;
        d.pushErrorScope("validation");
        const module = d.createShaderModule({ code, label: p2.key });
        pl = d.createComputePipeline({ layout: "auto", compute: { module, entryPoint: "main" }, label: p2.key });
        const checked = d.popErrorScope().then(async (err) => {
          if (!err) return;
          let detail = "";
          try {
            const info = await module.getCompilationInfo();
            detail = info.messages.filter((m) => m.type === "error").map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join("; ");
          } catch {
          }
          const e = new Error(`webgpu: shader program '${p2.key}' failed to compile: ${detail || err.message}`);
          this.broken.set(p2.key, e);
          this.pendingError = e;
        }).finally(() => {
          this.compiling.delete(checked);
        });
        this.compiling.add(checked);
        this.pipelines.set(p2.key, pl);
        return pl;
      }
      /** Checks every pending pipeline compiled; rejects with the compile error otherwise. */
      async sync() {
        this.flush();
        await this.device.queue.onSubmittedWorkDone();
        if (this.compiling.size) await Promise.all(this.compiling);
        this.takeError();
      }
      get programs() {
        return this.pipelines.size;
      }
      // ---- dispatch ---------------------------------------------------------------------------
      run(d) {
        this.check();
        const bad = this.broken.get(d.program.key);
        if (bad) throw bad;
        if (d.groups[0] * d.groups[1] * d.groups[2] === 0) return;
        const pl = this.pipeline(d.program);
        if (this.uniformUsed + PARAM_SLOT > UNIFORM_BYTES) this.flush();
        const at = this.uniformUsed;
        if (d.params.length > PARAM_SLOT / 4) throw new Error(`webgpu: ${d.program.key}: too many parameters`);
        this.uniformHost.set(d.params, at / 4);
        this.uniformUsed += PARAM_SLOT;
        const entries = [{ binding: 0, resource: { buffer: this.uniform, offset: at, size: PARAM_SLOT } }];
        d.buffers.forEach((buffer, i) => {
          entries.push({ binding: i + 1, resource: { buffer } });
          this.inFlight.add(buffer);
        });
        const bg = this.device.createBindGroup({ layout: pl.getBindGroupLayout(0), entries });
        if (!this.encoder) this.encoder = this.device.createCommandEncoder();
        if (!this.pass) this.pass = this.encoder.beginComputePass();
        this.pass.setPipeline(pl);
        this.pass.setBindGroup(0, bg);
        this.pass.dispatchWorkgroups(d.groups[0], d.groups[1], d.groups[2]);
        this.dispatches++;
        if (++this.pending >= BATCH) this.flush();
      }
      /** Submits every encoded dispatch (the uniform words first, in queue order). */
      flush() {
        if (!this.encoder) return;
        this.pass?.end();
        this.pass = null;
        const q = this.device.queue;
        if (this.uniformUsed > 0) q.writeBuffer(this.uniform, 0, this.uniformHost.buffer, 0, this.uniformUsed);
        q.submit([this.encoder.finish()]);
        this.submits++;
        this.encoder = null;
        this.pending = 0;
        this.inFlight.clear();
        for (const b2 of this.deferred) this.release(b2);
        this.deferred.length = 0;
        this.uniformUsed = 0;
      }
      destroy() {
        this.flush();
        for (const list of [...this.pool.values(), ...this.staging.values()]) for (const b2 of list) b2.destroy();
        this.pool.clear();
        this.staging.clear();
        this.device.destroy();
      }
    };
  }
});

// src/backends/webgpu/ctx.ts
var WG;
var init_ctx = __esm({
  "src/backends/webgpu/ctx.ts"() {
    "use strict";
    WG = 64;
  }
});

// src/backends/webgpu/wgsl.ts
var PARAMS, flatIndex, ENTRY_1D, MATH;
var init_wgsl = __esm({
  "src/backends/webgpu/wgsl.ts"() {
    "use strict";
    init_runtime();
    PARAMS = /* wgsl */
    `
@group(0) @binding(0) var<uniform> P: array<vec4<u32>, 16>;
fn p(i: u32) -> u32 { return P[i / 4u][i % 4u]; }
fn pf(i: u32) -> f32 { return bitcast<f32>(p(i)); }
fn pi(i: u32) -> i32 { return bitcast<i32>(p(i)); }
`;
    flatIndex = (wg) => (
      /* wgsl */
      `
fn flat(g: vec3<u32>, n: vec3<u32>) -> u32 { return (g.z * n.y + g.y) * n.x * ${wg}u + g.x; }
`
    );
    ENTRY_1D = (wg) => `@compute @workgroup_size(${wg}) fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>)`;
    MATH = /* wgsl */
    `
const NAN_BITS: u32 = 0x7fc00000u;
fn is_nan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
// NOTE: through a var: a constant NaN or Infinity is a WGSL compile error.
fn nan_f() -> f32 { var b = NAN_BITS; return bitcast<f32>(b); }
fn inf_f() -> f32 { var b = 0x7f800000u; return bitcast<f32>(b); }
// exp as bits, so results below FLT_MIN come out as the float32 subnormal js would store
// (a GPU flushes them to zero in float arithmetic).
fn exp_bits(x: f32) -> u32 {
  if (is_nan(x)) { return NAN_BITS; }
  if (x < -87.33654) {
    if (x < -103.972084) { return 0u; }
    // value / 2^-149 = exp(x + 149 ln 2), rounded to an integer count of the smallest subnormal
    return u32(round(exp(x + 103.27892990343185)));
  }
  return bitcast<u32>(exp(x));
}
fn exp_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return exp(x); }
fn log_f(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f(); }
  if (x == 0.0) { return -inf_f(); }
  if (x == inf_f()) { return x; }
  return log(x);
}
fn tanh_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  var r: f32;
  if (a < 0.3) {
    let z = a * a;
    r = a * (1.0 + z * (-0.33333333333 + z * (0.13333333333 + z * (-0.05396825397 + z * 0.02186948854))));
  } else {
    r = 1.0 - 2.0 / (exp(min(2.0 * a, 88.0)) + 1.0);
  }
  return select(r, -r, x < 0.0);
}
fn sigmoid_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return 1.0 / (1.0 + exp(min(-x, 88.5)));
}
// erfc(z) for z >= 0, relative error < 1.2e-7 (Numerical Recipes' Chebyshev fit).
fn erfc_pos(z: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.5 * z);
  let q = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * exp(max(q, -104.0));
}
// The standard normal CDF, 0.5 * (1 + erf(x / sqrt 2)), accurate in both tails.
fn phi_f(x: f32) -> f32 {
  let e = 0.5 * erfc_pos(abs(x) * 0.7071067811865476);
  return select(1.0 - e, e, x < 0.0);
}
fn gelu_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return x * phi_f(x); }
fn gelu_grad_f(dy: f32, x: f32) -> f32 {
  return dy * (phi_f(x) + x * 0.3989422804014327 * exp(max(-0.5 * x * x, -104.0)));
}
fn sign_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0);
}
fn relu_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return select(0.0, x, x > 0.0); }
fn clip_f(x: f32, lo: f32, hi: f32) -> f32 { if (is_nan(x)) { return x; } return min(max(x, lo), hi); }
fn max_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return max(a, b); }
fn min_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return min(a, b); }
// Math.pow: negative bases with integer exponents, pow(x, 0) = 1, 0^negative = Infinity.
fn pow_f(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return 1.0; }
  if (is_nan(a) || is_nan(b)) { return nan_f(); }
  let m = abs(a);
  if (m == 0.0) {
    let odd = abs(b) < 16777216.0 && b == floor(b) && (i32(b) & 1) == 1;
    let r = select(0.0, inf_f(), b < 0.0);
    return select(r, select(r, -r, bitcast<u32>(a) == 0x80000000u), odd);
  }
  if (m == inf_f() || abs(b) == inf_f()) { return pow_slow(a, b); }
  var r = exp2(b * log2(m));
  if (a < 0.0) {
    if (b != floor(b)) { return nan_f(); }
    if (abs(b) < 16777216.0 && (i32(b) & 1) == 1) { r = -r; }
  }
  return r;
}
fn pow_slow(a: f32, b: f32) -> f32 {
  let m = abs(a);
  if (abs(b) == inf_f()) {
    if (m == 1.0) { return nan_f(); }
    return select(0.0, inf_f(), (m > 1.0) == (b > 0.0));
  }
  // a is +-Infinity
  let odd = abs(b) < 16777216.0 && b == floor(b) && (i32(b) & 1) == 1;
  let r = select(0.0, inf_f(), b > 0.0);
  return select(r, -r, a < 0.0 && odd);
}
`;
  }
});

// src/backends/webgpu/elementwise.ts
function vec4Expr(s, args2, outElem) {
  if (s.v) return s.v(...args2);
  const comps = ["x", "y", "z", "w"].map((c) => s.f(...args2.map((a2) => `${a2}.${c}`)));
  return s.bits ? `vec4<u32>(${comps.join(", ")})` : `vec4<${outElem}>(${comps.join(", ")})`;
}
function program(op, s, ins, outDtype, width) {
  const key = `ew/${op}/${ins.map((i) => `${i.dtype[0]}${i.mode}`).join(",")}/${outDtype[0]}/${width}`;
  const code = () => {
    const elem = (d) => d === "int32" ? "i32" : "f32";
    const vt = (d) => width === 4 ? `vec4<${elem(d)}>` : elem(d);
    const binds = ins.map((inp, k) => {
      const vec = width === 4 && inp.mode === "full";
      return `@group(0) @binding(${k + 1}) var<storage, read> X${k}: array<${vec ? "vec4<u32>" : "u32"}>;`;
    });
    const outBind = `@group(0) @binding(${ins.length + 1}) var<storage, read_write> Y: array<${width === 4 ? "vec4<u32>" : "u32"}>;`;
    const loads = ins.map((inp, k) => {
      let word;
      if (inp.mode === "one") word = width === 4 ? `vec4<u32>(X${k}[0])` : `X${k}[0]`;
      else if (inp.mode === "full") word = `X${k}[i]`;
      else word = `X${k}[o${k}]`;
      return `let v${k} = bitcast<${vt(inp.dtype)}>(${word});`;
    });
    const args2 = ins.map((_, k) => `v${k}`);
    const expr = width === 4 ? vec4Expr(s, args2, elem(outDtype)) : s.f(...args2);
    const store = s.bits ? expr : `bitcast<${width === 4 ? "vec4<u32>" : "u32"}>(${expr})`;
    const bcast = ins.some((i) => i.mode === "bcast");
    const walk3 = bcast ? `
  var rem = i;
  ${ins.map((_, k) => `var o${k} = 0u;`).join(" ")}
  for (var d = i32(p(1u)) - 1; d >= 0; d--) {
    let sz = p(2u + u32(d));
    let c = rem % sz;
    rem = rem / sz;
    ${ins.map((_, k) => `o${k} += c * p(${2 + MAX_RANK * (k + 1)}u + u32(d));`).join("\n    ")}
  }` : "";
    return `${PARAMS}${MATH}${flatIndex(WG)}
${binds.join("\n")}
${outBind}
${ENTRY_1D(WG)} {
  let i = flat(gid, nwg);
  if (i >= p(0)) { return; }${walk3}
  ${loads.join("\n  ")}
  Y[i] = ${store};
}`;
  };
  return { key, code };
}
function collapseBroadcast(out, ins) {
  const dims = [];
  for (let d = 0; d < out.length; d++) {
    if (out[d] === 1) continue;
    const flags = ins.map((s) => s[d] === 1);
    const last = dims[dims.length - 1];
    if (last && last.flags.every((f, k) => f === flags[k])) last.n *= out[d];
    else dims.push({ n: out[d], flags });
  }
  const shape = dims.map((d) => d.n);
  const strides = ins.map((_, k) => {
    const st = new Array(dims.length);
    let acc = 1;
    for (let d = dims.length - 1; d >= 0; d--) {
      st[d] = dims[d].flags[k] ? 0 : acc;
      if (!dims[d].flags[k]) acc *= dims[d].n;
    }
    return st;
  });
  return { shape, strides };
}
function run(ctx, op, s, inputs, outShape, outDtype, attrs2) {
  const o = ctx.out(outShape, outDtype);
  const n2 = sizeOf(outShape);
  if (n2 === 0) return o;
  const modes = inputs.map((x) => sizeOf(x.shape) === n2 ? "full" : sizeOf(x.shape) === 1 ? "one" : "bcast");
  const bcast = modes.includes("bcast");
  const width = !bcast && n2 % 4 === 0 ? 4 : 1;
  const params = [width === 4 ? n2 / 4 : n2, ...attrs2];
  if (bcast) {
    const c = collapseBroadcast(outShape, inputs.map((x) => x.shape));
    if (c.shape.length > MAX_RANK) throw new Error(`webgpu: ${op}: broadcast of rank ${c.shape.length} is above ${MAX_RANK}`);
    params.length = 2 + MAX_RANK * (inputs.length + 1);
    params.fill(0, 1);
    params[1] = c.shape.length;
    c.shape.forEach((d, i) => {
      params[2 + i] = d;
    });
    c.strides.forEach((st, k) => st.forEach((v, i) => {
      params[2 + MAX_RANK * (k + 1) + i] = v;
    }));
    modes.fill("bcast");
  }
  const prog2 = program(op, s, inputs.map((x, k) => ({ dtype: x.dtype, mode: modes[k] })), outDtype, width);
  ctx.rt.run({ program: prog2, buffers: [...inputs.map((x) => x.buf.buffer), o.buf.buffer], params, groups: ctx.groups(params[0]) });
  return o;
}
function registerElementwise(ctx) {
  const k = ctx.table;
  for (const op of UNARY) {
    k[op] = ([x], attrs2) => {
      const a2 = op === "leakyRelu" ? [f32bits(attrs2.alpha)] : op === "clip" ? [f32bits(attrs2.min), f32bits(attrs2.max)] : [];
      if (x.dtype === "int32") {
        const s = UNARY_I32[op];
        if (!s) throw new Error(`webgpu: ${op} is not defined on int32`);
        return run(ctx, op, s, [x], [...x.shape], "int32", a2);
      }
      return run(ctx, op, UNARY_F32[op], [x], [...x.shape], "float32", a2);
    };
  }
  for (const op of BINARY) {
    const isCmp = COMPARISONS.has(op);
    k[op] = ([a2, b2]) => {
      const shape = a2.shape.map((d, i) => d === 0 || b2.shape[i] === 0 ? 0 : Math.max(d, b2.shape[i]));
      const int = a2.dtype === "int32";
      const s = int ? BINARY_I32[op] : BINARY_F32[op];
      if (!s) throw new Error(`webgpu: ${op} is not defined on int32`);
      return run(ctx, op, s, [a2, b2], shape, isCmp ? "float32" : a2.dtype, []);
    };
  }
  for (const op of UNARY_GRAD) {
    k[op] = ([dy, v], attrs2) => {
      const a2 = op === "leakyReluGrad" ? [f32bits(attrs2.alpha)] : op === "clipGrad" ? [f32bits(attrs2.min), f32bits(attrs2.max)] : [];
      return run(ctx, op, GRAD[op], [dy, v], [...dy.shape], "float32", a2);
    };
  }
}
var V0, UNARY_F32, UNARY_I32, cmp, cmpNan, BINARY_F32, BINARY_I32, GRAD, MAX_RANK;
var init_elementwise = __esm({
  "src/backends/webgpu/elementwise.ts"() {
    "use strict";
    init_kernels();
    init_wgsl();
    init_ctx();
    V0 = "vec4<f32>(0.0)";
    UNARY_F32 = {
      neg: { f: (x) => `-${x}`, v: (x) => `-${x}` },
      exp: { f: (x) => `exp_bits(${x})`, bits: true },
      log: { f: (x) => `log_f(${x})` },
      sqrt: { f: (x) => `select(sqrt(${x}), nan_f(), ${x} < 0.0 || is_nan(${x}))` },
      square: { f: (x) => `${x} * ${x}`, v: (x) => `${x} * ${x}` },
      abs: { f: (x) => `abs(${x})`, v: (x) => `abs(${x})` },
      sign: { f: (x) => `sign_f(${x})` },
      reciprocal: { f: (x) => `1.0 / ${x}`, v: (x) => `vec4<f32>(1.0) / ${x}` },
      relu: { f: (x) => `relu_f(${x})` },
      sigmoid: { f: (x) => `sigmoid_f(${x})` },
      tanh: { f: (x) => `tanh_f(${x})` },
      gelu: { f: (x) => `gelu_f(${x})` },
      leakyRelu: { f: (x) => `select(pf(1u) * ${x}, ${x}, ${x} > 0.0)`, v: (x) => `select(pf(1u) * ${x}, ${x}, ${x} > ${V0})` },
      clip: { f: (x) => `clip_f(${x}, pf(1u), pf(2u))` }
    };
    UNARY_I32 = {
      neg: { f: (x) => `-${x}`, v: (x) => `-${x}` },
      abs: { f: (x) => `abs(${x})`, v: (x) => `abs(${x})` },
      square: { f: (x) => `${x} * ${x}`, v: (x) => `${x} * ${x}` },
      sign: { f: (x) => `sign(${x})`, v: (x) => `sign(${x})` }
    };
    cmp = (op) => ({
      f: (a2, b2) => `select(0.0, 1.0, ${a2} ${op} ${b2})`,
      v: (a2, b2) => `select(${V0}, vec4<f32>(1.0), ${a2} ${op} ${b2})`
    });
    cmpNan = (op, nanResult) => ({
      f: (a2, b2) => `select(select(0.0, 1.0, ${a2} ${op} ${b2}), ${nanResult}, is_nan(${a2}) || is_nan(${b2}))`
    });
    BINARY_F32 = {
      add: { f: (a2, b2) => `${a2} + ${b2}`, v: (a2, b2) => `${a2} + ${b2}` },
      sub: { f: (a2, b2) => `${a2} - ${b2}`, v: (a2, b2) => `${a2} - ${b2}` },
      mul: { f: (a2, b2) => `${a2} * ${b2}`, v: (a2, b2) => `${a2} * ${b2}` },
      div: { f: (a2, b2) => `${a2} / ${b2}`, v: (a2, b2) => `${a2} / ${b2}` },
      pow: { f: (a2, b2) => `pow_f(${a2}, ${b2})` },
      maximum: { f: (a2, b2) => `max_f(${a2}, ${b2})` },
      minimum: { f: (a2, b2) => `min_f(${a2}, ${b2})` },
      greater: cmpNan(">", "0.0"),
      greaterEqual: cmpNan(">=", "0.0"),
      less: cmpNan("<", "0.0"),
      lessEqual: cmpNan("<=", "0.0"),
      equal: cmpNan("==", "0.0"),
      notEqual: cmpNan("!=", "1.0")
    };
    BINARY_I32 = {
      add: { f: (a2, b2) => `${a2} + ${b2}`, v: (a2, b2) => `${a2} + ${b2}` },
      sub: { f: (a2, b2) => `${a2} - ${b2}`, v: (a2, b2) => `${a2} - ${b2}` },
      mul: { f: (a2, b2) => `${a2} * ${b2}`, v: (a2, b2) => `${a2} * ${b2}` },
      maximum: { f: (a2, b2) => `max(${a2}, ${b2})`, v: (a2, b2) => `max(${a2}, ${b2})` },
      minimum: { f: (a2, b2) => `min(${a2}, ${b2})`, v: (a2, b2) => `min(${a2}, ${b2})` },
      greater: cmp(">"),
      greaterEqual: cmp(">="),
      less: cmp("<"),
      lessEqual: cmp("<="),
      equal: cmp("=="),
      notEqual: cmp("!=")
    };
    GRAD = {
      reluGrad: { f: (d, x) => `select(0.0, ${d}, ${x} > 0.0)`, v: (d, x) => `select(${V0}, ${d}, ${x} > ${V0})` },
      leakyReluGrad: { f: (d, x) => `select(pf(1u) * ${d}, ${d}, ${x} > 0.0)`, v: (d, x) => `select(pf(1u) * ${d}, ${d}, ${x} > ${V0})` },
      sigmoidGrad: { f: (d, y) => `${d} * ${y} * (1.0 - ${y})`, v: (d, y) => `${d} * ${y} * (vec4<f32>(1.0) - ${y})` },
      tanhGrad: { f: (d, y) => `${d} * (1.0 - ${y} * ${y})`, v: (d, y) => `${d} * (vec4<f32>(1.0) - ${y} * ${y})` },
      geluGrad: { f: (d, x) => `gelu_grad_f(${d}, ${x})` },
      clipGrad: {
        f: (d, x) => `select(0.0, ${d}, ${x} >= pf(1u) && ${x} <= pf(2u))`,
        v: (d, x) => `select(${V0}, ${d}, (${x} >= vec4<f32>(pf(1u))) & (${x} <= vec4<f32>(pf(2u))))`
      }
    };
    MAX_RANK = 8;
  }
});

// src/backends/webgpu/layout.ts
function prog(name, body, bindings) {
  return {
    key: `layout/${name}`,
    code: () => `${PARAMS}${MATH}${flatIndex(WG)}
${bindings.map((b2, i) => `@group(0) @binding(${i + 1}) ${b2};`).join("\n")}
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0)) { return; }
  ${body}
}`
  };
}
function collapse(shape, strides) {
  const s = [], st = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = s.length - 1;
    if (k >= 0 && st[k] === strides[d] * shape[d]) {
      s[k] *= shape[d];
      st[k] = strides[d];
    } else {
      s.push(shape[d]);
      st.push(strides[d]);
    }
  }
  return { shape: s, strides: st };
}
function stridedParams(n2, base, shape, strides) {
  const c = collapse(shape, strides);
  if (c.shape.length > MAX_RANK2) throw new Error(`webgpu: layout of rank ${c.shape.length} is above ${MAX_RANK2}`);
  const p2 = new Array(3 + 2 * MAX_RANK2).fill(0);
  p2[0] = n2;
  p2[1] = c.shape.length;
  p2[2] = base;
  c.shape.forEach((d, i) => {
    p2[3 + i] = d;
  });
  c.strides.forEach((d, i) => {
    p2[3 + MAX_RANK2 + i] = d;
  });
  return p2;
}
function fillWords(ctx, buffer, n2, word) {
  ctx.rt.run({ program: FILL, buffers: [buffer], params: [n2, word >>> 0], groups: ctx.groups(n2) });
}
function run1(ctx, program5, ins, o, params) {
  const n2 = params[0];
  if (n2 > 0) ctx.rt.run({ program: program5, buffers: [...ins.map((x) => x.buf.buffer), o.buf.buffer], params, groups: ctx.groups(n2) });
  return o;
}
function registerLayout(ctx) {
  const k = ctx.table;
  k.transpose = ([x], { perm }) => {
    const shape = perm.map((p2) => x.shape[p2]);
    const xs = stridesOf(x.shape);
    const o = ctx.out(shape, x.dtype);
    return run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(shape), 0, shape, perm.map((p2) => xs[p2])));
  };
  k.slice = ([x], { begin, size }) => {
    const xs = stridesOf(x.shape);
    const o = ctx.out(size, x.dtype);
    const base = begin.reduce((acc, b2, i) => acc + b2 * xs[i], 0);
    return run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(size), base, size, xs));
  };
  k.pad = ([x], { before, after }) => {
    const shape = x.shape.map((d, i) => d + before[i] + after[i]);
    const o = ctx.out(shape, x.dtype);
    const n2 = sizeOf(shape);
    if (n2 === 0) return o;
    fillWords(ctx, o.buf.buffer, n2, 0);
    const os = stridesOf(shape);
    const base = before.reduce((acc, b2, i) => acc + b2 * os[i], 0);
    return run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), base, x.shape, os));
  };
  k.concat = (xs, { axis }) => {
    const shape = [...xs[0].shape];
    shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
    const o = ctx.out(shape, xs[0].dtype);
    const os = stridesOf(shape);
    let at = 0;
    for (const x of xs) {
      run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), at * os[axis], x.shape, os));
      at += x.shape[axis];
    }
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = ctx.out([outer, M, inner], x.dtype);
    return run1(ctx, GATHER, [x, idx], o, [outer * M * inner, M, inner, N]);
  };
  k.scatterAdd = ([dy, idx], { n: n2 }) => {
    const [outer, M, inner] = dy.shape;
    const o = ctx.out([outer, n2, inner], "float32");
    return run1(ctx, SCATTER_ADD, [dy, idx], o, [outer * n2 * inner, M, inner, n2]);
  };
  k.oneHot = ([idx], { depth }) => {
    const n2 = idx.shape[0];
    const o = ctx.out([n2, depth], "float32");
    return run1(ctx, ONE_HOT, [idx], o, [n2 * depth, depth]);
  };
  k.cast = ([x], { dtype }) => {
    const o = ctx.out(x.shape, dtype);
    const program5 = x.dtype === dtype ? COPY : dtype === "int32" ? CAST_F2I : CAST_I2F;
    return run1(ctx, program5, [x], o, [sizeOf(x.shape)]);
  };
  k.fill = (_, { shape, dtype, value }) => {
    const o = ctx.out(shape, dtype);
    const n2 = sizeOf(shape);
    if (n2 > 0) fillWords(ctx, o.buf.buffer, n2, dtype === "int32" ? Int32Array.of(value)[0] >>> 0 : f32bits(value));
    return o;
  };
}
var MAX_RANK2, R, W, IDX, walk2, STRIDED_READ, STRIDED_WRITE, FILL, GATHER, SCATTER_ADD, ONE_HOT, CAST_F2I, CAST_I2F, COPY;
var init_layout = __esm({
  "src/backends/webgpu/layout.ts"() {
    "use strict";
    init_kernels();
    init_wgsl();
    init_ctx();
    MAX_RANK2 = 8;
    R = "var<storage, read> X: array<u32>";
    W = "var<storage, read_write> Y: array<u32>";
    IDX = "var<storage, read> I: array<i32>";
    walk2 = (target) => `
  var rem = t;
  var off = p(2u);
  for (var d = i32(p(1u)) - 1; d >= 0; d--) {
    let sz = p(3u + u32(d));
    off += (rem % sz) * p(${3 + MAX_RANK2}u + u32(d));
    rem = rem / sz;
  }
  ${target}`;
    STRIDED_READ = prog("strided-read", walk2("Y[t] = X[off];"), [R, W]);
    STRIDED_WRITE = prog("strided-write", walk2("Y[off] = X[t];"), [R, W]);
    FILL = prog("fill", "Y[t] = p(1u);", [W]);
    GATHER = prog("gather", `
  let inner = p(2u); let M = p(1u); let N = p(3u);
  let j = t % inner; let m = (t / inner) % M; let i = t / (inner * M);
  let id = I[m];
  // NOTE: out-of-range ids read 0 (ops check ids on the host when it holds them).
  Y[t] = select(0u, X[(i * N + u32(max(id, 0))) * inner + j], id >= 0 && u32(id) < N);`, [R, IDX, W]);
    SCATTER_ADD = prog("scatter-add", `
  let inner = p(2u); let M = p(1u); let n = p(3u);
  let j = t % inner; let r = i32((t / inner) % n); let i = t / (inner * n);
  var s = 0.0;
  for (var m = 0u; m < M; m++) { if (I[m] == r) { s += bitcast<f32>(X[(i * M + m) * inner + j]); } }
  Y[t] = bitcast<u32>(s);`, [R, IDX, W]);
    ONE_HOT = prog("one-hot", `
  let depth = p(1u);
  Y[t] = select(0u, 0x3f800000u, I[t / depth] == i32(t % depth));`, [IDX, W]);
    CAST_F2I = prog("cast/f32-int32", `
  let x = bitcast<f32>(X[t]);
  var v = 0u;
  if (!is_nan(x) && abs(x) != inf_f()) {
    let tr = trunc(x);
    if (abs(tr) < 2147483648.0) { v = bitcast<u32>(i32(tr)); }
    else {
      // ToInt32: modulo 2^32 (exact in float32: |tr| >= 2^31 is a multiple of 2^8)
      let m = tr - floor(tr / 4294967296.0) * 4294967296.0;
      v = u32(m);
    }
  }
  Y[t] = v;`, [R, W]);
    CAST_I2F = prog("cast/int32-f32", "Y[t] = bitcast<u32>(f32(bitcast<i32>(X[t])));", [R, W]);
    COPY = prog("copy", "Y[t] = X[t];", [R, W]);
  }
});

// src/backends/webgpu/reduce.ts
function better(op, t) {
  if (op === "sum") return "";
  const gt = op === "max" || op === "argmax" ? ">" : "<";
  const nan = t === "f32" ? `let na = is_nan(va); let nb = is_nan(vb);
  if (na != nb) { return nb; }
  if (na) { return ib < ia; }` : "";
  return `fn better(va: ${t}, ia: u32, vb: ${t}, ib: u32) -> bool {
  ${nan}
  if (vb ${gt} va) { return true; }
  return vb == va && ib < ia;
}`;
}
function init(op, t) {
  if (op === "sum") return t === "f32" ? "0.0" : "0";
  const low = op === "max" || op === "argmax";
  if (t === "f32") return low ? "-inf_f()" : "inf_f()";
  return low ? "i32(-2147483648)" : "2147483647";
}
function program2(op, dtype, row) {
  const key = `reduce/${op}/${dtype}/${row ? "row" : "col"}`;
  const t = dtype === "int32" ? "i32" : "f32";
  const arg = op === "argmax" || op === "argmin";
  const step = op === "sum" ? "acc = acc + v;" : "if (better(acc, idx, v, r)) { acc = v; idx = r; }";
  const result = arg ? "bitcast<u32>(i32(idx))" : "bitcast<u32>(acc)";
  const code = () => {
    const head = `${PARAMS}${MATH}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> X: array<u32>;
@group(0) @binding(2) var<storage, read_write> Y: array<u32>;
${better(op, t)}`;
    if (!row) {
      return `${head}
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0)) { return; }
  let R = p(1u); let inner = p(2u);
  let base = (t / inner) * R * inner + t % inner;
  var acc: ${t} = ${init(op, t)};
  var idx = 0xffffffffu;
  for (var r = 0u; r < R; r++) {
    let v = bitcast<${t}>(X[base + r * inner]);
    ${step}
  }
  Y[t] = ${result};
}`;
    }
    const combine = op === "sum" ? "sv[l] = sv[l] + sv[l + s];" : "if (better(sv[l], si[l], sv[l + s], si[l + s])) { sv[l] = sv[l + s]; si[l] = si[l + s]; }";
    return `${head}
var<workgroup> sv: array<${t}, ${WG}>;
var<workgroup> si: array<u32, ${WG}>;
@compute @workgroup_size(${WG}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let t = (w.z * n.y + w.y) * n.x + w.x;
  if (t >= p(0)) { return; }
  let R = p(1u);
  let base = t * R;
  var acc: ${t} = ${init(op, t)};
  var idx = 0xffffffffu;
  for (var r = l; r < R; r += ${WG}u) {
    let v = bitcast<${t}>(X[base + r]);
    ${step}
  }
  sv[l] = acc;
  si[l] = idx;
  workgroupBarrier();
  for (var s = ${WG / 2}u; s > 0u; s = s >> 1u) {
    if (l < s) { ${combine} }
    workgroupBarrier();
  }
  if (l == 0u) { let acc = sv[0]; let idx = si[0]; Y[t] = ${result}; }
}`;
  };
  return { key, code };
}
function registerReduce(ctx) {
  for (const op of ["sum", "max", "min", "argmax", "argmin"]) {
    ctx.table[op] = ([x]) => {
      const [outer, R2, inner] = x.shape;
      const arg = op === "argmax" || op === "argmin";
      const dtype = arg ? "int32" : x.dtype;
      const o = ctx.out([outer, inner], dtype);
      const n2 = outer * inner;
      if (n2 === 0) return o;
      if (R2 === 0) {
        const v = op === "max" && dtype === "float32" ? f32bits(-Infinity) : op === "min" && dtype === "float32" ? f32bits(Infinity) : 0;
        fillWords(ctx, o.buf.buffer, n2, v);
        return o;
      }
      const row = inner === 1 && R2 >= 32;
      ctx.rt.run({
        program: program2(op, x.dtype, row),
        buffers: [x.buf.buffer, o.buf.buffer],
        params: [n2, R2, inner],
        groups: row ? groups(n2) : ctx.groups(n2)
      });
      return o;
    };
  }
}
var init_reduce = __esm({
  "src/backends/webgpu/reduce.ts"() {
    "use strict";
    init_wgsl();
    init_ctx();
    init_runtime();
    init_layout();
  }
});

// src/backends/webgpu/softmax.ts
function program3(op, W2) {
  const key = `rows/${op}/${W2}`;
  const code = () => {
    const wide = W2 > 1;
    const red = (v, how) => wide ? `${v} = reduce_${how}(${v}, l);` : "";
    const sce = op === "softmaxCrossEntropy", sparse = op === "sparseSoftmaxCrossEntropy";
    const labels = sce || sparse ? `@group(0) @binding(2) var<storage, read> T: array<${sparse ? "i32" : "f32"}>;` : "";
    const outBinding = sce || sparse ? 3 : 2;
    let tail;
    if (op === "softmax" || op === "logSoftmax") {
      const f = op === "softmax" ? "exp(X[b + c] - m - lse)" : "X[b + c] - m - lse";
      tail = `for (var c = l; c < C; c += ${W2}u) { Y[b + c] = ${f}; }`;
    } else if (sce) {
      tail = `var ce = 0.0;
  for (var c = l; c < C; c += ${W2}u) { let y = T[b + c]; if (y != 0.0) { ce -= y * (X[b + c] - m - lse); } }
  ${red("ce", "sum")}
  if (l == 0u) { Y[row] = ce; }`;
    } else {
      tail = `if (l == 0u) {
    let y = T[row];
    Y[row] = select(nan_f(), -(X[b + u32(max(y, 0))] - m - lse), y >= 0 && u32(y) < C);
  }`;
    }
    const shared = wide ? `
var<workgroup> sh: array<f32, ${W2}>;
fn reduce_sum(v: f32, l: u32) -> f32 {
  workgroupBarrier();
  sh[l] = v;
  workgroupBarrier();
  for (var s = ${W2 / 2}u; s > 0u; s = s >> 1u) { if (l < s) { sh[l] = sh[l] + sh[l + s]; } workgroupBarrier(); }
  return sh[0];
}
fn reduce_max(v: f32, l: u32) -> f32 {
  workgroupBarrier();
  sh[l] = v;
  workgroupBarrier();
  for (var s = ${W2 / 2}u; s > 0u; s = s >> 1u) { if (l < s) { sh[l] = max_f(sh[l], sh[l + s]); } workgroupBarrier(); }
  return sh[0];
}` : "";
    const entry = wide ? `@compute @workgroup_size(${W2}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let row = (w.z * n.y + w.y) * n.x + w.x;` : `@compute @workgroup_size(${WG}) fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let row = flat(gid, nwg);
  let l = 0u;`;
    return `${PARAMS}${MATH}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> X: array<f32>;
${labels}
@group(0) @binding(${outBinding}) var<storage, read_write> Y: array<f32>;
${shared}
${entry}
  if (row >= p(0)) { return; }
  let C = p(1u);
  let b = row * C;
  var m = -inf_f();
  for (var c = l; c < C; c += ${W2}u) { m = max_f(m, X[b + c]); }
  ${red("m", "max")}
  if (m == -inf_f()) { m = 0.0; }
  var s = 0.0;
  for (var c = l; c < C; c += ${W2}u) { s += exp(X[b + c] - m); }
  ${red("s", "sum")}
  let lse = log(s);
  ${tail}
}`;
  };
  return { key, code };
}
function registerSoftmax(ctx) {
  for (const op of ["softmax", "logSoftmax", "softmaxCrossEntropy", "sparseSoftmaxCrossEntropy"]) {
    ctx.table[op] = (inputs) => {
      const [x] = inputs;
      const [rows, C] = x.shape;
      const perRow = op === "softmax" || op === "logSoftmax";
      const o = ctx.out(perRow ? [rows, C] : [rows], "float32");
      if (rows === 0 || perRow && C === 0) return o;
      const W2 = C > 64 ? 64 : 1;
      ctx.rt.run({
        program: program3(op, W2),
        buffers: [...inputs.map((t) => t.buf.buffer), o.buf.buffer],
        params: [rows, C],
        groups: W2 > 1 ? groups(rows) : ctx.groups(rows)
      });
      return o;
    };
  }
}
var init_softmax = __esm({
  "src/backends/webgpu/softmax.ts"() {
    "use strict";
    init_wgsl();
    init_ctx();
    init_runtime();
  }
});

// src/backends/webgpu/gemm.ts
function epilogue(bias, act, vec) {
  const f = ACT[act];
  const b2 = bias ? vec ? "r += BIAS[n / 4u];" : "r += BIAS[n];" : "";
  const a2 = f ? vec ? `r = vec4<f32>(${f}(r.x), ${f}(r.y), ${f}(r.z), ${f}(r.w));` : `r = ${f}(r);` : "";
  return `${b2} ${a2}`;
}
function outBindings(bias, vec) {
  const t = vec ? "vec4<f32>" : "f32";
  return (bias ? `@group(0) @binding(3) var<storage, read> BIAS: array<${t}>;
` : "") + `@group(0) @binding(${bias ? 4 : 3}) var<storage, read_write> C: array<${t}>;`;
}
function tiled(v) {
  const { tA, tB, cfg, vecA, vecB, vecC, fit, bias, act } = v;
  const { tx, ty, bk } = cfg;
  const BM = ty * 4, BN = tx * 4, NT = tx * ty;
  const key = `gemm/${tA ? "T" : "N"}${tB ? "T" : "N"}/${tx}x${ty}x${bk}/${+vecA}${+vecB}${+vecC}/${fit ? "fit" : "edge"}/${bias ? "bias" : "nobias"}-${act}`;
  const code = () => {
    const loader = (S, G, X, xBase, xLim, off, rowsK, vec) => {
      const X4 = X / 4;
      const guard = (x, k) => fit ? "true" : `${x} < ${xLim} && ${k} < K`;
      if (rowsK) {
        if (vec) {
          return `for (var e = li; e < ${bk * X4}u; e += ${NT}u) {
      let xq = e % ${X4}u; let kk = e / ${X4}u;
      let x = ${xBase} + xq * 4u; let k = k0 + kk;
      var v = vec4<f32>(0.0);
      if (${guard("x", "k")}) { v = ${G}[(${off} + k * ${xLim} + x) / 4u]; }
      ${S}[kk * ${X4}u + xq] = v;
    }`;
        }
        return `for (var e = li; e < ${bk * X}u; e += ${NT}u) {
      let xx = e % ${X}u; let kk = e / ${X}u;
      let x = ${xBase} + xx; let k = k0 + kk;
      var v = 0.0;
      if (${guard("x", "k")}) { v = ${G}[${off} + k * ${xLim} + x]; }
      ${S}[kk * ${X4}u + xx / 4u][xx % 4u] = v;
    }`;
      }
      if (vec) {
        return `for (var e = li; e < ${bk / 4 * X}u; e += ${NT}u) {
      let kq = e % ${bk / 4}u; let xx = e / ${bk / 4}u;
      let x = ${xBase} + xx; let k = k0 + kq * 4u;
      var v = vec4<f32>(0.0);
      if (${guard("x", "k")}) { v = ${G}[(${off} + x * K + k) / 4u]; }
      let s = kq * 4u * ${X4}u + xx / 4u; let c = xx % 4u;
      ${S}[s][c] = v.x; ${S}[s + ${X4}u][c] = v.y; ${S}[s + ${2 * X4}u][c] = v.z; ${S}[s + ${3 * X4}u][c] = v.w;
    }`;
      }
      return `for (var e = li; e < ${bk * X}u; e += ${NT}u) {
      let kk = e % ${bk}u; let xx = e / ${bk}u;
      let x = ${xBase} + xx; let k = k0 + kk;
      var v = 0.0;
      if (${guard("x", "k")}) { v = ${G}[${off} + x * K + k]; }
      ${S}[kk * ${X4}u + xx / 4u][xx % 4u] = v;
    }`;
    };
    const store = vecC ? `let n = n0 + lid.x * 4u;
  for (var i = 0u; i < 4u; i++) {
    let m = m0 + lid.y * 4u + i;
    ${fit ? "" : "if (m < M && n < N) "}{ var r = acc[i]; ${epilogue(bias, act, true)} C[(cOff + m * N + n) / 4u] = r; }
  }` : `for (var i = 0u; i < 4u; i++) {
    let m = m0 + lid.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let n = n0 + lid.x * 4u + j;
      ${fit ? "" : "if (m < M && n < N) "}{ var r = acc[i][j]; ${epilogue(bias, act, false)} C[cOff + m * N + n] = r; }
    }
  }`;
    return `${PARAMS}${act === "linear" ? "" : MATH}
@group(0) @binding(1) var<storage, read> A: array<${vecA ? "vec4<f32>" : "f32"}>;
@group(0) @binding(2) var<storage, read> B: array<${vecB ? "vec4<f32>" : "f32"}>;
${outBindings(bias, vecC)}
var<workgroup> As: array<vec4<f32>, ${bk * BM / 4}>;
var<workgroup> Bs: array<vec4<f32>, ${bk * BN / 4}>;
@compute @workgroup_size(${tx}, ${ty}) fn main(@builtin(workgroup_id) w: vec3<u32>,
    @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let M = p(0u); let N = p(1u); let K = p(2u);
  let m0 = w.y * ${BM}u; let n0 = w.x * ${BN}u;
  let aOff = w.z * p(3u); let bOff = w.z * p(4u); let cOff = w.z * M * N;
  var acc = array<vec4<f32>, 4>(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
  for (var k0 = 0u; k0 < K; k0 += ${bk}u) {
    ${loader("As", "A", BM, "m0", "M", "aOff", tA, vecA)}
    ${loader("Bs", "B", BN, "n0", "N", "bOff", !tB, vecB)}
    workgroupBarrier();
    for (var kk = 0u; kk < ${bk}u; kk++) {
      let a = As[kk * ${BM / 4}u + lid.y];
      let b = Bs[kk * ${BN / 4}u + lid.x];
      acc[0] += a.x * b; acc[1] += a.y * b; acc[2] += a.z * b; acc[3] += a.w * b;
    }
    workgroupBarrier();
  }
  ${store}
}`;
  };
  return { key, code };
}
function splitK(tA, tB, bias, act) {
  const key = `gemm-splitk/${tA ? "T" : "N"}${tB ? "T" : "N"}/${SK}/${bias ? "bias" : "nobias"}-${act}`;
  const code = () => `${PARAMS}${act === "linear" ? "" : MATH}
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
${outBindings(bias, false)}
var<workgroup> part: array<f32, ${SK}>;
@compute @workgroup_size(${SK}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let M = p(0u); let N = p(1u); let K = p(2u);
  let t = (w.z * nw.y + w.y) * nw.x + w.x;
  if (t >= p(5u)) { return; }
  let bz = t / (M * N); let m = (t / N) % M; let n = t % N;
  let aOff = bz * p(3u); let bOff = bz * p(4u);
  var s = 0.0;
  for (var k = l; k < K; k += ${SK}u) {
    s += A[aOff + ${tA ? "k * M + m" : "m * K + k"}] * B[bOff + ${tB ? "n * K + k" : "k * N + n"}];
  }
  part[l] = s;
  workgroupBarrier();
  for (var h = ${SK / 2}u; h > 0u; h = h >> 1u) {
    if (l < h) { part[l] = part[l] + part[l + h]; }
    workgroupBarrier();
  }
  if (l == 0u) { var r = part[0]; ${epilogue(bias, act, false)} C[t] = r; }
}`;
  return { key, code };
}
function setGemmConfig(cfg) {
  forced = cfg;
}
function registerGemm(ctx) {
  ctx.table.matmul = (inputs, { transposeA, transposeB }) => gemm(ctx, inputs, transposeA, transposeB, "linear");
  ctx.table.fusedMatmul = (inputs, { transposeA, transposeB, activation }) => gemm(ctx, inputs, transposeA, transposeB, activation);
}
function gemm(ctx, [a2, b2, bias], tA, tB, act) {
  {
    const [Ba, ar, ac] = a2.shape;
    const [Bb, br, bc] = b2.shape;
    const M = tA ? ac : ar, K = tA ? ar : ac, N = tB ? br : bc;
    const B = Math.max(Ba, Bb);
    const o = ctx.out([B, M, N], "float32");
    if (B * M * N === 0) return o;
    const sa = Ba === 1 ? 0 : M * K, sb = Bb === 1 ? 0 : K * N;
    const outputs = B * M * N;
    if (K === 0 || outputs <= 4096 && K >= 128 && !forced) {
      ctx.rt.run({
        program: splitK(tA, tB, !!bias, act),
        buffers: [a2.buf.buffer, b2.buf.buffer, ...bias ? [bias.buf.buffer] : [], o.buf.buffer],
        params: [M, N, K, sa, sb, outputs],
        groups: groups(outputs)
      });
      return o;
    }
    const tiles = (c) => Math.ceil(M / (c.ty * 4)) * Math.ceil(N / (c.tx * 4)) * B;
    const cfg = forced ?? (tiles(LARGE) >= 16 ? LARGE : SMALL);
    const BM = cfg.ty * 4, BN = cfg.tx * 4;
    const v = {
      tA,
      tB,
      cfg,
      vecA: (tA ? M : K) % 4 === 0,
      vecB: (tB ? K : N) % 4 === 0,
      vecC: N % 4 === 0,
      fit: M % BM === 0 && N % BN === 0 && K % cfg.bk === 0,
      bias: !!bias,
      act
    };
    ctx.rt.run({
      program: tiled(v),
      buffers: [a2.buf.buffer, b2.buf.buffer, ...bias ? [bias.buf.buffer] : [], o.buf.buffer],
      params: [M, N, K, sa, sb],
      groups: [Math.ceil(N / BN), Math.ceil(M / BM), B]
    });
    return o;
  }
}
var ACT, SK, LARGE, SMALL, forced;
var init_gemm = __esm({
  "src/backends/webgpu/gemm.ts"() {
    "use strict";
    init_wgsl();
    init_runtime();
    ACT = { linear: "", relu: "relu_f", gelu: "gelu_f", sigmoid: "sigmoid_f", tanh: "tanh_f" };
    SK = 64;
    LARGE = { tx: 16, ty: 16, bk: 16 };
    SMALL = { tx: 8, ty: 8, bk: 16 };
    forced = null;
  }
});

// src/backends/webgpu/optimizers.ts
function program4(name, targets, body) {
  return {
    key: `opt/${name}`,
    code: () => `${PARAMS}${flatIndex(WG)}
${Array.from({ length: targets }, (_, k) => `@group(0) @binding(${k + 1}) var<storage, read_write> T${k}: array<f32>;`).join("\n")}
@group(0) @binding(${targets + 1}) var<storage, read> G: array<f32>;
${ENTRY_1D(WG)} {
  let i = flat(gid, nwg);
  if (i >= p(0)) { return; }
  let g = G[i];
  var w = T0[i];
  w -= w * pf(1u);
  ${body}
  T0[i] = w;
}`
  };
}
function run2(ctx, prog2, ts, hyper) {
  const n2 = sizeOf(ts[0].shape);
  if (n2 > 0) {
    ctx.rt.run({ program: prog2, buffers: ts.map((t) => t.buf.buffer), params: [n2, ...hyper.map(f32bits)], groups: ctx.groups(n2) });
  }
  return [];
}
function registerOptimizers(ctx) {
  const k = ctx.table;
  k.sgdUpdate = (ts, a2) => a2.momentum === 0 ? run2(ctx, SGD, ts, [a2.lr * a2.weightDecay, a2.lr]) : run2(ctx, SGD_MOM(a2.nesterov), ts, [a2.lr * a2.weightDecay, a2.lr, a2.momentum]);
  k.adamUpdate = (ts, a2) => {
    const alpha = a2.lr * Math.sqrt(1 - a2.beta2 ** a2.step) / (1 - a2.beta1 ** a2.step);
    return run2(ctx, ADAM, ts, [a2.lr * a2.weightDecay, alpha, 1 - a2.beta1, 1 - a2.beta2, a2.epsilon]);
  };
  k.rmspropUpdate = (ts, a2) => run2(ctx, RMSPROP(a2.momentum > 0, a2.centered), ts, [a2.lr * a2.weightDecay, a2.rho, 1 - a2.rho, a2.epsilon, a2.lr, a2.momentum]);
  k.adagradUpdate = (ts, a2) => run2(ctx, ADAGRAD, ts, [a2.lr * a2.weightDecay, a2.lr, a2.epsilon]);
}
var SGD, SGD_MOM, ADAM, RMSPROP, ADAGRAD;
var init_optimizers = __esm({
  "src/backends/webgpu/optimizers.ts"() {
    "use strict";
    init_kernels();
    init_wgsl();
    init_ctx();
    SGD = program4("sgd", 1, "w -= pf(2u) * g;");
    SGD_MOM = (nesterov) => program4(`sgd-momentum/${nesterov ? "nesterov" : "plain"}`, 2, `
  let v = pf(3u) * T1[i] - pf(2u) * g;
  T1[i] = v;
  w += ${nesterov ? "pf(3u) * v - pf(2u) * g" : "v"};`);
    ADAM = program4("adam", 3, `
  let m = T1[i] + (g - T1[i]) * pf(3u);
  let v = T2[i] + (g * g - T2[i]) * pf(4u);
  T1[i] = m; T2[i] = v;
  w -= (m * pf(2u)) / (sqrt(v) + pf(5u));`);
    RMSPROP = (mom, centered) => program4(`rmsprop/${+mom}${+centered}`, 2 + +mom + +centered, `
  let ms = pf(2u) * T1[i] + pf(3u) * g * g;
  T1[i] = ms;
  var den = ms + pf(4u);
  ${centered ? `let mg = pf(2u) * T${mom ? 3 : 2}[i] + pf(3u) * g;
  T${mom ? 3 : 2}[i] = mg;
  den = ms - mg * mg + pf(4u);` : ""}
  let inc = (pf(5u) * g) / sqrt(den);
  ${mom ? "let mo = pf(6u) * T2[i] + inc; T2[i] = mo; w -= mo;" : "w -= inc;"}`);
    ADAGRAD = program4("adagrad", 2, `
  let a = T1[i] + g * g;
  T1[i] = a;
  w -= (pf(2u) * g) / sqrt(a + pf(3u));`);
  }
});

// src/backends/webgpu/index.ts
var webgpu_exports = {};
__export(webgpu_exports, {
  adapterFacts: () => adapterFacts,
  createWebgpuBackend: () => createWebgpuBackend,
  findGpu: () => findGpu,
  requestAdapter: () => requestAdapter
});
async function findGpu(gpu) {
  if (gpu) return gpu;
  if (nodeGpu) return nodeGpu;
  const nav = globalThis.navigator;
  if (nav?.gpu) return nav.gpu;
  const isNode2 = typeof process !== "undefined" && !!process.versions?.node;
  if (!isNode2) throw new Error("webgpu: this browser has no WebGPU (navigator.gpu is undefined)");
  const name = "webgpu";
  let mod;
  try {
    mod = await import(
      /* @vite-ignore */
      name
    );
  } catch (e) {
    throw new Error(`webgpu: no GPU object given and the optional 'webgpu' package (Dawn for Node) is not installed (npm i webgpu), or it failed to load: ${e.message}`);
  }
  nodeGpu = mod.create([]);
  return nodeGpu;
}
function adapterFacts(adapter) {
  const a2 = adapter;
  const info = a2.info;
  const name = [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(" ") || "unknown adapter";
  return { name, fallback: !!(info?.isFallbackAdapter ?? a2.isFallbackAdapter) };
}
async function requestAdapter(gpu, powerPreference = "high-performance") {
  const adapter = await gpu.requestAdapter({ powerPreference });
  if (!adapter) {
    throw new Error("webgpu: no GPU adapter was found (requestAdapter() returned null). In Node without a GPU, install a Vulkan driver (e.g. apt-get install chromium libvulkan1 and set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)");
  }
  return adapter;
}
async function createWebgpuBackend(opts = {}) {
  const gpu = await findGpu(opts.gpu);
  const adapter = await requestAdapter(gpu, opts.powerPreference);
  const facts = adapterFacts(adapter);
  const lim = adapter.limits;
  let device;
  try {
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
        maxBufferSize: lim.maxBufferSize
      }
    });
  } catch (e) {
    throw new Error(`webgpu: the adapter '${facts.name}' refused a device: ${e.message}`);
  }
  const rt = new GpuRuntime(device, gpu);
  const table = {};
  const ctx = {
    rt,
    table,
    out: (shape, dtype) => ({ shape: [...shape], dtype, buf: rt.alloc(sizeOf(shape) * 4) }),
    groups: (n2) => groups(Math.ceil(n2 / WG))
  };
  registerElementwise(ctx);
  registerReduce(ctx);
  registerSoftmax(ctx);
  registerLayout(ctx);
  registerGemm(ctx);
  registerOptimizers(ctx);
  const info = { adapter: facts.name, fallbackAdapter: facts.fallback, lost: false };
  void device.lost.then(() => {
    info.lost = true;
  });
  const backend2 = {
    name: "webgpu",
    /** The runtime (tests and benches: programs, submits, sync). */
    runtime: rt,
    info,
    kernels: table,
    alloc: (_dtype, size) => rt.alloc(size * 4),
    write(buf, values, dtype) {
      const arr = dtype === "int32" ? Int32Array.from(values) : Float32Array.from(values);
      if (dtype === "int32" && arr.length <= HOST_COPY_MAX) buf.host = arr;
      rt.write(buf, arr);
    },
    read() {
      rt.check();
      throw new Error("dataSync(): the webgpu backend reads GPU memory asynchronously; use `await t.data()` (or `await t.array()`) instead of dataSync()/arraySync()");
    },
    async readAsync(buf, dtype, size) {
      const bytes = await rt.read(buf, size * 4);
      return dtype === "int32" ? new Int32Array(bytes) : new Float32Array(bytes);
    },
    hostCopy: (buf) => buf.host,
    free(buf) {
      rt.free(buf);
    },
    memory: () => ({ bytes: rt.live, pooledBytes: rt.pooled, programs: rt.programs, dispatches: rt.dispatches, submits: rt.submits }),
    dispose() {
      rt.destroy();
    }
  };
  return backend2;
}
var HOST_COPY_MAX, nodeGpu;
var init_webgpu = __esm({
  "src/backends/webgpu/index.ts"() {
    "use strict";
    init_kernels();
    init_runtime();
    init_ctx();
    init_elementwise();
    init_reduce();
    init_softmax();
    init_layout();
    init_gemm();
    init_optimizers();
    HOST_COPY_MAX = 1 << 16;
    nodeGpu = null;
  }
});

// bindings/arena.ts
function sizeClass(bytes) {
  if (bytes <= SMALL2) return Math.max(ALIGN, align(bytes));
  const step = 2 ** Math.floor(Math.log2(bytes)) / 8;
  return align(bytes, step);
}
var ALIGN, PARAMS_BYTES, PAGE, SMALL2, align, Arena;
var init_arena = __esm({
  "bindings/arena.ts"() {
    "use strict";
    ALIGN = 16;
    PARAMS_BYTES = 256;
    PAGE = 65536;
    SMALL2 = 4096;
    align = (n2, a2 = ALIGN) => Math.ceil(n2 / a2) * a2;
    Arena = class {
      memory;
      /** Start of the params block (PARAMS_BYTES, 16-byte aligned). */
      paramsPtr;
      /** First heap byte. */
      base;
      top;
      live = /* @__PURE__ */ new Map();
      freeStart = /* @__PURE__ */ new Map();
      freeEnd = /* @__PURE__ */ new Map();
      freeBySize = /* @__PURE__ */ new Map();
      used = 0;
      f32View;
      i32View;
      u8View;
      paramsView;
      /** `heapBase`: first byte the module leaves free (its static data lies below). */
      constructor(memory, heapBase) {
        this.memory = memory;
        this.paramsPtr = align(heapBase);
        this.base = this.paramsPtr + PARAMS_BYTES;
        this.top = this.base;
        this.ensure(this.base);
        this.f32View = new Float32Array(memory.buffer);
        this.i32View = new Int32Array(memory.buffer);
        this.u8View = new Uint8Array(memory.buffer);
        this.paramsView = new Int32Array(memory.buffer, this.paramsPtr, PARAMS_BYTES / 4);
      }
      /** A block of at least `bytes` bytes, 16-byte aligned; contents unspecified. */
      alloc(bytes) {
        if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`arena: cannot allocate ${bytes} bytes`);
        const size = sizeClass(bytes);
        const exact = this.freeBySize.get(size);
        if (exact !== void 0 && exact.size > 0) {
          const ptr2 = exact.values().next().value;
          this.unlinkFree(ptr2, size);
          return this.claim(ptr2, size);
        }
        const fit = this.bestFit(size);
        if (fit !== -1) {
          const have = this.freeStart.get(fit);
          this.unlinkFree(fit, have);
          if (have > size) this.linkFree(fit + size, have - size);
          return this.claim(fit, size);
        }
        const ptr = this.top;
        this.ensure(ptr + size);
        this.top = ptr + size;
        return this.claim(ptr, size);
      }
      free(ptr) {
        const size = this.live.get(ptr);
        if (size === void 0) throw new Error(this.describeBadFree(ptr));
        this.live.delete(ptr);
        this.used -= size;
        let start = ptr, end = ptr + size;
        const left = this.freeEnd.get(start);
        if (left !== void 0) {
          this.unlinkFree(left, start - left);
          start = left;
        }
        const right = this.freeStart.get(end);
        if (right !== void 0) {
          this.unlinkFree(end, right);
          end += right;
        }
        if (end === this.top) this.top = start;
        else this.linkFree(start, end - start);
      }
      /** The size (rounded to its class) of the live block at `ptr`. */
      sizeOf(ptr) {
        const size = this.live.get(ptr);
        if (size === void 0) throw new Error(this.describeBadFree(ptr).replace("free of", "size of"));
        return size;
      }
      usage() {
        const heapBytes = this.memory.buffer.byteLength - this.base;
        return { heapBytes, usedBytes: this.used, freeBytes: heapBytes - this.used, blocks: this.live.size, freeBlocks: this.freeStart.size };
      }
      // NOTE: growing the memory detaches every view of the old buffer; always take views from here.
      f32() {
        this.refresh();
        return this.f32View;
      }
      i32() {
        this.refresh();
        return this.i32View;
      }
      u8() {
        this.refresh();
        return this.u8View;
      }
      /** The params block as int32 slots. */
      params() {
        this.refresh();
        return this.paramsView;
      }
      refresh() {
        const buf = this.memory.buffer;
        if (this.f32View.buffer === buf) return;
        this.f32View = new Float32Array(buf);
        this.i32View = new Int32Array(buf);
        this.u8View = new Uint8Array(buf);
        this.paramsView = new Int32Array(buf, this.paramsPtr, PARAMS_BYTES / 4);
      }
      claim(ptr, size) {
        this.live.set(ptr, size);
        this.used += size;
        return ptr;
      }
      /** The smallest free block that holds `size` bytes, or -1. */
      bestFit(size) {
        let best = -1, bestSize = Infinity;
        for (const [s, set] of this.freeBySize) {
          if (s >= size && s < bestSize && set.size > 0) {
            best = set.values().next().value;
            bestSize = s;
          }
        }
        return best;
      }
      linkFree(ptr, size) {
        this.freeStart.set(ptr, size);
        this.freeEnd.set(ptr + size, ptr);
        let set = this.freeBySize.get(size);
        if (set === void 0) this.freeBySize.set(size, set = /* @__PURE__ */ new Set());
        set.add(ptr);
      }
      unlinkFree(ptr, size) {
        this.freeStart.delete(ptr);
        this.freeEnd.delete(ptr + size);
        const set = this.freeBySize.get(size);
        set.delete(ptr);
        if (set.size === 0) this.freeBySize.delete(size);
      }
      /** Grows the memory so that [0, end) is addressable: by at least 25% (and 1 MiB) to amortise growth. */
      ensure(end) {
        const have = this.memory.buffer.byteLength;
        if (end <= have) return;
        const need = Math.ceil((end - have) / PAGE);
        const want = Math.max(need, Math.ceil(have / PAGE / 4), 16);
        try {
          this.memory.grow(want);
        } catch {
          try {
            this.memory.grow(need);
          } catch {
            throw new Error(`arena: out of memory: cannot grow WebAssembly memory from ${have} to ${end} bytes`);
          }
        }
      }
      describeBadFree(ptr) {
        for (const [s, size] of this.freeStart) {
          if (ptr >= s && ptr < s + size) return `arena: double free of block ${ptr} (it is already free)`;
        }
        if (ptr >= this.top && ptr < this.memory.buffer.byteLength) return `arena: double free of block ${ptr} (it is already free)`;
        for (const [s, size] of this.live) {
          if (ptr > s && ptr < s + size) return `arena: free of ${ptr}, which points inside the block at ${s}`;
        }
        return `arena: free of unknown pointer ${ptr}`;
      }
    };
  }
});

// bindings/abi.ts
var GemmActivation, ParamsLayout, KERNEL_EXPORTS;
var init_abi = __esm({
  "bindings/abi.ts"() {
    "use strict";
    GemmActivation = { linear: 0, relu: 1, gelu: 2, sigmoid: 3, tanh: 4 };
    ParamsLayout = {
      maxRank: 8,
      rank: 0,
      shape: 4,
      strideA: 36,
      strideB: 68,
      /** Kernel scratch (index counters) from here; the block needs `bytes` in all. */
      counter: 100,
      bytes: 132
    };
    KERNEL_EXPORTS = Object.keys({
      heap_base: 0,
      f32_neg: 0,
      f32_exp: 0,
      f32_log: 0,
      f32_sqrt: 0,
      f32_square: 0,
      f32_abs: 0,
      f32_sign: 0,
      f32_reciprocal: 0,
      f32_relu: 0,
      f32_sigmoid: 0,
      f32_tanh: 0,
      f32_gelu: 0,
      f32_leaky_relu: 0,
      f32_clip: 0,
      f32_neg_scalar: 0,
      f32_exp_scalar: 0,
      f32_log_scalar: 0,
      f32_sqrt_scalar: 0,
      f32_square_scalar: 0,
      f32_abs_scalar: 0,
      f32_sign_scalar: 0,
      f32_reciprocal_scalar: 0,
      f32_relu_scalar: 0,
      f32_sigmoid_scalar: 0,
      f32_tanh_scalar: 0,
      f32_gelu_scalar: 0,
      f32_leaky_relu_scalar: 0,
      f32_clip_scalar: 0,
      i32_neg: 0,
      i32_abs: 0,
      i32_square: 0,
      i32_sign: 0,
      f32_relu_grad: 0,
      f32_sigmoid_grad: 0,
      f32_tanh_grad: 0,
      f32_gelu_grad: 0,
      f32_leaky_relu_grad: 0,
      f32_clip_grad: 0,
      f32_add: 0,
      f32_sub: 0,
      f32_mul: 0,
      f32_div: 0,
      f32_pow: 0,
      f32_maximum: 0,
      f32_minimum: 0,
      f32_greater: 0,
      f32_greater_equal: 0,
      f32_less: 0,
      f32_less_equal: 0,
      f32_equal: 0,
      f32_not_equal: 0,
      i32_add: 0,
      i32_sub: 0,
      i32_mul: 0,
      i32_maximum: 0,
      i32_minimum: 0,
      i32_greater: 0,
      i32_greater_equal: 0,
      i32_less: 0,
      i32_less_equal: 0,
      i32_equal: 0,
      i32_not_equal: 0,
      f32_sum: 0,
      f32_max: 0,
      f32_min: 0,
      f32_argmax: 0,
      f32_argmin: 0,
      i32_sum: 0,
      i32_max: 0,
      i32_min: 0,
      i32_argmax: 0,
      i32_argmin: 0,
      f32_softmax: 0,
      f32_log_softmax: 0,
      f32_softmax_cross_entropy: 0,
      f32_sparse_softmax_cross_entropy: 0,
      f32_gemm_nn: 0,
      f32_gemm_nt: 0,
      f32_gemm_tn: 0,
      f32_gemm_tt: 0,
      f32_gemm_work_bytes: 0,
      f32_gemm_scalar: 0,
      x32_copy_nd: 0,
      x32_fill: 0,
      x32_gather: 0,
      f32_scatter_add: 0,
      f32_one_hot: 0,
      f32_cast_i32: 0,
      i32_cast_f32: 0,
      f32_sgd_update: 0,
      f32_sgd_momentum_update: 0,
      f32_adam_update: 0,
      f32_rmsprop_update: 0,
      f32_adagrad_update: 0
    });
  }
});

// bindings/wasm-relaxed.gen.ts
var wasm_relaxed_gen_exports = {};
__export(wasm_relaxed_gen_exports, {
  wasmBase64: () => wasmBase64
});
var wasmBase64;
var init_wasm_relaxed_gen = __esm({
  "bindings/wasm-relaxed.gen.ts"() {
    "use strict";
    wasmBase64 = "AGFzbQEAAAAB1AEWYAR/f39/AGADf39/AGAFf39/f38AYBB/f39/f39/f39/f39/f39/AGABfAF8YAd/f39/f39/AGAFf39/fX0AYA9/f39/f39/f39/f39/f38AYAR/f398AGACf38BfmACfHwBfGAIf39/f319f30AYAx/f39/f399fX19fX0AYAp/f39/f319fX19AGAHf39/f319fQBgCH9/f39/f39/AGAAAX9gDn9/f39/f39/f39/f39/AGADf39/AX9gAnt/AXtgBX9/f398AGAGf39/f319AAIPAQNlbnYGbWVtb3J5AgABA4kBhwEJCgQDAgQEBQICAAACAgICAgICAgICBgsMDQ4FAQEBBQABDxAHERIDAwcDAxMBAQEAAQEAAQAAAAAAAAAAAAEAAQABAAEBAQEBAQEAAQEAAQEBAAABAQAAAAEBAAAIFAgAAAEAAQEBAAAGFQYAAQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAGDQF8AUQAAAAAAAAAAAsHiAtfCWhlYXBfYmFzZQAjC3gzMl9jb3B5X25kAB0IeDMyX2ZpbGwAHAp4MzJfZ2F0aGVyABsPZjMyX3NjYXR0ZXJfYWRkAB8LZjMyX29uZV9ob3QAIAxmMzJfY2FzdF9pMzIAIQxpMzJfY2FzdF9mMzIAHgdmMzJfbmVnAFUHZjMyX2V4cABmB2YzMl9sb2cAWghmMzJfc3FydABHCmYzMl9zcXVhcmUARQdmMzJfYWJzAG4IZjMyX3NpZ24ASQ5mMzJfcmVjaXByb2NhbABRCGYzMl9yZWx1AE8LZjMyX3NpZ21vaWQATAhmMzJfdGFuaABCCGYzMl9nZWx1AGQOZjMyX2xlYWt5X3JlbHUAXwhmMzJfY2xpcABrDmYzMl9uZWdfc2NhbGFyAFQOZjMyX2V4cF9zY2FsYXIAZQ5mMzJfbG9nX3NjYWxhcgBZD2YzMl9zcXJ0X3NjYWxhcgBGEWYzMl9zcXVhcmVfc2NhbGFyAEQOZjMyX2Fic19zY2FsYXIAbQ9mMzJfc2lnbl9zY2FsYXIASBVmMzJfcmVjaXByb2NhbF9zY2FsYXIAUA9mMzJfcmVsdV9zY2FsYXIATRJmMzJfc2lnbW9pZF9zY2FsYXIASg9mMzJfdGFuaF9zY2FsYXIAQA9mMzJfZ2VsdV9zY2FsYXIAYhVmMzJfbGVha3lfcmVsdV9zY2FsYXIAXQ9mMzJfY2xpcF9zY2FsYXIAaQdpMzJfbmVnADQHaTMyX2FicwA+CmkzMl9zcXVhcmUAMQhpMzJfc2lnbgAyDWYzMl9yZWx1X2dyYWQAThNmMzJfbGVha3lfcmVsdV9ncmFkAF4QZjMyX3NpZ21vaWRfZ3JhZABLDWYzMl90YW5oX2dyYWQAQQ1mMzJfZ2VsdV9ncmFkAGMNZjMyX2NsaXBfZ3JhZABqB2YzMl9hZGQAbAdmMzJfc3ViAEMHZjMyX211bABWB2YzMl9kaXYAaAdmMzJfcG93AFILZjMyX21heGltdW0AWAtmMzJfbWluaW11bQBXC2YzMl9ncmVhdGVyAGERZjMyX2dyZWF0ZXJfZXF1YWwAYAhmMzJfbGVzcwBcDmYzMl9sZXNzX2VxdWFsAFsJZjMyX2VxdWFsAGcNZjMyX25vdF9lcXVhbABTB2kzMl9hZGQAPQdpMzJfc3ViADAHaTMyX211bAA1C2kzMl9tYXhpbXVtADcLaTMyX21pbmltdW0ANgtpMzJfZ3JlYXRlcgA7EWkzMl9ncmVhdGVyX2VxdWFsADoIaTMyX2xlc3MAOQ5pMzJfbGVzc19lcXVhbAA4CWkzMl9lcXVhbAA8DWkzMl9ub3RfZXF1YWwAMwdmMzJfc3VtABEHaTMyX3N1bQAMB2YzMl9tYXgAEwdmMzJfbWluABIHaTMyX21heAAOB2kzMl9taW4ADQpmMzJfYXJnbWF4ABUKZjMyX2FyZ21pbgAUCmkzMl9hcmdtYXgAEAppMzJfYXJnbWluAA8LZjMyX3NvZnRtYXgACg9mMzJfbG9nX3NvZnRtYXgACxlmMzJfc29mdG1heF9jcm9zc19lbnRyb3B5AAkgZjMyX3NwYXJzZV9zb2Z0bWF4X2Nyb3NzX2VudHJvcHkACBNmMzJfZ2VtbV93b3JrX2J5dGVzACYLZjMyX2dlbW1fbm4AKwtmMzJfZ2VtbV90bgAoC2YzMl9nZW1tX250ACoLZjMyX2dlbW1fdHQAJw9mMzJfZ2VtbV9zY2FsYXIAKQ5mMzJfc2dkX3VwZGF0ZQAWF2YzMl9zZ2RfbW9tZW50dW1fdXBkYXRlABcPZjMyX2FkYW1fdXBkYXRlABkSZjMyX3Jtc3Byb3BfdXBkYXRlABgSZjMyX2FkYWdyYWRfdXBkYXRlABoMAQQKocwDhwGuAQEHfyAAKAIAIAFrQQFrIQEDQCABQQBOBEACQCABQQJ0IgggAEEkamooAgAiBSACaiECIABBxABqIAhqKAIAIgYgA2ohAyAAQeQAaiAIaiIHKAIAQQFqIgQgAEEEaiAIaigCACIISARAIAcgBDYCAAwBCyAAQeQAaiABQQJ0akEANgIAIAIgBSAIbGshAiADIAYgCGxrIQMgAUEBayEBDAILCwsgAq0gA6xCIIaEC/sMAwV+A38JfCABmUQAAAAAAAAAQGUEQCABRAAAAAAAAABAYQRAIAAgAKIPCyABRAAAAAAAAOA/YQRAIACfmUQAAAAAAADwfyAARAAAAAAAAPD/YhsPCyABRAAAAAAAAPC/YQRARAAAAAAAAPA/IACjDwsgAUQAAAAAAADwP2EEQCAADwsgAUQAAAAAAAAAAGEEQEQAAAAAAADwPw8LCyABvSIFQjSIIQQCfCAAvSICQjSIIgNCAX1C/g9aBH9BAQUgBEL/D4NCvgd9QoABWgsEQCAFQgGGIgZCAX1C/////////29aBEBEAAAAAAAA8D8gBlANAhpEAAAAAAAA+H8gAkKAgICAgICA+D9RDQIaIAAgAaAgBkKAgICAgICAcFYgAkIBhiICQoCAgICAgIBwVnINAhpEAAAAAAAA+H8gAkKAgICAgICA8P8AUQ0CGkQAAAAAAAAAACAFQj+IUCACQoCAgICAgIDw/wBURg0CGiABIAGiDAILIAJCAYZCAX1C/////////29aBEBEAAAAAAAA8D8gACAAoiIAmiAAIAJCP4inBH8Cf0EAIAVCNIhC/w+DIgJC/wdUDQAaQQIgAkKzCFYNABpBACAFQgFCswggAn2GIgJCAX2DQgBSDQAaQQEgAiAFg0IAUg0AGkECC0EBRgVBAAsbIgCjIAAgBUIAUxsMAgsgAkIAUwRAAn9BACAFQjSIQv8PgyIGQv8HVA0AGkECIAZCswhWDQAaQQAgBUIBQrMIIAZ9hiIGQgF9g0IAUg0AGkEBIAUgBoNCAFINABpBAgsiB0UEQCAAIAChIgAgAKMMAwsgA0L/D4MhA0GAgBBBACAHQQFGGyEIIAJC////////////AIMhAgsgBEL/D4MiBkK+B31CgAFaBEBEAAAAAAAA8D8gAkKAgICAgICA+D9RDQIaRAAAAAAAAPA/IAZCvgdUDQIaRAAAAAAAAPB/RAAAAAAAAAAAIARCgBBUIAJCgICAgICAgPg/VkYbDAILIANQBEAgAEQAAAAAAAAwQ6K9Qv///////////wCDQoCAgICAgICgA30hAgsLIAIgAkKAgICA0Kql8z99IgJCgICAgICAgHiDfSIDQoCAgIAIfEKAgICAcIO/IgAgAkItiEL/AIOnQQV0QYA4aiIHKwMAIgqiRAAAAAAAAPC/oCENIAJCNIe5Ig5EADj6/kIu5j+iIAcrAxCgIg8gDSADvyAAoSAKoiIQoCIKoCELIAogCkQAAAAAAADgv6IiEaIhDCALIA0gDUQAAAAAAADgv6IiEqIiAKAiDSANIA5EMGfHk1fzLj2iIAcrAxigIA8gC6EgCqCgIBAgESASoKKgIAsgDaEgAKCgIAogDKIgCkQGAAAAAADgP6JEYFVVVVVV5b+gIAwgCkR6pClVVVXlv6JETlVZmZmZ6T+gIAwgCkTDPyaLKwDwP6JE6UVIm1tJ8r+goqCioKKgIgCgIgqhIACgJAAgBUKAgIBAg78iACAKvUKAgIBAg78iC6IhDCABIAChIAuiIAEgCiALoSMAoKKgIQACfCAMvSICQjSIp0H/D3EiB0HJB2siCUE/TwRARAAAAAAAAPC/RAAAAAAAAPA/IAgbIAlBgICAgHhPDQEaRAAAAAAAAACARAAAAAAAAAAAIAgbRAAAAAAAAPD/RAAAAAAAAPB/IAgbIAJCAFMbIAdBiQhPDQEaQQAhBwsgDET+gitlRxVnQKJEAAAAAAAAOEOgIgG9IgJC/wCDQgGGp0EDdEGACGoiCSkDCCACIAitfEIthnwhAyAMIAFEAAAAAAAAOMOgIgFEAAD6/kIudr+ioCABRDo7nrya9wy9oqAgAKAiACAAoiEBIAkrAwAgAKAgASAARDxUVVVVVcU/okS9/f/////fP6CioCABIAGiIABEF9CkZxERgT+iRJErF89VVaU/oKKgIQAgB0UEQAJ8IAJCgICAgAiDUARAIANCgICAgICAgIg/fb8iASABIACioEQAAAAAAAAAf6IMAQsgA0KAgICAgICA8D98IgK/IgEgAKIhACABIACgIgqZRAAAAAAAAPA/YwR8IAJCgICAgICAgICAf4O/RAAAAAAAAPA/IAqmIgsgCqAiDCALIAyhIAqgIAEgCqEgAKCgoCALoSIAIABEAAAAAAAAAABhGwUgCgtEAAAAAAAAEACiCwwBCyADvyIBIAEgAKKgCwsL0gQDAn4CfwN8AnwgAL0iAUKAgICAgICA9z99QoCAgICAoMIBVARAIABEAAAAAAAA8L+gIgAgAKIiBSAAoiIGIABEy/3/////z7+iRHdVVVVVVdU/oCAFRAzdlZmZmck/oqAgBiAARDDeRKMkScI/okSnRWdVVVXFv6AgBURlPUKk//+/v6KgIAYgAET/aLBD65m5v6JEytYqKIRxvD+gIAVEhdCv94KBtz+ioCAGRM1F0XUTUrW/oqCioKKgoiAAIAAgACAARAAAAAAAAKBBoiIFoCAFoSIFIAWiRAAAAAAAAOC/oiIGoCIHoSAGoCAAIAWhRAAAAAAAAOC/oiAFIACgoqCgIAegDAELIAFCMIinIgNBEGtB4P8BTwRARAAAAAAAAPC/IAAgAKKjIAFCAYZQDQEaIAAgAUKAgICAgICA+P8AUQ0BGkEBIANB8P8BcUHw/wFGIANBgIACcRsEQCAAIAChIgAgAKMMAgsgAEQAAAAAAAAwQ6K9QoCAgICAgICgA30hAQsgAUKAgICAgICA8z99IgJCLYhC/wCDp0EEdCIDQYAYaiEEIAJCNIe5IgBEADj6/kIu5j+iIAQrAwigIgUgASACQoCAgICAgIB4g32/IANBgChqIgMrAwChIAMrAwihIAQrAwCiIgagIQcgBSAHoSAGoCAARDBnx5NX8y49oqAgBiAGoiIARAEAAAAAAOC/oqAgBiAAoiAGRJBF6////8+/okRbMFFVVVXVP6AgACAGRJ/IBuV1VcW/okQRAfEks5nJP6CioKKgIAegCwu+BQEUfyANQYACQQEgCiAKQQFMGyIQIBBBgAJOGyIQQYAIIAkgCUGACE4bQQdqQXhxbEECdGoiHiAQQYABIAggCEGAAU4bQXxxbEECdGoiGkGAAWohHSALBEAgCUECdCIQIB1qQQAgCUEHakF4cSAJa0ECdPwLACAdIAsgEPwKAAALA0AgCSAhSgRAQYAIIAkgIWsiECAQQYAIShshIEEAISMDQCAjRSAKICNKcgRAQYACIAogI2siECAQQYACShsiIiAjaiAKTiESIAMgBCAjbGogBSAhbGohGUEBICBBB3EgDxsEQEEAICBBeHEgDxshEQNAIBEgIEgEQCAZIAUgEWxqIAQgBSAiQQggICARayIQIBBBCEobIhBBBEEIIBBBBEwbIA0gESAibEECdGoQByARQQhqIREMAQsLCyAjQQBKIRggHSAhQQJ0akEAIAtBAEcgEnEbIRcgDEEAIBIbIRZBACEfA0AgCCAfSgRAQYABIAggH2siECAQQYABShshHCAAIAEgH2xqIAIgI2xqIRsgDgRAQQAhEQNAIBFBBGoiECAcTARAIBsgASARbGogAiABICJBBEEEIB4gESAibEECdGoQByAQIREMAQsLC0EAIREDQCARICBIBEBBCCAgIBFrIhAgEEEIShshEiAPRSIQBEAgEkEIRiEQCyAQBH8gGSAFIBFsagUgDSARICJsQQJ0agshFSAGIAcgH2xqIBEgIWpBAnRqIRQgFyARQQJ0akEAIBcbIRMgEkEESgRAIBsgASACIB5BACAOGyAcIBUgBEEgIBAbICIgFCAHIBIgGCATIBYgGhAkBSAbIAEgAiAeQQAgDhsgHCAVICIgFCAHIBIgGCATIBYgGhAlCyARQQhqIREMAQsLIB9BgAFqIR8MAQsLICNBgAJqISMMAQsLICFBgAhqISEMAQsLC04BA38DQCACIAZKBEBBACEFA0AgAyAFSgRAIAAgASAGbGogBUEEdGoiByAH/QAEACAEECz9CwQAIAVBAWohBQwBCwsgBkEBaiEGDAELCwv7BAMDfwR8AX4gAL0iCEIgiKdB/////wdxIQIgCEI/iKchAyACQfrQjYIETwRAIAAgAGIEQCAADwsgAwRARAAAAAAAAPC/DwsgAETvOfr+Qi6GQGQEQCAARAAAAAAAAOB/og8LCyACQcLc2P4DSwRAIABBASADQQF0ayAARP6CK2VHFfc/okQAAAAAAADgPyAApqD8AiACQbLFwv8DSRsiAbciAEQAAOD+Qi7mP6KhIgQgBCAARHY8eTXvOeo9oiIEoSIAoSAEoSEEBSACQYCAwOQDSQRAIAAPCwsgACAARAAAAAAAAOA/oiIGoiIFIAWiIQdEAAAAAAAACEAgBUT0EBERERGhv6JEAAAAAAAA8D+gIAcgBUS326qeGc4Uv6JEhVX+GaABWj+gIAcgBUQtwwlut/2KvqJEOVLmhsrP0D6goqCioCIHIAaioSEGIAUgByAGoUQAAAAAAAAYQCAAIAaioaOiIQYgAUUEQCAAIAAgBqIgBaGhDwsgACAGIAShoiAEoSAFoSEEIAFBf0YEQCAAIAShRAAAAAAAAOA/okQAAAAAAADgv6APCyABQQFGBEAgAEQAAAAAAADQv2MEQCAEIABEAAAAAAAA4D+goUQAAAAAAAAAwKIPCyAAIAShRAAAAAAAAABAokQAAAAAAADwP6APCyABrEL/B3xCNIa/IQUgAUEASCABQThKcgRAIAAgBKFEAAAAAAAA8D+gIgAgAKBEAAAAAAAA4H+iIAAgBaIgAUGACEYbRAAAAAAAAPC/oA8LIABEAAAAAAAA8D9C/wcgAax9QjSGvyIAoSAEoUQAAAAAAADwPyAEIACgoSABQRRIG6AgBaIL+gMDAn8CfgR8AnwgAL0iA0I0iKdB/w9xIgFByQdrIgJBP08EQEQAAAAAAADwPyACQYCAgIB4Tw0BGiABQYkITwRARAAAAAAAAAAAIANCgICAgICAgHhRDQIaIABEAAAAAAAA8D+gIAFB/w9PDQIaRAAAAAAAAAAARAAAAAAAAPB/IANCAFMbDAILQQAhAQsgAET+gitlRxVnQKJEAAAAAAAAOEOgIgW9IgNC/wCDQgGGp0EDdEGACGoiAikDCCADQi2GfCEEIAAgBUQAAAAAAAA4w6AiAEQAAPr+Qi52v6KgIABEOjuevJr3DL2ioCIAIACiIQUgAisDACAAoCAFIABEPFRVVVVVxT+iRL39/////98/oKKgIAUgBaIgAEQX0KRnERGBP6JEkSsXz1VVpT+goqAhACABRQRAAnwgA0KAgICACINQBEAgBEKAgICAgICAiD99vyIFIAUgAKKgRAAAAAAAAAB/ogwBCyAEQoCAgICAgIDwP3wiA78iBiAAoiEHIAYgB6AiCJlEAAAAAAAA8D9jBHwgA0KAgICAgICAgIB/g79EAAAAAAAA8D8gCKYiACAIoCIFIAAgBaEgCKAgBiAIoSAHoKCgIAChIgAgAEQAAAAAAAAAAGEbBSAIC0QAAAAAAAAQAKILDAELIAS/IgUgBSAAoqALC8UEAgV/BnsgBUECdCEJIAJBBEYgBCAFRnEEQEEAIQIDQCACIANIBEAgBiAA/QAEAP0LBAAgBUEIRgRAIAYgAP0ABBD9CwQQCyAAIAFqIQAgBiAJaiEGIAJBAWohAgwBCwsPCyABQQRGIAQgBUZxBEADQCAIQQRqIANMBEBBACEHA0AgBSAHSgRAIAYgCCAJbGogB0ECdGoiCiAAIAIgB2xqIAhBAnRqIgv9AAQAIg4gAiALav0ABAAiD/0NAAECAxAREhMEBQYHFBUWFyIQIAsgAkEBdGr9AAQAIhEgCyACQQNsav0ABAAiDP0NAAECAxAREhMEBQYHFBUWFyIN/Q0AAQIDBAUGBxAREhMUFRYX/QsEACAJIApqIBAgDf0NCAkKCwwNDg8YGRobHB0eH/0LBAAgCiAJQQF0aiAOIA/9DQgJCgsYGRobDA0ODxwdHh8iDSARIAz9DQgJCgsYGRobDA0ODxwdHh8iDP0NAAECAwQFBgcQERITFBUWF/0LBAAgCiAJQQNsaiANIAz9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIAdBBGohBwwBCwsgCEEEaiEIDAELCwsDQCADIAhKBEAgBiAIIAlsaiIK/QwAAAAAAAAAAAAAAAAAAAAA/QsEACAFQQhGBEAgCv0MAAAAAAAAAAAAAAAAAAAAAP0LBBALIAAgASAIbGohC0EAIQcDQCAEIAdKBEAgCiAHQQJ0aiALIAIgB2xqKgIAOAIAIAdBAWohBwwBCwsgCEEBaiEIDAELCwuWCgQGfwV7AX0BfANAIAMgB0oEQCAEIAdsQQJ0IQgCQCAHQQJ0IgUgAWooAgAiCSAETwRAIAIgBWpDAADAfzgCAAwBCyAAIAhqIQr9DAAAgP8AAID/AACA/wAAgP8hC0EAIQUDQCAFQQRqIgYgBEwEQCALIAogBUECdGr9AAQA/ekBIQsgBiEFDAELCyAL/R8AIAv9HwGXIAv9HwIgC/0fA5eXIRADQCAEIAVKBEAgECAKIAVBAnRqKgIAlyEQIAVBAWohBQwBCwsgACAIaiEKQwAAAAAgECAQQwAAgP9bGyIQ/RMhDf0MAAAAAAAAAAAAAAAAAAAAACEL/QwAAAAAAAAAAAAAAAAAAAAAIQxBACEFA0AgBUEEaiIGIARMBEAgC/0MZ2lQOWdpUDlnaVA5Z2lQOSAKIAVBAnRq/QAEACAN/eUB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIg79DDuquD87qrg/O6q4PzuquD/9DAAAQEsAAEBLAABASwAAQEv9hQIiD/0MAABASwAAQEsAAEBLAABAS/3lASIL/QyDgF45g4BeOYOAXjmDgF45IAv9DACAMb8AgDG/AIAxvwCAMb8gDv2FAv2FAiIL/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIAv9DAiJCDwIiQg8CIkIPAiJCDz9hQIgC/0MwakqPcGpKj3BqSo9wakqPf2FAiAL/Qyqqio+qqoqPqqqKj6qqio+/YUCIAv9DAAAAD8AAAA/AAAAPwAAAD/9hQIgCyAL/eYBIAv9hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgD/0MAABASwAAQEsAAEBLAABAS/2xASILQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAsgDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIg79X/3wASELIAwgDiAO/Q0ICQoLDA0ODwgJCgsMDQ4P/V/98AEhDCAGIQUMAQsLIAsgDP3wASIL/SEAIAv9IQGgIREDQCAEIAVKBEAgEf0MZ2lQOWdpUDlnaVA5Z2lQOSAKIAVBAnRqKgIAIBCT/RP9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiC/0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIM/QwAAEBLAABASwAAQEsAAEBL/eUBIg39DIOAXjmDgF45g4BeOYOAXjkgDf0MAIAxvwCAMb8AgDG/AIAxvyAL/YUC/YUCIgv9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgC/0MCIkIPAiJCDwIiQg8CIkIPP2FAiAL/QzBqSo9wakqPcGpKj3BqSo9/YUCIAv9DKqqKj6qqio+qqoqPqqqKj79hQIgC/0MAAAAPwAAAD8AAAA/AAAAP/2FAiALIAv95gEgC/2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAM/QwAAEBLAABASwAAQEsAAEBL/bEBIgtBAf2sASIM/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCyAM/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwC7oCERIAVBAWohBQwBCwsgAiAHQQJ0aiAAIAhqIAlBAnRqKgIAuyAQu6EgERACoZq2OAIACyAHQQFqIQcMAQsLC8MMBAV/A3wGewF9A0AgAyAHSgRAIAQgB2xBAnQiCCAAaiEJ/QwAAID/AACA/wAAgP8AAID/IQ1BACEFA0AgBUEEaiIGIARMBEAgDSAJIAVBAnRq/QAEAP3pASENIAYhBQwBCwsgDf0fACAN/R8BlyAN/R8CIA39HwOXlyETA0AgBCAFSgRAIBMgCSAFQQJ0aioCAJchEyAFQQFqIQUMAQsLIAAgCGohCUMAAAAAIBMgE0MAAID/WxsiE/0TIQ/9DAAAAAAAAAAAAAAAAAAAAAAhDv0MAAAAAAAAAAAAAAAAAAAAACENQQAhBQNAIAVBBGoiBiAETARAIA79DGdpUDlnaVA5Z2lQOWdpUDkgCSAFQQJ0av0ABAAgD/3lAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIO/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIhD9DAAAQEsAAEBLAABASwAAQEv95QEiEf0Mg4BeOYOAXjmDgF45g4BeOSAR/QwAgDG/AIAxvwCAMb8AgDG/IA79hQL9hQIiDv0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAO/QwIiQg8CIkIPAiJCDwIiQg8/YUCIA79DMGpKj3BqSo9wakqPcGpKj39hQIgDv0MqqoqPqqqKj6qqio+qqoqPv2FAiAO/QwAAAA/AAAAPwAAAD8AAAA//YUCIA4gDv3mASAO/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIBD9DAAAQEsAAEBLAABASwAAQEv9sQEiDkEB/awBIhD9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAOIBD9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASIQ/V/98AEhDiANIBAgEP0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQ0gBiEFDAELCyAOIA398AEiDf0hACAN/SEBoCEKA0AgBCAFSgRAIAr9DGdpUDlnaVA5Z2lQOWdpUDkgCSAFQQJ0aioCACATk/0T/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIg39DDuquD87qrg/O6q4PzuquD/9DAAAQEsAAEBLAABASwAAQEv9hQIiDv0MAABASwAAQEsAAEBLAABAS/3lASIP/QyDgF45g4BeOYOAXjmDgF45IA/9DACAMb8AgDG/AIAxvwCAMb8gDf2FAv2FAiIN/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIA39DAiJCDwIiQg8CIkIPAiJCDz9hQIgDf0MwakqPcGpKj3BqSo9wakqPf2FAiAN/Qyqqio+qqoqPqqqKj6qqio+/YUCIA39DAAAAD8AAAA/AAAAPwAAAD/9hQIgDSAN/eYBIA39hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgDv0MAABASwAAQEsAAEBLAABAS/2xASINQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIA0gDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/R8Au6AhCiAFQQFqIQUMAQsLIBO7/RQhECAKEAIiC/0UIRH9DAAAAAAAAAAAAAAAAAAAAAAhDf0MAAAAAAAAAAAAAAAAAAAAACEOQQAhBQNAIAVBBGoiBiAETARAIAggBUECdGoiBSAAav0ABAAhEiANIAEgBWr9AAQAIg/9XyINIBL9XyAQ/fEBIBH98QH98gEgDf0MAAAAAAAAAAAAAAAAAAAAAP1I/U798AEhDSAOIA8gD/0NCAkKCwwNDg8ICQoLDA0OD/1fIg4gEiAS/Q0ICQoLDA0ODwgJCgsMDQ4P/V8gEP3xASAR/fEB/fIBIA79DAAAAAAAAAAAAAAAAAAAAAD9SP1O/fABIQ4gBiEFDAELCyANIA798AEiDf0hACAN/SEBoCEKA0AgBCAFSgRAIAggBUECdGoiBiABaioCALsiDEQAAAAAAAAAAGIEQCAKIAwgACAGaioCALsgE7uhIAuhoqAhCgsgBUEBaiEFDAELCyACIAdBAnRqRAAAAAAAAAAAIAqhtjgCACAHQQFqIQcMAQsLC+MKBAZ/BnsCfQF8A0AgAiAHSgRAIAMgB2xBAnQiBiAAaiEI/QwAAID/AACA/wAAgP8AAID/IQpBACEEA0AgBEEEaiIFIANMBEAgCiAIIARBAnRq/QAEAP3pASEKIAUhBAwBCwsgCv0fACAK/R8BlyAK/R8CIAr9HwOXlyEQA0AgAyAESgRAIBAgCCAEQQJ0aioCAJchECAEQQFqIQQMAQsLIAAgBmohCCABIAZqIQlDAAAAACAQIBBDAACA/1sbIhD9EyEN/QwAAAAAAAAAAAAAAAAAAAAAIQr9DAAAAAAAAAAAAAAAAAAAAAAhC0EAIQQDQCAEQQRqIgUgA0wEQCAEQQJ0IgQgCGr9AAQAIA395QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiDv0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIP/QwAAEBLAABASwAAQEsAAEBL/eUBIgz9DIOAXjmDgF45g4BeOYOAXjkgDP0MAIAxvwCAMb8AgDG/AIAxvyAO/YUC/YUCIQwgBCAJav0MZ2lQOWdpUDlnaVA5Z2lQOSAM/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIAz9DAiJCDwIiQg8CIkIPAiJCDz9hQIgDP0MwakqPcGpKj3BqSo9wakqPf2FAiAM/Qyqqio+qqoqPqqqKj6qqio+/YUCIAz9DAAAAD8AAAA/AAAAPwAAAD/9hQIgDCAM/eYBIAz9hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgD/0MAABASwAAQEsAAEBLAABAS/2xASIMQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAwgDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIgz9CwQAIAogDP1f/fABIQogCyAMIAz9DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASELIAUhBAwBCwsgCiAL/fABIgr9IQAgCv0hAaAhEgNAIAMgBEoEQCAEQQJ0IgUgCGoqAgAgEJP9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIK/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgv9DAAAQEsAAEBLAABASwAAQEv95QEiDP0Mg4BeOYOAXjmDgF45g4BeOSAM/QwAgDG/AIAxvwCAMb8AgDG/IAr9hQL9hQIhCiAFIAlq/QxnaVA5Z2lQOWdpUDlnaVA5IAr9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgCv0MCIkIPAiJCDwIiQg8CIkIPP2FAiAK/QzBqSo9wakqPcGpKj3BqSo9/YUCIAr9DKqqKj6qqio+qqoqPqqqKj79hQIgCv0MAAAAPwAAAD8AAAA/AAAAP/2FAiAKIAr95gEgCv2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAL/QwAAEBLAABASwAAQEsAAEBL/bEBIgpBAf2sASIL/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCiAL/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwAiETgCACASIBG7oCESIARBAWohBAwBCwtEAAAAAAAA8D8gEqO2IhD9EyEKQQAhBANAIARBBGoiBSADTARAIAEgBmogBEECdGoiBCAE/QAEACAK/eYB/QsEACAFIQQMAQsLA0AgAyAESgRAIAEgBmogBEECdGoiBSAFKgIAIBCUOAIAIARBAWohBAwBCwsgB0EBaiEHDAELCwuKCwQFfwV7AX0BfANAIAIgBkoEQCADIAZsQQJ0IgcgAGohCP0MAACA/wAAgP8AAID/AACA/yEJQQAhBANAIARBBGoiBSADTARAIAkgCCAEQQJ0av0ABAD96QEhCSAFIQQMAQsLIAn9HwAgCf0fAZcgCf0fAiAJ/R8Dl5chDgNAIAMgBEoEQCAOIAggBEECdGoqAgCXIQ4gBEEBaiEEDAELCyAAIAdqIQhDAAAAACAOIA5DAACA/1sbIg79EyEL/QwAAAAAAAAAAAAAAAAAAAAAIQn9DAAAAAAAAAAAAAAAAAAAAAAhCkEAIQQDQCAEQQRqIgUgA0wEQCAJ/QxnaVA5Z2lQOWdpUDlnaVA5IAggBEECdGr9AAQAIAv95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiDP0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIN/QwAAEBLAABASwAAQEsAAEBL/eUBIgn9DIOAXjmDgF45g4BeOYOAXjkgCf0MAIAxvwCAMb8AgDG/AIAxvyAM/YUC/YUCIgn9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgCf0MCIkIPAiJCDwIiQg8CIkIPP2FAiAJ/QzBqSo9wakqPcGpKj3BqSo9/YUCIAn9DKqqKj6qqio+qqoqPqqqKj79hQIgCf0MAAAAPwAAAD8AAAA/AAAAP/2FAiAJIAn95gEgCf2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAN/QwAAEBLAABASwAAQEsAAEBL/bEBIglBAf2sASIM/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCSAM/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEiDP1f/fABIQkgCiAMIAz9DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASEKIAUhBAwBCwsgCSAK/fABIgn9IQAgCf0hAaAhDwNAIAMgBEoEQCAP/QxnaVA5Z2lQOWdpUDlnaVA5IAggBEECdGoqAgAgDpP9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIJ/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgr9DAAAQEsAAEBLAABASwAAQEv95QEiC/0Mg4BeOYOAXjmDgF45g4BeOSAL/QwAgDG/AIAxvwCAMb8AgDG/IAn9hQL9hQIiCf0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAJ/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAn9DMGpKj3BqSo9wakqPcGpKj39hQIgCf0MqqoqPqqqKj6qqio+qqoqPv2FAiAJ/QwAAAA/AAAAPwAAAD8AAAA//YUCIAkgCf3mASAJ/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAr9DAAAQEsAAEBLAABASwAAQEv9sQEiCUEB/awBIgr9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAJIAr9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0fALugIQ8gBEEBaiEEDAELCyAOu/0UIQkgDxACIg/9FCEKQQAhBANAIARBBGoiBSADTARAIAcgBEECdGoiBCAAav0ABAAhCyABIARqIAv9XyAJ/fEBIAr98QH9XiALIAv9DQgJCgsMDQ4PCAkKCwwNDg/9XyAJ/fEBIAr98QH9Xv0NAAECAwQFBgcQERITFBUWF/0LBAAgBSEEDAELCwNAIAMgBEoEQCAHIARBAnRqIgUgAWogACAFaioCALsgDruhIA+htjgCACAEQQFqIQQMAQsLIAZBAWohBgwBCwsLmAMCBX8BewNAIAIgCEoEQAJAIARBAUYEQCAAIAMgCGxBAnRqIQf9DAAAAAAAAAAAAAAAAAAAAAAhCkEAIQUDQCAFQQRqIgYgA0wEQCAKIAcgBUECdGr9AAQA/a4BIQogBiEFDAELCyAK/RsAIAr9GwFqIAr9GwJqIAr9GwNqIQkDQCADIAVKBEAgCSAHIAVBAnRqKAIAaiEJIAVBAWohBQwBCwsgASAIQQJ0aiAJNgIADAELQQAhBQNAIAVBBGogBEwEQP0MAAAAAAAAAAAAAAAAAAAAACEKQQAhCQNAIAMgCUoEQCAKIAAgAyAIbCAJaiAEbCAFakECdGr9AAQA/a4BIQogCUEBaiEJDAELCyABIAQgCGwgBWpBAnRqIAr9CwQAIAVBBGohBQwBCwsDQCAEIAVKBEBBACEGQQAhCQNAIAMgCUoEQCAGIAAgAyAIbCAJaiAEbCAFakECdGooAgBqIQYgCUEBaiEJDAELCyABIAQgCGwgBWpBAnRqIAY2AgAgBUEBaiEFDAELCwsgCEEBaiEIDAELCwu4BAIGfwF7AkAgACEFIANFBEAgAiAEbCEDQQAhAANAIABBBGoiAiADTARAIAEgAEECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAIhAAwBCwsDQCAAIANIBEAgASAAQQJ0akEANgIAIABBAWohAAwBCwsMAQsgAiEGA0AgBiAHSgRAAkAgBEEBRgRAIAUgAyAHbEECdGohCP0M////f////3////9/////fyELQQAhAANAIABBBGoiAiADTARAIAsgCCAAQQJ0av0ABAD9tgEhCyACIQAMAQsLIAv9GwAiAiAL/RsBIgkgAiAJSBsiCSAL/RsCIgIgC/0bAyIKIAIgCkgbIgIgAiAJShshAgNAIAAgA0gEQCACIAggAEECdGooAgAiCSACIAlIGyECIABBAWohAAwBCwsgASAHQQJ0aiACNgIADAELQQAhAgNAIAJBBGogBEwEQP0M////f////3////9/////fyELQQAhAANAIAAgA0gEQCALIAUgAyAHbCAAaiAEbCACakECdGr9AAQA/bYBIQsgAEEBaiEADAELCyABIAQgB2wgAmpBAnRqIAv9CwQAIAJBBGohAgwBCwsDQCACIARIBEBB/////wchAEEAIQgDQCADIAhKBEAgACAFIAMgB2wgCGogBGwgAmpBAnRqKAIAIgkgACAJSBshACAIQQFqIQgMAQsLIAEgBCAHbCACakECdGogADYCACACQQFqIQIMAQsLCyAHQQFqIQcMAQsLCwu4BAIGfwF7AkAgACEFIANFBEAgAiAEbCEDQQAhAANAIABBBGoiAiADTARAIAEgAEECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAIhAAwBCwsDQCAAIANIBEAgASAAQQJ0akEANgIAIABBAWohAAwBCwsMAQsgAiEGA0AgBiAHSgRAAkAgBEEBRgRAIAUgAyAHbEECdGohCP0MAAAAgAAAAIAAAACAAAAAgCELQQAhAANAIABBBGoiAiADTARAIAsgCCAAQQJ0av0ABAD9uAEhCyACIQAMAQsLIAv9GwAiAiAL/RsBIgkgAiAJShsiCSAL/RsCIgIgC/0bAyIKIAIgCkobIgIgAiAJSBshAgNAIAAgA0gEQCACIAggAEECdGooAgAiCSACIAlKGyECIABBAWohAAwBCwsgASAHQQJ0aiACNgIADAELQQAhAgNAIAJBBGogBEwEQP0MAAAAgAAAAIAAAACAAAAAgCELQQAhAANAIAAgA0gEQCALIAUgAyAHbCAAaiAEbCACakECdGr9AAQA/bgBIQsgAEEBaiEADAELCyABIAQgB2wgAmpBAnRqIAv9CwQAIAJBBGohAgwBCwsDQCACIARIBEBBgICAgHghAEEAIQgDQCADIAhKBEAgACAFIAMgB2wgCGogBGwgAmpBAnRqKAIAIgkgACAJShshACAIQQFqIQgMAQsLIAEgBCAHbCACakECdGogADYCACACQQFqIQIMAQsLCyAHQQFqIQcMAQsLCwuoBQIIfwV7IAAhBSABIQYgAiEHA0AgByAJSgRAAkAgBEEBRgRAIAUgAyAJbEECdGohC/0M////f////3////9/////fyEN/QwAAAAAAAAAAAAAAAAAAAAAIQ79DAAAAAABAAAAAgAAAAMAAAAhD0EAIQIDQCACQQRqIgAgA0wEQCALIAJBAnRq/QAEACIQIA39OSERIBAgDSAR/VIhDSAPIA4gEf1SIQ4gD/0MBAAAAAQAAAAEAAAABAAAAP2uASEPIAAhAgwBCwsgDf0bACEAIA79GwAhAUEBIQoDQCAKQQRIBEAgCkEBRgR/IA39GwEFIA39GwIgDf0bAyAKQQJGGwsiDCAARiAKQQFGBH8gDv0bAQUgDv0bAiAO/RsDIApBAkYbCyIIIAFIcSAAIAxKcgRAIAghASAMIQALIApBAWohCgwBCwsDQCACIANIBEAgCyACQQJ0aigCACIIIABIBEAgAiEBIAghAAsgAkEBaiECDAELCyAGIAlBAnRqIAE2AgAMAQtBACEIA0AgCEEEaiAETARA/Qz///9/////f////3////9/IQ39DAAAAAAAAAAAAAAAAAAAAAAhDkEAIQADQCAAIANIBEAgBSADIAlsIABqIARsIAhqQQJ0av0ABAAiDyAN/TkhECAPIA0gEP1SIQ0gAP0RIA4gEP1SIQ4gAEEBaiEADAELCyAGIAQgCWwgCGpBAnRqIA79CwQAIAhBBGohCAwBCwsDQCAEIAhKBEBB/////wchAEEAIQJBACEBA0AgASADSARAIAUgAyAJbCABaiAEbCAIakECdGooAgAiCiAASARAIAEhAiAKIQALIAFBAWohAQwBCwsgBiAEIAlsIAhqQQJ0aiACNgIAIAhBAWohCAwBCwsLIAlBAWohCQwBCwsLqAUCCH8FeyAAIQUgASEGIAIhBwNAIAcgCUoEQAJAIARBAUYEQCAFIAMgCWxBAnRqIQv9DAAAAIAAAACAAAAAgAAAAIAhDf0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAQAAAAIAAAADAAAAIQ9BACECA0AgAkEEaiIAIANMBEAgCyACQQJ0av0ABAAiECAN/TshESAQIA0gEf1SIQ0gDyAOIBH9UiEOIA/9DAQAAAAEAAAABAAAAAQAAAD9rgEhDyAAIQIMAQsLIA39GwAhACAO/RsAIQFBASEKA0AgCkEESARAIApBAUYEfyAN/RsBBSAN/RsCIA39GwMgCkECRhsLIgwgAEYgCkEBRgR/IA79GwEFIA79GwIgDv0bAyAKQQJGGwsiCCABSHEgACAMSHIEQCAIIQEgDCEACyAKQQFqIQoMAQsLA0AgAiADSARAIAsgAkECdGooAgAiCCAASgRAIAIhASAIIQALIAJBAWohAgwBCwsgBiAJQQJ0aiABNgIADAELQQAhCANAIAhBBGogBEwEQP0MAAAAgAAAAIAAAACAAAAAgCEN/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACEAA0AgACADSARAIAUgAyAJbCAAaiAEbCAIakECdGr9AAQAIg8gDf07IRAgDyANIBD9UiENIAD9ESAOIBD9UiEOIABBAWohAAwBCwsgBiAEIAlsIAhqQQJ0aiAO/QsEACAIQQRqIQgMAQsLA0AgBCAISgRAQYCAgIB4IQBBACECQQAhAQNAIAEgA0gEQCAFIAMgCWwgAWogBGwgCGpBAnRqKAIAIgogAEoEQCABIQIgCiEACyABQQFqIQEMAQsLIAYgBCAJbCAIakECdGogAjYCACAIQQFqIQgMAQsLCyAJQQFqIQkMAQsLC4YGAwR/BXsBfANAIAIgB0oEQAJAIARBAUYEQCAAIAMgB2xBAnRqIQj9DAAAAAAAAAAAAAAAAAAAAAAhDP0MAAAAAAAAAAAAAAAAAAAAACEL/QwAAAAAAAAAAAAAAAAAAAAAIQr9DAAAAAAAAAAAAAAAAAAAAAAhCUEAIQUDQCAFQQhqIgYgA0wEQCAMIAggBUECdGoiBf0ABAAiDf1f/fABIQwgCyANIA39DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASELIAogBf0ABBAiDf1f/fABIQogCSANIA39DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASEJIAYhBQwBCwsgDCAL/fABIAogCf3wAf3wASIJ/SEAIAn9IQGgIQ4DQCADIAVKBEAgDiAIIAVBAnRqKgIAu6AhDiAFQQFqIQUMAQsLIAEgB0ECdGogDrY4AgAMAQtBACEFA0AgBUEIaiAETARA/QwAAAAAAAAAAAAAAAAAAAAAIQz9DAAAAAAAAAAAAAAAAAAAAAAhC/0MAAAAAAAAAAAAAAAAAAAAACEK/QwAAAAAAAAAAAAAAAAAAAAAIQlBACEGA0AgAyAGSgRAIAwgACADIAdsIAZqIARsIAVqQQJ0aiII/QAEACIN/V/98AEhDCALIA0gDf0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQsgCiAI/QAEECIN/V/98AEhCiAJIA0gDf0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQkgBkEBaiEGDAELCyABIAQgB2wgBWpBAnRqIgYgDP1eIAv9Xv0NAAECAwQFBgcQERITFBUWF/0LBAAgBiAK/V4gCf1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEECAFQQhqIQUMAQsLA0AgBCAFSgRARAAAAAAAAAAAIQ5BACEGA0AgAyAGSgRAIA4gACADIAdsIAZqIARsIAVqQQJ0aioCALugIQ4gBkEBaiEGDAELCyABIAQgB2wgBWpBAnRqIA62OAIAIAVBAWohBQwBCwsLIAdBAWohBwwBCwsLzwMDBH8CewF9IAAhBSABIQYDQCACIAdKBEACQCAEQQFGBEAgBSADIAdsQQJ0aiEI/QwAAIB/AACAfwAAgH8AAIB/IQn9DAAAgH8AAIB/AACAfwAAgH8hCkEAIQADQCAAQQhqIgEgA0wEQCAJIAggAEECdGoiAP0ABAD96AEhCSAKIAD9AAQQ/egBIQogASEADAELCyAJIAr96AEiCf0fACAJ/R8BliAJ/R8CIAn9HwOWliELA0AgACADSARAIAggAEECdGoqAgAgC5YhCyAAQQFqIQAMAQsLIAYgB0ECdGogCzgCAAwBC0EAIQADQCAAQQRqIARMBED9DAAAgH8AAIB/AACAfwAAgH8hCUEAIQEDQCABIANIBEAgCSAFIAMgB2wgAWogBGwgAGpBAnRq/QAEAP3oASEJIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiAJ/QsEACAAQQRqIQAMAQsLA0AgACAESARAQwAAgH8hC0EAIQEDQCABIANIBEAgBSADIAdsIAFqIARsIABqQQJ0aioCACALliELIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiALOAIAIABBAWohAAwBCwsLIAdBAWohBwwBCwsLzwMDBH8CewF9IAAhBSABIQYDQCACIAdKBEACQCAEQQFGBEAgBSADIAdsQQJ0aiEI/QwAAID/AACA/wAAgP8AAID/IQn9DAAAgP8AAID/AACA/wAAgP8hCkEAIQADQCAAQQhqIgEgA0wEQCAJIAggAEECdGoiAP0ABAD96QEhCSAKIAD9AAQQ/ekBIQogASEADAELCyAJIAr96QEiCf0fACAJ/R8BlyAJ/R8CIAn9HwOXlyELA0AgACADSARAIAggAEECdGoqAgAgC5chCyAAQQFqIQAMAQsLIAYgB0ECdGogCzgCAAwBC0EAIQADQCAAQQRqIARMBED9DAAAgP8AAID/AACA/wAAgP8hCUEAIQEDQCABIANIBEAgCSAFIAMgB2wgAWogBGwgAGpBAnRq/QAEAP3pASEJIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiAJ/QsEACAAQQRqIQAMAQsLA0AgACAESARAQwAAgP8hC0EAIQEDQCABIANIBEAgBSADIAdsIAFqIARsIABqQQJ0aioCACALlyELIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiALOAIAIABBAWohAAwBCwsLIAdBAWohBwwBCwsLggYDAn0IfwV7IAAhByABIQggAiEJA0AgCSALSgRAAkAgBEEBRgRAIAcgAyALbEECdGohDP0MAACAfwAAgH8AAIB/AACAfyEP/QwAAAAAAAAAAAAAAAAAAAAAIRD9DAAAAAABAAAAAgAAAAMAAAAhEUEAIQADQCAAQQRqIgEgA0wEQCAMIABBAnRq/QAEACISIA/9QyASIBL9QiAPIA/9Qf1O/VAhEyASIA8gE/1SIQ8gESAQIBP9UiEQIBH9DAQAAAAEAAAABAAAAAQAAAD9rgEhESABIQAMAQsLIA/9HwAhBSAQ/RsAIQFBASECA0AgAkEESARAIAJBAUYEfSAP/R8BBSAP/R8CIA/9HwMgAkECRhsLIQZBASACQQFGBH8gEP0bAQUgEP0bAiAQ/RsDIAJBAkYbCyIKIAFIQQAgBSAGWyINIAYgBlwiDiAFIAVccSANGxsgDiAFIAVbcSAFIAZechsEQCAGIQUgCiEBCyACQQFqIQIMAQsLA0AgACADSARAIAUgBVsgDCAAQQJ0aioCACIGIAZccSAFIAZecgRAIAYhBSAAIQELIABBAWohAAwBCwsgCCALQQJ0aiABNgIADAELQQAhAgNAIAJBBGogBEwEQP0MAACAfwAAgH8AAIB/AACAfyEP/QwAAAAAAAAAAAAAAAAAAAAAIRBBACEAA0AgACADSARAIAcgAyALbCAAaiAEbCACakECdGr9AAQAIhEgD/1DIBEgEf1CIA8gD/1B/U79UCESIBEgDyAS/VIhDyAA/REgECAS/VIhECAAQQFqIQAMAQsLIAggBCALbCACakECdGogEP0LBAAgAkEEaiECDAELCwNAIAIgBEgEQEMAAIB/IQVBACEBQQAhAANAIAAgA0gEQCAFIAVbIAcgAyALbCAAaiAEbCACakECdGoqAgAiBiAGXHEgBSAGXnIEQCAGIQUgACEBCyAAQQFqIQAMAQsLIAggBCALbCACakECdGogATYCACACQQFqIQIMAQsLCyALQQFqIQsMAQsLC4IGAwJ9CH8FeyAAIQcgASEIIAIhCQNAIAkgC0oEQAJAIARBAUYEQCAHIAMgC2xBAnRqIQz9DAAAgP8AAID/AACA/wAAgP8hD/0MAAAAAAAAAAAAAAAAAAAAACEQ/QwAAAAAAQAAAAIAAAADAAAAIRFBACEAA0AgAEEEaiIBIANMBEAgDCAAQQJ0av0ABAAiEiAP/UQgEiAS/UIgDyAP/UH9Tv1QIRMgEiAPIBP9UiEPIBEgECAT/VIhECAR/QwEAAAABAAAAAQAAAAEAAAA/a4BIREgASEADAELCyAP/R8AIQUgEP0bACEBQQEhAgNAIAJBBEgEQCACQQFGBH0gD/0fAQUgD/0fAiAP/R8DIAJBAkYbCyEGQQEgAkEBRgR/IBD9GwEFIBD9GwIgEP0bAyACQQJGGwsiCiABSEEAIAUgBlsiDSAGIAZcIg4gBSAFXHEgDRsbIA4gBSAFW3EgBSAGXXIbBEAgBiEFIAohAQsgAkEBaiECDAELCwNAIAAgA0gEQCAFIAVbIAwgAEECdGoqAgAiBiAGXHEgBSAGXXIEQCAGIQUgACEBCyAAQQFqIQAMAQsLIAggC0ECdGogATYCAAwBC0EAIQIDQCACQQRqIARMBED9DAAAgP8AAID/AACA/wAAgP8hD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhAANAIAAgA0gEQCAHIAMgC2wgAGogBGwgAmpBAnRq/QAEACIRIA/9RCARIBH9QiAPIA/9Qf1O/VAhEiARIA8gEv1SIQ8gAP0RIBAgEv1SIRAgAEEBaiEADAELCyAIIAQgC2wgAmpBAnRqIBD9CwQAIAJBBGohAgwBCwsDQCACIARIBEBDAACA/yEFQQAhAUEAIQADQCAAIANIBEAgBSAFWyAHIAMgC2wgAGogBGwgAmpBAnRqKgIAIgYgBlxxIAUgBl1yBEAgBiEFIAAhAQsgAEEBaiEADAELCyAIIAQgC2wgAmpBAnRqIAE2AgAgAkEBaiECDAELCwsgC0EBaiELDAELCwu0AQIEfwN7IAOM/RMhCiAEjP0TIQkgBEMAAAAAXCEHA0AgBUEEaiIGIAJMBEAgBUECdCIFIABqIgj9AAQAIQsgCCABIAVq/QAEACAKIAsgCSAL/YUCIAsgBxv9hQL9CwQAIAYhBQwBCwsDQCACIAVKBEAgBUECdCIGIABqIggqAgD9EyELIAggASAGaioCAP0TIAogCyAJIAv9hQIgCyAHG/2FAv0fADgCACAFQQFqIQUMAQsLC6oCAgV/BnsgBIz9EyEOIAX9EyENIAeM/RMhDyAHQwAAAABcIQkgBkEARyEKA0AgCEEEaiIGIANMBEAgCEECdCIIIABqIgv9AAQAIRAgAiAIaiIM/QAEACAN/eYBIAEgCGr9AAQAIA795gEiEf3kASESIAwgEv0LBAAgCyAQIA8gEP2FAiAQIAkbIBIgDf3mASAR/eQBIBIgChv95AH9CwQAIAYhCAwBCwsDQCADIAhKBEAgCEECdCIGIABqIgsqAgD9EyEQIAIgBmoiDCoCAP0TIA395gEgASAGaioCAP0TIA795gEiEf3kASESIAwgEv0fADgCACALIBAgDyAQ/YUCIBAgCRsgEiAN/eYBIBH95AEgEiAKG/3kAf0fADgCACAIQQFqIQgMAQsLC50EAgt7BX8gBv0TIRAgB/0TIQ0gCP0TIQ4gCf0TIREgCv0TIQ8gC4z9EyESIAtDAAAAAFwhGANAIBdBBGogBUwEQCAXQQJ0IhkgAGoiGv0ABAAiDCASIAz9hQIgDCAYGyETIAIgGWoiG/0ABAAgDf3mASABIBlq/QAEACIUIBT95gEgDv3mAf3kASIVIA/95AEhDCAEBEAgFSAEIBlqIhn9AAQAIA395gEgFCAO/eYB/eQBIhYgFv3mAf3lASAP/eQBIQwgGSAW/QsEAAsgECAU/eYBIAz94wH95wEhDCADBEAgESADIBdBAnRqIhn9AAQA/eYBIAz95AEhDCAZIAz9CwQACyAbIBX9CwQAIBogEyAM/eUB/QsEACAXQQRqIRcMAQsLA0AgBSAXSgRAIBdBAnQiGSAAaiIaKgIA/RMiDCASIAz9hQIgDCAYGyETIAIgGWoiGyoCAP0TIA395gEgASAZaioCAP0TIhQgFP3mASAO/eYB/eQBIhUgD/3kASEMIAQEQCAVIAQgGWoiGSoCAP0TIA395gEgFCAO/eYB/eQBIhYgFv3mAf3lASAP/eQBIQwgGSAW/R8AOAIACyAQIBT95gEgDP3jAf3nASEMIAMEQCARIAMgF0ECdGoiGSoCAP0T/eYBIAz95AEhDCAZIAz9HwA4AgALIBsgFf0fADgCACAaIBMgDP3lAf0fADgCACAXQQFqIRcMAQsLC4UDAgV/CXsgBf0TIRcgBv0TIRYgB/0TIRUgCP0TIRQgCYz9EyETIAlDAAAAAFwhDgNAIAtBBGoiCiAETARAIAtBAnQiCyAAaiIN/QAEACESIAEgC2r9AAQAIhEgAiALaiIM/QAEACIP/eUBIBYgD/2FAiEQIBEgEf3mASADIAtqIgv9AAQAIg/95QEgFSAP/YUCIQ8gDCAQ/QsEACALIA/9CwQAIA0gEiATIBL9hQIgEiAOGyAQIBf95gEgD/3jASAU/eQB/ecB/eUB/QsEACAKIQsMAQsLA0AgBCALSgRAIAtBAnQiCiAAaiINKgIA/RMhEiABIApqKgIA/RMiESACIApqIgwqAgD9EyIP/eUBIBYgD/2FAiEQIBEgEf3mASADIApqIgoqAgD9EyIP/eUBIBUgD/2FAiEPIAwgEP0fADgCACAKIA/9HwA4AgAgDSASIBMgEv2FAiASIA4bIBAgF/3mASAP/eMBIBT95AH95wH95QH9HwA4AgAgC0EBaiELDAELCwuYAgIEfwZ7IAT9EyENIAX9EyEMIAaM/RMhCyAGQwAAAABcIQkDQCAHQQRqIgggA0wEQCAHQQJ0IgcgAGoiCv0ABAAhDiABIAdq/QAEACIPIA8gAiAHaiIH/QAEAP2FAiEQIAcgEP0LBAAgCiAOIAsgDv2FAiAOIAkbIA0gD/3mASAQIAz95AH94wH95wH95QH9CwQAIAghBwwBCwsDQCADIAdKBEAgB0ECdCIIIABqIgoqAgD9EyEOIAEgCGoqAgD9EyIPIA8gAiAIaiIIKgIA/RP9hQIhECAIIBD9HwA4AgAgCiAOIAsgDv2FAiAOIAkbIA0gD/3mASAQIAz95AH94wH95wH95QH9HwA4AgAgB0EBaiEHDAELCwu/AgEGfwNAIAMgC0oEQEEAIQoDQCAGIApKBEAgAiAGIAtsIApqIAVsQQJ0aiEHIAEgCkECdGooAgAiCCAESQRAAkAgACAEIAtsIAhqIAVsQQJ0aiEMIAVBIEoEQCAHIAwgBUECdPwKAAAMAQsgByEJQQAhBwNAIAdBBGoiCCAFTARAIAdBAnQiByAJaiAHIAxq/QAEAP0LBAAgCCEHDAELCwNAIAUgB0oEQCAHQQJ0IgggCWogCCAMaigCADYCACAHQQFqIQcMAQsLCwUgByEJQQAhBwNAIAdBBGoiCCAFTARAIAkgB0ECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAghBwwBCwsDQCAFIAdKBEAgCSAHQQJ0akEANgIAIAdBAWohBwwBCwsLIApBAWohCgwBCwsgC0EBaiELDAELCwtRAgJ/AXsgAv0RIQUDQCADQQRqIgQgAUwEQCAAIANBAnRqIAX9CwQAIAQhAwwBCwsDQCABIANKBEAgACADQQJ0aiACNgIAIANBAWohAwwBCwsLzgICDH8BfiACKAIAIgRFBEAgASAAKAIANgIADwsDQCADIARIBEAgAkEEaiADQQJ0aigCAEUEQA8LIANBAWohAwwBCwsgBEECdCACaiIDKAIAIQkgAygCICEIIANBQGsoAgAhB0ECQQEgBEECThsiC0ECRgR/IANBBGsoAgAFQQELIQYgC0ECRgR/IAIgBEECdGooAhwFQQALIQUgC0ECRgR/IAIgBEECdGooAjwFQQALIQ0gAigCACEOQQEhAwNAIAwgDiALa0gEQCADIAxBAnQiBCACQQRqaigCAGwhAyACQeQAaiAEakEANgIAIAxBAWohDAwBCwsgAyEEQQAhDEEAIQMDQCAEIApKBEAgACAMQQJ0aiABIANBAnRqIAYgCSAFIAggDSAHECIgDCACIAsQACIPp2ohDCADIA9CIIenaiEDIApBAWohCgwBCwsLXgECfwNAIANBBGoiBCACTARAIANBAnQiAyABaiAAIANq/QAEAP36Af0LBAAgBCEDDAELCwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaigCALI4AgAgA0EBaiEDDAELCwu5AgEHfyACIQggAyAGbCAFbCEJA0AgB0EEaiICIAlMBEAgCCAHQQJ0av0MAAAAAAAAAAAAAAAAAAAAAP0LBAAgAiEHDAELCwNAIAcgCUgEQCAIIAdBAnRqQQA2AgAgB0EBaiEHDAELCwNAIAMgCkoEQEEAIQkDQCAEIAlKBEAgASAJQQJ0aigCACICIAZJBEAgACAEIApsIAlqIAVsQQJ0aiELIAggBiAKbCACaiAFbEECdGohDEEAIQIDQCACQQRqIgcgBUwEQCACQQJ0IgIgDGoiDSAN/QAEACACIAtq/QAEAP3kAf0LBAAgByECDAELCwNAIAIgBUgEQCACQQJ0IgcgDGoiDSANKgIAIAcgC2oqAgCSOAIAIAJBAWohAgwBCwsLIAlBAWohCQwBCwsgCkEBaiEKDAELCwuhAQEEfyABIQUgAiADbCEHA0AgBEEEaiIBIAdMBEAgBSAEQQJ0av0MAAAAAAAAAAAAAAAAAAAAAP0LBAAgASEEDAELCwNAIAQgB0gEQCAFIARBAnRqQQA2AgAgBEEBaiEEDAELCwNAIAIgBkoEQCAAIAZBAnRqKAIAIgEgA0kEQCAFIAMgBmwgAWpBAnRqQwAAgD84AgALIAZBAWohBgwBCwsLoQIDAn0EfwF7A0AgBUEEaiACTARAIAVBAnQiCCAAav0ABAAiCf3gAf0MAAAATwAAAE8AAABPAAAAT/1D/aMBBEAgASAIaiAJ/fgB/QsEAAVBACEGA0AgBkEESARAIAZBAnQiByAAIAhqaioCACIDiyEEIAcgASAIamoCfyAD/AAgBEMAAABPXQ0AGkEAIAMgA5NDAAAAAFwgBEMAAABfYHINABogA/wEpws2AgAgBkEBaiEGDAELCwsgBUEEaiEFDAELCwNAIAIgBUoEQCAFQQJ0IgYgAGoqAgAiA4shBCABIAZqAn8gA/wAIARDAAAAT10NABpBACADIAOTQwAAAABcIARDAAAAX2ByDQAaIAP8BKcLNgIAIAVBAWohBQwBCwsLogYCDX8GeyAHQQFGIAVBAUZxBEADQCACIAlKBEAgACAEIAlsQQJ0aiEIIAEgBiAJbEECdGohCgJAIANBIEoEQCAKIAggA0ECdPwKAAAMAQtBACEHA0AgB0EEaiIFIANMBEAgB0ECdCIHIApqIAcgCGr9AAQA/QsEACAFIQcMAQsLA0AgAyAHSgRAIAdBAnQiBSAKaiAFIAhqKAIANgIAIAdBAWohBwwBCwsLIAlBAWohCQwBCwsPCyAHQQFGIARBAUZxBH8gBUECdCEPIAZBAnQhECACQXxxIQ0gA0F8cSEMA0AgCCANSARAIAhBEGoiCSANIAkgDUgbIRNBACELA0AgCyAMSARAIAtBEGoiCSAMIAkgDEgbIRQgCCEKA0AgCiATSARAIAshCQNAIAkgFEgEQCABIAYgCmwgCWpBAnRqIhEgACAFIAlsIApqQQJ0aiIS/QAEACIZIA8gEmr9AAQAIhr9DQABAgMQERITBAUGBxQVFhciFyASIA9BAXRq/QAEACIVIBIgD0EDbGr9AAQAIhb9DQABAgMQERITBAUGBxQVFhciGP0NAAECAwQFBgcQERITFBUWF/0LBAAgECARaiAXIBj9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIBEgEEEBdGogGSAa/Q0ICQoLGBkaGwwNDg8cHR4fIhcgFSAW/Q0ICQoLGBkaGwwNDg8cHR4fIhX9DQABAgMEBQYHEBESExQVFhf9CwQAIBEgEEEDbGogFyAV/Q0ICQoLDA0ODxgZGhscHR4f/QsEACAJQQRqIQkMAQsLIApBBGohCgwBCwsgC0EQaiELDAELCyAIQRBqIQgMAQsLA0AgDSAOSgRAIAwhCANAIAMgCEoEQCABIAYgDmwgCGpBAnRqIAAgBSAIbCAOakECdGooAgA2AgAgCEEBaiEIDAELCyAOQQFqIQ4MAQsLIA0FQQALIQgDQCACIAhKBEBBACEJA0AgAyAJSgRAIAEgBiAIbCAHIAlsakECdGogACAEIAhsIAUgCWxqQQJ0aigCADYCACAJQQFqIQkMAQsLIAhBAWohCAwBCwsLBgBBgNgAC7EQAgt7EH8gCkEIRiEhIARBfHEhICAHQQR0IAFBAnQgAxshIkEEIAEgAxshI0EQIAIgAxshJCADIAAgAxshHwNAIAQgHkoEQEEEQQEgHiAgSCIaGyEdIAggCSAebGohHCAfIAAgASAebGogGhshAyAjIAEgGhshJiAkIAIgGhshJyAhBEAgHUEERgRAIAMhGiAFIQP9DAAAAAAAAAAAAAAAAAAAAAAhEf0MAAAAAAAAAAAAAAAAAAAAACES/QwAAAAAAAAAAAAAAAAAAAAAIRP9DAAAAAAAAAAAAAAAAAAAAAAhFP0MAAAAAAAAAAAAAAAAAAAAACEV/QwAAAAAAAAAAAAAAAAAAAAAIRb9DAAAAAAAAAAAAAAAAAAAAAAhD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhGwNAIAcgG0oEQCAa/QkCACIXIAP9AAQAIhggEf2FAiERIBcgA/0ABBAiFyAS/YUCIRIgGiAmav0JAgAiGSAYIBP9hQIhEyAZIBcgFP2FAiEUIBogJkEBdGr9CQIAIhkgGCAV/YUCIRUgGSAXIBb9hQIhFiAaICZBA2xq/QkCACIZIBggD/2FAiEPIBkgFyAQ/YUCIRAgGiAnaiEaIAMgBmohAyAbQQFqIRsMAQsLIAsEQCARIBz9AAQA/eQBIREgEiAc/QAEEP3kASESIBMgCSAcaiID/QAEAP3kASETIBQgA/0ABBD95AEhFCAVIBwgCUEBdGoiA/0ABAD95AEhFSAWIAP9AAQQ/eQBIRYgDyAcIAlBA2xqIgP9AAQA/eQBIQ8gECAD/QAEEP3kASEQCyAMBEAgESAM/QAEACIX/eQBIREgEiAM/QAEECIY/eQBIRIgEyAX/eQBIRMgFCAY/eQBIRQgFSAX/eQBIRUgFiAY/eQBIRYgECAY/eQBIRAgDyAX/eQBIQ8LIBwgEf0LBAAgHCAS/QsEECAJIBxqIgMgE/0LBAAgAyAU/QsEECAcIAlBAXRqIgMgFf0LBAAgAyAW/QsEECAcIAlBA2xqIgMgD/0LBAAgAyAQ/QsEEAUgBSEb/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEEEAIRoDQCAHIBpKBEAgA/0JAgAiESAb/QAEACAP/YUCIQ8gESAb/QAEECAQ/YUCIRAgAyAnaiEDIAYgG2ohGyAaQQFqIRoMAQsLIAsEQCAQIBz9AAQQ/eQBIRAgDyAc/QAEAP3kASEPCyAcIAwEeyAQIAz9AAQQ/eQBIRAgDyAM/QAEAP3kAQUgDwv9CwQAIBwgEP0LBBALIA0EQCAcIAkgHUECIA0QBAsFIAsEQEEAIRoDQCAaIB1IBEAgHCAJIBpsaiEoIA4gGkEFdGohKSAKQQROBH8gKSAo/QAEAP0LBABBBAVBAAshGwNAIAogG0oEQCAbQQJ0IiUgKWogJSAoaioCADgCACAbQQFqIRsMAQsLIBpBAWohGgwBCwsLIB1BBEYEQCADIRogBSED/QwAAAAAAAAAAAAAAAAAAAAAIRH9DAAAAAAAAAAAAAAAAAAAAAAhEv0MAAAAAAAAAAAAAAAAAAAAACET/QwAAAAAAAAAAAAAAAAAAAAAIRT9DAAAAAAAAAAAAAAAAAAAAAAhFf0MAAAAAAAAAAAAAAAAAAAAACEW/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEEEAIRsDQCAHIBtKBEAgGv0JAgAiFyAD/QAEACIYIBH9hQIhESAXIAP9AAQQIhcgEv2FAiESIBogJmr9CQIAIhkgGCAT/YUCIRMgGSAXIBT9hQIhFCAaICZBAXRq/QkCACIZIBggFf2FAiEVIBkgFyAW/YUCIRYgGiAmQQNsav0JAgAiGSAYIA/9hQIhDyAZIBcgEP2FAiEQIBogJ2ohGiADIAZqIQMgG0EBaiEbDAELCyALBEAgESAO/QAEAP3kASERIBIgDv0ABBD95AEhEiATIA79AAQg/eQBIRMgFCAO/QAEMP3kASEUIBUgDkFAayID/QAEAP3kASEVIBYgA/0ABBD95AEhFiAQIA79AARw/eQBIRAgDyAO/QAEYP3kASEPCyAMBEAgESAM/QAEACIX/eQBIREgEiAM/QAEECIY/eQBIRIgEyAX/eQBIRMgFCAY/eQBIRQgFSAX/eQBIRUgFiAY/eQBIRYgECAY/eQBIRAgDyAX/eQBIQ8LIA4gEf0LBAAgDiAS/QsEECAOIBP9CwQgIA4gFP0LBDAgDkFAayIDIBX9CwQAIAMgFv0LBBAgDiAP/QsEYCAOIBD9CwRwBSAFIRv9DAAAAAAAAAAAAAAAAAAAAAAhD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhGgNAIAcgGkoEQCAD/QkCACIRIBv9AAQAIA/9hQIhDyARIBv9AAQQIBD9hQIhECADICdqIQMgBiAbaiEbIBpBAWohGgwBCwsgCwRAIBAgDv0ABBD95AEhECAPIA79AAQA/eQBIQ8LIA4gDAR7IBAgDP0ABBD95AEhECAPIAz9AAQA/eQBBSAPC/0LBAAgDiAQ/QsEEAsgDQRAIA5BICAdQQIgDRAEC0EAIRoDQCAaIB1IBEAgDiAaQQV0aiEDIBwgCSAabGohJSAKQQROBH8gJSAD/QAEAP0LBABBBAVBAAshGwNAIAogG0oEQCAbQQJ0IiYgJWogAyAmaioCADgCACAbQQFqIRsMAQsLIBpBAWohGgwBCwsLIB8gImogHyAeICBIGyEfIB0gHmohHgwBCwsLiwsCBXsQfyAJQQRGIRogBEF8cSEZIAZBBHQgAUECdCADGyEbQQQgASADGyEcQRAgAiADGyEdIAMgACADGyEYA0AgBCAXSgRAQQRBASAXIBlIIhMbIRYgByAIIBdsaiEVIBggACABIBdsaiATGyEDIBwgASATGyEfIB0gAiATGyEgIBoEQCAWQQRGBEAgAyETIAUhA/0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEP0MAAAAAAAAAAAAAAAAAAAAACERQQAhFANAIAYgFEoEQCAT/QkCACAD/QAEACISIA79hQIhDiATIB9q/QkCACASIA/9hQIhDyATIB9BAXRq/QkCACASIBD9hQIhECATIB9BA2xq/QkCACASIBH9hQIhESATICBqIRMgA0EQaiEDIBRBAWohFAwBCwsgCgRAIA8gCCAVav0ABAD95AEhDyAQIBUgCEEBdGr9AAQA/eQBIRAgESAVIAhBA2xq/QAEAP3kASERIA4gFf0ABAD95AEhDgsgCwRAIA4gC/0ABAAiEv3kASEOIBAgEv3kASEQIBEgEv3kASERIA8gEv3kASEPCyAVIA79CwQAIAggFWogD/0LBAAgFSAIQQF0aiAQ/QsEACAVIAhBA2xqIBH9CwQABSADIRQgBSED/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACETA0AgBiATSgRAIBT9CQIAIAP9AAQAIA79hQIhDiAUICBqIRQgA0EQaiEDIBNBAWohEwwBCwsgCgRAIA4gFf0ABAD95AEhDgsgFSALBHsgDiAL/QAEAP3kAQUgDgv9CwQACyAMBEAgFSAIIBZBASAMEAQLBSAKBEBBACETA0AgEyAWSARAIBUgCCATbGohISANIBNBBXRqISIgCUEETgR/ICIgIf0ABAD9CwQAQQQFQQALIRQDQCAJIBRKBEAgFEECdCIeICJqIB4gIWoqAgA4AgAgFEEBaiEUDAELCyATQQFqIRMMAQsLCyAWQQRGBEAgAyETIAUhA/0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEP0MAAAAAAAAAAAAAAAAAAAAACERQQAhFANAIAYgFEoEQCAT/QkCACAD/QAEACISIA79hQIhDiATIB9q/QkCACASIA/9hQIhDyATIB9BAXRq/QkCACASIBD9hQIhECATIB9BA2xq/QkCACASIBH9hQIhESATICBqIRMgA0EQaiEDIBRBAWohFAwBCwsgCgRAIA8gDf0ABCD95AEhDyAQIA1BQGv9AAQA/eQBIRAgESAN/QAEYP3kASERIA4gDf0ABAD95AEhDgsgCwRAIA4gC/0ABAAiEv3kASEOIBAgEv3kASEQIBEgEv3kASERIA8gEv3kASEPCyANIA79CwQAIA0gD/0LBCAgDUFAayAQ/QsEACANIBH9CwRgBSADIRQgBSED/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACETA0AgBiATSgRAIBT9CQIAIAP9AAQAIA79hQIhDiAUICBqIRQgA0EQaiEDIBNBAWohEwwBCwsgCgRAIA4gDf0ABAD95AEhDgsgDSALBHsgDiAL/QAEAP3kAQUgDgv9CwQACyAMBEAgDUEgIBZBASAMEAQLQQAhEwNAIBMgFkgEQCANIBNBBXRqIQMgFSAIIBNsaiEeIAlBBE4EfyAeIAP9AAQA/QsEAEEEBUEACyEUA0AgCSAUSgRAIBRBAnQiHyAeaiADIB9qKgIAOAIAIBRBAWohFAwBCwsgE0EBaiETDAELCwsgGCAbaiAYIBcgGUgbIRggFiAXaiEXDAELCwtPAEGAAkEBIAIgAkEBTBsiAiACQYACThsiAkGACCABIAFBgAhOG0EHakF4cWwgAkGAASAAIABBgAFOG0F8cWxqQSBqIAFBB2pBeHFqQQJ0C5kBAQJ/IAAhECADQQhOIgAEQCAEQSBKIQALIAAEQCAFQcAASiEACyAABEAgBkGAAk4hAAsgBkECdCERIAdBAnQhB0EAIQYDQCAGIAlIBEAgECAGIApsQQJ0akEEIBEgASAGIAtsQQJ0akEEIAcgAiAGIAxsQQJ0aiAIQQJ0IAMgBCAFIA0gDiAPIABBARADIAZBAWohBgwBCwsLoAEBA38gACEQIANBCE4iAARAIARBIEohAAsgAARAIAVBwABKIQALIAAEQCAGQYACTiEACyAGQQJ0IREgB0ECdCEHIANBCEohEkEAIQYDQCAGIAlIBEAgECAGIApsQQJ0akEEIBEgASAGIAtsQQJ0aiAHQQQgAiAGIAxsQQJ0aiAIQQJ0IAMgBCAFIA0gDiAPIAAgEhADIAZBAWohBgwBCwsL6AECB38BfANAIAkgEkoEQCAAIAogEmxBAnRqIRMgASALIBJsQQJ0aiEUIAIgDCASbEECdGohFUEAIRADQCADIBBKBEBBACERA0AgBCARSgRARAAAAAAAAAAAIRZBACEPA0AgBSAPSgRAIBYgEyAGIA9sIBBqIAYgEGwgD2ogDRtBAnRqKgIAuyAUIAcgEWwgD2ogByAPbCARaiAOG0ECdGoqAgC7oqAhFiAPQQFqIQ8MAQsLIBUgCCAQbCARakECdGogFrY4AgAgEUEBaiERDAELCyAQQQFqIRAMAQsLIBJBAWohEgwBCwsLmQEBAn8gACEQIANBCE4iAARAIARBIEohAAsgAARAIAVBwABKIQALIAAEQCAGQYAETiEACyAGQQJ0IREgB0ECdCEHQQAhBgNAIAYgCUgEQCAQIAYgCmxBAnRqIBFBBCABIAYgC2xBAnRqQQQgByACIAYgDGxBAnRqIAhBAnQgAyAEIAUgDSAOIA8gAEEBEAMgBkEBaiEGDAELCwugAQEDfyAAIRAgA0EITiIABEAgBEEgSiEACyAABEAgBUHAAEohAAsgAARAIAZBgAROIQALIAZBAnQhESAHQQJ0IQcgA0EISiESQQAhBgNAIAYgCUgEQCAQIAYgCmxBAnRqIBFBBCABIAYgC2xBAnRqIAdBBCACIAYgDGxBAnRqIAhBAnQgAyAEIAUgDSAOIA8gACASEAMgBkEBaiEGDAELCwuMEAEEeyABQQFGBEAgAP0MAAAAAAAAAAAAAAAAAAAAAP3rAf0MAAAAAAAAAAAAAAAAAAAAAP3kAQ8LIAFBAkYEQP0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAA/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//QwAAIA/AACAPwAAgD8AAIA//YUC/ecBIgL9DJJ4Ur+SeFK/knhSv5J4Ur/9hQIgAv0MsIe+P7CHvj+wh74/sIe+P/2FAiAC/QxdTpG/XU6Rv11Okb9dTpG//YUCIAL9DMzHjj7Mx44+zMeOPszHjj79hQIgAv0MTMI+vkzCPr5Mwj6+TMI+vv2FAiAC/QzJNsY9yTbGPck2xj3JNsY9/YUCIAL9DPuIvz77iL8++4i/PvuIvz79hQIgAv0MxwCAP8cAgD/HAIA/xwCAP/2FAiAC/QxO/KG/Tvyhv078ob9O/KG//YUCIAAgAP3mAf0MAAAAPwAAAD8AAAA/AAAAP/3mAf3lAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASID/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgT9DAAAQEsAAEBLAABASwAAQEv95QEiBf0Mg4BeOYOAXjmDgF45g4BeOSAF/QwAgDG/AIAxvwCAMb8AgDG/IAP9hQL9hQIhAyAA/QwAAAA/AAAAPwAAAD8AAAA/IAL9DGdpUDlnaVA5Z2lQOWdpUDkgA/0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAD/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAP9DMGpKj3BqSo9wakqPcGpKj39hQIgA/0MqqoqPqqqKj6qqio+qqoqPv2FAiAD/QwAAAA/AAAAPwAAAD8AAAA//YUCIAMgA/3mASAD/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAT9DAAAQEsAAEBLAABASwAAQEv9sQEiAkEB/awBIgP9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASACIAP9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIC/QwAAIA/AACAPwAAgD8AAIA/IAL95QEgAP0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gEPCyABQQNGBED9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD/9DGdpUDlnaVA5Z2lQOWdpUDkgAP3hAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIA/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgL9DAAAQEsAAEBLAABASwAAQEv95QEiA/0Mg4BeOYOAXjmDgF45g4BeOSAD/QwAgDG/AIAxvwCAMb8AgDG/IAD9hQL9hQIiAP0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAA/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAD9DMGpKj3BqSo9wakqPcGpKj39hQIgAP0MqqoqPqqqKj6qqio+qqoqPv2FAiAA/QwAAAA/AAAAPwAAAD8AAAA//YUCIAAgAP3mASAA/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAL9DAAAQEsAAEBLAABASwAAQEv9sQEiAEEB/awBIgL9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAAIAL9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3kAf3nAQ8LIAFBBEYEQP0M6vC6u+rwurvq8Lq76vC6uyAAIAD95gEiAv0MThOpPE4TqTxOE6k8ThOpPP2FAiAC/QwtHly9LR5cvS0eXL0tHly9/YUCIAL9DJODCD6Tgwg+k4MIPpODCD79hQIgAv0Mmaqqvpmqqr6Zqqq+maqqvv2FAiAC/eYBIAAgAP2FAv0MAACAPwAAgD8AAIA/AACAP/0MAAAAQAAAAEAAAABAAAAAQP0MZ2lQOWdpUDlnaVA5Z2lQOSAA/eABIgIgAv3kAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASID/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgT9DAAAQEsAAEBLAABASwAAQEv95QEiBf0Mg4BeOYOAXjmDgF45g4BeOSAF/QwAgDG/AIAxvwCAMb8AgDG/IAP9hQL9hQIiA/0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAD/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAP9DMGpKj3BqSo9wakqPcGpKj39hQIgA/0MqqoqPqqqKj6qqio+qqoqPv2FAiAD/QwAAAA/AAAAPwAAAD8AAAA//YUCIAMgA/3mASAD/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAT9DAAAQEsAAEBLAABASwAAQEv9sQEiA0EB/awBIgT9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASADIAT9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nAf3lASAA/QwAAACAAAAAgAAAAIAAAACA/U79UCAC/QwAACA/AAAgPwAAID8AACA//UP9Ug8LIAALnwsCAn8FewNAIARBBGoiAyACTARAIARBAnQiBCAAav0ABAAiCf3gASIIIAj95AH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiBv0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIH/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjkgBf0MAIAxvwCAMb8AgDG/AIAxvyAG/YUC/YUCIQYgASAEav0M6vC6u+rwurvq8Lq76vC6uyAJIAn95gEiBf0MThOpPE4TqTxOE6k8ThOpPP2FAiAF/QwtHly9LR5cvS0eXL0tHly9/YUCIAX9DJODCD6Tgwg+k4MIPpODCD79hQIgBf0Mmaqqvpmqqr6Zqqq+maqqvv2FAiAF/eYBIAkgCf2FAv0MAACAPwAAgD8AAIA/AACAP/0MAAAAQAAAAEAAAABAAAAAQP0MZ2lQOWdpUDlnaVA5Z2lQOSAG/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIAb9DAiJCDwIiQg8CIkIPAiJCDz9hQIgBv0MwakqPcGpKj3BqSo9wakqPf2FAiAG/Qyqqio+qqoqPqqqKj6qqio+/YUCIAb9DAAAAD8AAAA/AAAAPwAAAD/9hQIgBiAG/eYBIAb9hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgB/0MAABASwAAQEsAAEBLAABAS/2xASIGQQH9rAEiBf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAYgBf2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/QwAAIA/AACAPwAAgD8AAIA//eQB/ecB/eUBIAn9DAAAAIAAAACAAAAAgAAAAID9Tv1QIAj9DAAAID8AACA/AAAgPwAAID/9Q/1S/QsEACADIQQMAQsLA0AgAiAESgRAIARBAnQiAyAAaioCAP0TIgn94AEiCCAI/eQB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgb9DDuquD87qrg/O6q4PzuquD/9DAAAQEsAAEBLAABASwAAQEv9hQIiB/0MAABASwAAQEsAAEBLAABAS/3lASIF/QyDgF45g4BeOYOAXjmDgF45IAX9DACAMb8AgDG/AIAxvwCAMb8gBv2FAv2FAiEGIAEgA2r9DOrwurvq8Lq76vC6u+rwursgCSAJ/eYBIgX9DE4TqTxOE6k8ThOpPE4TqTz9hQIgBf0MLR5cvS0eXL0tHly9LR5cvf2FAiAF/QyTgwg+k4MIPpODCD6Tgwg+/YUCIAX9DJmqqr6Zqqq+maqqvpmqqr79hQIgBf3mASAJIAn9hQL9DAAAgD8AAIA/AACAPwAAgD/9DAAAAEAAAABAAAAAQAAAAED9DGdpUDlnaVA5Z2lQOWdpUDkgBv0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAG/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAb9DMGpKj3BqSo9wakqPcGpKj39hQIgBv0MqqoqPqqqKj6qqio+qqoqPv2FAiAG/QwAAAA/AAAAPwAAAD8AAAA//YUCIAYgBv3mASAG/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAf9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nAf3lASAJ/QwAAACAAAAAgAAAAIAAAACA/U79UCAI/QwAACA/AAAgPwAAID8AACA//UP9Uv0fADgCACAEQQFqIQQMAQsLC8MKAgJ/BnsDQCAEQQRqIgMgAkwEQCAEQQJ0IgQgAGr9AAQAIgr9DAAAgAAAAIAAAACAAAAAgAD9QyEJIAr9DAAAAEsAAABLAAAASwAAAEv95gEgCiAJ/VIiCP0M//9/AP//fwD//38A//9/AP1O/QwAAAA/AAAAPwAAAD8AAAA//VAiBv0M8wQ1P/MENT/zBDU/8wQ1P/1DIQUgBiAGIAX9Tv3kAf0MAACAPwAAgD8AAIA/AACAP/3lASIHIAf95gEhBiABIARq/QwAAID/AACA/wAAgP8AAID//QwAAMB/AADAfwAAwH8AAMB/IAogCEEX/a0B/Qx+AAAAfgAAAH4AAAB+AAAA/bEBIAn9DBcAAAAXAAAAFwAAABcAAAD9Tv2xASAF/a4B/foBIgX9DACAMT8AgDE/AIAxPwCAMT8gByAG/QwAAAC/AAAAvwAAAL8AAAC/IAX9DIOAXrmDgF65g4BeuYOAXrn9DLshkD27IZA9uyGQPbshkD0gB/0MuNHrvbjR67240eu9uNHrvf2FAiAH/QwaJe89GiXvPRol7z0aJe89/YUCIAf9DE9d/r1PXf69T13+vU9d/r39hQIgB/0Mv+kRPr/pET6/6RE+v+kRPv2FAiAH/QxQriq+UK4qvlCuKr5Qriq+/YUCIAf9DKzOTD6szkw+rM5MPqzOTD79hQIgB/0M/P9/vvz/f778/3++/P9/vv2FAiAH/Qyqqqo+qqqqPqqqqj6qqqo+/YUCIAf95gEgBv3mAf2FAv2FAv3kAf2FAiAKIAr9QiAK/QwAAIB/AACAfwAAgH8AAIB//UH9UP1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Q/1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Qf1S/QsEACADIQQMAQsLA0AgAiAESgRAIARBAnQiAyAAaioCAP0TIgr9DAAAgAAAAIAAAACAAAAAgAD9QyEJIAr9DAAAAEsAAABLAAAASwAAAEv95gEgCiAJ/VIiCP0M//9/AP//fwD//38A//9/AP1O/QwAAAA/AAAAPwAAAD8AAAA//VAiBv0M8wQ1P/MENT/zBDU/8wQ1P/1DIQUgBiAGIAX9Tv3kAf0MAACAPwAAgD8AAIA/AACAP/3lASIHIAf95gEhBiABIANq/QwAAID/AACA/wAAgP8AAID//QwAAMB/AADAfwAAwH8AAMB/IAogCEEX/a0B/Qx+AAAAfgAAAH4AAAB+AAAA/bEBIAn9DBcAAAAXAAAAFwAAABcAAAD9Tv2xASAF/a4B/foBIgX9DACAMT8AgDE/AIAxPwCAMT8gByAG/QwAAAC/AAAAvwAAAL8AAAC/IAX9DIOAXrmDgF65g4BeuYOAXrn9DLshkD27IZA9uyGQPbshkD0gB/0MuNHrvbjR67240eu9uNHrvf2FAiAH/QwaJe89GiXvPRol7z0aJe89/YUCIAf9DE9d/r1PXf69T13+vU9d/r39hQIgB/0Mv+kRPr/pET6/6RE+v+kRPv2FAiAH/QxQriq+UK4qvlCuKr5Qriq+/YUCIAf9DKzOTD6szkw+rM5MPqzOTD79hQIgB/0M/P9/vvz/f778/3++/P9/vv2FAiAH/Qyqqqo+qqqqPqqqqj6qqqo+/YUCIAf95gEgBv3mAf2FAv2FAv3kAf2FAiAKIAr9QiAK/QwAAIB/AACAfwAAgH8AAIB//UH9UP1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Q/1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Qf1S/R8AOAIAIARBAWohBAwBCwsL8w0CAn8FewNAIARBBGoiAyACTARA/QxF+S4+RfkuPkX5Lj5F+S4+/QwAAIA/AACAPwAAgD8AAIA/IARBAnQiBCAAav0ABAAiCf3gAf0M8wQ1P/MENT/zBDU/8wQ1P/3mAf0MAAAAPwAAAD8AAAA/AAAAP/0MAACAPwAAgD8AAIA/AACAP/2FAv3nASII/QySeFK/knhSv5J4Ur+SeFK//YUCIAj9DLCHvj+wh74/sIe+P7CHvj/9hQIgCP0MXU6Rv11Okb9dTpG/XU6Rv/2FAiAI/QzMx44+zMeOPszHjj7Mx44+/YUCIAj9DEzCPr5Mwj6+TMI+vkzCPr79hQIgCP0MyTbGPck2xj3JNsY9yTbGPf2FAiAI/Qz7iL8++4i/PvuIvz77iL8+/YUCIAj9DMcAgD/HAIA/xwCAP8cAgD/9hQIgCP0MTvyhv078ob9O/KG/Tvyhv/2FAiAJIAn95gH9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIG/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjkgBf0MAIAxvwCAMb8AgDG/AIAxvyAH/YUC/YUCIQUgASAEaiAJ/QwAAAA/AAAAPwAAAD8AAAA/IAj9DGdpUDlnaVA5Z2lQOWdpUDkgBf0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAF/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAX9DMGpKj3BqSo9wakqPcGpKj39hQIgBf0MqqoqPqqqKj6qqio+qqoqPv2FAiAF/QwAAAA/AAAAPwAAAD8AAAA//YUCIAUgBf3mASAF/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIF/QwAAIA/AACAPwAAgD8AAIA/IAX95QEgCf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gH9CwQAIAMhBAwBCwsDQCACIARKBED9DEX5Lj5F+S4+RfkuPkX5Lj79DAAAgD8AAIA/AACAPwAAgD8gBEECdCIDIABqKgIA/RMiCf3gAf0M8wQ1P/MENT/zBDU/8wQ1P/3mAf0MAAAAPwAAAD8AAAA/AAAAP/0MAACAPwAAgD8AAIA/AACAP/2FAv3nASII/QySeFK/knhSv5J4Ur+SeFK//YUCIAj9DLCHvj+wh74/sIe+P7CHvj/9hQIgCP0MXU6Rv11Okb9dTpG/XU6Rv/2FAiAI/QzMx44+zMeOPszHjj7Mx44+/YUCIAj9DEzCPr5Mwj6+TMI+vkzCPr79hQIgCP0MyTbGPck2xj3JNsY9yTbGPf2FAiAI/Qz7iL8++4i/PvuIvz77iL8+/YUCIAj9DMcAgD/HAIA/xwCAP8cAgD/9hQIgCP0MTvyhv078ob9O/KG/Tvyhv/2FAiAJIAn95gH9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIG/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjkgBf0MAIAxvwCAMb8AgDG/AIAxvyAH/YUC/YUCIQUgASADaiAJ/QwAAAA/AAAAPwAAAD8AAAA/IAj9DGdpUDlnaVA5Z2lQOWdpUDkgBf0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAF/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAX9DMGpKj3BqSo9wakqPcGpKj39hQIgBf0MqqoqPqqqKj6qqio+qqoqPv2FAiAF/QwAAAA/AAAAPwAAAD8AAAA//YUCIAUgBf3mASAF/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIF/QwAAIA/AACAPwAAgD8AAIA/IAX95QEgCf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gH9HwA4AgAgBEEBaiEEDAELCwsMACAAIAEgAiADEHcLdwICfwF7IAAhBANAIANBBGoiACACTARAIANBAnQiAyAEav0ABAAhBSABIANqIAUgBf21Af0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGooAgD9ESEFIAAgAWogBSAF/bUB/RsANgIAIANBAWohAwwBCwsLxwECAn8BeyAAIQQDQCADQQRqIgAgAkwEQCADQQJ0IgMgBGr9AAQAIQUgASADaiAF/QwAAAAAAAAAAAAAAAAAAAAA/TkgBf0MAAAAAAAAAAAAAAAAAAAAAP07/bEB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACAEaigCAP0RIQUgACABaiAF/QwAAAAAAAAAAAAAAAAAAAAA/TkgBf0MAAAAAAAAAAAAAAAAAAAAAP07/bEB/RsANgIAIANBAWohAwwBCwsLDAAgACABIAIgAxB4C2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/aEB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKAIA/RH9oQH9GwA2AgAgA0EBaiEDDAELCwsMACAAIAEgAiADEHkLDAAgACABIAIgAxB6CwwAIAAgASACIAMQewsMACAAIAEgAiADEHwLDAAgACABIAIgAxB9CwwAIAAgASACIAMQfgsMACAAIAEgAiADEH8LDQAgACABIAIgAxCAAQsNACAAIAEgAiADEIEBC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/aAB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKAIA/RH9oAH9GwA2AgAgA0EBaiEDDAELCwuuFQICfwh7A0AgBUEEaiIEIANMBEAgBUECdCIFIAFq/QAEACINIA395gEiCP0MAAAAvwAAAL8AAAC/AAAAv/3mAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIH/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgz9DAAAQEsAAEBLAABASwAAQEv95QEiBv0Mg4BeOYOAXjmDgF45g4BeOSAG/QwAgDG/AIAxvwCAMb8AgDG/IAf9hQL9hQIhC/0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAN/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//QwAAIA/AACAPwAAgD8AAIA//YUC/ecBIgr9DJJ4Ur+SeFK/knhSv5J4Ur/9hQIgCv0MsIe+P7CHvj+wh74/sIe+P/2FAiAK/QxdTpG/XU6Rv11Okb9dTpG//YUCIAr9DMzHjj7Mx44+zMeOPszHjj79hQIgCv0MTMI+vkzCPr5Mwj6+TMI+vv2FAiAK/QzJNsY9yTbGPck2xj3JNsY9/YUCIAr9DPuIvz77iL8++4i/PvuIvz79hQIgCv0MxwCAP8cAgD/HAIA/xwCAP/2FAiAK/QxO/KG/Tvyhv078ob9O/KG//YUCIAj9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIJ/QwAAEBLAABASwAAQEsAAEBL/eUBIgb9DIOAXjmDgF45g4BeOYOAXjkgBv0MAIAxvwCAMb8AgDG/AIAxvyAH/YUC/YUCIQggAiAFaiAAIAVq/QAEACAN/QxnaVA5Z2lQOWdpUDlnaVA5IAv9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgC/0MCIkIPAiJCDwIiQg8CIkIPP2FAiAL/QzBqSo9wakqPcGpKj3BqSo9/YUCIAv9DKqqKj6qqio+qqoqPqqqKj79hQIgC/0MAAAAPwAAAD8AAAA/AAAAP/2FAiALIAv95gEgC/2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAM/QwAAEBLAABASwAAQEsAAEBL/bEBIgdBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgByAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9DCpCzD4qQsw+KkLMPipCzD795gH9DAAAAD8AAAA/AAAAPwAAAD8gCv0MZ2lQOWdpUDlnaVA5Z2lQOSAI/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIAj9DAiJCDwIiQg8CIkIPAiJCDz9hQIgCP0MwakqPcGpKj3BqSo9wakqPf2FAiAI/Qyqqio+qqoqPqqqKj6qqio+/YUCIAj9DAAAAD8AAAA/AAAAPwAAAD/9hQIgCCAI/eYBIAj9hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgCf0MAABASwAAQEsAAEBLAABAS/2xASIHQQH9rAEiBv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAcgBv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/eYB/eYBIgb9DAAAgD8AAIA/AACAPwAAgD8gBv3lASAN/QwAAAAAAAAAAAAAAAAAAAAA/UP9Uv2FAv3mAf0LBAAgBCEFDAELCwNAIAMgBUoEQCAFQQJ0IgQgAWoqAgD9EyINIA395gEiCP0MAAAAvwAAAL8AAAC/AAAAv/3mAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIH/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgz9DAAAQEsAAEBLAABASwAAQEv95QEiBv0Mg4BeOYOAXjmDgF45g4BeOSAG/QwAgDG/AIAxvwCAMb8AgDG/IAf9hQL9hQIhC/0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAN/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//QwAAIA/AACAPwAAgD8AAIA//YUC/ecBIgr9DJJ4Ur+SeFK/knhSv5J4Ur/9hQIgCv0MsIe+P7CHvj+wh74/sIe+P/2FAiAK/QxdTpG/XU6Rv11Okb9dTpG//YUCIAr9DMzHjj7Mx44+zMeOPszHjj79hQIgCv0MTMI+vkzCPr5Mwj6+TMI+vv2FAiAK/QzJNsY9yTbGPck2xj3JNsY9/YUCIAr9DPuIvz77iL8++4i/PvuIvz79hQIgCv0MxwCAP8cAgD/HAIA/xwCAP/2FAiAK/QxO/KG/Tvyhv078ob9O/KG//YUCIAj9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/0MAABASwAAQEsAAEBLAABAS/2FAiIJ/QwAAEBLAABASwAAQEsAAEBL/eUBIgb9DIOAXjmDgF45g4BeOYOAXjkgBv0MAIAxvwCAMb8AgDG/AIAxvyAH/YUC/YUCIQggAiAEaiAAIARqKgIA/RMgDf0MZ2lQOWdpUDlnaVA5Z2lQOSAL/QzOQ7c6zkO3Os5DtzrOQ7c6/YUCIAv9DAiJCDwIiQg8CIkIPAiJCDz9hQIgC/0MwakqPcGpKj3BqSo9wakqPf2FAiAL/Qyqqio+qqoqPqqqKj6qqio+/YUCIAv9DAAAAD8AAAA/AAAAPwAAAD/9hQIgCyAL/eYBIAv9hQL9DAAAgD8AAIA/AACAPwAAgD/95AEgDP0MAABASwAAQEsAAEBLAABAS/2xASIHQQH9rAEiBv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAcgBv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/QwqQsw+KkLMPipCzD4qQsw+/eYB/QwAAAA/AAAAPwAAAD8AAAA/IAr9DGdpUDlnaVA5Z2lQOWdpUDkgCP0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAI/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAj9DMGpKj3BqSo9wakqPcGpKj39hQIgCP0MqqoqPqqqKj6qqio+qqoqPv2FAiAI/QwAAAA/AAAAPwAAAD8AAAA//YUCIAggCP3mASAI/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAn9DAAAQEsAAEBLAABASwAAQEv9sQEiB0EB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAHIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIG/QwAAIA/AACAPwAAgD8AAIA/IAb95QEgDf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL9hQL95gH9HwA4AgAgBUEBaiEFDAELCwv0AQMCfAJ/AX4DQCACIAVKBEAgBUECdCIGIABqKgIAuyIDvUL///////////8AgyIHvyEEIAEgBmogB0IgiKciBkHqp4b/A0sEfCAGQYCA0IEESwR8RAAAAAAAAPA/RAAAAAAAAAAAIASjoQVEAAAAAAAA8D9EAAAAAAAAAEAgBCAEoBAFRAAAAAAAAABAoKOhCwUgBkGuscH+A0sEfCAEIASgEAUiBCAERAAAAAAAAABAoKMFIAZBgIDAAE8EfCAERAAAAAAAAADAohAFIgSaIAREAAAAAAAAAECgowUgBAsLCyADprY4AgAgBUEBaiEFDAELCwuUAwICfwN7IAAhBQNAIARBBGoiACADTARAIAUgBEECdCIEav0ABAAhBiACIARqIAb9X/0MAAAAAAAA8D8AAAAAAADwPyABIARq/QAEACIH/V8iCCAI/fIB/fEB/fIB/V4gBiAG/Q0ICQoLDA0ODwgJCgsMDQ4P/V/9DAAAAAAAAPA/AAAAAAAA8D8gByAH/Q0ICQoLDA0ODwgJCgsMDQ4P/V8iBiAG/fIB/fEB/fIB/V79DQABAgMEBQYHEBESExQVFhf9CwQAIAAhBAwBCwsDQCADIARKBEAgBSAEQQJ0IgBqKgIA/RMhBiAAIAJqIAb9X/0MAAAAAAAA8D8AAAAAAADwPyAAIAFqKgIA/RMiB/1fIgggCP3yAf3xAf3yAf1eIAYgBv0NCAkKCwwNDg8ICQoLDA0OD/1f/QwAAAAAAADwPwAAAAAAAPA/IAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIgYgBv3yAf3xAf3yAf1e/Q0AAQIDBAUGBxAREhMUFRYX/R8AOAIAIARBAWohBAwBCwsLCgAgACABIAIQLQsMACAAIAEgAiADEG8LOAICfwF8A0AgAiADSgRAIANBAnQiBCAAaioCALshBSABIARqIAUgBaK2OAIAIANBAWohAwwBCwsLdwICfwF7IAAhBANAIANBBGoiACACTARAIANBAnQiAyAEav0ABAAhBSABIANqIAUgBf3mAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGoqAgD9EyEFIAAgAWogBSAF/eYB/R8AOAIAIANBAWohAwwBCwsLMAECfwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaioCALuftjgCACADQQFqIQMMAQsLC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/eMB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKgIA/RP94wH9HwA4AgAgA0EBaiEDDAELCwuEAQICfwF8A0AgAiADSgRAIANBAnQiBCAAaioCALshBSABIARqIAVEAAAAAAAAAABkBHxEAAAAAAAA8D8FIAVEAAAAAAAAAABjBHxEAAAAAAAA8L8FRAAAAAAAAAAARAAAAAAAAPh/IAVEAAAAAAAAAABhGwsLtjgCACADQQFqIQMMAQsLC60CAgJ/AXsgACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIARq/QAEACEFIAEgA2ogBf0MAAAAAAAAAAAAAAAAAAAAAP1E/QwAAIA/AACAPwAAgD8AAIA//U4gBf0MAAAAAAAAAAAAAAAAAAAAAP1D/QwAAIC/AACAvwAAgL8AAIC//U79UCAFIAX9QiAF/U79UP0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGoqAgD9EyEFIAAgAWogBf0MAAAAAAAAAAAAAAAAAAAAAP1E/QwAAIA/AACAPwAAgD8AAIA//U4gBf0MAAAAAAAAAAAAAAAAAAAAAP1D/QwAAIC/AACAvwAAgL8AAIC//U79UCAFIAX9QiAF/U79UP0fADgCACADQQFqIQMMAQsLC0YBAn8DQCACIANKBEAgA0ECdCIEIAFqRAAAAAAAAPA/IAAgBGoqAgC7mhAGRAAAAAAAAPA/oKO2OAIAIANBAWohAwwBCwsLlAMCAn8DeyAAIQUDQCAEQQRqIgAgA0wEQCAFIARBAnQiBGr9AAQAIQYgAiAEaiAG/V8gASAEav0ABAAiB/1fIgj98gH9DAAAAAAAAPA/AAAAAAAA8D8gCP3xAf3yAf1eIAYgBv0NCAkKCwwNDg8ICQoLDA0OD/1fIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIgb98gH9DAAAAAAAAPA/AAAAAAAA8D8gBv3xAf3yAf1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEACAAIQQMAQsLA0AgAyAESgRAIAUgBEECdCIAaioCAP0TIQYgACACaiAG/V8gACABaioCAP0TIgf9XyII/fIB/QwAAAAAAADwPwAAAAAAAPA/IAj98QH98gH9XiAGIAb9DQgJCgsMDQ4PCAkKCwwNDg/9XyAHIAf9DQgJCgsMDQ4PCAkKCwwNDg/9XyIG/fIB/QwAAAAAAADwPwAAAAAAAPA/IAb98QH98gH9Xv0NAAECAwQFBgcQERITFBUWF/0fADgCACAEQQFqIQQMAQsLC40IAgJ/A3sgACEDIAEhBEEAIQADQCAAQQRqIgEgAkwEQCAAQQJ0IgAgA2r9AAQA/eEB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgX9DDuquD87qrg/O6q4PzuquD/9DAAAQEsAAEBLAABASwAAQEv9hQIiBv0MAABASwAAQEsAAEBLAABAS/3lASIH/QyDgF45g4BeOYOAXjmDgF45IAf9DACAMb8AgDG/AIAxvwCAMb8gBf2FAv2FAiEFIAAgBGr9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD/9DGdpUDlnaVA5Z2lQOWdpUDkgBf0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAF/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAX9DMGpKj3BqSo9wakqPcGpKj39hQIgBf0MqqoqPqqqKj6qqio+qqoqPv2FAiAF/QwAAAA/AAAAPwAAAD8AAAA//YUCIAUgBf3mASAF/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBUEB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAFIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3kAf3nAf0LBAAgASEADAELCwNAIAAgAkgEQCAAQQJ0IgEgA2oqAgD9E/3hAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIF/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgb9DAAAQEsAAEBLAABASwAAQEv95QEiB/0Mg4BeOYOAXjmDgF45g4BeOSAH/QwAgDG/AIAxvwCAMb8AgDG/IAX9hQL9hQIhBSABIARq/QwAAIA/AACAPwAAgD8AAIA//QwAAIA/AACAPwAAgD8AAIA//QxnaVA5Z2lQOWdpUDlnaVA5IAX9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgBf0MCIkIPAiJCDwIiQg8CIkIPP2FAiAF/QzBqSo9wakqPcGpKj3BqSo9/YUCIAX9DKqqKj6qqio+qqoqPqqqKj79hQIgBf0MAAAAPwAAAD8AAAA/AAAAP/2FAiAFIAX95gEgBf2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAG/QwAAEBLAABASwAAQEsAAEBL/bEBIgVBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgBSAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH95AH95wH9HwA4AgAgAEEBaiEADAELCwtTAgF8An8DQCACIARKBEAgBEECdCIFIABqKgIAuyEDIAEgBWogAyADRAAAAAAAAAAAIAMgA2IbIANEAAAAAAAAAABkG7Y4AgAgBEEBaiEEDAELCwuiAQECfyAAIQUDQCAEQQRqIgAgA0wEQCAEQQJ0IgQgAmogBCAFav0ABAAgASAEav0ABAD9DAAAAAAAAAAAAAAAAAAAAAD9RP1O/QsEACAAIQQMAQsLA0AgAyAESgRAIARBAnQiACACaiAAIAVqKgIA/RMgACABaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/UT9Tv0fADgCACAEQQFqIQQMAQsLC7cBAQJ/IAAhBANAIANBBGoiACACTARAIANBAnQiAyABaiADIARq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP3rAf0MAAAAAAAAAAAAAAAAAAAAAP3kAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgAWogACAEaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/esB/QwAAAAAAAAAAAAAAAAAAAAA/eQB/R8AOAIAIANBAWohAwwBCwsLOQECfwNAIAIgA0oEQCADQQJ0IgQgAWpEAAAAAAAA8D8gACAEaioCALujtjgCACADQQFqIQMMAQsLC40BAQJ/IAAhBANAIANBBGoiACACTARAIANBAnQiAyABav0MAACAPwAAgD8AAIA/AACAPyADIARq/QAEAP3nAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgAWr9DAAAgD8AAIA/AACAPwAAgD8gACAEaioCAP0T/ecB/R8AOAIAIANBAWohAwwBCwsLDAAgACABIAIgAxBwCwwAIAAgASACIAMQcQswAQJ/A0AgAiADSgRAIANBAnQiBCABaiAAIARqKgIAu5q2OAIAIANBAWohAwwBCwsLaQECfyAAIQQDQCADQQRqIgAgAkwEQCADQQJ0IgMgAWogAyAEav0ABAD94QH9CwQAIAAhAwwBCwsDQCACIANKBEAgA0ECdCIAIAFqIAAgBGoqAgD9E/3hAf0fADgCACADQQFqIQMMAQsLCwwAIAAgASACIAMQcgsMACAAIAEgAiADEHMLDAAgACABIAIgAxB0CzEBAn8DQCACIANKBEAgA0ECdCIEIAFqIAAgBGoqAgC7EAK2OAIAIANBAWohAwwBCwsLCgAgACABIAIQLgsMACAAIAEgAiADEHULDAAgACABIAIgAxB2C0cCAn8BfANAIAIgBEoEQCAEQQJ0IgUgAGoqAgC7IQYgASAFaiAGIAMgBqIgBkQAAAAAAAAAAGQbtjgCACAEQQFqIQQMAQsLC6oCAgJ/AnsgACEGIAT9FCEHA0AgBUEEaiIAIANMBEAgBiAFQQJ0IgVq/QAEACEIIAIgBWogCCAI/V8gB/3yAf1eIAggCP0NCAkKCwwNDg8ICQoLDA0OD/1fIAf98gH9Xv0NAAECAwQFBgcQERITFBUWFyABIAVq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP1E/VL9CwQAIAAhBQwBCwsDQCADIAVKBEAgBiAFQQJ0IgBqKgIA/RMhCCAAIAJqIAggCP1fIAf98gH9XiAIIAj9DQgJCgsMDQ4PCAkKCwwNDg/9XyAH/fIB/V79DQABAgMEBQYHEBESExQVFhcgACABaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0fADgCACAFQQFqIQUMAQsLC5sCAgJ/AnsgACEFIAP9FCEGA0AgBEEEaiIAIAJMBEAgBEECdCIEIAVq/QAEACEHIAEgBGogByAH/V8gBv3yAf1eIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIAb98gH9Xv0NAAECAwQFBgcQERITFBUWFyAH/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0LBAAgACEEDAELCwNAIAIgBEoEQCAEQQJ0IgAgBWoqAgD9EyEHIAAgAWogByAH/V8gBv3yAf1eIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIAb98gH9Xv0NAAECAwQFBgcQERITFBUWFyAH/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0fADgCACAEQQFqIQQMAQsLCw0AIAAgASACIAMQggELDQAgACABIAIgAxCDAQvbAwIGfAJ/A0AgAiAKSgRAIApBAnQiCSAAaioCALshA0QAAAAAAAAAACEGIAEgCWogA0QAAAAAAADgP6ICfEQAAAAAAAD4fyADRM07f2aeoOY/oiIHIAdiDQAaIAeZIgNEAAAAAAAABEBjBEAgAyIEIAOiIQZBASEJA0AgCUE8SARAAkAgBCADIAaaIAm3IgSjoiIDIAQgBKBEAAAAAAAA8D+goyIFoCEEIAWZIASZRJfURkb1Dmc8omMNACAJQQFqIQkMAgsLCyAERG2bQlDXDfI/oiIDmiADIAdEAAAAAAAAAABjGwwBC0QAAAAAAADwv0QAAAAAAADwPyAHRAAAAAAAAAAAYxsgA0QAAAAAAAAYQGQNABogAyIEIQhBASEJA0AgCUHIAUgEQAJARAAAAAAAAPA/IAMgCbdEAAAAAAAA4D+iIgUgBqKgoyEGIAQgAyAFIAijoCIIIAaiIgWiIQQgBUQAAAAAAADwv6CZRLyJ2Jey0pw8Yw0AIAlBAWohCQwCCwsLIAOaIAOiEAZEbZtCUNcN4j+iIASjIgNEAAAAAAAA8L+gRAAAAAAAAPA/IAOhIAdEAAAAAAAAAABjGwtEAAAAAAAA8D+gorY4AgAgCkEBaiEKDAELCwsMACAAIAEgAiADED8LCgAgACABIAIQLwsxAQJ/A0AgAiADSgRAIANBAnQiBCABaiAAIARqKgIAuxAGtjgCACADQQFqIQMMAQsLC7MHAgJ/A3sgACEDIAEhBEEAIQADQCAAQQRqIgEgAkwEQCAAQQJ0IgAgA2r9AAQA/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgX9DDuquD87qrg/O6q4PzuquD/9DAAAQEsAAEBLAABASwAAQEv9hQIiBv0MAABASwAAQEsAAEBLAABAS/3lASIH/QyDgF45g4BeOYOAXjmDgF45IAf9DACAMb8AgDG/AIAxvwCAMb8gBf2FAv2FAiEFIAAgBGr9DGdpUDlnaVA5Z2lQOWdpUDkgBf0MzkO3Os5DtzrOQ7c6zkO3Ov2FAiAF/QwIiQg8CIkIPAiJCDwIiQg8/YUCIAX9DMGpKj3BqSo9wakqPcGpKj39hQIgBf0MqqoqPqqqKj6qqio+qqoqPv2FAiAF/QwAAAA/AAAAPwAAAD8AAAA//YUCIAUgBf3mASAF/YUC/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBUEB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAFIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0LBAAgASEADAELCwNAIAAgAkgEQCAAQQJ0IgEgA2oqAgD9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIF/Qw7qrg/O6q4PzuquD87qrg//QwAAEBLAABASwAAQEsAAEBL/YUCIgb9DAAAQEsAAEBLAABASwAAQEv95QEiB/0Mg4BeOYOAXjmDgF45g4BeOSAH/QwAgDG/AIAxvwCAMb8AgDG/IAX9hQL9hQIhBSABIARq/QxnaVA5Z2lQOWdpUDlnaVA5IAX9DM5DtzrOQ7c6zkO3Os5Dtzr9hQIgBf0MCIkIPAiJCDwIiQg8CIkIPP2FAiAF/QzBqSo9wakqPcGpKj3BqSo9/YUCIAX9DKqqKj6qqio+qqoqPqqqKj79hQIgBf0MAAAAPwAAAD8AAAA/AAAAP/2FAiAFIAX95gEgBf2FAv0MAACAPwAAgD8AAIA/AACAP/3kASAG/QwAAEBLAABASwAAQEsAAEBL/bEBIgVBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgBSAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwA4AgAgAEEBaiEADAELCwsNACAAIAEgAiADEIQBCw0AIAAgASACIAMQhQELTQIDfAJ/IAO7IQYgBLshBwNAIAIgCEoEQCAIQQJ0IgkgAGoqAgC7IQUgASAJaiAFIAUgBqUgB6QgBSAFYhu2OAIAIAhBAWohCAwBCwsLrAECAn8DeyAAIQcgBLu2/RMhCCAFu7b9EyEJA0AgBkEEaiIAIANMBEAgBkECdCIGIAFq/QAEACEKIAIgBmogBiAHav0ABAAgCiAI/UYgCiAJ/UX9Tv1O/QsEACAAIQYMAQsLA0AgAyAGSgRAIAZBAnQiACABaioCAP0TIQogACACaiAAIAdqKgIA/RMgCiAI/UYgCiAJ/UX9Tv1O/R8AOAIAIAZBAWohBgwBCwsLiQECAn8CeyAAIQYgA7u2/RMhByAEu7b9EyEIA0AgBUEEaiIAIAJMBEAgBUECdCIFIAFqIAUgBmr9AAQAIAf96QEgCP3oAf0LBAAgACEFDAELCwNAIAIgBUoEQCAFQQJ0IgAgAWogACAGaioCAP0TIAf96QEgCP3oAf0fADgCACAFQQFqIQUMAQsLCw0AIAAgASACIAMQhgELMAECfwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaioCALuZtjgCACADQQFqIQMMAQsLC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/eAB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKgIA/RP94AH9HwA4AgAgA0EBaiEDDAELCwvXBAQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/eUB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIAUgC2oqAgCTOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH95QH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgEJM4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP3lAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAtqKgIAkzgCACAEQQFqIQQMAQsLBSAMKgIAIAsqAgCTIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL8A0FCHwMfwJ7AX0BfiADKAIAIhRBAnQgA2oiDigCACENIA4oAiAhECAOQUBrKAIAIRFBASEOA0AgDCAUQQFrSARAIA4gDEECdCIVIANBBGpqKAIAbCEOIANB5ABqIBVqQQA2AgAgDEEBaiEMDAELCwNAIA4gD0oEQCAAIBJBAnRqIRUgASATQQJ0aiEWIAIgDSAPbEECdGohFEEAIQwgEUEBRiAQQQFGcQRAA0AgDEEEaiANTARAIAxBAnQiFyAVav0ABAAiGP0fALshBCAY/R8BuyEFIBj9HwK7IQYgGP0fA7shByAWIBdq/QAEACIY/R8AuyEIIBj9HwG7IQkgGP0fArshCiAY/R8DuyELIBQgF2ogCCAIYgR/QQEFIASZRAAAAAAAAPA/YSAIIAihRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgCBABC7b9EyAJIAliBH9BAQUgBZlEAAAAAAAA8D9hIAkgCaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBSAJEAELtv0gASAKIApiBH9BAQUgBplEAAAAAAAA8D9hIAogCqFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBiAKEAELtv0gAiALIAtiBH9BAQUgB5lEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgByALEAELtv0gA/0LBAAgDEEEaiEMDAELCwNAIAwgDUgEQCAMQQJ0IhcgFWoqAgC7IQQgFCAXaiAWIBdqKgIAuyIFIAViBH9BAQUgBJlEAAAAAAAA8D9hIAUgBaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBCAFEAELtjgCACAMQQFqIQwMAQsLBSAQQQFGBEAgFioCACIa/RMhGANAIAxBBGogDUwEQCAMQQJ0IhYgFWr9AAQAIhn9HwC7IQQgGf0fAbshBSAZ/R8CuyEGIBn9HwO7IQcgGP0fAbshCCAY/R8CuyEJIBj9HwO7IQogFCAWaiAY/R8AuyILIAtiBH9BAQUgBJlEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBCALEAELtv0TIAggCGIEf0EBBSAFmUQAAAAAAADwP2EgCCAIoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAFIAgQAQu2/SABIAkgCWIEf0EBBSAGmUQAAAAAAADwP2EgCSAJoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAGIAkQAQu2/SACIAogCmIEf0EBBSAHmUQAAAAAAADwP2EgCiAKoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAHIAoQAQu2/SAD/QsEACAMQQRqIQwMAQsLA0AgDCANSARAIAxBAnQiFiAVaioCALshBCAUIBZqIBq7IgUgBWIEf0EBBSAEmUQAAAAAAADwP2EgBSAFoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAEIAUQAQu2OAIAIAxBAWohDAwBCwsFIBFBAUYEQCAVKgIAIhr9EyEYA0AgDEEEaiANTARAIBj9HwC7IQQgGP0fAbshBSAY/R8CuyEGIBj9HwO7IQcgDEECdCIVIBZq/QAEACIZ/R8AuyEIIBn9HwG7IQkgGf0fArshCiAZ/R8DuyELIBQgFWogCCAIYgR/QQEFIASZRAAAAAAAAPA/YSAIIAihRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgCBABC7b9EyAJIAliBH9BAQUgBZlEAAAAAAAA8D9hIAkgCaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBSAJEAELtv0gASAKIApiBH9BAQUgBplEAAAAAAAA8D9hIAogCqFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBiAKEAELtv0gAiALIAtiBH9BAQUgB5lEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgByALEAELtv0gA/0LBAAgDEEEaiEMDAELCwNAIAwgDUgEQCAauyEEIAxBAnQiFSAWaioCALshBSAUIBVqIAUgBWIEf0EBBSAEmUQAAAAAAADwP2EgBSAFoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAEIAUQAQu2OAIAIAxBAWohDAwBCwsFIBUqAgC7IQQgFioCALsiBSAFYgR/QQEFIASZRAAAAAAAAPA/YSAFIAWhRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgBRABC7YhGgNAIAwgDUgEQCAUIAxBAnRqIBo4AgAgDEEBaiEMDAELCwsLCyASIANBARAAIhunaiESIBMgG0Igh6dqIRMgD0EBaiEPDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UL9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAFwbOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Qv0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAXBs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1C/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBcGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXBshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvXBAQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/eYB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIAUgC2oqAgCUOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH95gH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgEJQ4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP3mAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAtqKgIAlDgCACAEQQFqIQQMAQsLBSAMKgIAIAsqAgCUIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL1wQEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP3oAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAFIAtqKgIAljgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/egB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAQIAUgDGoqAgCWOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD96AH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgC2oqAgAgEJY4AgAgBEEBaiEEDAELCwUgDCoCACALKgIAliEQA0AgBCAPSARAIA0gBEECdGogEDgCACAEQQFqIQQMAQsLCwsLIA4gA0EBEAAiEqdqIQ4gByASQiCHp2ohByAKQQFqIQoMAQsLC9cEBAx/AX0BewF+IAMoAgAiBUECdCADaiIEKAIAIQ8gBCgCICEJIARBQGsoAgAhCEEBIQcDQCAOIAVBAWtIBEAgByAOQQJ0IgQgA0EEamooAgBsIQcgA0HkAGogBGpBADYCACAOQQFqIQ4MAQsLIAchBkEAIQ5BACEHA0AgBiAKSgRAIAAgDkECdGohDCABIAdBAnRqIQsgAiAKIA9sQQJ0aiENQQAhBCAIQQFGIAlBAUZxBEADQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgBCALav0ABAD96QH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgBSALaioCAJc4AgAgBEEBaiEEDAELCwUgCUEBRgRAIAsqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgEf3pAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAxqKgIAlzgCACAEQQFqIQQMAQsLBSAIQQFGBEAgDCoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiARIAQgC2r9AAQA/ekB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAtqKgIAIBCXOAIAIARBAWohBAwBCwsFIAwqAgAgCyoCAJchEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UX9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAF8bOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Rf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAYBs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1F/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBgGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXxshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UP9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAF0bOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Q/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAXhs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1D/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBeGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXRshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvNBAMMfwF7AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9sQH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIAUgDmooAgAgBSAPaigCAGs2AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEP2xAf0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAOaigCACAPazYCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAQIAQgD2r9AAQA/bEB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAOIAUgD2ooAgBrNgIAIARBAWohBAwBCwsFIA4oAgAgDygCAGshBQNAIAQgBkgEQCAIIARBAnRqIAU2AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhGnaiENIAcgEUIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP04/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBHGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tj9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEcbOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9OP0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAORxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEcbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLzQQDDH8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/bUB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAFIA5qKAIAIAUgD2ooAgBsNgIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9tQH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIA8gBSAOaigCAGw2AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP21Af0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAPaigCACAObDYCACAEQQFqIQQMAQsLBSAOKAIAIA8oAgBsIQUDQCAEIAZIBEAgCCAEQQJ0aiAFNgIAIARBAWohBAwBCwsLCwsgDSADQQEQACIRp2ohDSAHIBFCIIenaiEHIApBAWohCgwBCwsL8wQDDX8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/bYB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAOaigCACEQIAUgCGogECAFIA9qKAIAIgUgBSAQShs2AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIREDQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEf22Af0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgDmooAgAhECAFIAhqIBAgDyAPIBBKGzYCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEQNAIARBBGoiBSAGTARAIARBAnQiBCAIaiARIAQgD2r9AAQA/bYB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAPaigCACEQIAUgCGogDiAQIA4gEEgbNgIAIARBAWohBAwBCwsFIA4oAgAiBSAPKAIAIg4gBSAOSBshBQNAIAQgBkgEQCAIIARBAnRqIAU2AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvzBAMNfwF7AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9uAH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIA5qKAIAIRAgBSAIaiAQIAUgD2ooAgAiBSAFIBBIGzYCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEQNAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAR/bgB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAOaigCACEQIAUgCGogECAPIA8gEEgbNgIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESERA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBEgBCAPav0ABAD9uAH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIA9qKAIAIRAgBSAIaiAOIBAgDiAQShs2AgAgBEEBaiEEDAELCwUgDigCACIFIA8oAgAiDiAFIA5KGyEFA0AgBCAGSARAIAggBEECdGogBTYCACAEQQFqIQQMAQsLCwsLIA0gA0EBEAAiEqdqIQ0gByASQiCHp2ohByAKQQFqIQoMAQsLC7QFBAx/AXsBfQF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/T39DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgDmooAgAgBSAPaigCAEwbOAIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9Pf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgDyAFIA5qKAIAThs4AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP09/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA9qKAIAIA5OGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDigCACAPKAIATBshEQNAIAQgBkgEQCAIIARBAnRqIBE4AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP05/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBIGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tn9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEobOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9Of0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAOShs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEgbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLtAUEDH8BewF9AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9P/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAOaigCACAFIA9qKAIAThs4AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEP0//QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAPIAUgDmooAgBMGzgCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAQIAQgD2r9AAQA/T/9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgD2ooAgAgDkwbOAIAIARBAWohBAwBCwsFQwAAgD9DAAAAACAOKAIAIA8oAgBOGyERA0AgBCAGSARAIAggBEECdGogETgCACAEQQFqIQQMAQsLCwsLIA0gA0EBEAAiEqdqIQ0gByASQiCHp2ohByAKQQFqIQoMAQsLC7QFBAx/AXsBfQF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/Tv9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgDmooAgAgBSAPaigCAEobOAIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9O/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgDyAFIA5qKAIASBs4AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP07/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA9qKAIAIA5IGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDigCACAPKAIAShshEQNAIAQgBkgEQCAIIARBAnRqIBE4AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP03/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBGGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tf9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEYbOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9N/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAORhs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEYbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLzQQDDH8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/a4B/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAFIA5qKAIAIAUgD2ooAgBqNgIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9rgH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIA8gBSAOaigCAGo2AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP2uAf0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAPaigCACAOajYCACAEQQFqIQQMAQsLBSAOKAIAIA8oAgBqIQUDQCAEIAZIBEAgCCAEQQJ0aiAFNgIAIARBAWohBAwBCwsLCwsgDSADQQEQACIRp2ohDSAHIBFCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1G/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBgGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/Ub9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAF8bOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9Rv0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQXxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAGAbIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1E/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBeGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/UT9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAF0bOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9RP0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQXRs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAF4bIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1B/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBbGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/UH9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAFsbOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9Qf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQWxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAFsbIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL1wQEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP3nAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAFIAtqKgIAlTgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/ecB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIBCVOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD95wH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIBAgBSALaioCAJU4AgAgBEEBaiEEDAELCwUgDCoCACALKgIAlSEQA0AgBCAPSARAIA0gBEECdGogEDgCACAEQQFqIQQMAQsLCwsLIA4gA0EBEAAiEqdqIQ4gByASQiCHp2ohByAKQQFqIQoMAQsLC9cEBAx/AX0BewF+IAMoAgAiBUECdCADaiIEKAIAIQ8gBCgCICEJIARBQGsoAgAhCEEBIQcDQCAOIAVBAWtIBEAgByAOQQJ0IgQgA0EEamooAgBsIQcgA0HkAGogBGpBADYCACAOQQFqIQ4MAQsLIAchBkEAIQ5BACEHA0AgBiAKSgRAIAAgDkECdGohDCABIAdBAnRqIQsgAiAKIA9sQQJ0aiENQQAhBCAIQQFGIAlBAUZxBEADQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgBCALav0ABAD95AH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgBSALaioCAJI4AgAgBEEBaiEEDAELCwUgCUEBRgRAIAsqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgEf3kAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAQkjgCACAEQQFqIQQMAQsLBSAIQQFGBEAgDCoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiARIAQgC2r9AAQA/eQB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAQIAUgC2oqAgCSOAIAIARBAWohBAwBCwsFIAwqAgAgCyoCAJIhEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwsLnVAEAEGACAuAEAAAAAAAAAAAAAAAAAAA8D9uv4gaTzubPDUz+6k99u8/XdzYnBNgcbxhgHc+muzvP9FmhxB6XpC8hX9u6BXj7z8T9mc1UtKMPHSFFdOw2e8/+o75I4DOi7ze9t0pa9DvP2HI5mFO92A8yJt1GEXH7z+Z0zNb5KOQPIPzxso+vu8/bXuDXaaalzwPiflsWLXvP/zv/ZIatY4890dyK5Ks7z/RnC9wPb4+PKLR0zLso+8/C26QiTQDarwb0/6vZpvvPw69LypSVpW8UVsS0AGT7z9V6k6M74BQvMwxbMC9iu8/FvTVuSPJkbzgLamumoLvP69VXOnj04A8UY6lyJh67z9Ik6XqFRuAvHtRfTy4cu8/PTLeVfAfj7zqjYw4+WrvP79TEz+MiYs8dctv61tj7z8m6xF2nNmWvNRcBITgW+8/YC86PvfsmjyquWgxh1TvP504hsuC54+8Hdn8IlBN7z+Nw6ZEQW+KPNaMYog7Ru8/fQTksAV6gDyW3H2RST/vP5SoqOP9jpY8OGJ1bno47z99SHTyGF6HPD+msk/OMe8/8ucfmCtHgDzdfOJlRSvvP14IcT97uJa8gWP14d8k7z8xqwlt4feCPOHeH/WdHu8/+r9vGpshPbyQ2drQfxjvP7QKDHKCN4s8CwPkpoUS7z+Py86JkhRuPFYvPqmvDO8/tquwTXVNgzwVtzEK/gbvP0x0rOIBQoY8MdhM/HAB7z9K+NNdOd2PPP8WZLII/O4/BFuOO4Cjhrzxn5JfxfbuP2hQS8ztSpK8y6k6N6fx7j+OLVEb+AeZvGbYBW2u7O4/0jaUPujRcbz3n+U02+fuPxUbzrMZGZm85agTwy3j7j9tTCqnSJ+FPCI0Ekym3u4/imkoemASk7wcgKwERdruP1uJF0iPp1i8Ki73IQrW7j8bmklnmyx8vJeoUNn10e4/EazCYO1jQzwtiWFgCM7uP+9kBjsJZpY8VwAd7UHK7j95A6Ha4cxuPNA8wbWixu4/MBIPP47/kzze09fwKsPuP7CvervOkHY8Jyo21dq/7j934FTrvR2TPA3d/ZmyvO4/jqNxADSUj7ynLJ12srnuP0mjk9zM3oe8QmbPotq27j9fOA+9xt54vIJPnVYrtO4/9lx77EYShrwPkl3KpLHuP47X/RgFNZM82ie1Nkev7j8Fm4ovt5h7PP3Hl9QSre4/CVQc4uFjkDwpVEjdB6vuP+rGGVCFxzQ8t0ZZiiap7j81wGQr5jKUPEghrRVvp+4/n3aZYUrkjLwJ3Ha54aXuP6hN7zvFM4y8hVU6sH6k7j+u6SuJeFOEvCDDzDRGo+4/WFhWeN3Ok7wlIlWCOKLuP2QZfoCqEFc8c6lM1FWh7j8oIl6/77OTvM07f2aeoO4/grk0h60Sary/2gt1EqDuP+6pbbjvZ2O8LxplPLKf7j9RiOBUPdyAvISUUfl9n+4/zz5afmQfeLx0X+zodZ/uP7B9i8BK7oa8dIGlSJqf7j+K5lUeMhmGvMlnQlbrn+4/09QJXsuckDw/Xd5PaaDuPx2lTbncMnu8hwHrcxSh7j9rwGdU/eyUPDLBMAHtoe4/VWzWq+HrZTxiTs8286LuP0LPsy/FoYi8Eho+VCek7j80NzvxtmmTvBPOTJmJpe4/Hv8ZOoRegLytxyNGGqfuP25XcthQ1JS87ZJEm9mo7j8Aig5bZ62QPJlmitnHqu4/tOrwwS+3jTzboCpC5azuP//nxZxgtmW8jES1FjKv7j9EX/NZg/Z7PDZ3FZmuse4/gz0epx8Jk7zG/5ELW7TuPykebIu4qV285cXNsDe37j9ZuZB8+SNsvA9SyMtEuu4/qvn0IkNDkrxQTt6fgr3uP0uOZtdsyoW8ugfKcPHA7j8nzpEr/K9xPJDwo4KRxO4/u3MK4TXSbTwjI+MZY8juP2MiYiIExYe8ZeVde2bM7j/VMeLjhhyLPDMtSuyb0O4/Fbu809G7kbxdJT6yA9XuP9Ix7pwxzJA8WLMwE57Z7j+zWnNuhGmEPL/9eVVr3u4/tJ2Ol83fgrx689O/a+PuP4czy5J3Gow8rdNamZ/o7j/62dFKj3uQvGa2jSkH7u4/uq7cVtnDVbz7FU+4ovPuP0D2pj0OpJC8OlnljXL57j80k6049NZovEde+/J2/+4/NYpYa+LukbxKBqEwsAXvP83dXwrX/3Q80sFLkB4M7z+smJL6+72RvAke11vCEu8/swyvMK5uczycUoXdmxnvP5T9n1wy4448etD/X6sg7z+sWQnRj+CEPEvRVy7xJ+8/ZxpOOK/NYzy15waUbS/vP2gZkmwsa2c8aZDv3CA37z/StcyDGIqAvPrDXVULP+8/b/r/P12tj7x8iQdKLUfvP0mpdTiuDZC88okNCIdP7z+nBz2mhaN0PIek+9wYWO8/DyJAIJ6RgryYg8kW42DvP6ySwdVQWo48hTLbA+Zp7z9LawGsWTqEPGC0AfMhc+8/Hz60ByHVgrxfm3szl3zvP8kNRzu5Kom8KaH1FEaG7z/TiDpgBLZ0PPY/i+cukO8/cXKdUezFgzyDTMf7UZrvP/CR048S94+82pCkoq+k7z99dCPimK6NvPFnji1Ir+8/CCCqQbzDjjwnWmHuG7rvPzLrqcOUK4Q8l7prNyvF7z/uhdExqWSKPEBFblt20O8/7eM75Lo3jrwUvpyt/dvvP53NkU07iXc82JCegcHn7z+JzGBBwQVTPPFxjyvC8+8/AEGAGAuAEJ/e4MPwNPc/AJDmeX/M178f6SxqeBP3PwAADcLub9e/oLX6CGDy9j8A4FET4xPXv32MEx+m0fY/AHgoOFu41r/RtMULSbH2PwB4gJBVXda/ugwvM0eR9j8AABh20ALWvyNCIhifcfY/AJCQhsqo1b/ZHqWZT1L2PwBQA1ZDT9W/xCSPqlYz9j8AQGvDN/bUvxTcnWuzFPY/AFCo/aed1L9MXMZSZPb1PwCoiTmSRdS/TyyRtWfY9T8AuLA59O3Tv96QW8u8uvU/AHCPRM6W0794GtnyYZ31PwCgvRceQNO/h1ZGElaA9T8AgEbv4unSv9Nr586XY/U/AOAwOBuU0r+Tf6fiJUf1PwCI2ozFPtK/g0UGQv8q9T8AkCcp4enRv9+9stsiD/U/APhIK22V0b/X3jRHj/P0PwD4uZpnQdG/QCjez0PY9D8AmO+U0O3Qv8ijeMA+vfQ/ABDbGKWa0L+KJeDDf6L0PwC4Y1LmR9C/NITUJAWI9D8A8IZFIuvPvwstGRvObfQ/ALAXdUpHz79UGDnT2VP0PwAwED1EpM6/WoS0RCc69D8AsOlEDQLOv/v4FUG1IPQ/APB3KaJgzb+x9D7aggf0PwCQlQQBwMy/j/5XXY/u8z8AEIlWKSDMv+lMC6DZ1fM/ABCBjReBy78rwRDAYL3zPwDQ08zJ4sq/uNp1KySl8z8AkBIuQEXKvwLQn80ijfM/APAdaHeoyb8ceoTFW3XzPwAwSGltDMm/4jatSc5d8z8AwEWmIHHIv0DUTZh5RvM/ADAUtI/Wx78ky//OXC/zPwBwYjy4PMe/SQ2hdXcY8z8AYDebmqPGv5A5PjfIAfM/AKC3VDELxr9B+JW7TuvyPwAwJHZ9c8W/0akZAgrV8j8AMMKPe9zEvyr9t6j5vvI/AADSUSxGxL+rGwx6HKnyPwAAg7yKsMO/MLUUYHKT8j8AAElrmRvDv/WhV1f6ffI/AECkkFSHwr+/Ox2bs2jyPwCgefi588G/vfWPg51T8j8AoCwlyGDBvzsIyaq3PvI/ACD3V3/OwL+2QKkrASryPwCg/kncPMC/MkHMlnkV8j8AgEu8vVe/v5v80h0gAfI/AEBAlgg3vr8LSE1J9OzxPwBA+T6YF72/aWWPUvXY8T8AoNhOZ/m7v3x+VxEjxfE/AGAvIHncur/pJst0fLHxPwCAKOfDwLm/thosDAGe8T8AwHKzRqa4v71wtnuwivE/AACsswGNt7+2vO8linfxPwAAOEXxdLa/2jFMNY1k8T8AgIdtDl61v91fJ5C5UfE/AOCh3lxItL9M0jKkDj/xPwCgak3ZM7O/2vkQcoss8T8AYMX4eSCyvzG17CgwGvE/ACBimEYOsb+vNITa+wfxPwAA0mps+q+/s2tOD+718D8AQHdKjdqtv86fKl0G5PA/AACF5Oy8q78hpSxjRNLwPwDAEkCJoam/GpjifKfA8D8AwAIzWIinv9E2xoMvr/A/AIDWZ15xpb85E6CY253wPwCAZUmKXKO/3+dSr6uM8D8AQBVk40mhv/soTi+fe/A/AIDrgsBynr8ZjzWMtWrwPwCAUlLxVZq/LPnspe5Z8D8AgIHPYj2Wv5As0c1JSfA/AACqjPsokr+prfDGxjjwPwAA+SB7MYy/qTJ5E2Uo8D8AAKpdNRmEv0hz6ickGPA/AADswgMSeL+VsRQGBAjwPwAAJHkJBGC/Gvom9x/g7z8AAJCE8+9vP3TqYcIcoe8/AAA9NUHchz8umYGwEGPvPwCAwsSjzpM/za3uPPYl7z8AAIkUwZ+bP+cTkQPI6e4/AAARztiwoT+rsct4gK7uPwDAAdBbiqU/mwydohp07j8AgNhAg1ypP7WZCoOROu4/AIBX72onrT9WmmAJ4AHuPwDAmOWYdbA/mLt35QHK7T8AIA3j9VOyPwORfAvyku0/AAA4i90utD/OXPtmrFztPwDAV4dZBrY/nd5eqiwn7T8AAGo1dtq3P80saz5u8uw/AGAcTkOruT8Ceaeibb7sPwBgDbvHeLs/bQg3bSaL7D8AIOcyE0O9PwRYXb2UWOw/AGDecTEKvz+Mn7sztSbsPwBAkSsVZ8A/P+fs7oP16z8AsJKChUfBP8GW23X9xOs/ADDKzW4mwj8oSoYMHpXrPwBQxabXA8M/LD7vxeJl6z8AEDM8w9/DP4uIyWdIN+s/AIB6aza6xD9KMB0hSwnrPwDw0Sg5k8U/fu/yhejb6j8A8BgkzWrGP6I9YDEdr+o/AJBm7PhAxz+nWNM/5oLqPwDwGvXAFcg/i3MJ70BX6j8AgPZUKenIPydLq5AqLOo/AED4Aja7yT/R8pMToAHqPwAALBzti8o/GzzbJJ/X6T8A0AFcUVvLP5CxxwUlruk/AMC8zGcpzD8vzpfyLoXpPwBgSNU19sw/dUuk7rpc6T8AwEY0vcHNPzhI553GNOk/AODPuAGMzj/mUmcvTw3pPwCQF8AJVc8/ndf/jlLm6D8AuB8SbA7QP3wAzJ/Ov+g/ANCTDrhx0D8Ow77awJnoPwBwhp5r1NA/+xcjqid06D8A0EszhzbRPwias6wAT+g/AEgjZw2Y0T9VPmXoSSroPwCAzOD/+NE/YAL0lQEG6D8AaGPXX1nSPymj4GMl4uc/AKgUCTC50j+ttdx3s77nPwBgQxByGNM/wiWXZ6qb5z8AGOxtJnfTP1cGF/IHeec/ADCv+0/V0z8ME9bbylbnPwDgL+PuMtQ/AEGAKAuAEGu2TwEAEOY/PFtCkWwCfjyVtE0DADDmP0FdAEjqv408eNSUDQBQ5j+3pdaGp3+OPK1vTgcAcOY/TCVUa+r8YTyuD9/+/4/mP/0OWUwnfny8vMVjBwCw5j8B2txIaMGKvPbBXB4A0OY/EZNJnRw/gzw+9gXr/+/mP1Mt4hoEgH68gJeGDgAQ5z9SeQlxZv97PBLpZ/z/L+c/JIe9JuIAjDxqEYHf/0/nP9IB8W6RAm68kJxnDwBw5z90nFTNcfxnvDXIfvr/j+c/gwT1nsG+gTzmwiD+/6/nP2VkzCkXfnC8AMk/7f/P5z8ci3sIcoCAvHYaJun/7+c/rvmdbSjAjTzoo5wEABDoPzNM5VHSf4k8jyyTFwAw6D+B8zC26f6KvJxzMwYAUOg/vDVla7+/iTzGiUIgAHDoP3V7EfNlv4u8BHn16/+P6D9Xyz2ibgCJvN8EvCIAsOg/CkvgON8AfbyKGwzl/8/oPwWf/0ZxAIi8Q46R/P/v6D84cHrQe4GDPMdf+h4AEOk/A7TfdpE+iTy5e0YTADDpP3YCmEtOgH88bwfu5v9P6T8uYv/Z8H6PvNESPN7/b+k/ujgmlqqCcLwNikX0/4/pP++oZJEbgIe8Pi6Y3f+v6T83k1qK4ECHvGb7Se3/z+k/AOCbwQjOPzxRnPEgAPDpPwpbiCeqP4q8BrBFEQAQ6j9W2liZSP90PPr2uwcAMOo/GG0riqu+jDx5HZcQAFDqPzB5eN3K/og8SC71HQBw6j/bq9g9dkGPvFIzWRwAkOo/EnbChAK/jrxLPk8qALDqP18//zwE/Wm80R6u1//P6j+0cJAS5z6CvHgEUe7/7+o/o94O4D4GajxbDWXb/w/rP7kKHzjIBlo8V8qq/v8v6z8dPCN0HgF5vNy6ldn/T+s/nyqGaBD/ebycZZ4kAHDrPz5PhtBF/4o8QBaH+f+P6z/5w8KWd/58PE/LBNL/r+s/xCvy7if/Y7xFXEHS/8/rPyHqO+63/2y83wlj+P/v6z9cCy6XA0GBvFN2teH/D+w/GWq3lGTBizzjV/rx/y/sP+3GMI3v/mS8JOS/3P9P7D91R+y8aD+EvPe5VO3/b+w/7OBT8KN+hDzVj5nr/4/sP/GS+Y0Gg3M8miElIQCw7D8EDhhkjv1ovJxGlN3/z+w/curHHL5+jjx2xP3q/+/sP/6In605vo48K/iaFgAQ7T9xWrmokX11PB33Dw0AMO0/2sdwaZDBiTzED3nq/0/tPwz+WMU3Dli85YfcLgBw7T9ED8FN1oB/vKqC3CEAkO0/XFz9lI98dLyDAmvY/6/tP35hIcUdf4w8OUdsKQDQ7T9Tsf+yngGIPPWQROX/7+0/icxSxtIAbjyU9qvN/w/uP9JpLSBAg3+83chS2/8v7j9kCBvKwQB7PO8WQvL/T+4/UauUsKj/cjwRXoro/2/uP1m+77Fz9le8Df+eEQCQ7j8ByAtejYCEvEQXpd//r+4/tSBD1QYAeDyhfxIaANDuP5JcVmD4AlC8xLy6BwDw7j8R5jVdRECFvAKNevX/D+8/BZHvOTH7T7zHiuUeADDvP1URc/KsgYo8lDSC9f9P7z9Dx9fUQT+KPGtMqfz/b+8/dXiYHPQCYrxBxPnh/4/vP0vnd/TRfXc8fuPg0v+v7z8xo3yaGQFvvJ7kdxwA0O8/sazOS+6BcTwxw+D3/+/vP1qHcAE3BW68bmBl9P8P8D/aChxJrX6KvFh6hvP/L/A/4LL8w2l/l7wXDfz9/0/wP1uUyzT+v5c8gk3NAwBw8D/LVuTAgwCCPOjL8vn/j/A/GnU3vt//bbxl2gwBALDwP+sm5q5/P5G8ONOkAQDQ8D/3n0h5+n2APP392vr/7/A/wGvWcAUEd7yW/boLABDxP2ILbYTUgI48XfTl+v8v8T/vNv1k+r+dPNma1Q0AUPE/rlAScHcAmjyaVSEPAHDxP+7e4+L5/Y08JlQn/P+P8T9zcjvcMACRPFk8PRIAsPE/iAEDgHl/mTy3nin4/8/xP2eMn6sy+WW8ANSK9P/v8T/rW6edv3+TPKSGiwwAEPI/Ilv9kWuAnzwDQ4UDADDyPzO/n+vC/5M8hPa8//9P8j9yLi5+5wF2PNkhKfX/b/I/YQx/drv8fzw8OpMUAJDyPytBAjzKAnK8E2NVFACw8j8CH/IzgoCSvDtS/uv/z/I/8txPOH7/iLyWrbgLAPDyP8VBMFBR/4W8r+J6+/8P8z+dKF6IcQCBvH9frP7/L/M/Fbe3P13/kbxWZ6YMAFDzP72CiyKCf5U8Iff7EQBw8z/M1Q3EugCAPLkvWfn/j/M/UaeyLZ0/lLxC0t0EALDzP+E4dnBrf4U8V8my9f/P8z8xEr8QOgJ6PBi0sOr/7/M/sFKxZm1/mDz0rzIVABD0PySFGV83+Gc8KYtHFwAw9D9DUdxy5gGDPGO0lef/T/Q/WomyuGn/iTzgdQTo/2/0P1TywpuxwJW858Fv7/+P9D9yKjryCUCbPASnvuX/r/Q/RX0Nv7f/lLzeJxAXAND0Pz1q3HFkwJm84j7wDwDw9D8cU4ULiX+XPNFL3BIAEPU/NqRmcWUEYDx6JwUWADD1PwkyI87Ov5a8THDb7P9P9T/XoQUFcgKJvKlUX+//b/U/EmTJDua/mzwSEOYXAJD1P5Dvr4HFfog8kj7JAwCw9T/ADL8KCEGfvLwZSR0A0PU/KUcl+yqBmLyJerjn/+/1PwRp7YC3fpS8AEGAOAuAIAAAAAAAoPY/AAAAAAAAAAAAyLnygizWv4BWNygktPo8AAAAAACA9j8AAAAAAAAAAAAIWL+90dW/IPfg2AilHL0AAAAAAGD2PwAAAAAAAAAAAFhFF3d21b9tULbVpGIjvQAAAAAAQPY/AAAAAAAAAAAA+C2HrRrVv9VnsJ7khOa8AAAAAAAg9j8AAAAAAAAAAAB4d5VfvtS/4D4pk2kbBL0AAAAAAAD2PwAAAAAAAAAAAGAcwoth1L/MhExIL9gTPQAAAAAA4PU/AAAAAAAAAAAAqIaGMATUvzoLgu3zQtw8AAAAAADA9T8AAAAAAAAAAABIaVVMptO/YJRRhsaxID0AAAAAAKD1PwAAAAAAAAAAAICYmt1H07+SgMXUTVklPQAAAAAAgPU/AAAAAAAAAAAAIOG64ujSv9grt5keeyY9AAAAAABg9T8AAAAAAAAAAACI3hNaidK/P7DPthTKFT0AAAAAAGD1PwAAAAAAAAAAAIjeE1qJ0r8/sM+2FMoVPQAAAAAAQPU/AAAAAAAAAAAAeM/7QSnSv3baUygkWha9AAAAAAAg9T8AAAAAAAAAAACYacGYyNG/BFTnaLyvH70AAAAAAAD1PwAAAAAAAAAAAKirq1xn0b/wqIIzxh8fPQAAAAAA4PQ/AAAAAAAAAAAASK75iwXRv2ZaBf3EqCa9AAAAAADA9D8AAAAAAAAAAACQc+Iko9C/DgP0fu5rDL0AAAAAAKD0PwAAAAAAAAAAANC0lCVA0L9/LfSeuDbwvAAAAAAAoPQ/AAAAAAAAAAAA0LSUJUDQv38t9J64NvC8AAAAAACA9D8AAAAAAAAAAABAXm0Yuc+/hzyZqypXDT0AAAAAAGD0PwAAAAAAAAAAAGDcy63wzr8kr4actyYrPQAAAAAAQPQ/AAAAAAAAAAAA8CpuByfOvxD/P1RPLxe9AAAAAAAg9D8AAAAAAAAAAADAT2shXM2/G2jKu5G6IT0AAAAAAAD0PwAAAAAAAAAAAKCax/ePzL80hJ9oT3knPQAAAAAAAPQ/AAAAAAAAAAAAoJrH94/MvzSEn2hPeSc9AAAAAADg8z8AAAAAAAAAAACQLXSGwsu/j7eLMbBOGT0AAAAAAMDzPwAAAAAAAAAAAMCATsnzyr9mkM0/Y066PAAAAAAAoPM/AAAAAAAAAAAAsOIfvCPKv+rBRtxkjCW9AAAAAACg8z8AAAAAAAAAAACw4h+8I8q/6sFG3GSMJb0AAAAAAIDzPwAAAAAAAAAAAFD0nFpSyb/j1MEE2dEqvQAAAAAAYPM/AAAAAAAAAAAA0CBloH/Ivwn623+/vSs9AAAAAABA8z8AAAAAAAAAAADgEAKJq8e/WEpTcpDbKz0AAAAAAEDzPwAAAAAAAAAAAOAQAomrx79YSlNykNsrPQAAAAAAIPM/AAAAAAAAAAAA0BnnD9bGv2bisqNq5BC9AAAAAAAA8z8AAAAAAAAAAACQp3Aw/8W/OVAQn0OeHr0AAAAAAADzPwAAAAAAAAAAAJCncDD/xb85UBCfQ54evQAAAAAA4PI/AAAAAAAAAAAAsKHj5SbFv49bB5CL3iC9AAAAAADA8j8AAAAAAAAAAACAy2wrTcS/PHg1YcEMFz0AAAAAAMDyPwAAAAAAAAAAAIDLbCtNxL88eDVhwQwXPQAAAAAAoPI/AAAAAAAAAAAAkB4g/HHDvzpUJ02GePE8AAAAAACA8j8AAAAAAAAAAADwH/hSlcK/CMRxFzCNJL0AAAAAAGDyPwAAAAAAAAAAAGAv1Sq3wb+WoxEYpIAuvQAAAAAAYPI/AAAAAAAAAAAAYC/VKrfBv5ajERikgC69AAAAAABA8j8AAAAAAAAAAACQ0Hx+18C/9FvoiJZpCj0AAAAAAEDyPwAAAAAAAAAAAJDQfH7XwL/0W+iIlmkKPQAAAAAAIPI/AAAAAAAAAAAA4Nsxkey/v/Izo1xUdSW9AAAAAAAA8j8AAAAAAAAAAAAAK24HJ76/PADwKiw0Kj0AAAAAAADyPwAAAAAAAAAAAAArbgcnvr88APAqLDQqPQAAAAAA4PE/AAAAAAAAAAAAwFuPVF68vwa+X1hXDB29AAAAAADA8T8AAAAAAAAAAADgSjptkrq/yKpb6DU5JT0AAAAAAMDxPwAAAAAAAAAAAOBKOm2Sur/IqlvoNTklPQAAAAAAoPE/AAAAAAAAAAAAoDHWRcO4v2hWL00pfBM9AAAAAACg8T8AAAAAAAAAAACgMdZFw7i/aFYvTSl8Ez0AAAAAAIDxPwAAAAAAAAAAAGDlitLwtr/aczPJN5cmvQAAAAAAYPE/AAAAAAAAAAAAIAY/Bxu1v1dexmFbAh89AAAAAABg8T8AAAAAAAAAAAAgBj8HG7W/V17GYVsCHz0AAAAAAEDxPwAAAAAAAAAAAOAbltdBs7/fE/nM2l4sPQAAAAAAQPE/AAAAAAAAAAAA4BuW10Gzv98T+czaXiw9AAAAAAAg8T8AAAAAAAAAAACAo+42ZbG/CaOPdl58FD0AAAAAAADxPwAAAAAAAAAAAIARwDAKr7+RjjaDnlktPQAAAAAAAPE/AAAAAAAAAAAAgBHAMAqvv5GONoOeWS09AAAAAADg8D8AAAAAAAAAAACAGXHdQqu/THDW5XqCHD0AAAAAAODwPwAAAAAAAAAAAIAZcd1Cq79McNbleoIcPQAAAAAAwPA/AAAAAAAAAAAAwDL2WHSnv+6h8jRG/Cy9AAAAAADA8D8AAAAAAAAAAADAMvZYdKe/7qHyNEb8LL0AAAAAAKDwPwAAAAAAAAAAAMD+uYeeo7+q/ib1twL1PAAAAAAAoPA/AAAAAAAAAAAAwP65h56jv6r+JvW3AvU8AAAAAACA8D8AAAAAAAAAAAAAeA6bgp+/5Al+fCaAKb0AAAAAAIDwPwAAAAAAAAAAAAB4DpuCn7/kCX58JoApvQAAAAAAYPA/AAAAAAAAAAAAgNUHG7mXvzmm+pNUjSi9AAAAAABA8D8AAAAAAAAAAAAA/LCowI+/nKbT9nwe37wAAAAAAEDwPwAAAAAAAAAAAAD8sKjAj7+cptP2fB7fvAAAAAAAIPA/AAAAAAAAAAAAABBrKuB/v+RA2g0/4hm9AAAAAAAg8D8AAAAAAAAAAAAAEGsq4H+/5EDaDT/iGb0AAAAAAADwPwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADA7z8AAAAAAAAAAAAAiXUVEIA/6CudmWvHEL0AAAAAAIDvPwAAAAAAAAAAAICTWFYgkD/S9+IGW9wjvQAAAAAAQO8/AAAAAAAAAAAAAMkoJUmYPzQMWjK6oCq9AAAAAAAA7z8AAAAAAAAAAABA54ldQaA/U9fxXMARAT0AAAAAAMDuPwAAAAAAAAAAAAAu1K5mpD8o/b11cxYsvQAAAAAAgO4/AAAAAAAAAAAAwJ8UqpSoP30mWtCVeRm9AAAAAABA7j8AAAAAAAAAAADA3c1zy6w/ByjYR/JoGr0AAAAAACDuPwAAAAAAAAAAAMAGwDHqrj97O8lPPhEOvQAAAAAA4O0/AAAAAAAAAAAAYEbRO5exP5ueDVZdMiW9AAAAAACg7T8AAAAAAAAAAADg0af1vbM/107bpV7ILD0AAAAAAGDtPwAAAAAAAAAAAKCXTVrptT8eHV08BmksvQAAAAAAQO0/AAAAAAAAAAAAwOoK0wC3PzLtnamNHuw8AAAAAAAA7T8AAAAAAAAAAABAWV1eM7k/2ke9OlwRIz0AAAAAAMDsPwAAAAAAAAAAAGCtjchquz/laPcrgJATvQAAAAAAoOw/AAAAAAAAAAAAQLwBWIi8P9OsWsbRRiY9AAAAAABg7D8AAAAAAAAAAAAgCoM5x74/4EXmr2jALb0AAAAAAEDsPwAAAAAAAAAAAODbOZHovz/9CqFP1jQlvQAAAAAAAOw/AAAAAAAAAAAA4CeCjhfBP/IHLc547yE9AAAAAADg6z8AAAAAAAAAAADwI34rqsE/NJk4RI6nLD0AAAAAAKDrPwAAAAAAAAAAAICGDGHRwj+htIHLbJ0DPQAAAAAAgOs/AAAAAAAAAAAAkBWw/GXDP4lySyOoL8Y8AAAAAABA6z8AAAAAAAAAAACwM4M9kcQ/eLb9VHmDJT0AAAAAACDrPwAAAAAAAAAAALCh5OUnxT/HfWnl6DMmPQAAAAAA4Oo/AAAAAAAAAAAAEIy+TlfGP3guPCyLzxk9AAAAAADA6j8AAAAAAAAAAABwdYsS8MY/4SGc5Y0RJb0AAAAAAKDqPwAAAAAAAAAAAFBEhY2Jxz8FQ5FwEGYcvQAAAAAAYOo/AAAAAAAAAAAAADnrr77IP9Es6apUPQe9AAAAAABA6j8AAAAAAAAAAAAA99xaWsk/b/+gWCjyBz0AAAAAAADqPwAAAAAAAAAAAOCKPO2Tyj9pIVZQQ3IovQAAAAAA4Ok/AAAAAAAAAAAA0FtX2DHLP6rhrE6NNQy9AAAAAADA6T8AAAAAAAAAAADgOziH0Ms/thJUWcRLLb0AAAAAAKDpPwAAAAAAAAAAABDwxvtvzD/SK5bFcuzxvAAAAAAAYOk/AAAAAAAAAAAAkNSwPbHNPzWwFfcq/yq9AAAAAABA6T8AAAAAAAAAAAAQ5/8OU84/MPRBYCcSwjwAAAAAACDpPwAAAAAAAAAAAADd5K31zj8RjrtlFSHKvAAAAAAAAOk/AAAAAAAAAAAAsLNsHJnPPzDfDMrsyxs9AAAAAADA6D8AAAAAAAAAAABYTWA4cdA/kU7tFtuc+DwAAAAAAKDoPwAAAAAAAAAAAGBhZy3E0D/p6jwWixgnPQAAAAAAgOg/AAAAAAAAAAAA6CeCjhfRPxzwpWMOISy9AAAAAABg6D8AAAAAAAAAAAD4rMtca9E/gRal982aKz0AAAAAAEDoPwAAAAAAAAAAAGhaY5m/0T+3vUdR7aYsPQAAAAAAIOg/AAAAAAAAAAAAuA5tRRTSP+q6Rrrehwo9AAAAAADg5z8AAAAAAAAAAACQ3HzwvtI/9ARQSvqcKj0AAAAAAMDnPwAAAAAAAAAAAGDT4fEU0z+4PCHTeuIovQAAAAAAoOc/AAAAAAAAAAAAEL52Z2vTP8h38bDNbhE9AAAAAACA5z8AAAAAAAAAAAAwM3dSwtM/XL0GtlQ7GD0AAAAAAGDnPwAAAAAAAAAAAOjVI7QZ1D+d4JDsNuQIPQAAAAAAQOc/AAAAAAAAAAAAyHHCjXHUP3XWZwnOJy+9AAAAAAAg5z8AAAAAAAAAAAAwF57gydQ/pNgKG4kgLr0AAAAAAADnPwAAAAAAAAAAAKA4B64i1T9Zx2SBcL4uPQAAAAAA4OY/AAAAAAAAAAAA0MhT93vVP+9AXe7trR89AAAAAADA5j8AAAAAAAAAAABgWd+91dU/3GWkCCoLCr0=";
  }
});

// bindings/wasm-simd.gen.ts
var wasm_simd_gen_exports = {};
__export(wasm_simd_gen_exports, {
  wasmBase64: () => wasmBase642
});
var wasmBase642;
var init_wasm_simd_gen = __esm({
  "bindings/wasm-simd.gen.ts"() {
    "use strict";
    wasmBase642 = "AGFzbQEAAAAB1AEWYAR/f39/AGADf39/AGAFf39/f38AYBB/f39/f39/f39/f39/f39/AGABfAF8YAd/f39/f39/AGAFf39/fX0AYA9/f39/f39/f39/f39/f38AYAR/f398AGACf38BfmACfHwBfGAIf39/f319f30AYAx/f39/f399fX19fX0AYAp/f39/f319fX19AGAHf39/f319fQBgCH9/f39/f39/AGAAAX9gDn9/f39/f39/f39/f39/AGADf39/AX9gAnt/AXtgBX9/f398AGAGf39/f319AAIPAQNlbnYGbWVtb3J5AgABA4kBhwEJCgQDAgQEBQICAAACAgICAgICAgICBgsMDQ4FAQEBBQABDxAHERIDAwcDAxMBAQEAAQEAAQAAAAAAAAAAAAEAAQABAAEBAQEBAQEAAQEAAQEBAAABAQAAAAEBAAAIFAgAAAEAAQEBAAAGFQYAAQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAGDQF8AUQAAAAAAAAAAAsHiAtfCWhlYXBfYmFzZQAjC3gzMl9jb3B5X25kAB0IeDMyX2ZpbGwAHAp4MzJfZ2F0aGVyABsPZjMyX3NjYXR0ZXJfYWRkAB8LZjMyX29uZV9ob3QAIAxmMzJfY2FzdF9pMzIAIQxpMzJfY2FzdF9mMzIAHgdmMzJfbmVnAFUHZjMyX2V4cABmB2YzMl9sb2cAWghmMzJfc3FydABHCmYzMl9zcXVhcmUARQdmMzJfYWJzAG4IZjMyX3NpZ24ASQ5mMzJfcmVjaXByb2NhbABRCGYzMl9yZWx1AE8LZjMyX3NpZ21vaWQATAhmMzJfdGFuaABCCGYzMl9nZWx1AGQOZjMyX2xlYWt5X3JlbHUAXwhmMzJfY2xpcABrDmYzMl9uZWdfc2NhbGFyAFQOZjMyX2V4cF9zY2FsYXIAZQ5mMzJfbG9nX3NjYWxhcgBZD2YzMl9zcXJ0X3NjYWxhcgBGEWYzMl9zcXVhcmVfc2NhbGFyAEQOZjMyX2Fic19zY2FsYXIAbQ9mMzJfc2lnbl9zY2FsYXIASBVmMzJfcmVjaXByb2NhbF9zY2FsYXIAUA9mMzJfcmVsdV9zY2FsYXIATRJmMzJfc2lnbW9pZF9zY2FsYXIASg9mMzJfdGFuaF9zY2FsYXIAQA9mMzJfZ2VsdV9zY2FsYXIAYhVmMzJfbGVha3lfcmVsdV9zY2FsYXIAXQ9mMzJfY2xpcF9zY2FsYXIAaQdpMzJfbmVnADQHaTMyX2FicwA+CmkzMl9zcXVhcmUAMQhpMzJfc2lnbgAyDWYzMl9yZWx1X2dyYWQAThNmMzJfbGVha3lfcmVsdV9ncmFkAF4QZjMyX3NpZ21vaWRfZ3JhZABLDWYzMl90YW5oX2dyYWQAQQ1mMzJfZ2VsdV9ncmFkAGMNZjMyX2NsaXBfZ3JhZABqB2YzMl9hZGQAbAdmMzJfc3ViAEMHZjMyX211bABWB2YzMl9kaXYAaAdmMzJfcG93AFILZjMyX21heGltdW0AWAtmMzJfbWluaW11bQBXC2YzMl9ncmVhdGVyAGERZjMyX2dyZWF0ZXJfZXF1YWwAYAhmMzJfbGVzcwBcDmYzMl9sZXNzX2VxdWFsAFsJZjMyX2VxdWFsAGcNZjMyX25vdF9lcXVhbABTB2kzMl9hZGQAPQdpMzJfc3ViADAHaTMyX211bAA1C2kzMl9tYXhpbXVtADcLaTMyX21pbmltdW0ANgtpMzJfZ3JlYXRlcgA7EWkzMl9ncmVhdGVyX2VxdWFsADoIaTMyX2xlc3MAOQ5pMzJfbGVzc19lcXVhbAA4CWkzMl9lcXVhbAA8DWkzMl9ub3RfZXF1YWwAMwdmMzJfc3VtABEHaTMyX3N1bQAMB2YzMl9tYXgAEwdmMzJfbWluABIHaTMyX21heAAOB2kzMl9taW4ADQpmMzJfYXJnbWF4ABUKZjMyX2FyZ21pbgAUCmkzMl9hcmdtYXgAEAppMzJfYXJnbWluAA8LZjMyX3NvZnRtYXgACg9mMzJfbG9nX3NvZnRtYXgACxlmMzJfc29mdG1heF9jcm9zc19lbnRyb3B5AAkgZjMyX3NwYXJzZV9zb2Z0bWF4X2Nyb3NzX2VudHJvcHkACBNmMzJfZ2VtbV93b3JrX2J5dGVzACYLZjMyX2dlbW1fbm4AKwtmMzJfZ2VtbV90bgAoC2YzMl9nZW1tX250ACoLZjMyX2dlbW1fdHQAJw9mMzJfZ2VtbV9zY2FsYXIAKQ5mMzJfc2dkX3VwZGF0ZQAWF2YzMl9zZ2RfbW9tZW50dW1fdXBkYXRlABcPZjMyX2FkYW1fdXBkYXRlABkSZjMyX3Jtc3Byb3BfdXBkYXRlABgSZjMyX2FkYWdyYWRfdXBkYXRlABoMAQQKqdQDhwGuAQEHfyAAKAIAIAFrQQFrIQEDQCABQQBOBEACQCABQQJ0IgggAEEkamooAgAiBSACaiECIABBxABqIAhqKAIAIgYgA2ohAyAAQeQAaiAIaiIHKAIAQQFqIgQgAEEEaiAIaigCACIISARAIAcgBDYCAAwBCyAAQeQAaiABQQJ0akEANgIAIAIgBSAIbGshAiADIAYgCGxrIQMgAUEBayEBDAILCwsgAq0gA6xCIIaEC/sMAwV+A38JfCABmUQAAAAAAAAAQGUEQCABRAAAAAAAAABAYQRAIAAgAKIPCyABRAAAAAAAAOA/YQRAIACfmUQAAAAAAADwfyAARAAAAAAAAPD/YhsPCyABRAAAAAAAAPC/YQRARAAAAAAAAPA/IACjDwsgAUQAAAAAAADwP2EEQCAADwsgAUQAAAAAAAAAAGEEQEQAAAAAAADwPw8LCyABvSIFQjSIIQQCfCAAvSICQjSIIgNCAX1C/g9aBH9BAQUgBEL/D4NCvgd9QoABWgsEQCAFQgGGIgZCAX1C/////////29aBEBEAAAAAAAA8D8gBlANAhpEAAAAAAAA+H8gAkKAgICAgICA+D9RDQIaIAAgAaAgBkKAgICAgICAcFYgAkIBhiICQoCAgICAgIBwVnINAhpEAAAAAAAA+H8gAkKAgICAgICA8P8AUQ0CGkQAAAAAAAAAACAFQj+IUCACQoCAgICAgIDw/wBURg0CGiABIAGiDAILIAJCAYZCAX1C/////////29aBEBEAAAAAAAA8D8gACAAoiIAmiAAIAJCP4inBH8Cf0EAIAVCNIhC/w+DIgJC/wdUDQAaQQIgAkKzCFYNABpBACAFQgFCswggAn2GIgJCAX2DQgBSDQAaQQEgAiAFg0IAUg0AGkECC0EBRgVBAAsbIgCjIAAgBUIAUxsMAgsgAkIAUwRAAn9BACAFQjSIQv8PgyIGQv8HVA0AGkECIAZCswhWDQAaQQAgBUIBQrMIIAZ9hiIGQgF9g0IAUg0AGkEBIAUgBoNCAFINABpBAgsiB0UEQCAAIAChIgAgAKMMAwsgA0L/D4MhA0GAgBBBACAHQQFGGyEIIAJC////////////AIMhAgsgBEL/D4MiBkK+B31CgAFaBEBEAAAAAAAA8D8gAkKAgICAgICA+D9RDQIaRAAAAAAAAPA/IAZCvgdUDQIaRAAAAAAAAPB/RAAAAAAAAAAAIARCgBBUIAJCgICAgICAgPg/VkYbDAILIANQBEAgAEQAAAAAAAAwQ6K9Qv///////////wCDQoCAgICAgICgA30hAgsLIAIgAkKAgICA0Kql8z99IgJCgICAgICAgHiDfSIDQoCAgIAIfEKAgICAcIO/IgAgAkItiEL/AIOnQQV0QYA4aiIHKwMAIgqiRAAAAAAAAPC/oCENIAJCNIe5Ig5EADj6/kIu5j+iIAcrAxCgIg8gDSADvyAAoSAKoiIQoCIKoCELIAogCkQAAAAAAADgv6IiEaIhDCALIA0gDUQAAAAAAADgv6IiEqIiAKAiDSANIA5EMGfHk1fzLj2iIAcrAxigIA8gC6EgCqCgIBAgESASoKKgIAsgDaEgAKCgIAogDKIgCkQGAAAAAADgP6JEYFVVVVVV5b+gIAwgCkR6pClVVVXlv6JETlVZmZmZ6T+gIAwgCkTDPyaLKwDwP6JE6UVIm1tJ8r+goqCioKKgIgCgIgqhIACgJAAgBUKAgIBAg78iACAKvUKAgIBAg78iC6IhDCABIAChIAuiIAEgCiALoSMAoKKgIQACfCAMvSICQjSIp0H/D3EiB0HJB2siCUE/TwRARAAAAAAAAPC/RAAAAAAAAPA/IAgbIAlBgICAgHhPDQEaRAAAAAAAAACARAAAAAAAAAAAIAgbRAAAAAAAAPD/RAAAAAAAAPB/IAgbIAJCAFMbIAdBiQhPDQEaQQAhBwsgDET+gitlRxVnQKJEAAAAAAAAOEOgIgG9IgJC/wCDQgGGp0EDdEGACGoiCSkDCCACIAitfEIthnwhAyAMIAFEAAAAAAAAOMOgIgFEAAD6/kIudr+ioCABRDo7nrya9wy9oqAgAKAiACAAoiEBIAkrAwAgAKAgASAARDxUVVVVVcU/okS9/f/////fP6CioCABIAGiIABEF9CkZxERgT+iRJErF89VVaU/oKKgIQAgB0UEQAJ8IAJCgICAgAiDUARAIANCgICAgICAgIg/fb8iASABIACioEQAAAAAAAAAf6IMAQsgA0KAgICAgICA8D98IgK/IgEgAKIhACABIACgIgqZRAAAAAAAAPA/YwR8IAJCgICAgICAgICAf4O/RAAAAAAAAPA/IAqmIgsgCqAiDCALIAyhIAqgIAEgCqEgAKCgoCALoSIAIABEAAAAAAAAAABhGwUgCgtEAAAAAAAAEACiCwwBCyADvyIBIAEgAKKgCwsL0gQDAn4CfwN8AnwgAL0iAUKAgICAgICA9z99QoCAgICAoMIBVARAIABEAAAAAAAA8L+gIgAgAKIiBSAAoiIGIABEy/3/////z7+iRHdVVVVVVdU/oCAFRAzdlZmZmck/oqAgBiAARDDeRKMkScI/okSnRWdVVVXFv6AgBURlPUKk//+/v6KgIAYgAET/aLBD65m5v6JEytYqKIRxvD+gIAVEhdCv94KBtz+ioCAGRM1F0XUTUrW/oqCioKKgoiAAIAAgACAARAAAAAAAAKBBoiIFoCAFoSIFIAWiRAAAAAAAAOC/oiIGoCIHoSAGoCAAIAWhRAAAAAAAAOC/oiAFIACgoqCgIAegDAELIAFCMIinIgNBEGtB4P8BTwRARAAAAAAAAPC/IAAgAKKjIAFCAYZQDQEaIAAgAUKAgICAgICA+P8AUQ0BGkEBIANB8P8BcUHw/wFGIANBgIACcRsEQCAAIAChIgAgAKMMAgsgAEQAAAAAAAAwQ6K9QoCAgICAgICgA30hAQsgAUKAgICAgICA8z99IgJCLYhC/wCDp0EEdCIDQYAYaiEEIAJCNIe5IgBEADj6/kIu5j+iIAQrAwigIgUgASACQoCAgICAgIB4g32/IANBgChqIgMrAwChIAMrAwihIAQrAwCiIgagIQcgBSAHoSAGoCAARDBnx5NX8y49oqAgBiAGoiIARAEAAAAAAOC/oqAgBiAAoiAGRJBF6////8+/okRbMFFVVVXVP6AgACAGRJ/IBuV1VcW/okQRAfEks5nJP6CioKKgIAegCwu+BQEUfyANQYACQQEgCiAKQQFMGyIQIBBBgAJOGyIQQYAIIAkgCUGACE4bQQdqQXhxbEECdGoiHiAQQYABIAggCEGAAU4bQXxxbEECdGoiGkGAAWohHSALBEAgCUECdCIQIB1qQQAgCUEHakF4cSAJa0ECdPwLACAdIAsgEPwKAAALA0AgCSAhSgRAQYAIIAkgIWsiECAQQYAIShshIEEAISMDQCAjRSAKICNKcgRAQYACIAogI2siECAQQYACShsiIiAjaiAKTiESIAMgBCAjbGogBSAhbGohGUEBICBBB3EgDxsEQEEAICBBeHEgDxshEQNAIBEgIEgEQCAZIAUgEWxqIAQgBSAiQQggICARayIQIBBBCEobIhBBBEEIIBBBBEwbIA0gESAibEECdGoQByARQQhqIREMAQsLCyAjQQBKIRggHSAhQQJ0akEAIAtBAEcgEnEbIRcgDEEAIBIbIRZBACEfA0AgCCAfSgRAQYABIAggH2siECAQQYABShshHCAAIAEgH2xqIAIgI2xqIRsgDgRAQQAhEQNAIBFBBGoiECAcTARAIBsgASARbGogAiABICJBBEEEIB4gESAibEECdGoQByAQIREMAQsLC0EAIREDQCARICBIBEBBCCAgIBFrIhAgEEEIShshEiAPRSIQBEAgEkEIRiEQCyAQBH8gGSAFIBFsagUgDSARICJsQQJ0agshFSAGIAcgH2xqIBEgIWpBAnRqIRQgFyARQQJ0akEAIBcbIRMgEkEESgRAIBsgASACIB5BACAOGyAcIBUgBEEgIBAbICIgFCAHIBIgGCATIBYgGhAkBSAbIAEgAiAeQQAgDhsgHCAVICIgFCAHIBIgGCATIBYgGhAlCyARQQhqIREMAQsLIB9BgAFqIR8MAQsLICNBgAJqISMMAQsLICFBgAhqISEMAQsLC04BA38DQCACIAZKBEBBACEFA0AgAyAFSgRAIAAgASAGbGogBUEEdGoiByAH/QAEACAEECz9CwQAIAVBAWohBQwBCwsgBkEBaiEGDAELCwv7BAMDfwR8AX4gAL0iCEIgiKdB/////wdxIQIgCEI/iKchAyACQfrQjYIETwRAIAAgAGIEQCAADwsgAwRARAAAAAAAAPC/DwsgAETvOfr+Qi6GQGQEQCAARAAAAAAAAOB/og8LCyACQcLc2P4DSwRAIABBASADQQF0ayAARP6CK2VHFfc/okQAAAAAAADgPyAApqD8AiACQbLFwv8DSRsiAbciAEQAAOD+Qi7mP6KhIgQgBCAARHY8eTXvOeo9oiIEoSIAoSAEoSEEBSACQYCAwOQDSQRAIAAPCwsgACAARAAAAAAAAOA/oiIGoiIFIAWiIQdEAAAAAAAACEAgBUT0EBERERGhv6JEAAAAAAAA8D+gIAcgBUS326qeGc4Uv6JEhVX+GaABWj+gIAcgBUQtwwlut/2KvqJEOVLmhsrP0D6goqCioCIHIAaioSEGIAUgByAGoUQAAAAAAAAYQCAAIAaioaOiIQYgAUUEQCAAIAAgBqIgBaGhDwsgACAGIAShoiAEoSAFoSEEIAFBf0YEQCAAIAShRAAAAAAAAOA/okQAAAAAAADgv6APCyABQQFGBEAgAEQAAAAAAADQv2MEQCAEIABEAAAAAAAA4D+goUQAAAAAAAAAwKIPCyAAIAShRAAAAAAAAABAokQAAAAAAADwP6APCyABrEL/B3xCNIa/IQUgAUEASCABQThKcgRAIAAgBKFEAAAAAAAA8D+gIgAgAKBEAAAAAAAA4H+iIAAgBaIgAUGACEYbRAAAAAAAAPC/oA8LIABEAAAAAAAA8D9C/wcgAax9QjSGvyIAoSAEoUQAAAAAAADwPyAEIACgoSABQRRIG6AgBaIL+gMDAn8CfgR8AnwgAL0iA0I0iKdB/w9xIgFByQdrIgJBP08EQEQAAAAAAADwPyACQYCAgIB4Tw0BGiABQYkITwRARAAAAAAAAAAAIANCgICAgICAgHhRDQIaIABEAAAAAAAA8D+gIAFB/w9PDQIaRAAAAAAAAAAARAAAAAAAAPB/IANCAFMbDAILQQAhAQsgAET+gitlRxVnQKJEAAAAAAAAOEOgIgW9IgNC/wCDQgGGp0EDdEGACGoiAikDCCADQi2GfCEEIAAgBUQAAAAAAAA4w6AiAEQAAPr+Qi52v6KgIABEOjuevJr3DL2ioCIAIACiIQUgAisDACAAoCAFIABEPFRVVVVVxT+iRL39/////98/oKKgIAUgBaIgAEQX0KRnERGBP6JEkSsXz1VVpT+goqAhACABRQRAAnwgA0KAgICACINQBEAgBEKAgICAgICAiD99vyIFIAUgAKKgRAAAAAAAAAB/ogwBCyAEQoCAgICAgIDwP3wiA78iBiAAoiEHIAYgB6AiCJlEAAAAAAAA8D9jBHwgA0KAgICAgICAgIB/g79EAAAAAAAA8D8gCKYiACAIoCIFIAAgBaEgCKAgBiAIoSAHoKCgIAChIgAgAEQAAAAAAAAAAGEbBSAIC0QAAAAAAAAQAKILDAELIAS/IgUgBSAAoqALC8UEAgV/BnsgBUECdCEJIAJBBEYgBCAFRnEEQEEAIQIDQCACIANIBEAgBiAA/QAEAP0LBAAgBUEIRgRAIAYgAP0ABBD9CwQQCyAAIAFqIQAgBiAJaiEGIAJBAWohAgwBCwsPCyABQQRGIAQgBUZxBEADQCAIQQRqIANMBEBBACEHA0AgBSAHSgRAIAYgCCAJbGogB0ECdGoiCiAAIAIgB2xqIAhBAnRqIgv9AAQAIg4gAiALav0ABAAiD/0NAAECAxAREhMEBQYHFBUWFyIQIAsgAkEBdGr9AAQAIhEgCyACQQNsav0ABAAiDP0NAAECAxAREhMEBQYHFBUWFyIN/Q0AAQIDBAUGBxAREhMUFRYX/QsEACAJIApqIBAgDf0NCAkKCwwNDg8YGRobHB0eH/0LBAAgCiAJQQF0aiAOIA/9DQgJCgsYGRobDA0ODxwdHh8iDSARIAz9DQgJCgsYGRobDA0ODxwdHh8iDP0NAAECAwQFBgcQERITFBUWF/0LBAAgCiAJQQNsaiANIAz9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIAdBBGohBwwBCwsgCEEEaiEIDAELCwsDQCADIAhKBEAgBiAIIAlsaiIK/QwAAAAAAAAAAAAAAAAAAAAA/QsEACAFQQhGBEAgCv0MAAAAAAAAAAAAAAAAAAAAAP0LBBALIAAgASAIbGohC0EAIQcDQCAEIAdKBEAgCiAHQQJ0aiALIAIgB2xqKgIAOAIAIAdBAWohBwwBCwsgCEEBaiEIDAELCwvMCgQGfwV7AX0BfANAIAMgB0oEQCAEIAdsQQJ0IQgCQCAHQQJ0IgUgAWooAgAiCSAETwRAIAIgBWpDAADAfzgCAAwBCyAAIAhqIQr9DAAAgP8AAID/AACA/wAAgP8hC0EAIQUDQCAFQQRqIgYgBEwEQCALIAogBUECdGr9AAQA/ekBIQsgBiEFDAELCyAL/R8AIAv9HwGXIAv9HwIgC/0fA5eXIRADQCAEIAVKBEAgECAKIAVBAnRqKgIAlyEQIAVBAWohBQwBCwsgACAIaiEKQwAAAAAgECAQQwAAgP9bGyIQ/RMhDf0MAAAAAAAAAAAAAAAAAAAAACEL/QwAAAAAAAAAAAAAAAAAAAAAIQxBACEFA0AgBUEEaiIGIARMBEAgC/0MZ2lQOWdpUDlnaVA5Z2lQOSAKIAVBAnRq/QAEACAN/eUB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIg79DDuquD87qrg/O6q4PzuquD/95gH9DAAAQEsAAEBLAABASwAAQEv95AEiD/0MAABASwAAQEsAAEBLAABAS/3lASIL/QyDgF45g4BeOYOAXjmDgF45/eYBIAv9DACAMb8AgDG/AIAxvwCAMb/95gEgDv3kAf3kASIL/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIAv95gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgC/3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAL/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIAv95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgCyAL/eYB/eYBIAv95AH9DAAAgD8AAIA/AACAPwAAgD/95AEgD/0MAABASwAAQEsAAEBLAABAS/2xASILQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAsgDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIg79X/3wASELIAwgDiAO/Q0ICQoLDA0ODwgJCgsMDQ4P/V/98AEhDCAGIQUMAQsLIAsgDP3wASIL/SEAIAv9IQGgIREDQCAEIAVKBEAgEf0MZ2lQOWdpUDlnaVA5Z2lQOSAKIAVBAnRqKgIAIBCT/RP9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiC/0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIM/QwAAEBLAABASwAAQEsAAEBL/eUBIg39DIOAXjmDgF45g4BeOYOAXjn95gEgDf0MAIAxvwCAMb8AgDG/AIAxv/3mASAL/eQB/eQBIgv95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgC/3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAL/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAv95gH9DKqqKj6qqio+qqoqPqqqKj795AEgC/3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASALIAv95gH95gEgC/3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAM/QwAAEBLAABASwAAQEsAAEBL/bEBIgtBAf2sASIM/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCyAM/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwC7oCERIAVBAWohBQwBCwsgAiAHQQJ0aiAAIAhqIAlBAnRqKgIAuyAQu6EgERACoZq2OAIACyAHQQFqIQcMAQsLC/kMBAV/A3wGewF9A0AgAyAHSgRAIAQgB2xBAnQiCCAAaiEJ/QwAAID/AACA/wAAgP8AAID/IQ1BACEFA0AgBUEEaiIGIARMBEAgDSAJIAVBAnRq/QAEAP3pASENIAYhBQwBCwsgDf0fACAN/R8BlyAN/R8CIA39HwOXlyETA0AgBCAFSgRAIBMgCSAFQQJ0aioCAJchEyAFQQFqIQUMAQsLIAAgCGohCUMAAAAAIBMgE0MAAID/WxsiE/0TIQ/9DAAAAAAAAAAAAAAAAAAAAAAhDv0MAAAAAAAAAAAAAAAAAAAAACENQQAhBQNAIAVBBGoiBiAETARAIA79DGdpUDlnaVA5Z2lQOWdpUDkgCSAFQQJ0av0ABAAgD/3lAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIO/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIhD9DAAAQEsAAEBLAABASwAAQEv95QEiEf0Mg4BeOYOAXjmDgF45g4BeOf3mASAR/QwAgDG/AIAxvwCAMb8AgDG//eYBIA795AH95AEiDv3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAO/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIA795gH9DMGpKj3BqSo9wakqPcGpKj395AEgDv3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAO/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIA4gDv3mAf3mASAO/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIBD9DAAAQEsAAEBLAABASwAAQEv9sQEiDkEB/awBIhD9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAOIBD9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASIQ/V/98AEhDiANIBAgEP0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQ0gBiEFDAELCyAOIA398AEiDf0hACAN/SEBoCEKA0AgBCAFSgRAIAr9DGdpUDlnaVA5Z2lQOWdpUDkgCSAFQQJ0aioCACATk/0T/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIg39DDuquD87qrg/O6q4PzuquD/95gH9DAAAQEsAAEBLAABASwAAQEv95AEiDv0MAABASwAAQEsAAEBLAABAS/3lASIP/QyDgF45g4BeOYOAXjmDgF45/eYBIA/9DACAMb8AgDG/AIAxvwCAMb/95gEgDf3kAf3kASIN/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIA395gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgDf3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAN/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIA395gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgDSAN/eYB/eYBIA395AH9DAAAgD8AAIA/AACAPwAAgD/95AEgDv0MAABASwAAQEsAAEBLAABAS/2xASINQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIA0gDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/R8Au6AhCiAFQQFqIQUMAQsLIBO7/RQhECAKEAIiC/0UIRH9DAAAAAAAAAAAAAAAAAAAAAAhDf0MAAAAAAAAAAAAAAAAAAAAACEOQQAhBQNAIAVBBGoiBiAETARAIAggBUECdGoiBSAAav0ABAAhEiANIAEgBWr9AAQAIg/9XyINIBL9XyAQ/fEBIBH98QH98gEgDf0MAAAAAAAAAAAAAAAAAAAAAP1I/U798AEhDSAOIA8gD/0NCAkKCwwNDg8ICQoLDA0OD/1fIg4gEiAS/Q0ICQoLDA0ODwgJCgsMDQ4P/V8gEP3xASAR/fEB/fIBIA79DAAAAAAAAAAAAAAAAAAAAAD9SP1O/fABIQ4gBiEFDAELCyANIA798AEiDf0hACAN/SEBoCEKA0AgBCAFSgRAIAggBUECdGoiBiABaioCALsiDEQAAAAAAAAAAGIEQCAKIAwgACAGaioCALsgE7uhIAuhoqAhCgsgBUEBaiEFDAELCyACIAdBAnRqRAAAAAAAAAAAIAqhtjgCACAHQQFqIQcMAQsLC5kLBAZ/BnsCfQF8A0AgAiAHSgRAIAMgB2xBAnQiBiAAaiEI/QwAAID/AACA/wAAgP8AAID/IQpBACEEA0AgBEEEaiIFIANMBEAgCiAIIARBAnRq/QAEAP3pASEKIAUhBAwBCwsgCv0fACAK/R8BlyAK/R8CIAr9HwOXlyEQA0AgAyAESgRAIBAgCCAEQQJ0aioCAJchECAEQQFqIQQMAQsLIAAgBmohCCABIAZqIQlDAAAAACAQIBBDAACA/1sbIhD9EyEN/QwAAAAAAAAAAAAAAAAAAAAAIQr9DAAAAAAAAAAAAAAAAAAAAAAhC0EAIQQDQCAEQQRqIgUgA0wEQCAEQQJ0IgQgCGr9AAQAIA395QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiDv0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIP/QwAAEBLAABASwAAQEsAAEBL/eUBIgz9DIOAXjmDgF45g4BeOYOAXjn95gEgDP0MAIAxvwCAMb8AgDG/AIAxv/3mASAO/eQB/eQBIQwgBCAJav0MZ2lQOWdpUDlnaVA5Z2lQOSAM/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIAz95gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgDP3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAM/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIAz95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgDCAM/eYB/eYBIAz95AH9DAAAgD8AAIA/AACAPwAAgD/95AEgD/0MAABASwAAQEsAAEBLAABAS/2xASIMQQH9rAEiDv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAwgDv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIgz9CwQAIAogDP1f/fABIQogCyAMIAz9DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASELIAUhBAwBCwsgCiAL/fABIgr9IQAgCv0hAaAhEgNAIAMgBEoEQCAEQQJ0IgUgCGoqAgAgEJP9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIK/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgv9DAAAQEsAAEBLAABASwAAQEv95QEiDP0Mg4BeOYOAXjmDgF45g4BeOf3mASAM/QwAgDG/AIAxvwCAMb8AgDG//eYBIAr95AH95AEhCiAFIAlq/QxnaVA5Z2lQOWdpUDlnaVA5IAr95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgCv3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAK/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAr95gH9DKqqKj6qqio+qqoqPqqqKj795AEgCv3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAKIAr95gH95gEgCv3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAL/QwAAEBLAABASwAAQEsAAEBL/bEBIgpBAf2sASIL/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCiAL/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwAiETgCACASIBG7oCESIARBAWohBAwBCwtEAAAAAAAA8D8gEqO2IhD9EyEKQQAhBANAIARBBGoiBSADTARAIAEgBmogBEECdGoiBCAE/QAEACAK/eYB/QsEACAFIQQMAQsLA0AgAyAESgRAIAEgBmogBEECdGoiBSAFKgIAIBCUOAIAIARBAWohBAwBCwsgB0EBaiEHDAELCwvACwQFfwV7AX0BfANAIAIgBkoEQCADIAZsQQJ0IgcgAGohCP0MAACA/wAAgP8AAID/AACA/yEJQQAhBANAIARBBGoiBSADTARAIAkgCCAEQQJ0av0ABAD96QEhCSAFIQQMAQsLIAn9HwAgCf0fAZcgCf0fAiAJ/R8Dl5chDgNAIAMgBEoEQCAOIAggBEECdGoqAgCXIQ4gBEEBaiEEDAELCyAAIAdqIQhDAAAAACAOIA5DAACA/1sbIg79EyEL/QwAAAAAAAAAAAAAAAAAAAAAIQn9DAAAAAAAAAAAAAAAAAAAAAAhCkEAIQQDQCAEQQRqIgUgA0wEQCAJ/QxnaVA5Z2lQOWdpUDlnaVA5IAggBEECdGr9AAQAIAv95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiDP0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIN/QwAAEBLAABASwAAQEsAAEBL/eUBIgn9DIOAXjmDgF45g4BeOYOAXjn95gEgCf0MAIAxvwCAMb8AgDG/AIAxv/3mASAM/eQB/eQBIgn95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgCf3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAJ/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAn95gH9DKqqKj6qqio+qqoqPqqqKj795AEgCf3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAJIAn95gH95gEgCf3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAN/QwAAEBLAABASwAAQEsAAEBL/bEBIglBAf2sASIM/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCSAM/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEiDP1f/fABIQkgCiAMIAz9DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASEKIAUhBAwBCwsgCSAK/fABIgn9IQAgCf0hAaAhDwNAIAMgBEoEQCAP/QxnaVA5Z2lQOWdpUDlnaVA5IAggBEECdGoqAgAgDpP9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIJ/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgr9DAAAQEsAAEBLAABASwAAQEv95QEiC/0Mg4BeOYOAXjmDgF45g4BeOf3mASAL/QwAgDG/AIAxvwCAMb8AgDG//eYBIAn95AH95AEiCf3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAJ/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAn95gH9DMGpKj3BqSo9wakqPcGpKj395AEgCf3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAJ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAkgCf3mAf3mASAJ/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAr9DAAAQEsAAEBLAABASwAAQEv9sQEiCUEB/awBIgr9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAJIAr9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0fALugIQ8gBEEBaiEEDAELCyAOu/0UIQkgDxACIg/9FCEKQQAhBANAIARBBGoiBSADTARAIAcgBEECdGoiBCAAav0ABAAhCyABIARqIAv9XyAJ/fEBIAr98QH9XiALIAv9DQgJCgsMDQ4PCAkKCwwNDg/9XyAJ/fEBIAr98QH9Xv0NAAECAwQFBgcQERITFBUWF/0LBAAgBSEEDAELCwNAIAMgBEoEQCAHIARBAnRqIgUgAWogACAFaioCALsgDruhIA+htjgCACAEQQFqIQQMAQsLIAZBAWohBgwBCwsLmAMCBX8BewNAIAIgCEoEQAJAIARBAUYEQCAAIAMgCGxBAnRqIQf9DAAAAAAAAAAAAAAAAAAAAAAhCkEAIQUDQCAFQQRqIgYgA0wEQCAKIAcgBUECdGr9AAQA/a4BIQogBiEFDAELCyAK/RsAIAr9GwFqIAr9GwJqIAr9GwNqIQkDQCADIAVKBEAgCSAHIAVBAnRqKAIAaiEJIAVBAWohBQwBCwsgASAIQQJ0aiAJNgIADAELQQAhBQNAIAVBBGogBEwEQP0MAAAAAAAAAAAAAAAAAAAAACEKQQAhCQNAIAMgCUoEQCAKIAAgAyAIbCAJaiAEbCAFakECdGr9AAQA/a4BIQogCUEBaiEJDAELCyABIAQgCGwgBWpBAnRqIAr9CwQAIAVBBGohBQwBCwsDQCAEIAVKBEBBACEGQQAhCQNAIAMgCUoEQCAGIAAgAyAIbCAJaiAEbCAFakECdGooAgBqIQYgCUEBaiEJDAELCyABIAQgCGwgBWpBAnRqIAY2AgAgBUEBaiEFDAELCwsgCEEBaiEIDAELCwu4BAIGfwF7AkAgACEFIANFBEAgAiAEbCEDQQAhAANAIABBBGoiAiADTARAIAEgAEECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAIhAAwBCwsDQCAAIANIBEAgASAAQQJ0akEANgIAIABBAWohAAwBCwsMAQsgAiEGA0AgBiAHSgRAAkAgBEEBRgRAIAUgAyAHbEECdGohCP0M////f////3////9/////fyELQQAhAANAIABBBGoiAiADTARAIAsgCCAAQQJ0av0ABAD9tgEhCyACIQAMAQsLIAv9GwAiAiAL/RsBIgkgAiAJSBsiCSAL/RsCIgIgC/0bAyIKIAIgCkgbIgIgAiAJShshAgNAIAAgA0gEQCACIAggAEECdGooAgAiCSACIAlIGyECIABBAWohAAwBCwsgASAHQQJ0aiACNgIADAELQQAhAgNAIAJBBGogBEwEQP0M////f////3////9/////fyELQQAhAANAIAAgA0gEQCALIAUgAyAHbCAAaiAEbCACakECdGr9AAQA/bYBIQsgAEEBaiEADAELCyABIAQgB2wgAmpBAnRqIAv9CwQAIAJBBGohAgwBCwsDQCACIARIBEBB/////wchAEEAIQgDQCADIAhKBEAgACAFIAMgB2wgCGogBGwgAmpBAnRqKAIAIgkgACAJSBshACAIQQFqIQgMAQsLIAEgBCAHbCACakECdGogADYCACACQQFqIQIMAQsLCyAHQQFqIQcMAQsLCwu4BAIGfwF7AkAgACEFIANFBEAgAiAEbCEDQQAhAANAIABBBGoiAiADTARAIAEgAEECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAIhAAwBCwsDQCAAIANIBEAgASAAQQJ0akEANgIAIABBAWohAAwBCwsMAQsgAiEGA0AgBiAHSgRAAkAgBEEBRgRAIAUgAyAHbEECdGohCP0MAAAAgAAAAIAAAACAAAAAgCELQQAhAANAIABBBGoiAiADTARAIAsgCCAAQQJ0av0ABAD9uAEhCyACIQAMAQsLIAv9GwAiAiAL/RsBIgkgAiAJShsiCSAL/RsCIgIgC/0bAyIKIAIgCkobIgIgAiAJSBshAgNAIAAgA0gEQCACIAggAEECdGooAgAiCSACIAlKGyECIABBAWohAAwBCwsgASAHQQJ0aiACNgIADAELQQAhAgNAIAJBBGogBEwEQP0MAAAAgAAAAIAAAACAAAAAgCELQQAhAANAIAAgA0gEQCALIAUgAyAHbCAAaiAEbCACakECdGr9AAQA/bgBIQsgAEEBaiEADAELCyABIAQgB2wgAmpBAnRqIAv9CwQAIAJBBGohAgwBCwsDQCACIARIBEBBgICAgHghAEEAIQgDQCADIAhKBEAgACAFIAMgB2wgCGogBGwgAmpBAnRqKAIAIgkgACAJShshACAIQQFqIQgMAQsLIAEgBCAHbCACakECdGogADYCACACQQFqIQIMAQsLCyAHQQFqIQcMAQsLCwuoBQIIfwV7IAAhBSABIQYgAiEHA0AgByAJSgRAAkAgBEEBRgRAIAUgAyAJbEECdGohC/0M////f////3////9/////fyEN/QwAAAAAAAAAAAAAAAAAAAAAIQ79DAAAAAABAAAAAgAAAAMAAAAhD0EAIQIDQCACQQRqIgAgA0wEQCALIAJBAnRq/QAEACIQIA39OSERIBAgDSAR/VIhDSAPIA4gEf1SIQ4gD/0MBAAAAAQAAAAEAAAABAAAAP2uASEPIAAhAgwBCwsgDf0bACEAIA79GwAhAUEBIQoDQCAKQQRIBEAgCkEBRgR/IA39GwEFIA39GwIgDf0bAyAKQQJGGwsiDCAARiAKQQFGBH8gDv0bAQUgDv0bAiAO/RsDIApBAkYbCyIIIAFIcSAAIAxKcgRAIAghASAMIQALIApBAWohCgwBCwsDQCACIANIBEAgCyACQQJ0aigCACIIIABIBEAgAiEBIAghAAsgAkEBaiECDAELCyAGIAlBAnRqIAE2AgAMAQtBACEIA0AgCEEEaiAETARA/Qz///9/////f////3////9/IQ39DAAAAAAAAAAAAAAAAAAAAAAhDkEAIQADQCAAIANIBEAgBSADIAlsIABqIARsIAhqQQJ0av0ABAAiDyAN/TkhECAPIA0gEP1SIQ0gAP0RIA4gEP1SIQ4gAEEBaiEADAELCyAGIAQgCWwgCGpBAnRqIA79CwQAIAhBBGohCAwBCwsDQCAEIAhKBEBB/////wchAEEAIQJBACEBA0AgASADSARAIAUgAyAJbCABaiAEbCAIakECdGooAgAiCiAASARAIAEhAiAKIQALIAFBAWohAQwBCwsgBiAEIAlsIAhqQQJ0aiACNgIAIAhBAWohCAwBCwsLIAlBAWohCQwBCwsLqAUCCH8FeyAAIQUgASEGIAIhBwNAIAcgCUoEQAJAIARBAUYEQCAFIAMgCWxBAnRqIQv9DAAAAIAAAACAAAAAgAAAAIAhDf0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAQAAAAIAAAADAAAAIQ9BACECA0AgAkEEaiIAIANMBEAgCyACQQJ0av0ABAAiECAN/TshESAQIA0gEf1SIQ0gDyAOIBH9UiEOIA/9DAQAAAAEAAAABAAAAAQAAAD9rgEhDyAAIQIMAQsLIA39GwAhACAO/RsAIQFBASEKA0AgCkEESARAIApBAUYEfyAN/RsBBSAN/RsCIA39GwMgCkECRhsLIgwgAEYgCkEBRgR/IA79GwEFIA79GwIgDv0bAyAKQQJGGwsiCCABSHEgACAMSHIEQCAIIQEgDCEACyAKQQFqIQoMAQsLA0AgAiADSARAIAsgAkECdGooAgAiCCAASgRAIAIhASAIIQALIAJBAWohAgwBCwsgBiAJQQJ0aiABNgIADAELQQAhCANAIAhBBGogBEwEQP0MAAAAgAAAAIAAAACAAAAAgCEN/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACEAA0AgACADSARAIAUgAyAJbCAAaiAEbCAIakECdGr9AAQAIg8gDf07IRAgDyANIBD9UiENIAD9ESAOIBD9UiEOIABBAWohAAwBCwsgBiAEIAlsIAhqQQJ0aiAO/QsEACAIQQRqIQgMAQsLA0AgBCAISgRAQYCAgIB4IQBBACECQQAhAQNAIAEgA0gEQCAFIAMgCWwgAWogBGwgCGpBAnRqKAIAIgogAEoEQCABIQIgCiEACyABQQFqIQEMAQsLIAYgBCAJbCAIakECdGogAjYCACAIQQFqIQgMAQsLCyAJQQFqIQkMAQsLC4YGAwR/BXsBfANAIAIgB0oEQAJAIARBAUYEQCAAIAMgB2xBAnRqIQj9DAAAAAAAAAAAAAAAAAAAAAAhDP0MAAAAAAAAAAAAAAAAAAAAACEL/QwAAAAAAAAAAAAAAAAAAAAAIQr9DAAAAAAAAAAAAAAAAAAAAAAhCUEAIQUDQCAFQQhqIgYgA0wEQCAMIAggBUECdGoiBf0ABAAiDf1f/fABIQwgCyANIA39DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASELIAogBf0ABBAiDf1f/fABIQogCSANIA39DQgJCgsMDQ4PCAkKCwwNDg/9X/3wASEJIAYhBQwBCwsgDCAL/fABIAogCf3wAf3wASIJ/SEAIAn9IQGgIQ4DQCADIAVKBEAgDiAIIAVBAnRqKgIAu6AhDiAFQQFqIQUMAQsLIAEgB0ECdGogDrY4AgAMAQtBACEFA0AgBUEIaiAETARA/QwAAAAAAAAAAAAAAAAAAAAAIQz9DAAAAAAAAAAAAAAAAAAAAAAhC/0MAAAAAAAAAAAAAAAAAAAAACEK/QwAAAAAAAAAAAAAAAAAAAAAIQlBACEGA0AgAyAGSgRAIAwgACADIAdsIAZqIARsIAVqQQJ0aiII/QAEACIN/V/98AEhDCALIA0gDf0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQsgCiAI/QAEECIN/V/98AEhCiAJIA0gDf0NCAkKCwwNDg8ICQoLDA0OD/1f/fABIQkgBkEBaiEGDAELCyABIAQgB2wgBWpBAnRqIgYgDP1eIAv9Xv0NAAECAwQFBgcQERITFBUWF/0LBAAgBiAK/V4gCf1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEECAFQQhqIQUMAQsLA0AgBCAFSgRARAAAAAAAAAAAIQ5BACEGA0AgAyAGSgRAIA4gACADIAdsIAZqIARsIAVqQQJ0aioCALugIQ4gBkEBaiEGDAELCyABIAQgB2wgBWpBAnRqIA62OAIAIAVBAWohBQwBCwsLIAdBAWohBwwBCwsLzwMDBH8CewF9IAAhBSABIQYDQCACIAdKBEACQCAEQQFGBEAgBSADIAdsQQJ0aiEI/QwAAIB/AACAfwAAgH8AAIB/IQn9DAAAgH8AAIB/AACAfwAAgH8hCkEAIQADQCAAQQhqIgEgA0wEQCAJIAggAEECdGoiAP0ABAD96AEhCSAKIAD9AAQQ/egBIQogASEADAELCyAJIAr96AEiCf0fACAJ/R8BliAJ/R8CIAn9HwOWliELA0AgACADSARAIAggAEECdGoqAgAgC5YhCyAAQQFqIQAMAQsLIAYgB0ECdGogCzgCAAwBC0EAIQADQCAAQQRqIARMBED9DAAAgH8AAIB/AACAfwAAgH8hCUEAIQEDQCABIANIBEAgCSAFIAMgB2wgAWogBGwgAGpBAnRq/QAEAP3oASEJIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiAJ/QsEACAAQQRqIQAMAQsLA0AgACAESARAQwAAgH8hC0EAIQEDQCABIANIBEAgBSADIAdsIAFqIARsIABqQQJ0aioCACALliELIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiALOAIAIABBAWohAAwBCwsLIAdBAWohBwwBCwsLzwMDBH8CewF9IAAhBSABIQYDQCACIAdKBEACQCAEQQFGBEAgBSADIAdsQQJ0aiEI/QwAAID/AACA/wAAgP8AAID/IQn9DAAAgP8AAID/AACA/wAAgP8hCkEAIQADQCAAQQhqIgEgA0wEQCAJIAggAEECdGoiAP0ABAD96QEhCSAKIAD9AAQQ/ekBIQogASEADAELCyAJIAr96QEiCf0fACAJ/R8BlyAJ/R8CIAn9HwOXlyELA0AgACADSARAIAggAEECdGoqAgAgC5chCyAAQQFqIQAMAQsLIAYgB0ECdGogCzgCAAwBC0EAIQADQCAAQQRqIARMBED9DAAAgP8AAID/AACA/wAAgP8hCUEAIQEDQCABIANIBEAgCSAFIAMgB2wgAWogBGwgAGpBAnRq/QAEAP3pASEJIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiAJ/QsEACAAQQRqIQAMAQsLA0AgACAESARAQwAAgP8hC0EAIQEDQCABIANIBEAgBSADIAdsIAFqIARsIABqQQJ0aioCACALlyELIAFBAWohAQwBCwsgBiAEIAdsIABqQQJ0aiALOAIAIABBAWohAAwBCwsLIAdBAWohBwwBCwsLggYDAn0IfwV7IAAhByABIQggAiEJA0AgCSALSgRAAkAgBEEBRgRAIAcgAyALbEECdGohDP0MAACAfwAAgH8AAIB/AACAfyEP/QwAAAAAAAAAAAAAAAAAAAAAIRD9DAAAAAABAAAAAgAAAAMAAAAhEUEAIQADQCAAQQRqIgEgA0wEQCAMIABBAnRq/QAEACISIA/9QyASIBL9QiAPIA/9Qf1O/VAhEyASIA8gE/1SIQ8gESAQIBP9UiEQIBH9DAQAAAAEAAAABAAAAAQAAAD9rgEhESABIQAMAQsLIA/9HwAhBSAQ/RsAIQFBASECA0AgAkEESARAIAJBAUYEfSAP/R8BBSAP/R8CIA/9HwMgAkECRhsLIQZBASACQQFGBH8gEP0bAQUgEP0bAiAQ/RsDIAJBAkYbCyIKIAFIQQAgBSAGWyINIAYgBlwiDiAFIAVccSANGxsgDiAFIAVbcSAFIAZechsEQCAGIQUgCiEBCyACQQFqIQIMAQsLA0AgACADSARAIAUgBVsgDCAAQQJ0aioCACIGIAZccSAFIAZecgRAIAYhBSAAIQELIABBAWohAAwBCwsgCCALQQJ0aiABNgIADAELQQAhAgNAIAJBBGogBEwEQP0MAACAfwAAgH8AAIB/AACAfyEP/QwAAAAAAAAAAAAAAAAAAAAAIRBBACEAA0AgACADSARAIAcgAyALbCAAaiAEbCACakECdGr9AAQAIhEgD/1DIBEgEf1CIA8gD/1B/U79UCESIBEgDyAS/VIhDyAA/REgECAS/VIhECAAQQFqIQAMAQsLIAggBCALbCACakECdGogEP0LBAAgAkEEaiECDAELCwNAIAIgBEgEQEMAAIB/IQVBACEBQQAhAANAIAAgA0gEQCAFIAVbIAcgAyALbCAAaiAEbCACakECdGoqAgAiBiAGXHEgBSAGXnIEQCAGIQUgACEBCyAAQQFqIQAMAQsLIAggBCALbCACakECdGogATYCACACQQFqIQIMAQsLCyALQQFqIQsMAQsLC4IGAwJ9CH8FeyAAIQcgASEIIAIhCQNAIAkgC0oEQAJAIARBAUYEQCAHIAMgC2xBAnRqIQz9DAAAgP8AAID/AACA/wAAgP8hD/0MAAAAAAAAAAAAAAAAAAAAACEQ/QwAAAAAAQAAAAIAAAADAAAAIRFBACEAA0AgAEEEaiIBIANMBEAgDCAAQQJ0av0ABAAiEiAP/UQgEiAS/UIgDyAP/UH9Tv1QIRMgEiAPIBP9UiEPIBEgECAT/VIhECAR/QwEAAAABAAAAAQAAAAEAAAA/a4BIREgASEADAELCyAP/R8AIQUgEP0bACEBQQEhAgNAIAJBBEgEQCACQQFGBH0gD/0fAQUgD/0fAiAP/R8DIAJBAkYbCyEGQQEgAkEBRgR/IBD9GwEFIBD9GwIgEP0bAyACQQJGGwsiCiABSEEAIAUgBlsiDSAGIAZcIg4gBSAFXHEgDRsbIA4gBSAFW3EgBSAGXXIbBEAgBiEFIAohAQsgAkEBaiECDAELCwNAIAAgA0gEQCAFIAVbIAwgAEECdGoqAgAiBiAGXHEgBSAGXXIEQCAGIQUgACEBCyAAQQFqIQAMAQsLIAggC0ECdGogATYCAAwBC0EAIQIDQCACQQRqIARMBED9DAAAgP8AAID/AACA/wAAgP8hD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhAANAIAAgA0gEQCAHIAMgC2wgAGogBGwgAmpBAnRq/QAEACIRIA/9RCARIBH9QiAPIA/9Qf1O/VAhEiARIA8gEv1SIQ8gAP0RIBAgEv1SIRAgAEEBaiEADAELCyAIIAQgC2wgAmpBAnRqIBD9CwQAIAJBBGohAgwBCwsDQCACIARIBEBDAACA/yEFQQAhAUEAIQADQCAAIANIBEAgBSAFWyAHIAMgC2wgAGogBGwgAmpBAnRqKgIAIgYgBlxxIAUgBl1yBEAgBiEFIAAhAQsgAEEBaiEADAELCyAIIAQgC2wgAmpBAnRqIAE2AgAgAkEBaiECDAELCwsgC0EBaiELDAELCwvAAQIEfwN7IAOM/RMhCiAEjP0TIQkgBEMAAAAAXCEHA0AgBUEEaiIGIAJMBEAgBUECdCIFIABqIgj9AAQAIQsgCCABIAVq/QAEACAK/eYBIAsgCf3mASAL/eQBIAsgBxv95AH9CwQAIAYhBQwBCwsDQCACIAVKBEAgBUECdCIGIABqIggqAgD9EyELIAggASAGaioCAP0TIAr95gEgCyAJ/eYBIAv95AEgCyAHG/3kAf0fADgCACAFQQFqIQUMAQsLC7ACAgV/BnsgBIz9EyEOIAX9EyENIAeM/RMhDyAHQwAAAABcIQkgBkEARyEKA0AgCEEEaiIGIANMBEAgCEECdCIIIABqIgv9AAQAIRAgAiAIaiIM/QAEACAN/eYBIAEgCGr9AAQAIA795gEiEf3kASESIAwgEv0LBAAgCyAQIA/95gEgEP3kASAQIAkbIBIgDf3mASAR/eQBIBIgChv95AH9CwQAIAYhCAwBCwsDQCADIAhKBEAgCEECdCIGIABqIgsqAgD9EyEQIAIgBmoiDCoCAP0TIA395gEgASAGaioCAP0TIA795gEiEf3kASESIAwgEv0fADgCACALIBAgD/3mASAQ/eQBIBAgCRsgEiAN/eYBIBH95AEgEiAKG/3kAf0fADgCACAIQQFqIQgMAQsLC6MEAgt7BX8gBv0TIRAgB/0TIQ0gCP0TIQ4gCf0TIREgCv0TIQ8gC4z9EyESIAtDAAAAAFwhGANAIBdBBGogBUwEQCAXQQJ0IhkgAGoiGv0ABAAiDCAS/eYBIAz95AEgDCAYGyETIAIgGWoiG/0ABAAgDf3mASABIBlq/QAEACIUIBT95gEgDv3mAf3kASIVIA/95AEhDCAEBEAgFSAEIBlqIhn9AAQAIA395gEgFCAO/eYB/eQBIhYgFv3mAf3lASAP/eQBIQwgGSAW/QsEAAsgECAU/eYBIAz94wH95wEhDCADBEAgESADIBdBAnRqIhn9AAQA/eYBIAz95AEhDCAZIAz9CwQACyAbIBX9CwQAIBogEyAM/eUB/QsEACAXQQRqIRcMAQsLA0AgBSAXSgRAIBdBAnQiGSAAaiIaKgIA/RMiDCAS/eYBIAz95AEgDCAYGyETIAIgGWoiGyoCAP0TIA395gEgASAZaioCAP0TIhQgFP3mASAO/eYB/eQBIhUgD/3kASEMIAQEQCAVIAQgGWoiGSoCAP0TIA395gEgFCAO/eYB/eQBIhYgFv3mAf3lASAP/eQBIQwgGSAW/R8AOAIACyAQIBT95gEgDP3jAf3nASEMIAMEQCARIAMgF0ECdGoiGSoCAP0T/eYBIAz95AEhDCAZIAz9HwA4AgALIBsgFf0fADgCACAaIBMgDP3lAf0fADgCACAXQQFqIRcMAQsLC5cDAgV/CXsgBf0TIRcgBv0TIRYgB/0TIRUgCP0TIRQgCYz9EyETIAlDAAAAAFwhDgNAIAtBBGoiCiAETARAIAtBAnQiCyAAaiIN/QAEACESIAEgC2r9AAQAIhEgAiALaiIM/QAEACIP/eUBIBb95gEgD/3kASEQIBEgEf3mASADIAtqIgv9AAQAIg/95QEgFf3mASAP/eQBIQ8gDCAQ/QsEACALIA/9CwQAIA0gEiAT/eYBIBL95AEgEiAOGyAQIBf95gEgD/3jASAU/eQB/ecB/eUB/QsEACAKIQsMAQsLA0AgBCALSgRAIAtBAnQiCiAAaiINKgIA/RMhEiABIApqKgIA/RMiESACIApqIgwqAgD9EyIP/eUBIBb95gEgD/3kASEQIBEgEf3mASADIApqIgoqAgD9EyIP/eUBIBX95gEgD/3kASEPIAwgEP0fADgCACAKIA/9HwA4AgAgDSASIBP95gEgEv3kASASIA4bIBAgF/3mASAP/eMBIBT95AH95wH95QH9HwA4AgAgC0EBaiELDAELCwukAgIEfwZ7IAT9EyENIAX9EyEMIAaM/RMhCyAGQwAAAABcIQkDQCAHQQRqIgggA0wEQCAHQQJ0IgcgAGoiCv0ABAAhDiABIAdq/QAEACIPIA/95gEgAiAHaiIH/QAEAP3kASEQIAcgEP0LBAAgCiAOIAv95gEgDv3kASAOIAkbIA0gD/3mASAQIAz95AH94wH95wH95QH9CwQAIAghBwwBCwsDQCADIAdKBEAgB0ECdCIIIABqIgoqAgD9EyEOIAEgCGoqAgD9EyIPIA/95gEgAiAIaiIIKgIA/RP95AEhECAIIBD9HwA4AgAgCiAOIAv95gEgDv3kASAOIAkbIA0gD/3mASAQIAz95AH94wH95wH95QH9HwA4AgAgB0EBaiEHDAELCwu/AgEGfwNAIAMgC0oEQEEAIQoDQCAGIApKBEAgAiAGIAtsIApqIAVsQQJ0aiEHIAEgCkECdGooAgAiCCAESQRAAkAgACAEIAtsIAhqIAVsQQJ0aiEMIAVBIEoEQCAHIAwgBUECdPwKAAAMAQsgByEJQQAhBwNAIAdBBGoiCCAFTARAIAdBAnQiByAJaiAHIAxq/QAEAP0LBAAgCCEHDAELCwNAIAUgB0oEQCAHQQJ0IgggCWogCCAMaigCADYCACAHQQFqIQcMAQsLCwUgByEJQQAhBwNAIAdBBGoiCCAFTARAIAkgB0ECdGr9DAAAAAAAAAAAAAAAAAAAAAD9CwQAIAghBwwBCwsDQCAFIAdKBEAgCSAHQQJ0akEANgIAIAdBAWohBwwBCwsLIApBAWohCgwBCwsgC0EBaiELDAELCwtRAgJ/AXsgAv0RIQUDQCADQQRqIgQgAUwEQCAAIANBAnRqIAX9CwQAIAQhAwwBCwsDQCABIANKBEAgACADQQJ0aiACNgIAIANBAWohAwwBCwsLzgICDH8BfiACKAIAIgRFBEAgASAAKAIANgIADwsDQCADIARIBEAgAkEEaiADQQJ0aigCAEUEQA8LIANBAWohAwwBCwsgBEECdCACaiIDKAIAIQkgAygCICEIIANBQGsoAgAhB0ECQQEgBEECThsiC0ECRgR/IANBBGsoAgAFQQELIQYgC0ECRgR/IAIgBEECdGooAhwFQQALIQUgC0ECRgR/IAIgBEECdGooAjwFQQALIQ0gAigCACEOQQEhAwNAIAwgDiALa0gEQCADIAxBAnQiBCACQQRqaigCAGwhAyACQeQAaiAEakEANgIAIAxBAWohDAwBCwsgAyEEQQAhDEEAIQMDQCAEIApKBEAgACAMQQJ0aiABIANBAnRqIAYgCSAFIAggDSAHECIgDCACIAsQACIPp2ohDCADIA9CIIenaiEDIApBAWohCgwBCwsLXgECfwNAIANBBGoiBCACTARAIANBAnQiAyABaiAAIANq/QAEAP36Af0LBAAgBCEDDAELCwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaigCALI4AgAgA0EBaiEDDAELCwu5AgEHfyACIQggAyAGbCAFbCEJA0AgB0EEaiICIAlMBEAgCCAHQQJ0av0MAAAAAAAAAAAAAAAAAAAAAP0LBAAgAiEHDAELCwNAIAcgCUgEQCAIIAdBAnRqQQA2AgAgB0EBaiEHDAELCwNAIAMgCkoEQEEAIQkDQCAEIAlKBEAgASAJQQJ0aigCACICIAZJBEAgACAEIApsIAlqIAVsQQJ0aiELIAggBiAKbCACaiAFbEECdGohDEEAIQIDQCACQQRqIgcgBUwEQCACQQJ0IgIgDGoiDSAN/QAEACACIAtq/QAEAP3kAf0LBAAgByECDAELCwNAIAIgBUgEQCACQQJ0IgcgDGoiDSANKgIAIAcgC2oqAgCSOAIAIAJBAWohAgwBCwsLIAlBAWohCQwBCwsgCkEBaiEKDAELCwuhAQEEfyABIQUgAiADbCEHA0AgBEEEaiIBIAdMBEAgBSAEQQJ0av0MAAAAAAAAAAAAAAAAAAAAAP0LBAAgASEEDAELCwNAIAQgB0gEQCAFIARBAnRqQQA2AgAgBEEBaiEEDAELCwNAIAIgBkoEQCAAIAZBAnRqKAIAIgEgA0kEQCAFIAMgBmwgAWpBAnRqQwAAgD84AgALIAZBAWohBgwBCwsLoQIDAn0EfwF7A0AgBUEEaiACTARAIAVBAnQiCCAAav0ABAAiCf3gAf0MAAAATwAAAE8AAABPAAAAT/1D/aMBBEAgASAIaiAJ/fgB/QsEAAVBACEGA0AgBkEESARAIAZBAnQiByAAIAhqaioCACIDiyEEIAcgASAIamoCfyAD/AAgBEMAAABPXQ0AGkEAIAMgA5NDAAAAAFwgBEMAAABfYHINABogA/wEpws2AgAgBkEBaiEGDAELCwsgBUEEaiEFDAELCwNAIAIgBUoEQCAFQQJ0IgYgAGoqAgAiA4shBCABIAZqAn8gA/wAIARDAAAAT10NABpBACADIAOTQwAAAABcIARDAAAAX2ByDQAaIAP8BKcLNgIAIAVBAWohBQwBCwsLogYCDX8GeyAHQQFGIAVBAUZxBEADQCACIAlKBEAgACAEIAlsQQJ0aiEIIAEgBiAJbEECdGohCgJAIANBIEoEQCAKIAggA0ECdPwKAAAMAQtBACEHA0AgB0EEaiIFIANMBEAgB0ECdCIHIApqIAcgCGr9AAQA/QsEACAFIQcMAQsLA0AgAyAHSgRAIAdBAnQiBSAKaiAFIAhqKAIANgIAIAdBAWohBwwBCwsLIAlBAWohCQwBCwsPCyAHQQFGIARBAUZxBH8gBUECdCEPIAZBAnQhECACQXxxIQ0gA0F8cSEMA0AgCCANSARAIAhBEGoiCSANIAkgDUgbIRNBACELA0AgCyAMSARAIAtBEGoiCSAMIAkgDEgbIRQgCCEKA0AgCiATSARAIAshCQNAIAkgFEgEQCABIAYgCmwgCWpBAnRqIhEgACAFIAlsIApqQQJ0aiIS/QAEACIZIA8gEmr9AAQAIhr9DQABAgMQERITBAUGBxQVFhciFyASIA9BAXRq/QAEACIVIBIgD0EDbGr9AAQAIhb9DQABAgMQERITBAUGBxQVFhciGP0NAAECAwQFBgcQERITFBUWF/0LBAAgECARaiAXIBj9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIBEgEEEBdGogGSAa/Q0ICQoLGBkaGwwNDg8cHR4fIhcgFSAW/Q0ICQoLGBkaGwwNDg8cHR4fIhX9DQABAgMEBQYHEBESExQVFhf9CwQAIBEgEEEDbGogFyAV/Q0ICQoLDA0ODxgZGhscHR4f/QsEACAJQQRqIQkMAQsLIApBBGohCgwBCwsgC0EQaiELDAELCyAIQRBqIQgMAQsLA0AgDSAOSgRAIAwhCANAIAMgCEoEQCABIAYgDmwgCGpBAnRqIAAgBSAIbCAOakECdGooAgA2AgAgCEEBaiEIDAELCyAOQQFqIQ4MAQsLIA0FQQALIQgDQCACIAhKBEBBACEJA0AgAyAJSgRAIAEgBiAIbCAHIAlsakECdGogACAEIAhsIAUgCWxqQQJ0aigCADYCACAJQQFqIQkMAQsLIAhBAWohCAwBCwsLBgBBgNgAC+0QAgt7EH8gCkEIRiEhIARBfHEhICAHQQR0IAFBAnQgAxshIkEEIAEgAxshI0EQIAIgAxshJCADIAAgAxshHwNAIAQgHkoEQEEEQQEgHiAgSCIaGyEdIAggCSAebGohHCAfIAAgASAebGogGhshAyAjIAEgGhshJiAkIAIgGhshJyAhBEAgHUEERgRAIAMhGiAFIQP9DAAAAAAAAAAAAAAAAAAAAAAhEf0MAAAAAAAAAAAAAAAAAAAAACES/QwAAAAAAAAAAAAAAAAAAAAAIRP9DAAAAAAAAAAAAAAAAAAAAAAhFP0MAAAAAAAAAAAAAAAAAAAAACEV/QwAAAAAAAAAAAAAAAAAAAAAIRb9DAAAAAAAAAAAAAAAAAAAAAAhD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhGwNAIAcgG0oEQCAa/QkCACIXIAP9AAQAIhj95gEgEf3kASERIBcgA/0ABBAiF/3mASAS/eQBIRIgGiAmav0JAgAiGSAY/eYBIBP95AEhEyAZIBf95gEgFP3kASEUIBogJkEBdGr9CQIAIhkgGP3mASAV/eQBIRUgGSAX/eYBIBb95AEhFiAaICZBA2xq/QkCACIZIBj95gEgD/3kASEPIBkgF/3mASAQ/eQBIRAgGiAnaiEaIAMgBmohAyAbQQFqIRsMAQsLIAsEQCARIBz9AAQA/eQBIREgEiAc/QAEEP3kASESIBMgCSAcaiID/QAEAP3kASETIBQgA/0ABBD95AEhFCAVIBwgCUEBdGoiA/0ABAD95AEhFSAWIAP9AAQQ/eQBIRYgDyAcIAlBA2xqIgP9AAQA/eQBIQ8gECAD/QAEEP3kASEQCyAMBEAgESAM/QAEACIX/eQBIREgEiAM/QAEECIY/eQBIRIgEyAX/eQBIRMgFCAY/eQBIRQgFSAX/eQBIRUgFiAY/eQBIRYgECAY/eQBIRAgDyAX/eQBIQ8LIBwgEf0LBAAgHCAS/QsEECAJIBxqIgMgE/0LBAAgAyAU/QsEECAcIAlBAXRqIgMgFf0LBAAgAyAW/QsEECAcIAlBA2xqIgMgD/0LBAAgAyAQ/QsEEAUgBSEb/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEEEAIRoDQCAHIBpKBEAgA/0JAgAiESAb/QAEAP3mASAP/eQBIQ8gESAb/QAEEP3mASAQ/eQBIRAgAyAnaiEDIAYgG2ohGyAaQQFqIRoMAQsLIAsEQCAQIBz9AAQQ/eQBIRAgDyAc/QAEAP3kASEPCyAcIAwEeyAQIAz9AAQQ/eQBIRAgDyAM/QAEAP3kAQUgDwv9CwQAIBwgEP0LBBALIA0EQCAcIAkgHUECIA0QBAsFIAsEQEEAIRoDQCAaIB1IBEAgHCAJIBpsaiEoIA4gGkEFdGohKSAKQQROBH8gKSAo/QAEAP0LBABBBAVBAAshGwNAIAogG0oEQCAbQQJ0IiUgKWogJSAoaioCADgCACAbQQFqIRsMAQsLIBpBAWohGgwBCwsLIB1BBEYEQCADIRogBSED/QwAAAAAAAAAAAAAAAAAAAAAIRH9DAAAAAAAAAAAAAAAAAAAAAAhEv0MAAAAAAAAAAAAAAAAAAAAACET/QwAAAAAAAAAAAAAAAAAAAAAIRT9DAAAAAAAAAAAAAAAAAAAAAAhFf0MAAAAAAAAAAAAAAAAAAAAACEW/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEEEAIRsDQCAHIBtKBEAgGv0JAgAiFyAD/QAEACIY/eYBIBH95AEhESAXIAP9AAQQIhf95gEgEv3kASESIBogJmr9CQIAIhkgGP3mASAT/eQBIRMgGSAX/eYBIBT95AEhFCAaICZBAXRq/QkCACIZIBj95gEgFf3kASEVIBkgF/3mASAW/eQBIRYgGiAmQQNsav0JAgAiGSAY/eYBIA/95AEhDyAZIBf95gEgEP3kASEQIBogJ2ohGiADIAZqIQMgG0EBaiEbDAELCyALBEAgESAO/QAEAP3kASERIBIgDv0ABBD95AEhEiATIA79AAQg/eQBIRMgFCAO/QAEMP3kASEUIBUgDkFAayID/QAEAP3kASEVIBYgA/0ABBD95AEhFiAQIA79AARw/eQBIRAgDyAO/QAEYP3kASEPCyAMBEAgESAM/QAEACIX/eQBIREgEiAM/QAEECIY/eQBIRIgEyAX/eQBIRMgFCAY/eQBIRQgFSAX/eQBIRUgFiAY/eQBIRYgECAY/eQBIRAgDyAX/eQBIQ8LIA4gEf0LBAAgDiAS/QsEECAOIBP9CwQgIA4gFP0LBDAgDkFAayIDIBX9CwQAIAMgFv0LBBAgDiAP/QsEYCAOIBD9CwRwBSAFIRv9DAAAAAAAAAAAAAAAAAAAAAAhD/0MAAAAAAAAAAAAAAAAAAAAACEQQQAhGgNAIAcgGkoEQCAD/QkCACIRIBv9AAQA/eYBIA/95AEhDyARIBv9AAQQ/eYBIBD95AEhECADICdqIQMgBiAbaiEbIBpBAWohGgwBCwsgCwRAIBAgDv0ABBD95AEhECAPIA79AAQA/eQBIQ8LIA4gDAR7IBAgDP0ABBD95AEhECAPIAz9AAQA/eQBBSAPC/0LBAAgDiAQ/QsEEAsgDQRAIA5BICAdQQIgDRAEC0EAIRoDQCAaIB1IBEAgDiAaQQV0aiEDIBwgCSAabGohJSAKQQROBH8gJSAD/QAEAP0LBABBBAVBAAshGwNAIAogG0oEQCAbQQJ0IiYgJWogAyAmaioCADgCACAbQQFqIRsMAQsLIBpBAWohGgwBCwsLIB8gImogHyAeICBIGyEfIB0gHmohHgwBCwsLqQsCBXsQfyAJQQRGIRogBEF8cSEZIAZBBHQgAUECdCADGyEbQQQgASADGyEcQRAgAiADGyEdIAMgACADGyEYA0AgBCAXSgRAQQRBASAXIBlIIhMbIRYgByAIIBdsaiEVIBggACABIBdsaiATGyEDIBwgASATGyEfIB0gAiATGyEgIBoEQCAWQQRGBEAgAyETIAUhA/0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEP0MAAAAAAAAAAAAAAAAAAAAACERQQAhFANAIAYgFEoEQCAT/QkCACAD/QAEACIS/eYBIA795AEhDiATIB9q/QkCACAS/eYBIA/95AEhDyATIB9BAXRq/QkCACAS/eYBIBD95AEhECATIB9BA2xq/QkCACAS/eYBIBH95AEhESATICBqIRMgA0EQaiEDIBRBAWohFAwBCwsgCgRAIA8gCCAVav0ABAD95AEhDyAQIBUgCEEBdGr9AAQA/eQBIRAgESAVIAhBA2xq/QAEAP3kASERIA4gFf0ABAD95AEhDgsgCwRAIA4gC/0ABAAiEv3kASEOIBAgEv3kASEQIBEgEv3kASERIA8gEv3kASEPCyAVIA79CwQAIAggFWogD/0LBAAgFSAIQQF0aiAQ/QsEACAVIAhBA2xqIBH9CwQABSADIRQgBSED/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACETA0AgBiATSgRAIBT9CQIAIAP9AAQA/eYBIA795AEhDiAUICBqIRQgA0EQaiEDIBNBAWohEwwBCwsgCgRAIA4gFf0ABAD95AEhDgsgFSALBHsgDiAL/QAEAP3kAQUgDgv9CwQACyAMBEAgFSAIIBZBASAMEAQLBSAKBEBBACETA0AgEyAWSARAIBUgCCATbGohISANIBNBBXRqISIgCUEETgR/ICIgIf0ABAD9CwQAQQQFQQALIRQDQCAJIBRKBEAgFEECdCIeICJqIB4gIWoqAgA4AgAgFEEBaiEUDAELCyATQQFqIRMMAQsLCyAWQQRGBEAgAyETIAUhA/0MAAAAAAAAAAAAAAAAAAAAACEO/QwAAAAAAAAAAAAAAAAAAAAAIQ/9DAAAAAAAAAAAAAAAAAAAAAAhEP0MAAAAAAAAAAAAAAAAAAAAACERQQAhFANAIAYgFEoEQCAT/QkCACAD/QAEACIS/eYBIA795AEhDiATIB9q/QkCACAS/eYBIA/95AEhDyATIB9BAXRq/QkCACAS/eYBIBD95AEhECATIB9BA2xq/QkCACAS/eYBIBH95AEhESATICBqIRMgA0EQaiEDIBRBAWohFAwBCwsgCgRAIA8gDf0ABCD95AEhDyAQIA1BQGv9AAQA/eQBIRAgESAN/QAEYP3kASERIA4gDf0ABAD95AEhDgsgCwRAIA4gC/0ABAAiEv3kASEOIBAgEv3kASEQIBEgEv3kASERIA8gEv3kASEPCyANIA79CwQAIA0gD/0LBCAgDUFAayAQ/QsEACANIBH9CwRgBSADIRQgBSED/QwAAAAAAAAAAAAAAAAAAAAAIQ5BACETA0AgBiATSgRAIBT9CQIAIAP9AAQA/eYBIA795AEhDiAUICBqIRQgA0EQaiEDIBNBAWohEwwBCwsgCgRAIA4gDf0ABAD95AEhDgsgDSALBHsgDiAL/QAEAP3kAQUgDgv9CwQACyAMBEAgDUEgIBZBASAMEAQLQQAhEwNAIBMgFkgEQCANIBNBBXRqIQMgFSAIIBNsaiEeIAlBBE4EfyAeIAP9AAQA/QsEAEEEBUEACyEUA0AgCSAUSgRAIBRBAnQiHyAeaiADIB9qKgIAOAIAIBRBAWohFAwBCwsgE0EBaiETDAELCwsgGCAbaiAYIBcgGUgbIRggFiAXaiEXDAELCwtPAEGAAkEBIAIgAkEBTBsiAiACQYACThsiAkGACCABIAFBgAhOG0EHakF4cWwgAkGAASAAIABBgAFOG0F8cWxqQSBqIAFBB2pBeHFqQQJ0C5kBAQJ/IAAhECADQQhOIgAEQCAEQSBKIQALIAAEQCAFQcAASiEACyAABEAgBkGAAk4hAAsgBkECdCERIAdBAnQhB0EAIQYDQCAGIAlIBEAgECAGIApsQQJ0akEEIBEgASAGIAtsQQJ0akEEIAcgAiAGIAxsQQJ0aiAIQQJ0IAMgBCAFIA0gDiAPIABBARADIAZBAWohBgwBCwsLoAEBA38gACEQIANBCE4iAARAIARBIEohAAsgAARAIAVBwABKIQALIAAEQCAGQYACTiEACyAGQQJ0IREgB0ECdCEHIANBCEohEkEAIQYDQCAGIAlIBEAgECAGIApsQQJ0akEEIBEgASAGIAtsQQJ0aiAHQQQgAiAGIAxsQQJ0aiAIQQJ0IAMgBCAFIA0gDiAPIAAgEhADIAZBAWohBgwBCwsL6AECB38BfANAIAkgEkoEQCAAIAogEmxBAnRqIRMgASALIBJsQQJ0aiEUIAIgDCASbEECdGohFUEAIRADQCADIBBKBEBBACERA0AgBCARSgRARAAAAAAAAAAAIRZBACEPA0AgBSAPSgRAIBYgEyAGIA9sIBBqIAYgEGwgD2ogDRtBAnRqKgIAuyAUIAcgEWwgD2ogByAPbCARaiAOG0ECdGoqAgC7oqAhFiAPQQFqIQ8MAQsLIBUgCCAQbCARakECdGogFrY4AgAgEUEBaiERDAELCyAQQQFqIRAMAQsLIBJBAWohEgwBCwsLmQEBAn8gACEQIANBCE4iAARAIARBIEohAAsgAARAIAVBwABKIQALIAAEQCAGQYAETiEACyAGQQJ0IREgB0ECdCEHQQAhBgNAIAYgCUgEQCAQIAYgCmxBAnRqIBFBBCABIAYgC2xBAnRqQQQgByACIAYgDGxBAnRqIAhBAnQgAyAEIAUgDSAOIA8gAEEBEAMgBkEBaiEGDAELCwugAQEDfyAAIRAgA0EITiIABEAgBEEgSiEACyAABEAgBUHAAEohAAsgAARAIAZBgAROIQALIAZBAnQhESAHQQJ0IQcgA0EISiESQQAhBgNAIAYgCUgEQCAQIAYgCmxBAnRqIBFBBCABIAYgC2xBAnRqIAdBBCACIAYgDGxBAnRqIAhBAnQgAyAEIAUgDSAOIA8gACASEAMgBkEBaiEGDAELCwuKEQEEeyABQQFGBEAgAP0MAAAAAAAAAAAAAAAAAAAAAP3rAf0MAAAAAAAAAAAAAAAAAAAAAP3kAQ8LIAFBAkYEQP0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAA/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//eYB/QwAAIA/AACAPwAAgD8AAIA//eQB/ecBIgL95gH9DJJ4Ur+SeFK/knhSv5J4Ur/95AEgAv3mAf0MsIe+P7CHvj+wh74/sIe+P/3kASAC/eYB/QxdTpG/XU6Rv11Okb9dTpG//eQBIAL95gH9DMzHjj7Mx44+zMeOPszHjj795AEgAv3mAf0MTMI+vkzCPr5Mwj6+TMI+vv3kASAC/eYB/QzJNsY9yTbGPck2xj3JNsY9/eQBIAL95gH9DPuIvz77iL8++4i/PvuIvz795AEgAv3mAf0MxwCAP8cAgD/HAIA/xwCAP/3kASAC/eYB/QxO/KG/Tvyhv078ob9O/KG//eQBIAAgAP3mAf0MAAAAPwAAAD8AAAA/AAAAP/3mAf3lAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASID/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgT9DAAAQEsAAEBLAABASwAAQEv95QEiBf0Mg4BeOYOAXjmDgF45g4BeOf3mASAF/QwAgDG/AIAxvwCAMb8AgDG//eYBIAP95AH95AEhAyAA/QwAAAA/AAAAPwAAAD8AAAA/IAL9DGdpUDlnaVA5Z2lQOWdpUDkgA/3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAD/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAP95gH9DMGpKj3BqSo9wakqPcGpKj395AEgA/3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAD/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAMgA/3mAf3mASAD/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAT9DAAAQEsAAEBLAABASwAAQEv9sQEiAkEB/awBIgP9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASACIAP9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIC/QwAAIA/AACAPwAAgD8AAIA/IAL95QEgAP0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gEPCyABQQNGBED9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD/9DGdpUDlnaVA5Z2lQOWdpUDkgAP3hAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIA/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgL9DAAAQEsAAEBLAABASwAAQEv95QEiA/0Mg4BeOYOAXjmDgF45g4BeOf3mASAD/QwAgDG/AIAxvwCAMb8AgDG//eYBIAD95AH95AEiAP3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAA/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAD95gH9DMGpKj3BqSo9wakqPcGpKj395AEgAP3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAA/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAAgAP3mAf3mASAA/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAL9DAAAQEsAAEBLAABASwAAQEv9sQEiAEEB/awBIgL9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAAIAL9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3kAf3nAQ8LIAFBBEYEQP0M6vC6u+rwurvq8Lq76vC6uyAAIAD95gEiAv3mAf0MThOpPE4TqTxOE6k8ThOpPP3kASAC/eYB/QwtHly9LR5cvS0eXL0tHly9/eQBIAL95gH9DJODCD6Tgwg+k4MIPpODCD795AEgAv3mAf0Mmaqqvpmqqr6Zqqq+maqqvv3kASAC/eYBIAD95gEgAP3kAf0MAACAPwAAgD8AAIA/AACAP/0MAAAAQAAAAEAAAABAAAAAQP0MZ2lQOWdpUDlnaVA5Z2lQOSAA/eABIgIgAv3kAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASID/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgT9DAAAQEsAAEBLAABASwAAQEv95QEiBf0Mg4BeOYOAXjmDgF45g4BeOf3mASAF/QwAgDG/AIAxvwCAMb8AgDG//eYBIAP95AH95AEiA/3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAD/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAP95gH9DMGpKj3BqSo9wakqPcGpKj395AEgA/3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAD/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAMgA/3mAf3mASAD/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAT9DAAAQEsAAEBLAABASwAAQEv9sQEiA0EB/awBIgT9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASADIAT9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nAf3lASAA/QwAAACAAAAAgAAAAIAAAACA/U79UCAC/QwAACA/AAAgPwAAID8AACA//UP9Ug8LIAAL8wsCAn8FewNAIARBBGoiAyACTARAIARBAnQiBCAAav0ABAAiCf3gASIIIAj95AH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiBv0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIH/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjn95gEgBf0MAIAxvwCAMb8AgDG/AIAxv/3mASAG/eQB/eQBIQYgASAEav0M6vC6u+rwurvq8Lq76vC6uyAJIAn95gEiBf3mAf0MThOpPE4TqTxOE6k8ThOpPP3kASAF/eYB/QwtHly9LR5cvS0eXL0tHly9/eQBIAX95gH9DJODCD6Tgwg+k4MIPpODCD795AEgBf3mAf0Mmaqqvpmqqr6Zqqq+maqqvv3kASAF/eYBIAn95gEgCf3kAf0MAACAPwAAgD8AAIA/AACAP/0MAAAAQAAAAEAAAABAAAAAQP0MZ2lQOWdpUDlnaVA5Z2lQOSAG/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIAb95gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgBv3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAG/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIAb95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgBiAG/eYB/eYBIAb95AH9DAAAgD8AAIA/AACAPwAAgD/95AEgB/0MAABASwAAQEsAAEBLAABAS/2xASIGQQH9rAEiBf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAYgBf2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/QwAAIA/AACAPwAAgD8AAIA//eQB/ecB/eUBIAn9DAAAAIAAAACAAAAAgAAAAID9Tv1QIAj9DAAAID8AACA/AAAgPwAAID/9Q/1S/QsEACADIQQMAQsLA0AgAiAESgRAIARBAnQiAyAAaioCAP0TIgn94AEiCCAI/eQB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgb9DDuquD87qrg/O6q4PzuquD/95gH9DAAAQEsAAEBLAABASwAAQEv95AEiB/0MAABASwAAQEsAAEBLAABAS/3lASIF/QyDgF45g4BeOYOAXjmDgF45/eYBIAX9DACAMb8AgDG/AIAxvwCAMb/95gEgBv3kAf3kASEGIAEgA2r9DOrwurvq8Lq76vC6u+rwursgCSAJ/eYBIgX95gH9DE4TqTxOE6k8ThOpPE4TqTz95AEgBf3mAf0MLR5cvS0eXL0tHly9LR5cvf3kASAF/eYB/QyTgwg+k4MIPpODCD6Tgwg+/eQBIAX95gH9DJmqqr6Zqqq+maqqvpmqqr795AEgBf3mASAJ/eYBIAn95AH9DAAAgD8AAIA/AACAPwAAgD/9DAAAAEAAAABAAAAAQAAAAED9DGdpUDlnaVA5Z2lQOWdpUDkgBv3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAG/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAb95gH9DMGpKj3BqSo9wakqPcGpKj395AEgBv3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAG/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAYgBv3mAf3mASAG/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAf9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nAf3lASAJ/QwAAACAAAAAgAAAAIAAAACA/U79UCAI/QwAACA/AAAgPwAAID8AACA//UP9Uv0fADgCACAEQQFqIQQMAQsLC4ULAgJ/BnsDQCAEQQRqIgMgAkwEQCAEQQJ0IgQgAGr9AAQAIgr9DAAAgAAAAIAAAACAAAAAgAD9QyEJIAr9DAAAAEsAAABLAAAASwAAAEv95gEgCiAJ/VIiCP0M//9/AP//fwD//38A//9/AP1O/QwAAAA/AAAAPwAAAD8AAAA//VAiBv0M8wQ1P/MENT/zBDU/8wQ1P/1DIQUgBiAGIAX9Tv3kAf0MAACAPwAAgD8AAIA/AACAP/3lASIHIAf95gEhBiABIARq/QwAAID/AACA/wAAgP8AAID//QwAAMB/AADAfwAAwH8AAMB/IAogCEEX/a0B/Qx+AAAAfgAAAH4AAAB+AAAA/bEBIAn9DBcAAAAXAAAAFwAAABcAAAD9Tv2xASAF/a4B/foBIgX9DACAMT8AgDE/AIAxPwCAMT/95gEgByAG/QwAAAC/AAAAvwAAAL8AAAC//eYBIAX9DIOAXrmDgF65g4BeuYOAXrn95gH9DLshkD27IZA9uyGQPbshkD0gB/3mAf0MuNHrvbjR67240eu9uNHrvf3kASAH/eYB/QwaJe89GiXvPRol7z0aJe89/eQBIAf95gH9DE9d/r1PXf69T13+vU9d/r395AEgB/3mAf0Mv+kRPr/pET6/6RE+v+kRPv3kASAH/eYB/QxQriq+UK4qvlCuKr5Qriq+/eQBIAf95gH9DKzOTD6szkw+rM5MPqzOTD795AEgB/3mAf0M/P9/vvz/f778/3++/P9/vv3kASAH/eYB/Qyqqqo+qqqqPqqqqj6qqqo+/eQBIAf95gEgBv3mAf3kAf3kAf3kAf3kASAKIAr9QiAK/QwAAIB/AACAfwAAgH8AAIB//UH9UP1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Q/1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Qf1S/QsEACADIQQMAQsLA0AgAiAESgRAIARBAnQiAyAAaioCAP0TIgr9DAAAgAAAAIAAAACAAAAAgAD9QyEJIAr9DAAAAEsAAABLAAAASwAAAEv95gEgCiAJ/VIiCP0M//9/AP//fwD//38A//9/AP1O/QwAAAA/AAAAPwAAAD8AAAA//VAiBv0M8wQ1P/MENT/zBDU/8wQ1P/1DIQUgBiAGIAX9Tv3kAf0MAACAPwAAgD8AAIA/AACAP/3lASIHIAf95gEhBiABIANq/QwAAID/AACA/wAAgP8AAID//QwAAMB/AADAfwAAwH8AAMB/IAogCEEX/a0B/Qx+AAAAfgAAAH4AAAB+AAAA/bEBIAn9DBcAAAAXAAAAFwAAABcAAAD9Tv2xASAF/a4B/foBIgX9DACAMT8AgDE/AIAxPwCAMT/95gEgByAG/QwAAAC/AAAAvwAAAL8AAAC//eYBIAX9DIOAXrmDgF65g4BeuYOAXrn95gH9DLshkD27IZA9uyGQPbshkD0gB/3mAf0MuNHrvbjR67240eu9uNHrvf3kASAH/eYB/QwaJe89GiXvPRol7z0aJe89/eQBIAf95gH9DE9d/r1PXf69T13+vU9d/r395AEgB/3mAf0Mv+kRPr/pET6/6RE+v+kRPv3kASAH/eYB/QxQriq+UK4qvlCuKr5Qriq+/eQBIAf95gH9DKzOTD6szkw+rM5MPqzOTD795AEgB/3mAf0M/P9/vvz/f778/3++/P9/vv3kASAH/eYB/Qyqqqo+qqqqPqqqqj6qqqo+/eQBIAf95gEgBv3mAf3kAf3kAf3kAf3kASAKIAr9QiAK/QwAAIB/AACAfwAAgH8AAIB//UH9UP1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Q/1SIAr9DAAAAAAAAAAAAAAAAAAAAAD9Qf1S/R8AOAIAIARBAWohBAwBCwsL5Q4CAn8FewNAIARBBGoiAyACTARA/QxF+S4+RfkuPkX5Lj5F+S4+/QwAAIA/AACAPwAAgD8AAIA/IARBAnQiBCAAav0ABAAiCf3gAf0M8wQ1P/MENT/zBDU/8wQ1P/3mAf0MAAAAPwAAAD8AAAA/AAAAP/3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nASII/eYB/QySeFK/knhSv5J4Ur+SeFK//eQBIAj95gH9DLCHvj+wh74/sIe+P7CHvj/95AEgCP3mAf0MXU6Rv11Okb9dTpG/XU6Rv/3kASAI/eYB/QzMx44+zMeOPszHjj7Mx44+/eQBIAj95gH9DEzCPr5Mwj6+TMI+vkzCPr795AEgCP3mAf0MyTbGPck2xj3JNsY9yTbGPf3kASAI/eYB/Qz7iL8++4i/PvuIvz77iL8+/eQBIAj95gH9DMcAgD/HAIA/xwCAP8cAgD/95AEgCP3mAf0MTvyhv078ob9O/KG/Tvyhv/3kASAJIAn95gH9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIG/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjn95gEgBf0MAIAxvwCAMb8AgDG/AIAxv/3mASAH/eQB/eQBIQUgASAEaiAJ/QwAAAA/AAAAPwAAAD8AAAA/IAj9DGdpUDlnaVA5Z2lQOWdpUDkgBf3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAF/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAX95gH9DMGpKj3BqSo9wakqPcGpKj395AEgBf3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAF/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAUgBf3mAf3mASAF/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIF/QwAAIA/AACAPwAAgD8AAIA/IAX95QEgCf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gH9CwQAIAMhBAwBCwsDQCACIARKBED9DEX5Lj5F+S4+RfkuPkX5Lj79DAAAgD8AAIA/AACAPwAAgD8gBEECdCIDIABqKgIA/RMiCf3gAf0M8wQ1P/MENT/zBDU/8wQ1P/3mAf0MAAAAPwAAAD8AAAA/AAAAP/3mAf0MAACAPwAAgD8AAIA/AACAP/3kAf3nASII/eYB/QySeFK/knhSv5J4Ur+SeFK//eQBIAj95gH9DLCHvj+wh74/sIe+P7CHvj/95AEgCP3mAf0MXU6Rv11Okb9dTpG/XU6Rv/3kASAI/eYB/QzMx44+zMeOPszHjj7Mx44+/eQBIAj95gH9DEzCPr5Mwj6+TMI+vkzCPr795AEgCP3mAf0MyTbGPck2xj3JNsY9yTbGPf3kASAI/eYB/Qz7iL8++4i/PvuIvz77iL8+/eQBIAj95gH9DMcAgD/HAIA/xwCAP8cAgD/95AEgCP3mAf0MTvyhv078ob9O/KG/Tvyhv/3kASAJIAn95gH9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIG/QwAAEBLAABASwAAQEsAAEBL/eUBIgX9DIOAXjmDgF45g4BeOYOAXjn95gEgBf0MAIAxvwCAMb8AgDG/AIAxv/3mASAH/eQB/eQBIQUgASADaiAJ/QwAAAA/AAAAPwAAAD8AAAA/IAj9DGdpUDlnaVA5Z2lQOWdpUDkgBf3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAF/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAX95gH9DMGpKj3BqSo9wakqPcGpKj395AEgBf3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAF/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAUgBf3mAf3mASAF/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBkEB/awBIgX9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAGIAX9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIF/QwAAIA/AACAPwAAgD8AAIA/IAX95QEgCf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95gH9HwA4AgAgBEEBaiEEDAELCwsMACAAIAEgAiADEHcLdwICfwF7IAAhBANAIANBBGoiACACTARAIANBAnQiAyAEav0ABAAhBSABIANqIAUgBf21Af0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGooAgD9ESEFIAAgAWogBSAF/bUB/RsANgIAIANBAWohAwwBCwsLxwECAn8BeyAAIQQDQCADQQRqIgAgAkwEQCADQQJ0IgMgBGr9AAQAIQUgASADaiAF/QwAAAAAAAAAAAAAAAAAAAAA/TkgBf0MAAAAAAAAAAAAAAAAAAAAAP07/bEB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACAEaigCAP0RIQUgACABaiAF/QwAAAAAAAAAAAAAAAAAAAAA/TkgBf0MAAAAAAAAAAAAAAAAAAAAAP07/bEB/RsANgIAIANBAWohAwwBCwsLDAAgACABIAIgAxB4C2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/aEB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKAIA/RH9oQH9GwA2AgAgA0EBaiEDDAELCwsMACAAIAEgAiADEHkLDAAgACABIAIgAxB6CwwAIAAgASACIAMQewsMACAAIAEgAiADEHwLDAAgACABIAIgAxB9CwwAIAAgASACIAMQfgsMACAAIAEgAiADEH8LDQAgACABIAIgAxCAAQsNACAAIAEgAiADEIEBC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/aAB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKAIA/RH9oAH9GwA2AgAgA0EBaiEDDAELCwvcFgICfwh7A0AgBUEEaiIEIANMBEAgBUECdCIFIAFq/QAEACINIA395gEiCP0MAAAAvwAAAL8AAAC/AAAAv/3mAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIH/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgz9DAAAQEsAAEBLAABASwAAQEv95QEiBv0Mg4BeOYOAXjmDgF45g4BeOf3mASAG/QwAgDG/AIAxvwCAMb8AgDG//eYBIAf95AH95AEhC/0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAN/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//eYB/QwAAIA/AACAPwAAgD8AAIA//eQB/ecBIgr95gH9DJJ4Ur+SeFK/knhSv5J4Ur/95AEgCv3mAf0MsIe+P7CHvj+wh74/sIe+P/3kASAK/eYB/QxdTpG/XU6Rv11Okb9dTpG//eQBIAr95gH9DMzHjj7Mx44+zMeOPszHjj795AEgCv3mAf0MTMI+vkzCPr5Mwj6+TMI+vv3kASAK/eYB/QzJNsY9yTbGPck2xj3JNsY9/eQBIAr95gH9DPuIvz77iL8++4i/PvuIvz795AEgCv3mAf0MxwCAP8cAgD/HAIA/xwCAP/3kASAK/eYB/QxO/KG/Tvyhv078ob9O/KG//eQBIAj9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIJ/QwAAEBLAABASwAAQEsAAEBL/eUBIgb9DIOAXjmDgF45g4BeOYOAXjn95gEgBv0MAIAxvwCAMb8AgDG/AIAxv/3mASAH/eQB/eQBIQggAiAFaiAAIAVq/QAEACAN/QxnaVA5Z2lQOWdpUDlnaVA5IAv95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgC/3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAL/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAv95gH9DKqqKj6qqio+qqoqPqqqKj795AEgC/3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASALIAv95gH95gEgC/3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAM/QwAAEBLAABASwAAQEsAAEBL/bEBIgdBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgByAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9DCpCzD4qQsw+KkLMPipCzD795gH95gH9DAAAAD8AAAA/AAAAPwAAAD8gCv0MZ2lQOWdpUDlnaVA5Z2lQOSAI/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIAj95gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgCP3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAI/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIAj95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgCCAI/eYB/eYBIAj95AH9DAAAgD8AAIA/AACAPwAAgD/95AEgCf0MAABASwAAQEsAAEBLAABAS/2xASIHQQH9rAEiBv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAcgBv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/eYB/eYBIgb9DAAAgD8AAIA/AACAPwAAgD8gBv3lASAN/QwAAAAAAAAAAAAAAAAAAAAA/UP9Uv3kAf3mAf0LBAAgBCEFDAELCwNAIAMgBUoEQCAFQQJ0IgQgAWoqAgD9EyINIA395gEiCP0MAAAAvwAAAL8AAAC/AAAAv/3mAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIH/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgz9DAAAQEsAAEBLAABASwAAQEv95QEiBv0Mg4BeOYOAXjmDgF45g4BeOf3mASAG/QwAgDG/AIAxvwCAMb8AgDG//eYBIAf95AH95AEhC/0MRfkuPkX5Lj5F+S4+RfkuPv0MAACAPwAAgD8AAIA/AACAPyAN/eAB/QzzBDU/8wQ1P/MENT/zBDU//eYB/QwAAAA/AAAAPwAAAD8AAAA//eYB/QwAAIA/AACAPwAAgD8AAIA//eQB/ecBIgr95gH9DJJ4Ur+SeFK/knhSv5J4Ur/95AEgCv3mAf0MsIe+P7CHvj+wh74/sIe+P/3kASAK/eYB/QxdTpG/XU6Rv11Okb9dTpG//eQBIAr95gH9DMzHjj7Mx44+zMeOPszHjj795AEgCv3mAf0MTMI+vkzCPr5Mwj6+TMI+vv3kASAK/eYB/QzJNsY9yTbGPck2xj3JNsY9/eQBIAr95gH9DPuIvz77iL8++4i/PvuIvz795AEgCv3mAf0MxwCAP8cAgD/HAIA/xwCAP/3kASAK/eYB/QxO/KG/Tvyhv078ob9O/KG//eQBIAj9DAAAAD8AAAA/AAAAPwAAAD/95gH95QH9DAAA0sIAANLCAADSwgAA0sL96wH9DJqZsUKambFCmpmxQpqZsUL96gEiB/0MO6q4PzuquD87qrg/O6q4P/3mAf0MAABASwAAQEsAAEBLAABAS/3kASIJ/QwAAEBLAABASwAAQEsAAEBL/eUBIgb9DIOAXjmDgF45g4BeOYOAXjn95gEgBv0MAIAxvwCAMb8AgDG/AIAxv/3mASAH/eQB/eQBIQggAiAEaiAAIARqKgIA/RMgDf0MZ2lQOWdpUDlnaVA5Z2lQOSAL/eYB/QzOQ7c6zkO3Os5DtzrOQ7c6/eQBIAv95gH9DAiJCDwIiQg8CIkIPAiJCDz95AEgC/3mAf0MwakqPcGpKj3BqSo9wakqPf3kASAL/eYB/Qyqqio+qqoqPqqqKj6qqio+/eQBIAv95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgCyAL/eYB/eYBIAv95AH9DAAAgD8AAIA/AACAPwAAgD/95AEgDP0MAABASwAAQEsAAEBLAABAS/2xASIHQQH9rAEiBv0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAcgBv2xAf0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYB/QwqQsw+KkLMPipCzD4qQsw+/eYB/eYB/QwAAAA/AAAAPwAAAD8AAAA/IAr9DGdpUDlnaVA5Z2lQOWdpUDkgCP3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAI/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAj95gH9DMGpKj3BqSo9wakqPcGpKj395AEgCP3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAI/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAggCP3mAf3mASAI/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAn9DAAAQEsAAEBLAABASwAAQEv9sQEiB0EB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAHIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3mAf3mASIG/QwAAIA/AACAPwAAgD8AAIA/IAb95QEgDf0MAAAAAAAAAAAAAAAAAAAAAP1D/VL95AH95gH9HwA4AgAgBUEBaiEFDAELCwv0AQMCfAJ/AX4DQCACIAVKBEAgBUECdCIGIABqKgIAuyIDvUL///////////8AgyIHvyEEIAEgBmogB0IgiKciBkHqp4b/A0sEfCAGQYCA0IEESwR8RAAAAAAAAPA/RAAAAAAAAAAAIASjoQVEAAAAAAAA8D9EAAAAAAAAAEAgBCAEoBAFRAAAAAAAAABAoKOhCwUgBkGuscH+A0sEfCAEIASgEAUiBCAERAAAAAAAAABAoKMFIAZBgIDAAE8EfCAERAAAAAAAAADAohAFIgSaIAREAAAAAAAAAECgowUgBAsLCyADprY4AgAgBUEBaiEFDAELCwuUAwICfwN7IAAhBQNAIARBBGoiACADTARAIAUgBEECdCIEav0ABAAhBiACIARqIAb9X/0MAAAAAAAA8D8AAAAAAADwPyABIARq/QAEACIH/V8iCCAI/fIB/fEB/fIB/V4gBiAG/Q0ICQoLDA0ODwgJCgsMDQ4P/V/9DAAAAAAAAPA/AAAAAAAA8D8gByAH/Q0ICQoLDA0ODwgJCgsMDQ4P/V8iBiAG/fIB/fEB/fIB/V79DQABAgMEBQYHEBESExQVFhf9CwQAIAAhBAwBCwsDQCADIARKBEAgBSAEQQJ0IgBqKgIA/RMhBiAAIAJqIAb9X/0MAAAAAAAA8D8AAAAAAADwPyAAIAFqKgIA/RMiB/1fIgggCP3yAf3xAf3yAf1eIAYgBv0NCAkKCwwNDg8ICQoLDA0OD/1f/QwAAAAAAADwPwAAAAAAAPA/IAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIgYgBv3yAf3xAf3yAf1e/Q0AAQIDBAUGBxAREhMUFRYX/R8AOAIAIARBAWohBAwBCwsLCgAgACABIAIQLQsMACAAIAEgAiADEG8LOAICfwF8A0AgAiADSgRAIANBAnQiBCAAaioCALshBSABIARqIAUgBaK2OAIAIANBAWohAwwBCwsLdwICfwF7IAAhBANAIANBBGoiACACTARAIANBAnQiAyAEav0ABAAhBSABIANqIAUgBf3mAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGoqAgD9EyEFIAAgAWogBSAF/eYB/R8AOAIAIANBAWohAwwBCwsLMAECfwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaioCALuftjgCACADQQFqIQMMAQsLC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/eMB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKgIA/RP94wH9HwA4AgAgA0EBaiEDDAELCwuEAQICfwF8A0AgAiADSgRAIANBAnQiBCAAaioCALshBSABIARqIAVEAAAAAAAAAABkBHxEAAAAAAAA8D8FIAVEAAAAAAAAAABjBHxEAAAAAAAA8L8FRAAAAAAAAAAARAAAAAAAAPh/IAVEAAAAAAAAAABhGwsLtjgCACADQQFqIQMMAQsLC60CAgJ/AXsgACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIARq/QAEACEFIAEgA2ogBf0MAAAAAAAAAAAAAAAAAAAAAP1E/QwAAIA/AACAPwAAgD8AAIA//U4gBf0MAAAAAAAAAAAAAAAAAAAAAP1D/QwAAIC/AACAvwAAgL8AAIC//U79UCAFIAX9QiAF/U79UP0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgBGoqAgD9EyEFIAAgAWogBf0MAAAAAAAAAAAAAAAAAAAAAP1E/QwAAIA/AACAPwAAgD8AAIA//U4gBf0MAAAAAAAAAAAAAAAAAAAAAP1D/QwAAIC/AACAvwAAgL8AAIC//U79UCAFIAX9QiAF/U79UP0fADgCACADQQFqIQMMAQsLC0YBAn8DQCACIANKBEAgA0ECdCIEIAFqRAAAAAAAAPA/IAAgBGoqAgC7mhAGRAAAAAAAAPA/oKO2OAIAIANBAWohAwwBCwsLlAMCAn8DeyAAIQUDQCAEQQRqIgAgA0wEQCAFIARBAnQiBGr9AAQAIQYgAiAEaiAG/V8gASAEav0ABAAiB/1fIgj98gH9DAAAAAAAAPA/AAAAAAAA8D8gCP3xAf3yAf1eIAYgBv0NCAkKCwwNDg8ICQoLDA0OD/1fIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIgb98gH9DAAAAAAAAPA/AAAAAAAA8D8gBv3xAf3yAf1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEACAAIQQMAQsLA0AgAyAESgRAIAUgBEECdCIAaioCAP0TIQYgACACaiAG/V8gACABaioCAP0TIgf9XyII/fIB/QwAAAAAAADwPwAAAAAAAPA/IAj98QH98gH9XiAGIAb9DQgJCgsMDQ4PCAkKCwwNDg/9XyAHIAf9DQgJCgsMDQ4PCAkKCwwNDg/9XyIG/fIB/QwAAAAAAADwPwAAAAAAAPA/IAb98QH98gH9Xv0NAAECAwQFBgcQERITFBUWF/0fADgCACAEQQFqIQQMAQsLC8MIAgJ/A3sgACEDIAEhBEEAIQADQCAAQQRqIgEgAkwEQCAAQQJ0IgAgA2r9AAQA/eEB/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgX9DDuquD87qrg/O6q4PzuquD/95gH9DAAAQEsAAEBLAABASwAAQEv95AEiBv0MAABASwAAQEsAAEBLAABAS/3lASIH/QyDgF45g4BeOYOAXjmDgF45/eYBIAf9DACAMb8AgDG/AIAxvwCAMb/95gEgBf3kAf3kASEFIAAgBGr9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD/9DGdpUDlnaVA5Z2lQOWdpUDkgBf3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAF/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAX95gH9DMGpKj3BqSo9wakqPcGpKj395AEgBf3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAF/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAUgBf3mAf3mASAF/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBUEB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAFIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf3kAf3nAf0LBAAgASEADAELCwNAIAAgAkgEQCAAQQJ0IgEgA2oqAgD9E/3hAf0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIF/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgb9DAAAQEsAAEBLAABASwAAQEv95QEiB/0Mg4BeOYOAXjmDgF45g4BeOf3mASAH/QwAgDG/AIAxvwCAMb8AgDG//eYBIAX95AH95AEhBSABIARq/QwAAIA/AACAPwAAgD8AAIA//QwAAIA/AACAPwAAgD8AAIA//QxnaVA5Z2lQOWdpUDlnaVA5IAX95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgBf3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAF/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAX95gH9DKqqKj6qqio+qqoqPqqqKj795AEgBf3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAFIAX95gH95gEgBf3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAG/QwAAEBLAABASwAAQEsAAEBL/bEBIgVBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgBSAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH95AH95wH9HwA4AgAgAEEBaiEADAELCwtTAgF8An8DQCACIARKBEAgBEECdCIFIABqKgIAuyEDIAEgBWogAyADRAAAAAAAAAAAIAMgA2IbIANEAAAAAAAAAABkG7Y4AgAgBEEBaiEEDAELCwuiAQECfyAAIQUDQCAEQQRqIgAgA0wEQCAEQQJ0IgQgAmogBCAFav0ABAAgASAEav0ABAD9DAAAAAAAAAAAAAAAAAAAAAD9RP1O/QsEACAAIQQMAQsLA0AgAyAESgRAIARBAnQiACACaiAAIAVqKgIA/RMgACABaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/UT9Tv0fADgCACAEQQFqIQQMAQsLC7cBAQJ/IAAhBANAIANBBGoiACACTARAIANBAnQiAyABaiADIARq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP3rAf0MAAAAAAAAAAAAAAAAAAAAAP3kAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgAWogACAEaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/esB/QwAAAAAAAAAAAAAAAAAAAAA/eQB/R8AOAIAIANBAWohAwwBCwsLOQECfwNAIAIgA0oEQCADQQJ0IgQgAWpEAAAAAAAA8D8gACAEaioCALujtjgCACADQQFqIQMMAQsLC40BAQJ/IAAhBANAIANBBGoiACACTARAIANBAnQiAyABav0MAACAPwAAgD8AAIA/AACAPyADIARq/QAEAP3nAf0LBAAgACEDDAELCwNAIAIgA0oEQCADQQJ0IgAgAWr9DAAAgD8AAIA/AACAPwAAgD8gACAEaioCAP0T/ecB/R8AOAIAIANBAWohAwwBCwsLDAAgACABIAIgAxBwCwwAIAAgASACIAMQcQswAQJ/A0AgAiADSgRAIANBAnQiBCABaiAAIARqKgIAu5q2OAIAIANBAWohAwwBCwsLaQECfyAAIQQDQCADQQRqIgAgAkwEQCADQQJ0IgMgAWogAyAEav0ABAD94QH9CwQAIAAhAwwBCwsDQCACIANKBEAgA0ECdCIAIAFqIAAgBGoqAgD9E/3hAf0fADgCACADQQFqIQMMAQsLCwwAIAAgASACIAMQcgsMACAAIAEgAiADEHMLDAAgACABIAIgAxB0CzEBAn8DQCACIANKBEAgA0ECdCIEIAFqIAAgBGoqAgC7EAK2OAIAIANBAWohAwwBCwsLCgAgACABIAIQLgsMACAAIAEgAiADEHULDAAgACABIAIgAxB2C0cCAn8BfANAIAIgBEoEQCAEQQJ0IgUgAGoqAgC7IQYgASAFaiAGIAMgBqIgBkQAAAAAAAAAAGQbtjgCACAEQQFqIQQMAQsLC6oCAgJ/AnsgACEGIAT9FCEHA0AgBUEEaiIAIANMBEAgBiAFQQJ0IgVq/QAEACEIIAIgBWogCCAI/V8gB/3yAf1eIAggCP0NCAkKCwwNDg8ICQoLDA0OD/1fIAf98gH9Xv0NAAECAwQFBgcQERITFBUWFyABIAVq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP1E/VL9CwQAIAAhBQwBCwsDQCADIAVKBEAgBiAFQQJ0IgBqKgIA/RMhCCAAIAJqIAggCP1fIAf98gH9XiAIIAj9DQgJCgsMDQ4PCAkKCwwNDg/9XyAH/fIB/V79DQABAgMEBQYHEBESExQVFhcgACABaioCAP0T/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0fADgCACAFQQFqIQUMAQsLC5sCAgJ/AnsgACEFIAP9FCEGA0AgBEEEaiIAIAJMBEAgBEECdCIEIAVq/QAEACEHIAEgBGogByAH/V8gBv3yAf1eIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIAb98gH9Xv0NAAECAwQFBgcQERITFBUWFyAH/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0LBAAgACEEDAELCwNAIAIgBEoEQCAEQQJ0IgAgBWoqAgD9EyEHIAAgAWogByAH/V8gBv3yAf1eIAcgB/0NCAkKCwwNDg8ICQoLDA0OD/1fIAb98gH9Xv0NAAECAwQFBgcQERITFBUWFyAH/QwAAAAAAAAAAAAAAAAAAAAA/UT9Uv0fADgCACAEQQFqIQQMAQsLCw0AIAAgASACIAMQggELDQAgACABIAIgAxCDAQvbAwIGfAJ/A0AgAiAKSgRAIApBAnQiCSAAaioCALshA0QAAAAAAAAAACEGIAEgCWogA0QAAAAAAADgP6ICfEQAAAAAAAD4fyADRM07f2aeoOY/oiIHIAdiDQAaIAeZIgNEAAAAAAAABEBjBEAgAyIEIAOiIQZBASEJA0AgCUE8SARAAkAgBCADIAaaIAm3IgSjoiIDIAQgBKBEAAAAAAAA8D+goyIFoCEEIAWZIASZRJfURkb1Dmc8omMNACAJQQFqIQkMAgsLCyAERG2bQlDXDfI/oiIDmiADIAdEAAAAAAAAAABjGwwBC0QAAAAAAADwv0QAAAAAAADwPyAHRAAAAAAAAAAAYxsgA0QAAAAAAAAYQGQNABogAyIEIQhBASEJA0AgCUHIAUgEQAJARAAAAAAAAPA/IAMgCbdEAAAAAAAA4D+iIgUgBqKgoyEGIAQgAyAFIAijoCIIIAaiIgWiIQQgBUQAAAAAAADwv6CZRLyJ2Jey0pw8Yw0AIAlBAWohCQwCCwsLIAOaIAOiEAZEbZtCUNcN4j+iIASjIgNEAAAAAAAA8L+gRAAAAAAAAPA/IAOhIAdEAAAAAAAAAABjGwtEAAAAAAAA8D+gorY4AgAgCkEBaiEKDAELCwsMACAAIAEgAiADED8LCgAgACABIAIQLwsxAQJ/A0AgAiADSgRAIANBAnQiBCABaiAAIARqKgIAuxAGtjgCACADQQFqIQMMAQsLC+kHAgJ/A3sgACEDIAEhBEEAIQADQCAAQQRqIgEgAkwEQCAAQQJ0IgAgA2r9AAQA/QwAANLCAADSwgAA0sIAANLC/esB/QyambFCmpmxQpqZsUKambFC/eoBIgX9DDuquD87qrg/O6q4PzuquD/95gH9DAAAQEsAAEBLAABASwAAQEv95AEiBv0MAABASwAAQEsAAEBLAABAS/3lASIH/QyDgF45g4BeOYOAXjmDgF45/eYBIAf9DACAMb8AgDG/AIAxvwCAMb/95gEgBf3kAf3kASEFIAAgBGr9DGdpUDlnaVA5Z2lQOWdpUDkgBf3mAf0MzkO3Os5DtzrOQ7c6zkO3Ov3kASAF/eYB/QwIiQg8CIkIPAiJCDwIiQg8/eQBIAX95gH9DMGpKj3BqSo9wakqPcGpKj395AEgBf3mAf0MqqoqPqqqKj6qqio+qqoqPv3kASAF/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIAUgBf3mAf3mASAF/eQB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb9DAAAQEsAAEBLAABASwAAQEv9sQEiBUEB/awBIgb9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAFIAb9sQH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mAf0LBAAgASEADAELCwNAIAAgAkgEQCAAQQJ0IgEgA2oqAgD9E/0MAADSwgAA0sIAANLCAADSwv3rAf0MmpmxQpqZsUKambFCmpmxQv3qASIF/Qw7qrg/O6q4PzuquD87qrg//eYB/QwAAEBLAABASwAAQEsAAEBL/eQBIgb9DAAAQEsAAEBLAABASwAAQEv95QEiB/0Mg4BeOYOAXjmDgF45g4BeOf3mASAH/QwAgDG/AIAxvwCAMb8AgDG//eYBIAX95AH95AEhBSABIARq/QxnaVA5Z2lQOWdpUDlnaVA5IAX95gH9DM5DtzrOQ7c6zkO3Os5Dtzr95AEgBf3mAf0MCIkIPAiJCDwIiQg8CIkIPP3kASAF/eYB/QzBqSo9wakqPcGpKj3BqSo9/eQBIAX95gH9DKqqKj6qqio+qqoqPqqqKj795AEgBf3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAFIAX95gH95gEgBf3kAf0MAACAPwAAgD8AAIA/AACAP/3kASAG/QwAAEBLAABASwAAQEsAAEBL/bEBIgVBAf2sASIG/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgBSAG/bEB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gH9HwA4AgAgAEEBaiEADAELCwsNACAAIAEgAiADEIQBCw0AIAAgASACIAMQhQELTQIDfAJ/IAO7IQYgBLshBwNAIAIgCEoEQCAIQQJ0IgkgAGoqAgC7IQUgASAJaiAFIAUgBqUgB6QgBSAFYhu2OAIAIAhBAWohCAwBCwsLrAECAn8DeyAAIQcgBLu2/RMhCCAFu7b9EyEJA0AgBkEEaiIAIANMBEAgBkECdCIGIAFq/QAEACEKIAIgBmogBiAHav0ABAAgCiAI/UYgCiAJ/UX9Tv1O/QsEACAAIQYMAQsLA0AgAyAGSgRAIAZBAnQiACABaioCAP0TIQogACACaiAAIAdqKgIA/RMgCiAI/UYgCiAJ/UX9Tv1O/R8AOAIAIAZBAWohBgwBCwsLiQECAn8CeyAAIQYgA7u2/RMhByAEu7b9EyEIA0AgBUEEaiIAIAJMBEAgBUECdCIFIAFqIAUgBmr9AAQAIAf96QEgCP3oAf0LBAAgACEFDAELCwNAIAIgBUoEQCAFQQJ0IgAgAWogACAGaioCAP0TIAf96QEgCP3oAf0fADgCACAFQQFqIQUMAQsLCw0AIAAgASACIAMQhgELMAECfwNAIAIgA0oEQCADQQJ0IgQgAWogACAEaioCALuZtjgCACADQQFqIQMMAQsLC2kBAn8gACEEA0AgA0EEaiIAIAJMBEAgA0ECdCIDIAFqIAMgBGr9AAQA/eAB/QsEACAAIQMMAQsLA0AgAiADSgRAIANBAnQiACABaiAAIARqKgIA/RP94AH9HwA4AgAgA0EBaiEDDAELCwvXBAQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/eUB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIAUgC2oqAgCTOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH95QH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgEJM4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP3lAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAtqKgIAkzgCACAEQQFqIQQMAQsLBSAMKgIAIAsqAgCTIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL8A0FCHwMfwJ7AX0BfiADKAIAIhRBAnQgA2oiDigCACENIA4oAiAhECAOQUBrKAIAIRFBASEOA0AgDCAUQQFrSARAIA4gDEECdCIVIANBBGpqKAIAbCEOIANB5ABqIBVqQQA2AgAgDEEBaiEMDAELCwNAIA4gD0oEQCAAIBJBAnRqIRUgASATQQJ0aiEWIAIgDSAPbEECdGohFEEAIQwgEUEBRiAQQQFGcQRAA0AgDEEEaiANTARAIAxBAnQiFyAVav0ABAAiGP0fALshBCAY/R8BuyEFIBj9HwK7IQYgGP0fA7shByAWIBdq/QAEACIY/R8AuyEIIBj9HwG7IQkgGP0fArshCiAY/R8DuyELIBQgF2ogCCAIYgR/QQEFIASZRAAAAAAAAPA/YSAIIAihRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgCBABC7b9EyAJIAliBH9BAQUgBZlEAAAAAAAA8D9hIAkgCaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBSAJEAELtv0gASAKIApiBH9BAQUgBplEAAAAAAAA8D9hIAogCqFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBiAKEAELtv0gAiALIAtiBH9BAQUgB5lEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgByALEAELtv0gA/0LBAAgDEEEaiEMDAELCwNAIAwgDUgEQCAMQQJ0IhcgFWoqAgC7IQQgFCAXaiAWIBdqKgIAuyIFIAViBH9BAQUgBJlEAAAAAAAA8D9hIAUgBaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBCAFEAELtjgCACAMQQFqIQwMAQsLBSAQQQFGBEAgFioCACIa/RMhGANAIAxBBGogDUwEQCAMQQJ0IhYgFWr9AAQAIhn9HwC7IQQgGf0fAbshBSAZ/R8CuyEGIBn9HwO7IQcgGP0fAbshCCAY/R8CuyEJIBj9HwO7IQogFCAWaiAY/R8AuyILIAtiBH9BAQUgBJlEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBCALEAELtv0TIAggCGIEf0EBBSAFmUQAAAAAAADwP2EgCCAIoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAFIAgQAQu2/SABIAkgCWIEf0EBBSAGmUQAAAAAAADwP2EgCSAJoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAGIAkQAQu2/SACIAogCmIEf0EBBSAHmUQAAAAAAADwP2EgCiAKoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAHIAoQAQu2/SAD/QsEACAMQQRqIQwMAQsLA0AgDCANSARAIAxBAnQiFiAVaioCALshBCAUIBZqIBq7IgUgBWIEf0EBBSAEmUQAAAAAAADwP2EgBSAFoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAEIAUQAQu2OAIAIAxBAWohDAwBCwsFIBFBAUYEQCAVKgIAIhr9EyEYA0AgDEEEaiANTARAIBj9HwC7IQQgGP0fAbshBSAY/R8CuyEGIBj9HwO7IQcgDEECdCIVIBZq/QAEACIZ/R8AuyEIIBn9HwG7IQkgGf0fArshCiAZ/R8DuyELIBQgFWogCCAIYgR/QQEFIASZRAAAAAAAAPA/YSAIIAihRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgCBABC7b9EyAJIAliBH9BAQUgBZlEAAAAAAAA8D9hIAkgCaFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBSAJEAELtv0gASAKIApiBH9BAQUgBplEAAAAAAAA8D9hIAogCqFEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgBiAKEAELtv0gAiALIAtiBH9BAQUgB5lEAAAAAAAA8D9hIAsgC6FEAAAAAAAAAABicQsEfEQAAAAAAAD4fwUgByALEAELtv0gA/0LBAAgDEEEaiEMDAELCwNAIAwgDUgEQCAauyEEIAxBAnQiFSAWaioCALshBSAUIBVqIAUgBWIEf0EBBSAEmUQAAAAAAADwP2EgBSAFoUQAAAAAAAAAAGJxCwR8RAAAAAAAAPh/BSAEIAUQAQu2OAIAIAxBAWohDAwBCwsFIBUqAgC7IQQgFioCALsiBSAFYgR/QQEFIASZRAAAAAAAAPA/YSAFIAWhRAAAAAAAAAAAYnELBHxEAAAAAAAA+H8FIAQgBRABC7YhGgNAIAwgDUgEQCAUIAxBAnRqIBo4AgAgDEEBaiEMDAELCwsLCyASIANBARAAIhunaiESIBMgG0Igh6dqIRMgD0EBaiEPDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UL9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAFwbOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Qv0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAXBs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1C/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBcGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXBshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvXBAQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/eYB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIAUgC2oqAgCUOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH95gH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgEJQ4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP3mAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAtqKgIAlDgCACAEQQFqIQQMAQsLBSAMKgIAIAsqAgCUIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL1wQEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP3oAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAFIAtqKgIAljgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/egB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAQIAUgDGoqAgCWOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD96AH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgC2oqAgAgEJY4AgAgBEEBaiEEDAELCwUgDCoCACALKgIAliEQA0AgBCAPSARAIA0gBEECdGogEDgCACAEQQFqIQQMAQsLCwsLIA4gA0EBEAAiEqdqIQ4gByASQiCHp2ohByAKQQFqIQoMAQsLC9cEBAx/AX0BewF+IAMoAgAiBUECdCADaiIEKAIAIQ8gBCgCICEJIARBQGsoAgAhCEEBIQcDQCAOIAVBAWtIBEAgByAOQQJ0IgQgA0EEamooAgBsIQcgA0HkAGogBGpBADYCACAOQQFqIQ4MAQsLIAchBkEAIQ5BACEHA0AgBiAKSgRAIAAgDkECdGohDCABIAdBAnRqIQsgAiAKIA9sQQJ0aiENQQAhBCAIQQFGIAlBAUZxBEADQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgBCALav0ABAD96QH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgBSALaioCAJc4AgAgBEEBaiEEDAELCwUgCUEBRgRAIAsqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgEf3pAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogECAFIAxqKgIAlzgCACAEQQFqIQQMAQsLBSAIQQFGBEAgDCoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiARIAQgC2r9AAQA/ekB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAtqKgIAIBCXOAIAIARBAWohBAwBCwsFIAwqAgAgCyoCAJchEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UX9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAF8bOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Rf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAYBs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1F/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBgGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXxshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu8BQQMfwF9AXsBfiADKAIAIgVBAnQgA2oiBCgCACEPIAQoAiAhCSAEQUBrKAIAIQhBASEHA0AgDiAFQQFrSARAIAcgDkECdCIEIANBBGpqKAIAbCEHIANB5ABqIARqQQA2AgAgDkEBaiEODAELCyAHIQZBACEOQQAhBwNAIAYgCkoEQCAAIA5BAnRqIQwgASAHQQJ0aiELIAIgCiAPbEECdGohDUEAIQQgCEEBRiAJQQFGcQRAA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIAQgC2r9AAQA/UP9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIAUgDGoqAgAgBSALaioCAF0bOAIAIARBAWohBAwBCwsFIAlBAUYEQCALKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIAQgDGr9AAQAIBH9Q/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgECAFIAxqKgIAXhs4AgAgBEEBaiEEDAELCwUgCEEBRgRAIAwqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogESAEIAtq/QAEAP1D/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAtqKgIAIBBeGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDCoCACALKgIAXRshEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvNBAMMfwF7AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9sQH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIAUgDmooAgAgBSAPaigCAGs2AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEP2xAf0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAOaigCACAPazYCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAQIAQgD2r9AAQA/bEB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAOIAUgD2ooAgBrNgIAIARBAWohBAwBCwsFIA4oAgAgDygCAGshBQNAIAQgBkgEQCAIIARBAnRqIAU2AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhGnaiENIAcgEUIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP04/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBHGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tj9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEcbOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9OP0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAORxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEcbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLzQQDDH8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/bUB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAFIA5qKAIAIAUgD2ooAgBsNgIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9tQH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIA8gBSAOaigCAGw2AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP21Af0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAPaigCACAObDYCACAEQQFqIQQMAQsLBSAOKAIAIA8oAgBsIQUDQCAEIAZIBEAgCCAEQQJ0aiAFNgIAIARBAWohBAwBCwsLCwsgDSADQQEQACIRp2ohDSAHIBFCIIenaiEHIApBAWohCgwBCwsL8wQDDX8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/bYB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAOaigCACEQIAUgCGogECAFIA9qKAIAIgUgBSAQShs2AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIREDQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEf22Af0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgDmooAgAhECAFIAhqIBAgDyAPIBBKGzYCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEQNAIARBBGoiBSAGTARAIARBAnQiBCAIaiARIAQgD2r9AAQA/bYB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAPaigCACEQIAUgCGogDiAQIA4gEEgbNgIAIARBAWohBAwBCwsFIA4oAgAiBSAPKAIAIg4gBSAOSBshBQNAIAQgBkgEQCAIIARBAnRqIAU2AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwvzBAMNfwF7AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9uAH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIA5qKAIAIRAgBSAIaiAQIAUgD2ooAgAiBSAFIBBIGzYCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEQNAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAR/bgB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAOaigCACEQIAUgCGogECAPIA8gEEgbNgIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESERA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBEgBCAPav0ABAD9uAH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIA9qKAIAIRAgBSAIaiAOIBAgDiAQShs2AgAgBEEBaiEEDAELCwUgDigCACIFIA8oAgAiDiAFIA5KGyEFA0AgBCAGSARAIAggBEECdGogBTYCACAEQQFqIQQMAQsLCwsLIA0gA0EBEAAiEqdqIQ0gByASQiCHp2ohByAKQQFqIQoMAQsLC7QFBAx/AXsBfQF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/T39DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgDmooAgAgBSAPaigCAEwbOAIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9Pf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgDyAFIA5qKAIAThs4AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP09/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA9qKAIAIA5OGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDigCACAPKAIATBshEQNAIAQgBkgEQCAIIARBAnRqIBE4AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP05/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBIGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tn9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEobOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9Of0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAOShs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEgbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLtAUEDH8BewF9AX4gAygCACIEQQJ0IANqIgUoAgAhBiAFKAIgIQsgBUFAaygCACEMQQEhCQNAIAcgBEEBa0gEQCAJIAdBAnQiBSADQQRqaigCAGwhCSADQeQAaiAFakEANgIAIAdBAWohBwwBCwtBACEHA0AgCSAKSgRAIAAgDUECdGohDiABIAdBAnRqIQ8gAiAGIApsQQJ0aiEIQQAhBCAMQQFGIAtBAUZxBEADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgBCAPav0ABAD9P/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAOaigCACAFIA9qKAIAThs4AgAgBEEBaiEEDAELCwUgC0EBRgRAIA8oAgAiD/0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogBCAOav0ABAAgEP0//QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAPIAUgDmooAgBMGzgCACAEQQFqIQQMAQsLBSAMQQFGBEAgDigCACIO/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAQIAQgD2r9AAQA/T/9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgD2ooAgAgDkwbOAIAIARBAWohBAwBCwsFQwAAgD9DAAAAACAOKAIAIA8oAgBOGyERA0AgBCAGSARAIAggBEECdGogETgCACAEQQFqIQQMAQsLCwsLIA0gA0EBEAAiEqdqIQ0gByASQiCHp2ohByAKQQFqIQoMAQsLC7QFBAx/AXsBfQF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/Tv9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIAUgDmooAgAgBSAPaigCAEobOAIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9O/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgDyAFIA5qKAIASBs4AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP07/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA9qKAIAIA5IGzgCACAEQQFqIQQMAQsLBUMAAIA/QwAAAAAgDigCACAPKAIAShshEQNAIAQgBkgEQCAIIARBAnRqIBE4AgAgBEEBaiEEDAELCwsLCyANIANBARAAIhKnaiENIAcgEkIgh6dqIQcgCkEBaiEKDAELCwu0BQQMfwF7AX0BfiADKAIAIgRBAnQgA2oiBSgCACEGIAUoAiAhCyAFQUBrKAIAIQxBASEJA0AgByAEQQFrSARAIAkgB0ECdCIFIANBBGpqKAIAbCEJIANB5ABqIAVqQQA2AgAgB0EBaiEHDAELC0EAIQcDQCAJIApKBEAgACANQQJ0aiEOIAEgB0ECdGohDyACIAYgCmxBAnRqIQhBACEEIAxBAUYgC0EBRnEEQANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAEIA9q/QAEAP03/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqQwAAgD9DAAAAACAFIA5qKAIAIAUgD2ooAgBGGzgCACAEQQFqIQQMAQsLBSALQQFGBEAgDygCACIP/REhEANAIARBBGoiBSAGTARAIARBAnQiBCAIaiAEIA5q/QAEACAQ/Tf9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGpDAACAP0MAAAAAIA8gBSAOaigCAEYbOAIAIARBAWohBAwBCwsFIAxBAUYEQCAOKAIAIg79ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIBAgBCAPav0ABAD9N/0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIakMAAIA/QwAAAAAgBSAPaigCACAORhs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIA4oAgAgDygCAEYbIREDQCAEIAZIBEAgCCAEQQJ0aiAROAIAIARBAWohBAwBCwsLCwsgDSADQQEQACISp2ohDSAHIBJCIIenaiEHIApBAWohCgwBCwsLzQQDDH8BewF+IAMoAgAiBEECdCADaiIFKAIAIQYgBSgCICELIAVBQGsoAgAhDEEBIQkDQCAHIARBAWtIBEAgCSAHQQJ0IgUgA0EEamooAgBsIQkgA0HkAGogBWpBADYCACAHQQFqIQcMAQsLQQAhBwNAIAkgCkoEQCAAIA1BAnRqIQ4gASAHQQJ0aiEPIAIgBiAKbEECdGohCEEAIQQgDEEBRiALQQFGcQRAA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIAQgD2r9AAQA/a4B/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSAIaiAFIA5qKAIAIAUgD2ooAgBqNgIAIARBAWohBAwBCwsFIAtBAUYEQCAPKAIAIg/9ESEQA0AgBEEEaiIFIAZMBEAgBEECdCIEIAhqIAQgDmr9AAQAIBD9rgH9CwQAIAUhBAwBCwsDQCAEIAZIBEAgBEECdCIFIAhqIA8gBSAOaigCAGo2AgAgBEEBaiEEDAELCwUgDEEBRgRAIA4oAgAiDv0RIRADQCAEQQRqIgUgBkwEQCAEQQJ0IgQgCGogECAEIA9q/QAEAP2uAf0LBAAgBSEEDAELCwNAIAQgBkgEQCAEQQJ0IgUgCGogBSAPaigCACAOajYCACAEQQFqIQQMAQsLBSAOKAIAIA8oAgBqIQUDQCAEIAZIBEAgCCAEQQJ0aiAFNgIAIARBAWohBAwBCwsLCwsgDSADQQEQACIRp2ohDSAHIBFCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1G/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBgGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/Ub9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAF8bOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9Rv0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQXxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAGAbIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1E/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBeGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/UT9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAF0bOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9RP0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQXRs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAF4bIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsLvAUEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP1B/QwAAIA/AACAPwAAgD8AAIA//U79CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qQwAAgD9DAAAAACAFIAxqKgIAIAUgC2oqAgBbGzgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/UH9DAAAgD8AAIA/AACAPwAAgD/9Tv0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWpDAACAP0MAAAAAIBAgBSAMaioCAFsbOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD9Qf0MAACAPwAAgD8AAIA/AACAP/1O/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANakMAAIA/QwAAAAAgBSALaioCACAQWxs4AgAgBEEBaiEEDAELCwVDAACAP0MAAAAAIAwqAgAgCyoCAFsbIRADQCAEIA9IBEAgDSAEQQJ0aiAQOAIAIARBAWohBAwBCwsLCwsgDiADQQEQACISp2ohDiAHIBJCIIenaiEHIApBAWohCgwBCwsL1wQEDH8BfQF7AX4gAygCACIFQQJ0IANqIgQoAgAhDyAEKAIgIQkgBEFAaygCACEIQQEhBwNAIA4gBUEBa0gEQCAHIA5BAnQiBCADQQRqaigCAGwhByADQeQAaiAEakEANgIAIA5BAWohDgwBCwsgByEGQQAhDkEAIQcDQCAGIApKBEAgACAOQQJ0aiEMIAEgB0ECdGohCyACIAogD2xBAnRqIQ1BACEEIAhBAUYgCUEBRnEEQANAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAEIAtq/QAEAP3nAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAFIAtqKgIAlTgCACAEQQFqIQQMAQsLBSAJQQFGBEAgCyoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiAEIAxq/QAEACAR/ecB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAFIAxqKgIAIBCVOAIAIARBAWohBAwBCwsFIAhBAUYEQCAMKgIAIhD9EyERA0AgBEEEaiIFIA9MBEAgBEECdCIEIA1qIBEgBCALav0ABAD95wH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIBAgBSALaioCAJU4AgAgBEEBaiEEDAELCwUgDCoCACALKgIAlSEQA0AgBCAPSARAIA0gBEECdGogEDgCACAEQQFqIQQMAQsLCwsLIA4gA0EBEAAiEqdqIQ4gByASQiCHp2ohByAKQQFqIQoMAQsLC9cEBAx/AX0BewF+IAMoAgAiBUECdCADaiIEKAIAIQ8gBCgCICEJIARBQGsoAgAhCEEBIQcDQCAOIAVBAWtIBEAgByAOQQJ0IgQgA0EEamooAgBsIQcgA0HkAGogBGpBADYCACAOQQFqIQ4MAQsLIAchBkEAIQ5BACEHA0AgBiAKSgRAIAAgDkECdGohDCABIAdBAnRqIQsgAiAKIA9sQQJ0aiENQQAhBCAIQQFGIAlBAUZxBEADQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgBCALav0ABAD95AH9CwQAIAUhBAwBCwsDQCAEIA9IBEAgBEECdCIFIA1qIAUgDGoqAgAgBSALaioCAJI4AgAgBEEBaiEEDAELCwUgCUEBRgRAIAsqAgAiEP0TIREDQCAEQQRqIgUgD0wEQCAEQQJ0IgQgDWogBCAMav0ABAAgEf3kAf0LBAAgBSEEDAELCwNAIAQgD0gEQCAEQQJ0IgUgDWogBSAMaioCACAQkjgCACAEQQFqIQQMAQsLBSAIQQFGBEAgDCoCACIQ/RMhEQNAIARBBGoiBSAPTARAIARBAnQiBCANaiARIAQgC2r9AAQA/eQB/QsEACAFIQQMAQsLA0AgBCAPSARAIARBAnQiBSANaiAQIAUgC2oqAgCSOAIAIARBAWohBAwBCwsFIAwqAgAgCyoCAJIhEANAIAQgD0gEQCANIARBAnRqIBA4AgAgBEEBaiEEDAELCwsLCyAOIANBARAAIhKnaiEOIAcgEkIgh6dqIQcgCkEBaiEKDAELCwsLnVAEAEGACAuAEAAAAAAAAAAAAAAAAAAA8D9uv4gaTzubPDUz+6k99u8/XdzYnBNgcbxhgHc+muzvP9FmhxB6XpC8hX9u6BXj7z8T9mc1UtKMPHSFFdOw2e8/+o75I4DOi7ze9t0pa9DvP2HI5mFO92A8yJt1GEXH7z+Z0zNb5KOQPIPzxso+vu8/bXuDXaaalzwPiflsWLXvP/zv/ZIatY4890dyK5Ks7z/RnC9wPb4+PKLR0zLso+8/C26QiTQDarwb0/6vZpvvPw69LypSVpW8UVsS0AGT7z9V6k6M74BQvMwxbMC9iu8/FvTVuSPJkbzgLamumoLvP69VXOnj04A8UY6lyJh67z9Ik6XqFRuAvHtRfTy4cu8/PTLeVfAfj7zqjYw4+WrvP79TEz+MiYs8dctv61tj7z8m6xF2nNmWvNRcBITgW+8/YC86PvfsmjyquWgxh1TvP504hsuC54+8Hdn8IlBN7z+Nw6ZEQW+KPNaMYog7Ru8/fQTksAV6gDyW3H2RST/vP5SoqOP9jpY8OGJ1bno47z99SHTyGF6HPD+msk/OMe8/8ucfmCtHgDzdfOJlRSvvP14IcT97uJa8gWP14d8k7z8xqwlt4feCPOHeH/WdHu8/+r9vGpshPbyQ2drQfxjvP7QKDHKCN4s8CwPkpoUS7z+Py86JkhRuPFYvPqmvDO8/tquwTXVNgzwVtzEK/gbvP0x0rOIBQoY8MdhM/HAB7z9K+NNdOd2PPP8WZLII/O4/BFuOO4Cjhrzxn5JfxfbuP2hQS8ztSpK8y6k6N6fx7j+OLVEb+AeZvGbYBW2u7O4/0jaUPujRcbz3n+U02+fuPxUbzrMZGZm85agTwy3j7j9tTCqnSJ+FPCI0Ekym3u4/imkoemASk7wcgKwERdruP1uJF0iPp1i8Ki73IQrW7j8bmklnmyx8vJeoUNn10e4/EazCYO1jQzwtiWFgCM7uP+9kBjsJZpY8VwAd7UHK7j95A6Ha4cxuPNA8wbWixu4/MBIPP47/kzze09fwKsPuP7CvervOkHY8Jyo21dq/7j934FTrvR2TPA3d/ZmyvO4/jqNxADSUj7ynLJ12srnuP0mjk9zM3oe8QmbPotq27j9fOA+9xt54vIJPnVYrtO4/9lx77EYShrwPkl3KpLHuP47X/RgFNZM82ie1Nkev7j8Fm4ovt5h7PP3Hl9QSre4/CVQc4uFjkDwpVEjdB6vuP+rGGVCFxzQ8t0ZZiiap7j81wGQr5jKUPEghrRVvp+4/n3aZYUrkjLwJ3Ha54aXuP6hN7zvFM4y8hVU6sH6k7j+u6SuJeFOEvCDDzDRGo+4/WFhWeN3Ok7wlIlWCOKLuP2QZfoCqEFc8c6lM1FWh7j8oIl6/77OTvM07f2aeoO4/grk0h60Sary/2gt1EqDuP+6pbbjvZ2O8LxplPLKf7j9RiOBUPdyAvISUUfl9n+4/zz5afmQfeLx0X+zodZ/uP7B9i8BK7oa8dIGlSJqf7j+K5lUeMhmGvMlnQlbrn+4/09QJXsuckDw/Xd5PaaDuPx2lTbncMnu8hwHrcxSh7j9rwGdU/eyUPDLBMAHtoe4/VWzWq+HrZTxiTs8286LuP0LPsy/FoYi8Eho+VCek7j80NzvxtmmTvBPOTJmJpe4/Hv8ZOoRegLytxyNGGqfuP25XcthQ1JS87ZJEm9mo7j8Aig5bZ62QPJlmitnHqu4/tOrwwS+3jTzboCpC5azuP//nxZxgtmW8jES1FjKv7j9EX/NZg/Z7PDZ3FZmuse4/gz0epx8Jk7zG/5ELW7TuPykebIu4qV285cXNsDe37j9ZuZB8+SNsvA9SyMtEuu4/qvn0IkNDkrxQTt6fgr3uP0uOZtdsyoW8ugfKcPHA7j8nzpEr/K9xPJDwo4KRxO4/u3MK4TXSbTwjI+MZY8juP2MiYiIExYe8ZeVde2bM7j/VMeLjhhyLPDMtSuyb0O4/Fbu809G7kbxdJT6yA9XuP9Ix7pwxzJA8WLMwE57Z7j+zWnNuhGmEPL/9eVVr3u4/tJ2Ol83fgrx689O/a+PuP4czy5J3Gow8rdNamZ/o7j/62dFKj3uQvGa2jSkH7u4/uq7cVtnDVbz7FU+4ovPuP0D2pj0OpJC8OlnljXL57j80k6049NZovEde+/J2/+4/NYpYa+LukbxKBqEwsAXvP83dXwrX/3Q80sFLkB4M7z+smJL6+72RvAke11vCEu8/swyvMK5uczycUoXdmxnvP5T9n1wy4448etD/X6sg7z+sWQnRj+CEPEvRVy7xJ+8/ZxpOOK/NYzy15waUbS/vP2gZkmwsa2c8aZDv3CA37z/StcyDGIqAvPrDXVULP+8/b/r/P12tj7x8iQdKLUfvP0mpdTiuDZC88okNCIdP7z+nBz2mhaN0PIek+9wYWO8/DyJAIJ6RgryYg8kW42DvP6ySwdVQWo48hTLbA+Zp7z9LawGsWTqEPGC0AfMhc+8/Hz60ByHVgrxfm3szl3zvP8kNRzu5Kom8KaH1FEaG7z/TiDpgBLZ0PPY/i+cukO8/cXKdUezFgzyDTMf7UZrvP/CR048S94+82pCkoq+k7z99dCPimK6NvPFnji1Ir+8/CCCqQbzDjjwnWmHuG7rvPzLrqcOUK4Q8l7prNyvF7z/uhdExqWSKPEBFblt20O8/7eM75Lo3jrwUvpyt/dvvP53NkU07iXc82JCegcHn7z+JzGBBwQVTPPFxjyvC8+8/AEGAGAuAEJ/e4MPwNPc/AJDmeX/M178f6SxqeBP3PwAADcLub9e/oLX6CGDy9j8A4FET4xPXv32MEx+m0fY/AHgoOFu41r/RtMULSbH2PwB4gJBVXda/ugwvM0eR9j8AABh20ALWvyNCIhifcfY/AJCQhsqo1b/ZHqWZT1L2PwBQA1ZDT9W/xCSPqlYz9j8AQGvDN/bUvxTcnWuzFPY/AFCo/aed1L9MXMZSZPb1PwCoiTmSRdS/TyyRtWfY9T8AuLA59O3Tv96QW8u8uvU/AHCPRM6W0794GtnyYZ31PwCgvRceQNO/h1ZGElaA9T8AgEbv4unSv9Nr586XY/U/AOAwOBuU0r+Tf6fiJUf1PwCI2ozFPtK/g0UGQv8q9T8AkCcp4enRv9+9stsiD/U/APhIK22V0b/X3jRHj/P0PwD4uZpnQdG/QCjez0PY9D8AmO+U0O3Qv8ijeMA+vfQ/ABDbGKWa0L+KJeDDf6L0PwC4Y1LmR9C/NITUJAWI9D8A8IZFIuvPvwstGRvObfQ/ALAXdUpHz79UGDnT2VP0PwAwED1EpM6/WoS0RCc69D8AsOlEDQLOv/v4FUG1IPQ/APB3KaJgzb+x9D7aggf0PwCQlQQBwMy/j/5XXY/u8z8AEIlWKSDMv+lMC6DZ1fM/ABCBjReBy78rwRDAYL3zPwDQ08zJ4sq/uNp1KySl8z8AkBIuQEXKvwLQn80ijfM/APAdaHeoyb8ceoTFW3XzPwAwSGltDMm/4jatSc5d8z8AwEWmIHHIv0DUTZh5RvM/ADAUtI/Wx78ky//OXC/zPwBwYjy4PMe/SQ2hdXcY8z8AYDebmqPGv5A5PjfIAfM/AKC3VDELxr9B+JW7TuvyPwAwJHZ9c8W/0akZAgrV8j8AMMKPe9zEvyr9t6j5vvI/AADSUSxGxL+rGwx6HKnyPwAAg7yKsMO/MLUUYHKT8j8AAElrmRvDv/WhV1f6ffI/AECkkFSHwr+/Ox2bs2jyPwCgefi588G/vfWPg51T8j8AoCwlyGDBvzsIyaq3PvI/ACD3V3/OwL+2QKkrASryPwCg/kncPMC/MkHMlnkV8j8AgEu8vVe/v5v80h0gAfI/AEBAlgg3vr8LSE1J9OzxPwBA+T6YF72/aWWPUvXY8T8AoNhOZ/m7v3x+VxEjxfE/AGAvIHncur/pJst0fLHxPwCAKOfDwLm/thosDAGe8T8AwHKzRqa4v71wtnuwivE/AACsswGNt7+2vO8linfxPwAAOEXxdLa/2jFMNY1k8T8AgIdtDl61v91fJ5C5UfE/AOCh3lxItL9M0jKkDj/xPwCgak3ZM7O/2vkQcoss8T8AYMX4eSCyvzG17CgwGvE/ACBimEYOsb+vNITa+wfxPwAA0mps+q+/s2tOD+718D8AQHdKjdqtv86fKl0G5PA/AACF5Oy8q78hpSxjRNLwPwDAEkCJoam/GpjifKfA8D8AwAIzWIinv9E2xoMvr/A/AIDWZ15xpb85E6CY253wPwCAZUmKXKO/3+dSr6uM8D8AQBVk40mhv/soTi+fe/A/AIDrgsBynr8ZjzWMtWrwPwCAUlLxVZq/LPnspe5Z8D8AgIHPYj2Wv5As0c1JSfA/AACqjPsokr+prfDGxjjwPwAA+SB7MYy/qTJ5E2Uo8D8AAKpdNRmEv0hz6ickGPA/AADswgMSeL+VsRQGBAjwPwAAJHkJBGC/Gvom9x/g7z8AAJCE8+9vP3TqYcIcoe8/AAA9NUHchz8umYGwEGPvPwCAwsSjzpM/za3uPPYl7z8AAIkUwZ+bP+cTkQPI6e4/AAARztiwoT+rsct4gK7uPwDAAdBbiqU/mwydohp07j8AgNhAg1ypP7WZCoOROu4/AIBX72onrT9WmmAJ4AHuPwDAmOWYdbA/mLt35QHK7T8AIA3j9VOyPwORfAvyku0/AAA4i90utD/OXPtmrFztPwDAV4dZBrY/nd5eqiwn7T8AAGo1dtq3P80saz5u8uw/AGAcTkOruT8Ceaeibb7sPwBgDbvHeLs/bQg3bSaL7D8AIOcyE0O9PwRYXb2UWOw/AGDecTEKvz+Mn7sztSbsPwBAkSsVZ8A/P+fs7oP16z8AsJKChUfBP8GW23X9xOs/ADDKzW4mwj8oSoYMHpXrPwBQxabXA8M/LD7vxeJl6z8AEDM8w9/DP4uIyWdIN+s/AIB6aza6xD9KMB0hSwnrPwDw0Sg5k8U/fu/yhejb6j8A8BgkzWrGP6I9YDEdr+o/AJBm7PhAxz+nWNM/5oLqPwDwGvXAFcg/i3MJ70BX6j8AgPZUKenIPydLq5AqLOo/AED4Aja7yT/R8pMToAHqPwAALBzti8o/GzzbJJ/X6T8A0AFcUVvLP5CxxwUlruk/AMC8zGcpzD8vzpfyLoXpPwBgSNU19sw/dUuk7rpc6T8AwEY0vcHNPzhI553GNOk/AODPuAGMzj/mUmcvTw3pPwCQF8AJVc8/ndf/jlLm6D8AuB8SbA7QP3wAzJ/Ov+g/ANCTDrhx0D8Ow77awJnoPwBwhp5r1NA/+xcjqid06D8A0EszhzbRPwias6wAT+g/AEgjZw2Y0T9VPmXoSSroPwCAzOD/+NE/YAL0lQEG6D8AaGPXX1nSPymj4GMl4uc/AKgUCTC50j+ttdx3s77nPwBgQxByGNM/wiWXZ6qb5z8AGOxtJnfTP1cGF/IHeec/ADCv+0/V0z8ME9bbylbnPwDgL+PuMtQ/AEGAKAuAEGu2TwEAEOY/PFtCkWwCfjyVtE0DADDmP0FdAEjqv408eNSUDQBQ5j+3pdaGp3+OPK1vTgcAcOY/TCVUa+r8YTyuD9/+/4/mP/0OWUwnfny8vMVjBwCw5j8B2txIaMGKvPbBXB4A0OY/EZNJnRw/gzw+9gXr/+/mP1Mt4hoEgH68gJeGDgAQ5z9SeQlxZv97PBLpZ/z/L+c/JIe9JuIAjDxqEYHf/0/nP9IB8W6RAm68kJxnDwBw5z90nFTNcfxnvDXIfvr/j+c/gwT1nsG+gTzmwiD+/6/nP2VkzCkXfnC8AMk/7f/P5z8ci3sIcoCAvHYaJun/7+c/rvmdbSjAjTzoo5wEABDoPzNM5VHSf4k8jyyTFwAw6D+B8zC26f6KvJxzMwYAUOg/vDVla7+/iTzGiUIgAHDoP3V7EfNlv4u8BHn16/+P6D9Xyz2ibgCJvN8EvCIAsOg/CkvgON8AfbyKGwzl/8/oPwWf/0ZxAIi8Q46R/P/v6D84cHrQe4GDPMdf+h4AEOk/A7TfdpE+iTy5e0YTADDpP3YCmEtOgH88bwfu5v9P6T8uYv/Z8H6PvNESPN7/b+k/ujgmlqqCcLwNikX0/4/pP++oZJEbgIe8Pi6Y3f+v6T83k1qK4ECHvGb7Se3/z+k/AOCbwQjOPzxRnPEgAPDpPwpbiCeqP4q8BrBFEQAQ6j9W2liZSP90PPr2uwcAMOo/GG0riqu+jDx5HZcQAFDqPzB5eN3K/og8SC71HQBw6j/bq9g9dkGPvFIzWRwAkOo/EnbChAK/jrxLPk8qALDqP18//zwE/Wm80R6u1//P6j+0cJAS5z6CvHgEUe7/7+o/o94O4D4GajxbDWXb/w/rP7kKHzjIBlo8V8qq/v8v6z8dPCN0HgF5vNy6ldn/T+s/nyqGaBD/ebycZZ4kAHDrPz5PhtBF/4o8QBaH+f+P6z/5w8KWd/58PE/LBNL/r+s/xCvy7if/Y7xFXEHS/8/rPyHqO+63/2y83wlj+P/v6z9cCy6XA0GBvFN2teH/D+w/GWq3lGTBizzjV/rx/y/sP+3GMI3v/mS8JOS/3P9P7D91R+y8aD+EvPe5VO3/b+w/7OBT8KN+hDzVj5nr/4/sP/GS+Y0Gg3M8miElIQCw7D8EDhhkjv1ovJxGlN3/z+w/curHHL5+jjx2xP3q/+/sP/6In605vo48K/iaFgAQ7T9xWrmokX11PB33Dw0AMO0/2sdwaZDBiTzED3nq/0/tPwz+WMU3Dli85YfcLgBw7T9ED8FN1oB/vKqC3CEAkO0/XFz9lI98dLyDAmvY/6/tP35hIcUdf4w8OUdsKQDQ7T9Tsf+yngGIPPWQROX/7+0/icxSxtIAbjyU9qvN/w/uP9JpLSBAg3+83chS2/8v7j9kCBvKwQB7PO8WQvL/T+4/UauUsKj/cjwRXoro/2/uP1m+77Fz9le8Df+eEQCQ7j8ByAtejYCEvEQXpd//r+4/tSBD1QYAeDyhfxIaANDuP5JcVmD4AlC8xLy6BwDw7j8R5jVdRECFvAKNevX/D+8/BZHvOTH7T7zHiuUeADDvP1URc/KsgYo8lDSC9f9P7z9Dx9fUQT+KPGtMqfz/b+8/dXiYHPQCYrxBxPnh/4/vP0vnd/TRfXc8fuPg0v+v7z8xo3yaGQFvvJ7kdxwA0O8/sazOS+6BcTwxw+D3/+/vP1qHcAE3BW68bmBl9P8P8D/aChxJrX6KvFh6hvP/L/A/4LL8w2l/l7wXDfz9/0/wP1uUyzT+v5c8gk3NAwBw8D/LVuTAgwCCPOjL8vn/j/A/GnU3vt//bbxl2gwBALDwP+sm5q5/P5G8ONOkAQDQ8D/3n0h5+n2APP392vr/7/A/wGvWcAUEd7yW/boLABDxP2ILbYTUgI48XfTl+v8v8T/vNv1k+r+dPNma1Q0AUPE/rlAScHcAmjyaVSEPAHDxP+7e4+L5/Y08JlQn/P+P8T9zcjvcMACRPFk8PRIAsPE/iAEDgHl/mTy3nin4/8/xP2eMn6sy+WW8ANSK9P/v8T/rW6edv3+TPKSGiwwAEPI/Ilv9kWuAnzwDQ4UDADDyPzO/n+vC/5M8hPa8//9P8j9yLi5+5wF2PNkhKfX/b/I/YQx/drv8fzw8OpMUAJDyPytBAjzKAnK8E2NVFACw8j8CH/IzgoCSvDtS/uv/z/I/8txPOH7/iLyWrbgLAPDyP8VBMFBR/4W8r+J6+/8P8z+dKF6IcQCBvH9frP7/L/M/Fbe3P13/kbxWZ6YMAFDzP72CiyKCf5U8Iff7EQBw8z/M1Q3EugCAPLkvWfn/j/M/UaeyLZ0/lLxC0t0EALDzP+E4dnBrf4U8V8my9f/P8z8xEr8QOgJ6PBi0sOr/7/M/sFKxZm1/mDz0rzIVABD0PySFGV83+Gc8KYtHFwAw9D9DUdxy5gGDPGO0lef/T/Q/WomyuGn/iTzgdQTo/2/0P1TywpuxwJW858Fv7/+P9D9yKjryCUCbPASnvuX/r/Q/RX0Nv7f/lLzeJxAXAND0Pz1q3HFkwJm84j7wDwDw9D8cU4ULiX+XPNFL3BIAEPU/NqRmcWUEYDx6JwUWADD1PwkyI87Ov5a8THDb7P9P9T/XoQUFcgKJvKlUX+//b/U/EmTJDua/mzwSEOYXAJD1P5Dvr4HFfog8kj7JAwCw9T/ADL8KCEGfvLwZSR0A0PU/KUcl+yqBmLyJerjn/+/1PwRp7YC3fpS8AEGAOAuAIAAAAAAAoPY/AAAAAAAAAAAAyLnygizWv4BWNygktPo8AAAAAACA9j8AAAAAAAAAAAAIWL+90dW/IPfg2AilHL0AAAAAAGD2PwAAAAAAAAAAAFhFF3d21b9tULbVpGIjvQAAAAAAQPY/AAAAAAAAAAAA+C2HrRrVv9VnsJ7khOa8AAAAAAAg9j8AAAAAAAAAAAB4d5VfvtS/4D4pk2kbBL0AAAAAAAD2PwAAAAAAAAAAAGAcwoth1L/MhExIL9gTPQAAAAAA4PU/AAAAAAAAAAAAqIaGMATUvzoLgu3zQtw8AAAAAADA9T8AAAAAAAAAAABIaVVMptO/YJRRhsaxID0AAAAAAKD1PwAAAAAAAAAAAICYmt1H07+SgMXUTVklPQAAAAAAgPU/AAAAAAAAAAAAIOG64ujSv9grt5keeyY9AAAAAABg9T8AAAAAAAAAAACI3hNaidK/P7DPthTKFT0AAAAAAGD1PwAAAAAAAAAAAIjeE1qJ0r8/sM+2FMoVPQAAAAAAQPU/AAAAAAAAAAAAeM/7QSnSv3baUygkWha9AAAAAAAg9T8AAAAAAAAAAACYacGYyNG/BFTnaLyvH70AAAAAAAD1PwAAAAAAAAAAAKirq1xn0b/wqIIzxh8fPQAAAAAA4PQ/AAAAAAAAAAAASK75iwXRv2ZaBf3EqCa9AAAAAADA9D8AAAAAAAAAAACQc+Iko9C/DgP0fu5rDL0AAAAAAKD0PwAAAAAAAAAAANC0lCVA0L9/LfSeuDbwvAAAAAAAoPQ/AAAAAAAAAAAA0LSUJUDQv38t9J64NvC8AAAAAACA9D8AAAAAAAAAAABAXm0Yuc+/hzyZqypXDT0AAAAAAGD0PwAAAAAAAAAAAGDcy63wzr8kr4actyYrPQAAAAAAQPQ/AAAAAAAAAAAA8CpuByfOvxD/P1RPLxe9AAAAAAAg9D8AAAAAAAAAAADAT2shXM2/G2jKu5G6IT0AAAAAAAD0PwAAAAAAAAAAAKCax/ePzL80hJ9oT3knPQAAAAAAAPQ/AAAAAAAAAAAAoJrH94/MvzSEn2hPeSc9AAAAAADg8z8AAAAAAAAAAACQLXSGwsu/j7eLMbBOGT0AAAAAAMDzPwAAAAAAAAAAAMCATsnzyr9mkM0/Y066PAAAAAAAoPM/AAAAAAAAAAAAsOIfvCPKv+rBRtxkjCW9AAAAAACg8z8AAAAAAAAAAACw4h+8I8q/6sFG3GSMJb0AAAAAAIDzPwAAAAAAAAAAAFD0nFpSyb/j1MEE2dEqvQAAAAAAYPM/AAAAAAAAAAAA0CBloH/Ivwn623+/vSs9AAAAAABA8z8AAAAAAAAAAADgEAKJq8e/WEpTcpDbKz0AAAAAAEDzPwAAAAAAAAAAAOAQAomrx79YSlNykNsrPQAAAAAAIPM/AAAAAAAAAAAA0BnnD9bGv2bisqNq5BC9AAAAAAAA8z8AAAAAAAAAAACQp3Aw/8W/OVAQn0OeHr0AAAAAAADzPwAAAAAAAAAAAJCncDD/xb85UBCfQ54evQAAAAAA4PI/AAAAAAAAAAAAsKHj5SbFv49bB5CL3iC9AAAAAADA8j8AAAAAAAAAAACAy2wrTcS/PHg1YcEMFz0AAAAAAMDyPwAAAAAAAAAAAIDLbCtNxL88eDVhwQwXPQAAAAAAoPI/AAAAAAAAAAAAkB4g/HHDvzpUJ02GePE8AAAAAACA8j8AAAAAAAAAAADwH/hSlcK/CMRxFzCNJL0AAAAAAGDyPwAAAAAAAAAAAGAv1Sq3wb+WoxEYpIAuvQAAAAAAYPI/AAAAAAAAAAAAYC/VKrfBv5ajERikgC69AAAAAABA8j8AAAAAAAAAAACQ0Hx+18C/9FvoiJZpCj0AAAAAAEDyPwAAAAAAAAAAAJDQfH7XwL/0W+iIlmkKPQAAAAAAIPI/AAAAAAAAAAAA4Nsxkey/v/Izo1xUdSW9AAAAAAAA8j8AAAAAAAAAAAAAK24HJ76/PADwKiw0Kj0AAAAAAADyPwAAAAAAAAAAAAArbgcnvr88APAqLDQqPQAAAAAA4PE/AAAAAAAAAAAAwFuPVF68vwa+X1hXDB29AAAAAADA8T8AAAAAAAAAAADgSjptkrq/yKpb6DU5JT0AAAAAAMDxPwAAAAAAAAAAAOBKOm2Sur/IqlvoNTklPQAAAAAAoPE/AAAAAAAAAAAAoDHWRcO4v2hWL00pfBM9AAAAAACg8T8AAAAAAAAAAACgMdZFw7i/aFYvTSl8Ez0AAAAAAIDxPwAAAAAAAAAAAGDlitLwtr/aczPJN5cmvQAAAAAAYPE/AAAAAAAAAAAAIAY/Bxu1v1dexmFbAh89AAAAAABg8T8AAAAAAAAAAAAgBj8HG7W/V17GYVsCHz0AAAAAAEDxPwAAAAAAAAAAAOAbltdBs7/fE/nM2l4sPQAAAAAAQPE/AAAAAAAAAAAA4BuW10Gzv98T+czaXiw9AAAAAAAg8T8AAAAAAAAAAACAo+42ZbG/CaOPdl58FD0AAAAAAADxPwAAAAAAAAAAAIARwDAKr7+RjjaDnlktPQAAAAAAAPE/AAAAAAAAAAAAgBHAMAqvv5GONoOeWS09AAAAAADg8D8AAAAAAAAAAACAGXHdQqu/THDW5XqCHD0AAAAAAODwPwAAAAAAAAAAAIAZcd1Cq79McNbleoIcPQAAAAAAwPA/AAAAAAAAAAAAwDL2WHSnv+6h8jRG/Cy9AAAAAADA8D8AAAAAAAAAAADAMvZYdKe/7qHyNEb8LL0AAAAAAKDwPwAAAAAAAAAAAMD+uYeeo7+q/ib1twL1PAAAAAAAoPA/AAAAAAAAAAAAwP65h56jv6r+JvW3AvU8AAAAAACA8D8AAAAAAAAAAAAAeA6bgp+/5Al+fCaAKb0AAAAAAIDwPwAAAAAAAAAAAAB4DpuCn7/kCX58JoApvQAAAAAAYPA/AAAAAAAAAAAAgNUHG7mXvzmm+pNUjSi9AAAAAABA8D8AAAAAAAAAAAAA/LCowI+/nKbT9nwe37wAAAAAAEDwPwAAAAAAAAAAAAD8sKjAj7+cptP2fB7fvAAAAAAAIPA/AAAAAAAAAAAAABBrKuB/v+RA2g0/4hm9AAAAAAAg8D8AAAAAAAAAAAAAEGsq4H+/5EDaDT/iGb0AAAAAAADwPwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADA7z8AAAAAAAAAAAAAiXUVEIA/6CudmWvHEL0AAAAAAIDvPwAAAAAAAAAAAICTWFYgkD/S9+IGW9wjvQAAAAAAQO8/AAAAAAAAAAAAAMkoJUmYPzQMWjK6oCq9AAAAAAAA7z8AAAAAAAAAAABA54ldQaA/U9fxXMARAT0AAAAAAMDuPwAAAAAAAAAAAAAu1K5mpD8o/b11cxYsvQAAAAAAgO4/AAAAAAAAAAAAwJ8UqpSoP30mWtCVeRm9AAAAAABA7j8AAAAAAAAAAADA3c1zy6w/ByjYR/JoGr0AAAAAACDuPwAAAAAAAAAAAMAGwDHqrj97O8lPPhEOvQAAAAAA4O0/AAAAAAAAAAAAYEbRO5exP5ueDVZdMiW9AAAAAACg7T8AAAAAAAAAAADg0af1vbM/107bpV7ILD0AAAAAAGDtPwAAAAAAAAAAAKCXTVrptT8eHV08BmksvQAAAAAAQO0/AAAAAAAAAAAAwOoK0wC3PzLtnamNHuw8AAAAAAAA7T8AAAAAAAAAAABAWV1eM7k/2ke9OlwRIz0AAAAAAMDsPwAAAAAAAAAAAGCtjchquz/laPcrgJATvQAAAAAAoOw/AAAAAAAAAAAAQLwBWIi8P9OsWsbRRiY9AAAAAABg7D8AAAAAAAAAAAAgCoM5x74/4EXmr2jALb0AAAAAAEDsPwAAAAAAAAAAAODbOZHovz/9CqFP1jQlvQAAAAAAAOw/AAAAAAAAAAAA4CeCjhfBP/IHLc547yE9AAAAAADg6z8AAAAAAAAAAADwI34rqsE/NJk4RI6nLD0AAAAAAKDrPwAAAAAAAAAAAICGDGHRwj+htIHLbJ0DPQAAAAAAgOs/AAAAAAAAAAAAkBWw/GXDP4lySyOoL8Y8AAAAAABA6z8AAAAAAAAAAACwM4M9kcQ/eLb9VHmDJT0AAAAAACDrPwAAAAAAAAAAALCh5OUnxT/HfWnl6DMmPQAAAAAA4Oo/AAAAAAAAAAAAEIy+TlfGP3guPCyLzxk9AAAAAADA6j8AAAAAAAAAAABwdYsS8MY/4SGc5Y0RJb0AAAAAAKDqPwAAAAAAAAAAAFBEhY2Jxz8FQ5FwEGYcvQAAAAAAYOo/AAAAAAAAAAAAADnrr77IP9Es6apUPQe9AAAAAABA6j8AAAAAAAAAAAAA99xaWsk/b/+gWCjyBz0AAAAAAADqPwAAAAAAAAAAAOCKPO2Tyj9pIVZQQ3IovQAAAAAA4Ok/AAAAAAAAAAAA0FtX2DHLP6rhrE6NNQy9AAAAAADA6T8AAAAAAAAAAADgOziH0Ms/thJUWcRLLb0AAAAAAKDpPwAAAAAAAAAAABDwxvtvzD/SK5bFcuzxvAAAAAAAYOk/AAAAAAAAAAAAkNSwPbHNPzWwFfcq/yq9AAAAAABA6T8AAAAAAAAAAAAQ5/8OU84/MPRBYCcSwjwAAAAAACDpPwAAAAAAAAAAAADd5K31zj8RjrtlFSHKvAAAAAAAAOk/AAAAAAAAAAAAsLNsHJnPPzDfDMrsyxs9AAAAAADA6D8AAAAAAAAAAABYTWA4cdA/kU7tFtuc+DwAAAAAAKDoPwAAAAAAAAAAAGBhZy3E0D/p6jwWixgnPQAAAAAAgOg/AAAAAAAAAAAA6CeCjhfRPxzwpWMOISy9AAAAAABg6D8AAAAAAAAAAAD4rMtca9E/gRal982aKz0AAAAAAEDoPwAAAAAAAAAAAGhaY5m/0T+3vUdR7aYsPQAAAAAAIOg/AAAAAAAAAAAAuA5tRRTSP+q6Rrrehwo9AAAAAADg5z8AAAAAAAAAAACQ3HzwvtI/9ARQSvqcKj0AAAAAAMDnPwAAAAAAAAAAAGDT4fEU0z+4PCHTeuIovQAAAAAAoOc/AAAAAAAAAAAAEL52Z2vTP8h38bDNbhE9AAAAAACA5z8AAAAAAAAAAAAwM3dSwtM/XL0GtlQ7GD0AAAAAAGDnPwAAAAAAAAAAAOjVI7QZ1D+d4JDsNuQIPQAAAAAAQOc/AAAAAAAAAAAAyHHCjXHUP3XWZwnOJy+9AAAAAAAg5z8AAAAAAAAAAAAwF57gydQ/pNgKG4kgLr0AAAAAAADnPwAAAAAAAAAAAKA4B64i1T9Zx2SBcL4uPQAAAAAA4OY/AAAAAAAAAAAA0MhT93vVP+9AXe7trR89AAAAAADA5j8AAAAAAAAAAABgWd+91dU/3GWkCCoLCr0=";
  }
});

// bindings/loader.ts
function detectWasmFeatures() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.validate !== "function") return { simd: false, relaxedSimd: false };
  const simd = WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  return { simd, relaxedSimd: simd && WebAssembly.validate(new Uint8Array(RELAXED_PROBE)) };
}
function chooseBuild(requested, features2) {
  if (requested !== "auto" && requested !== "simd" && requested !== "relaxed") {
    throw new Error(`unknown wasm build '${String(requested)}'; expected 'auto', 'simd' or 'relaxed'`);
  }
  if (!features2.simd) throw new Error(NO_SIMD);
  if (requested === "relaxed" && !features2.relaxedSimd) throw new Error(NO_RELAXED);
  if (requested === "auto") return features2.relaxedSimd ? "relaxed" : "simd";
  return requested;
}
async function enableRelaxedSimdFlag() {
  if (typeof process !== "object" || process === null || !process.versions?.node) return false;
  const spec = "node:v8";
  const v8 = await import(
    /* @vite-ignore */
    spec
  );
  v8.setFlagsFromString("--experimental-wasm-relaxed-simd");
  return true;
}
function decodeBase64(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
async function moduleBytes(build) {
  const { wasmBase64: wasmBase643 } = build === "relaxed" ? await Promise.resolve().then(() => (init_wasm_relaxed_gen(), wasm_relaxed_gen_exports)) : await Promise.resolve().then(() => (init_wasm_simd_gen(), wasm_simd_gen_exports));
  return decodeBase64(wasmBase643);
}
async function loadKernels(opts = {}) {
  if (opts.enableRelaxedSimdFlag) await enableRelaxedSimdFlag();
  const build = chooseBuild(opts.build ?? "auto", detectWasmFeatures());
  const module = await WebAssembly.compile(await moduleBytes(build));
  const memory = opts.memory ?? new WebAssembly.Memory({ initial: opts.initialPages ?? 16 });
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const kernels = instance.exports;
  return { build, kernels, memory, module, heapBase: kernels.heap_base() };
}
var SIMD_PROBE, RELAXED_PROBE, NO_SIMD, NO_RELAXED;
var init_loader = __esm({
  "bindings/loader.ts"() {
    "use strict";
    SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
    RELAXED_PROBE = [
      0,
      97,
      115,
      109,
      1,
      0,
      0,
      0,
      1,
      5,
      1,
      96,
      0,
      1,
      123,
      3,
      2,
      1,
      0,
      10,
      19,
      1,
      17,
      0,
      65,
      0,
      253,
      15,
      65,
      0,
      253,
      15,
      65,
      0,
      253,
      15,
      253,
      133,
      2,
      11
    ];
    NO_SIMD = "WebAssembly SIMD128 is not supported here; the wasm backend needs it \u2014 use backend: 'js'";
    NO_RELAXED = "wasm build 'relaxed' was requested, but relaxed SIMD does not validate here. On Node 20 run node with --experimental-wasm-relaxed-simd (or pass enableRelaxedSimdFlag: true); otherwise request build 'simd' or 'auto'";
  }
});

// src/backends/wasm.ts
var wasm_exports = {};
__export(wasm_exports, {
  createWasmBackend: () => createWasmBackend
});
function collapse2(shape, sa, sb) {
  const S = [], A = [], B = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = S.length - 1;
    if (k >= 0 && A[k] === sa[d] * shape[d] && B[k] === sb[d] * shape[d]) {
      S[k] *= shape[d];
      A[k] = sa[d];
      B[k] = sb[d];
    } else {
      S.push(shape[d]);
      A.push(sa[d]);
      B.push(sb[d]);
    }
  }
  if (S.length === 0) return [[1], [0], [0]];
  return [S, A, B];
}
function nextF32(f, up) {
  f32Box[0] = f;
  if (f === 0) u32Box[0] = up ? 1 : 2147483649;
  else if (f > 0 === up) u32Box[0]++;
  else u32Box[0]--;
  return f32Box[0];
}
function f32AtLeast(v) {
  const f = Math.fround(v);
  return f >= v || Number.isNaN(v) ? f : nextF32(f, true);
}
function f32AtMost(v) {
  const f = Math.fround(v);
  return f <= v || Number.isNaN(v) ? f : nextF32(f, false);
}
async function createWasmBackend(opts = {}) {
  const { build, kernels: K, memory, heapBase } = await loadKernels(opts);
  const arena = new Arena(memory, heapBase);
  let liveBytes = 0;
  const alloc = (dtype, size) => {
    if (!Number.isInteger(size) || size < 0) throw new Error(`wasm: cannot allocate ${size} elements of ${dtype}`);
    if (size === 0) return EMPTY;
    const bytes = size * 4;
    liveBytes += bytes;
    return { ptr: arena.alloc(bytes), bytes };
  };
  const out = (shape, dtype) => ({ shape: [...shape], dtype, buf: alloc(dtype, sizeOf(shape)) });
  const params = (what, shape, sa, sb) => {
    if (shape.length > MAX_RANK3) {
      throw new Error(`${what}: the wasm backend handles at most ${MAX_RANK3} dims (after merging contiguous ones), got ${shape.length}`);
    }
    const p2 = arena.params();
    p2[ParamsLayout.rank / 4] = shape.length;
    for (let d = 0; d < shape.length; d++) {
      p2[ParamsLayout.shape / 4 + d] = shape[d];
      p2[ParamsLayout.strideA / 4 + d] = sa[d];
      p2[ParamsLayout.strideB / 4 + d] = sb[d];
    }
    return arena.paramsPtr;
  };
  const copyNd = (what, src, dst, shape, ss, ds) => {
    if (sizeOf(shape) === 0) return;
    const [S, A, B] = collapse2(shape, ss, ds);
    K.x32_copy_nd(src, dst, params(what, S, A, B));
  };
  const k = {};
  for (const op of UNARY) {
    const f32 = K[`f32_${snake(op)}`];
    const i32 = K[`i32_${snake(op)}`];
    k[op] = ([x], attrs2) => {
      const o = out(x.shape, x.dtype);
      const n2 = sizeOf(x.shape);
      if (n2 === 0) return o;
      if (x.dtype === "int32") {
        if (!i32) throw new Error(`${op}: int32 is not supported by the wasm backend`);
        i32(x.buf.ptr, o.buf.ptr, n2);
      } else if (op === "leakyRelu") {
        f32(x.buf.ptr, o.buf.ptr, n2, attrs2.alpha);
      } else if (op === "clip") {
        f32(x.buf.ptr, o.buf.ptr, n2, Math.fround(attrs2.min), Math.fround(attrs2.max));
      } else {
        f32(x.buf.ptr, o.buf.ptr, n2);
      }
      return o;
    };
  }
  for (const op of BINARY) {
    const f32 = K[`f32_${snake(op)}`];
    const i32 = K[`i32_${snake(op)}`];
    const cmp2 = COMPARISONS.has(op);
    k[op] = ([a2, b2]) => {
      const shape = a2.shape.map((d, i) => d === 0 || b2.shape[i] === 0 ? 0 : Math.max(d, b2.shape[i]));
      const o = out(shape, cmp2 ? "float32" : a2.dtype);
      if (sizeOf(shape) === 0) return o;
      const sa = stridesOf(a2.shape).map((s, i) => a2.shape[i] === 1 ? 0 : s);
      const sb = stridesOf(b2.shape).map((s, i) => b2.shape[i] === 1 ? 0 : s);
      const [S, A, B] = collapse2(shape, sa, sb);
      const fn = a2.dtype === "int32" ? i32 : f32;
      if (!fn) throw new Error(`${op}: int32 is not supported by the wasm backend`);
      fn(a2.buf.ptr, b2.buf.ptr, o.buf.ptr, params(op, S, A, B));
      return o;
    };
  }
  for (const op of UNARY_GRAD) {
    const fn = K[`f32_${snake(op)}`];
    k[op] = ([dy, v], attrs2) => {
      const o = out(dy.shape, "float32");
      const n2 = sizeOf(dy.shape);
      if (n2 === 0) return o;
      if (op === "leakyReluGrad") fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n2, attrs2.alpha);
      else if (op === "clipGrad") fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n2, f32AtLeast(attrs2.min), f32AtMost(attrs2.max));
      else fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n2);
      return o;
    };
  }
  for (const op of ["sum", "max", "min", "argmax", "argmin"]) {
    k[op] = ([x]) => {
      const [outer, R2, inner] = x.shape;
      const o = out([outer, inner], op.startsWith("arg") ? "int32" : x.dtype);
      if (outer * inner === 0) return o;
      const fn = x.dtype === "int32" ? K[`i32_${op}`] : K[`f32_${op}`];
      fn(x.buf.ptr, o.buf.ptr, outer, R2, inner);
      return o;
    };
  }
  k.softmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, "float32");
    if (rows * C > 0) K.f32_softmax(x.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.logSoftmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, "float32");
    if (rows * C > 0) K.f32_log_softmax(x.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.softmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], "float32");
    if (rows > 0) K.f32_softmax_cross_entropy(logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.sparseSoftmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], "float32");
    if (rows > 0) K.f32_sparse_softmax_cross_entropy(logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  let work = { ptr: 0, bytes: 0 };
  const gemmWork = (bytes) => {
    if (bytes > work.bytes) {
      const ptr = arena.alloc(bytes);
      if (work.bytes > 0) arena.free(work.ptr);
      work = { ptr, bytes };
    }
    return work.ptr;
  };
  const gemm3 = (a2, b2, bias, act, transposeA, transposeB) => {
    const [Ba, ar, ac] = a2.shape;
    const [Bb, br, bc] = b2.shape;
    const M = transposeA ? ac : ar, K_ = transposeA ? ar : ac, N = transposeB ? br : bc;
    const B = Math.max(Ba, Bb);
    const o = out([B, M, N], "float32");
    if (B * M * N === 0) return o;
    const fn = transposeA ? transposeB ? K.f32_gemm_tt : K.f32_gemm_tn : transposeB ? K.f32_gemm_nt : K.f32_gemm_nn;
    const w = gemmWork(K.f32_gemm_work_bytes(M, N, K_));
    fn(a2.buf.ptr, b2.buf.ptr, o.buf.ptr, M, N, K_, ac, bc, N, B, Ba === 1 ? 0 : ar * ac, Bb === 1 ? 0 : br * bc, M * N, bias, act, w);
    return o;
  };
  k.matmul = ([a2, b2], { transposeA, transposeB }) => gemm3(a2, b2, 0, GemmActivation.linear, transposeA, transposeB);
  k.fusedMatmul = ([a2, b2, bias], { transposeA, transposeB, activation }) => gemm3(a2, b2, bias ? bias.buf.ptr : 0, GemmActivation[activation], transposeA, transposeB);
  k.transpose = ([x], { perm }) => {
    const shape = perm.map((p2) => x.shape[p2]);
    const xs = stridesOf(x.shape);
    const o = out(shape, x.dtype);
    copyNd("transpose", x.buf.ptr, o.buf.ptr, shape, perm.map((p2) => xs[p2]), stridesOf(shape));
    return o;
  };
  k.slice = ([x], { begin, size }) => {
    const xs = stridesOf(x.shape);
    const o = out(size, x.dtype);
    const base = begin.reduce((acc, b2, i) => acc + b2 * xs[i], 0);
    copyNd("slice", x.buf.ptr + 4 * base, o.buf.ptr, size, xs, stridesOf(size));
    return o;
  };
  k.pad = ([x], { before, after }) => {
    const shape = x.shape.map((d, i) => d + before[i] + after[i]);
    const o = out(shape, x.dtype);
    const n2 = sizeOf(shape);
    if (n2 === 0) return o;
    K.x32_fill(o.buf.ptr, n2, 0);
    const os = stridesOf(shape);
    const base = before.reduce((acc, b2, i) => acc + b2 * os[i], 0);
    copyNd("pad", x.buf.ptr, o.buf.ptr + 4 * base, x.shape, stridesOf(x.shape), os);
    return o;
  };
  k.concat = (xs, { axis }) => {
    const shape = [...xs[0].shape];
    shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
    const o = out(shape, xs[0].dtype);
    const os = stridesOf(shape);
    let at = 0;
    for (const x of xs) {
      copyNd("concat", x.buf.ptr, o.buf.ptr + 4 * at * os[axis], x.shape, stridesOf(x.shape), os);
      at += x.shape[axis];
    }
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = out([outer, M, inner], x.dtype);
    if (outer * M * inner > 0) K.x32_gather(x.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, N, inner, M);
    return o;
  };
  k.scatterAdd = ([dy, idx], { n: n2 }) => {
    const [outer, M, inner] = dy.shape;
    const o = out([outer, n2, inner], "float32");
    if (outer * n2 * inner > 0) K.f32_scatter_add(dy.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, M, inner, n2);
    return o;
  };
  k.oneHot = ([idx], { depth }) => {
    const n2 = idx.shape[0];
    const o = out([n2, depth], "float32");
    if (n2 * depth > 0) K.f32_one_hot(idx.buf.ptr, o.buf.ptr, n2, depth);
    return o;
  };
  k.cast = ([x], { dtype }) => {
    const o = out(x.shape, dtype);
    const n2 = sizeOf(x.shape);
    if (n2 === 0) return o;
    if (x.dtype === dtype) arena.u8().copyWithin(o.buf.ptr, x.buf.ptr, x.buf.ptr + 4 * n2);
    else if (dtype === "int32") K.f32_cast_i32(x.buf.ptr, o.buf.ptr, n2);
    else K.i32_cast_f32(x.buf.ptr, o.buf.ptr, n2);
    return o;
  };
  k.fill = (_, { shape, dtype, value }) => {
    const o = out(shape, dtype);
    const n2 = sizeOf(shape);
    if (n2 === 0) return o;
    if (dtype === "int32") i32Box[0] = value;
    else f32Box[0] = value;
    K.x32_fill(o.buf.ptr, n2, i32Box[0]);
    return o;
  };
  k.sgdUpdate = (ts, { lr, momentum, nesterov, weightDecay }) => {
    const n2 = sizeOf(ts[0].shape), g = ts[ts.length - 1].buf.ptr;
    if (n2 === 0) return [];
    if (momentum === 0) K.f32_sgd_update(ts[0].buf.ptr, g, n2, lr, lr * weightDecay);
    else K.f32_sgd_momentum_update(ts[0].buf.ptr, g, ts[1].buf.ptr, n2, lr, momentum, nesterov ? 1 : 0, lr * weightDecay);
    return [];
  };
  k.adamUpdate = ([p2, m, v, g], { lr, beta1, beta2, epsilon, step, weightDecay }) => {
    const n2 = sizeOf(p2.shape);
    if (n2 === 0) return [];
    const alpha = lr * Math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step);
    K.f32_adam_update(p2.buf.ptr, g.buf.ptr, m.buf.ptr, v.buf.ptr, n2, alpha, 1 - beta1, 1 - beta2, epsilon, lr * weightDecay);
    return [];
  };
  k.rmspropUpdate = (ts, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
    const n2 = sizeOf(ts[0].shape);
    if (n2 === 0) return [];
    const mom = momentum > 0 ? ts[2].buf.ptr : 0, mg = centered ? ts[momentum > 0 ? 3 : 2].buf.ptr : 0;
    K.f32_rmsprop_update(
      ts[0].buf.ptr,
      ts[ts.length - 1].buf.ptr,
      ts[1].buf.ptr,
      mom,
      mg,
      n2,
      lr,
      rho,
      1 - rho,
      momentum,
      epsilon,
      lr * weightDecay
    );
    return [];
  };
  k.adagradUpdate = ([p2, a2, g], { lr, epsilon, weightDecay }) => {
    const n2 = sizeOf(p2.shape);
    if (n2 > 0) K.f32_adagrad_update(p2.buf.ptr, g.buf.ptr, a2.buf.ptr, n2, lr, epsilon, lr * weightDecay);
    return [];
  };
  const read = (buf, dtype, size) => {
    if (size === 0) return dtype === "int32" ? new Int32Array(0) : new Float32Array(0);
    if (size * 4 > buf.bytes) throw new Error(`wasm: read of ${size} elements from a buffer of ${buf.bytes / 4}`);
    const at = buf.ptr >> 2;
    return dtype === "int32" ? arena.i32().slice(at, at + size) : arena.f32().slice(at, at + size);
  };
  return {
    name: "wasm",
    info: { build, simd: true, relaxedSimd: build === "relaxed" },
    kernels: k,
    alloc,
    write(buf, values, dtype) {
      if (values.length === 0) return;
      if (values.length * 4 > buf.bytes) throw new Error(`wasm: write of ${values.length} elements into a buffer of ${buf.bytes / 4}`);
      if (dtype === "int32") arena.i32().set(values, buf.ptr >> 2);
      else arena.f32().set(values, buf.ptr >> 2);
    },
    read,
    readAsync: async (buf, dtype, size) => read(buf, dtype, size),
    free(buf) {
      if (buf.bytes === 0) return;
      arena.free(buf.ptr);
      liveBytes -= buf.bytes;
    },
    memory() {
      return { bytes: liveBytes, ...arena.usage() };
    }
  };
}
var EMPTY, MAX_RANK3, snake, f32Box, u32Box, i32Box;
var init_wasm = __esm({
  "src/backends/wasm.ts"() {
    "use strict";
    init_kernels();
    init_arena();
    init_abi();
    init_loader();
    EMPTY = Object.freeze({ ptr: 0, bytes: 0 });
    MAX_RANK3 = ParamsLayout.maxRank;
    snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    f32Box = new Float32Array(1);
    u32Box = new Uint32Array(f32Box.buffer);
    i32Box = new Int32Array(f32Box.buffer);
  }
});

// src/engine.ts
function collectTensors(x, into) {
  if (x instanceof Tensor) into.add(x);
  else if (Array.isArray(x)) for (const y of x) collectTensors(y, into);
  else if (x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    for (const y of Object.values(x)) collectTensors(y, into);
  }
}
function warnOnce(msg) {
  if (warned.has(msg)) return;
  warned.add(msg);
  console.warn(msg);
}
var gradients, Engine, warned, engine;
var init_engine = __esm({
  "src/engine.ts"() {
    "use strict";
    init_kernels();
    init_tensor();
    init_js();
    gradients = /* @__PURE__ */ new Map();
    Engine = class {
      backend = null;
      backends = /* @__PURE__ */ new Map();
      scopes = [];
      tapes = [];
      tensors = 0;
      bytes = 0;
      registry = new FinalizationRegistry((s) => {
        this.tensors--;
        this.unref(s);
      });
      requireBackend(what) {
        if (this.backend === null) {
          throw new Error(`${what}: edgegrad is not initialised; call \`await eg.init()\` first`);
        }
        return this.backend;
      }
      /** What the last WebGPU probe found: undefined before any, null when there is no adapter. */
      webgpu = void 0;
      async init(opts = {}) {
        const name = opts.backend ?? "auto";
        if (name === "auto") {
          const gpu = await this.probeWebgpu(opts.gpu);
          if (gpu && !gpu.fallback) {
            try {
              this.backend = await this.create({ ...opts, backend: "webgpu" });
              return;
            } catch (e) {
              warnOnce(`edgegrad: 'auto' could not start webgpu on '${gpu.name}' (${e.message}); using 'wasm'`);
            }
          } else if (gpu) {
            warnOnce(`edgegrad: 'auto' found only a software WebGPU adapter ('${gpu.name}'); using 'wasm' (pass { backend: 'webgpu' } to use it anyway)`);
          }
          try {
            this.backend = await this.create({ ...opts, backend: "wasm" });
          } catch (e) {
            warnOnce(`edgegrad: 'auto' could not start the wasm backend (${e.message}); using 'js'`);
            this.backend = await this.create({ ...opts, backend: "js" });
          }
          return;
        }
        this.backend = await this.create({ ...opts, backend: name });
      }
      /** Finds a WebGPU adapter without starting a device; null (and no throw) when there is none. */
      async probeWebgpu(gpu) {
        if (this.webgpu !== void 0 && !gpu) return this.webgpu;
        const hasNav = typeof navigator !== "undefined" && !!navigator.gpu;
        const isNode2 = typeof process !== "undefined" && !!process.versions?.node;
        if (!gpu && !hasNav && !isNode2) return this.webgpu = null;
        try {
          const wg = await Promise.resolve().then(() => (init_webgpu(), webgpu_exports));
          this.webgpu = wg.adapterFacts(await wg.requestAdapter(await wg.findGpu(gpu)));
        } catch {
          this.webgpu = null;
        }
        return this.webgpu;
      }
      async create(opts) {
        const key = JSON.stringify([opts.backend, opts.precision ?? "", opts.wasmBuild ?? "auto"]);
        const have = this.backends.get(key);
        if (have && have.info.lost !== true) return have;
        let b2;
        switch (opts.backend) {
          case "js":
            b2 = createJsBackend({ precision: opts.precision });
            break;
          case "wasm": {
            const { createWasmBackend: createWasmBackend2 } = await Promise.resolve().then(() => (init_wasm(), wasm_exports));
            b2 = await createWasmBackend2({ build: opts.wasmBuild, enableRelaxedSimdFlag: opts.enableRelaxedSimdFlag });
            break;
          }
          case "webgpu": {
            const { createWebgpuBackend: createWebgpuBackend2 } = await Promise.resolve().then(() => (init_webgpu(), webgpu_exports));
            try {
              b2 = await createWebgpuBackend2({ gpu: opts.gpu });
            } catch (e) {
              if (/no GPU adapter|not installed|no WebGPU/.test(e.message)) this.webgpu = null;
              throw new Error(`init: backend 'webgpu' cannot start: ${e.message}`);
            }
            this.webgpu = { name: String(b2.info.adapter), fallback: b2.info.fallbackAdapter === true };
            break;
          }
          default:
            throw new Error(`init: unknown backend '${String(opts.backend)}'; expected 'wasm', 'webgpu', 'js' or 'auto'`);
        }
        this.backends.set(key, b2);
        return b2;
      }
      // ---- tensors and storage -------------------------------------------------------------
      /** Wraps a fresh backend buffer as a tensor owned by the current scope. */
      wrap(info, backend2) {
        const bytes = sizeOf(info.shape) * (backend2.elementBytes?.(info.dtype) ?? 4);
        const s = new Storage(backend2, info.buf, bytes);
        this.bytes += bytes;
        return this.track(new Tensor(info.shape, info.dtype, s));
      }
      /** A new tensor viewing `t`'s storage with another shape (same size), recorded as 'reshape'. */
      view(t, shape) {
        const s = t.live("reshape");
        s.refs++;
        const out = this.track(new Tensor(shape, t.dtype, s));
        this.record("reshape", [t], [out], {});
        return out;
      }
      /** For a tensor the caller just made and owns: `t` in a new shape, disposing the old handle. */
      reshapeOwned(t, shape) {
        if (shape.length === t.shape.length && shape.every((d, i) => d === t.shape[i])) return t;
        const out = this.view(t, shape);
        t.dispose();
        return out;
      }
      track(t) {
        this.tensors++;
        this.registry.register(t, t.storage, t);
        const scope = this.scopes[this.scopes.length - 1];
        if (scope) scope.add(t);
        return t;
      }
      makeVariable(t, trainable, name) {
        const s = t.live("variable");
        s.refs++;
        const v = new Variable(t, s, trainable, name);
        this.tensors++;
        this.registry.register(v, s, v);
        return v;
      }
      /** A tensor holding `values` (converted to the dtype's storage; plain numbers keep float64 on js-float64). */
      fromValues(values, shape, dtype) {
        const b2 = this.requireBackend("tensor");
        const buf = b2.alloc(dtype, values.length);
        b2.write(buf, values, dtype);
        return this.wrap({ shape, dtype, buf }, b2);
      }
      release(t) {
        const s = t.storage;
        t.storage = null;
        this.tensors--;
        this.registry.unregister(t);
        this.unref(s);
      }
      unref(s) {
        if (--s.refs === 0) {
          this.bytes -= s.bytes;
          s.backend.free(s.buf);
        }
      }
      read(t) {
        const s = t.live("dataSync");
        return s.backend.read(s.buf, t.dtype, t.size);
      }
      /**
       * `t`'s values for host-side validation: read() where it is synchronous, the backend's host copy
       * where it is not (webgpu), undefined when neither is possible (the kernel must then be safe).
       */
      hostValues(t, what) {
        const s = t.live(what);
        if (s.backend.hostCopy) return s.backend.hostCopy(s.buf);
        return s.backend.read(s.buf, t.dtype, t.size);
      }
      readAsync(t) {
        try {
          const s = t.live("data");
          return s.backend.readAsync(s.buf, t.dtype, t.size);
        } catch (e) {
          return Promise.reject(e);
        }
      }
      // ---- kernels ---------------------------------------------------------------------------
      /**
       * Runs kernel `name` on the active backend and records it on the tape. `shapes`, when given,
       * are the canonical shapes the kernel sees in place of the inputs' own (same sizes).
       */
      runKernel(name, inputs, attrs2, shapes) {
        const b2 = this.requireBackend(name);
        const infos = inputs.map((t, i) => {
          const s = t.live(name);
          if (s.backend !== b2) {
            throw new Error(`${name}: tensor #${t.id} lives on backend '${s.backend.name}' but the active backend is '${b2.name}'`);
          }
          return { shape: shapes?.[i] ?? t.shape, dtype: t.dtype, buf: s.buf };
        });
        const impl = b2.kernels[name];
        if (!impl) throw new Error(`kernel '${name}' is not implemented on backend '${b2.name}'`);
        const res = impl(infos, attrs2);
        const outs = (Array.isArray(res) ? res : [res]).map((info) => this.wrap(info, b2));
        this.record(name, inputs, outs, attrs2, infos.map((i) => i.shape));
        return outs;
      }
      /**
       * Runs an in-place kernel (an optimizer update): it overwrites the buffers of `targets` and reads
       * `inputs`; it returns nothing and is never recorded on a tape. A target whose storage is shared
       * (a reshape view, the tensor a variable was made from, a tape handle) is copied first, so no
       * other tensor sees the write.
       */
      runKernelInPlace(name, targets, inputs, attrs2) {
        const b2 = this.requireBackend(name);
        const impl = b2.kernels[name];
        if (!impl) throw new Error(`kernel '${name}' is not implemented on backend '${b2.name}'`);
        for (const t of [...targets, ...inputs]) {
          if (t.live(name).backend !== b2) {
            throw new Error(`${name}: tensor #${t.id} lives on backend '${t.storage.backend.name}' but the active backend is '${b2.name}'`);
          }
        }
        for (const v of targets) this.makeWritable(v);
        impl([...targets, ...inputs].map((t) => ({ shape: t.shape, dtype: t.dtype, buf: t.storage.buf })), attrs2);
      }
      /** Gives `v` storage of its own (copy on write) if another tensor shares it. */
      makeWritable(v) {
        const s = v.storage;
        if (s.refs === 1) return;
        const copy = s.backend.kernels.cast;
        const info = copy([{ shape: v.shape, dtype: v.dtype, buf: s.buf }], { dtype: v.dtype });
        const bytes = sizeOf(info.shape) * (s.backend.elementBytes?.(info.dtype) ?? 4);
        this.bytes += bytes;
        this.assign(v, new Storage(s.backend, info.buf, bytes));
      }
      // ---- tidy ------------------------------------------------------------------------------
      tidy(fn) {
        const scope = /* @__PURE__ */ new Set();
        this.scopes.push(scope);
        let result;
        try {
          result = fn();
        } catch (e) {
          this.scopes.pop();
          this.disposeScope(scope, /* @__PURE__ */ new Set());
          throw e;
        }
        this.scopes.pop();
        if (result instanceof Promise) {
          this.disposeScope(scope, /* @__PURE__ */ new Set());
          throw new Error("tidy: the function returned a Promise; tidy only takes synchronous functions");
        }
        const keep = /* @__PURE__ */ new Set();
        collectTensors(result, keep);
        this.disposeScope(scope, keep);
        return result;
      }
      /** Disposes a finished scope's tensors except `keep`, which move to the enclosing scope. */
      disposeScope(scope, keep) {
        const parent = this.scopes[this.scopes.length - 1];
        for (const t of scope) {
          if (keep.has(t)) {
            if (parent) parent.add(t);
          } else if (!t.kept && !t.isDisposed) t.dispose();
        }
      }
      keep(t) {
        t.kept = true;
        for (const s of this.scopes) s.delete(t);
        return t;
      }
      // ---- tape ------------------------------------------------------------------------------
      /** Records an op on every active tape that tracks one of its inputs. */
      record(op, inputs, outputs, attrs2, inputShapes) {
        for (const tape of this.tapes) {
          const needs = inputs.map((t) => tape.tracked.has(t.id));
          if (!needs.includes(true)) continue;
          for (const o of outputs) tape.tracked.add(o.id);
          tape.nodes.push({
            op,
            attrs: attrs2,
            needs,
            inputShapes: inputShapes ?? inputs.map((t) => t.shape),
            inputs: inputs.map((t) => this.handle(t)),
            outputs: outputs.map((t) => this.handle(t)),
            inputKeys: inputs.map((t) => t.id),
            outputKeys: outputs.map((t) => t.id)
          });
        }
      }
      /** A tape-owned tensor sharing `t`'s storage, outside every scope, so user disposal can't free it. */
      handle(t) {
        const s = t.storage;
        s.refs++;
        this.tensors++;
        return new Tensor(t.shape, t.dtype, s);
      }
      dropHandles(nodes) {
        for (const n2 of nodes) for (const t of [...n2.inputs, ...n2.outputs]) if (!t.isDisposed) this.release(t);
      }
      assign(v, s) {
        const old = v.storage;
        v.storage = s;
        this.registry.unregister(v);
        this.registry.register(v, s, v);
        this.unref(old);
      }
    };
    warned = /* @__PURE__ */ new Set();
    engine = new Engine();
    setTensorHost(engine);
    setAssignHook((v, s) => engine.assign(v, s));
  }
});

// src/ops/util.ts
function fmt(shape) {
  return `[${shape.join(",")}]`;
}
function checkShape(op, shape) {
  if (!Array.isArray(shape)) throw new Error(`${op}: shape must be an array of sizes, got ${String(shape)}`);
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new Error(`${op}: invalid shape ${fmt(shape)}: every size must be a non-negative integer, got ${d}`);
    }
  }
  return [...shape];
}
function checkTensor(op, x, name = "x") {
  if (!(x instanceof Tensor)) throw new Error(`${op}: '${name}' must be a Tensor, got ${typeof x}`);
  x.live(op);
  return x;
}
function checkDtype(op, x, dtypes, name = "x") {
  if (!dtypes.includes(x.dtype)) {
    throw new Error(`${op}: '${name}' has dtype ${x.dtype}, expected ${dtypes.join(" or ")}`);
  }
}
function toTensor(op, x, dtype, name = "x") {
  if (typeof x === "number") return engine.fromValues([x], [], dtype);
  return checkTensor(op, x, name);
}
function withOperands(op, a2, b2, fn) {
  if (a2 instanceof Tensor) checkTensor(op, a2, "a");
  if (b2 instanceof Tensor) checkTensor(op, b2, "b");
  if (a2 instanceof Tensor && b2 instanceof Tensor && a2.dtype !== b2.dtype) {
    throw new Error(`${op}: dtype mismatch: a is ${a2.dtype} and b is ${b2.dtype}; cast one with eg.cast()`);
  }
  const dtype = a2 instanceof Tensor ? a2.dtype : b2 instanceof Tensor ? b2.dtype : "float32";
  const ta = toTensor(op, a2, dtype, "a");
  let tb = null;
  try {
    tb = toTensor(op, b2, dtype, "b");
    return fn(ta, tb);
  } finally {
    if (ta !== a2) ta.dispose();
    if (tb !== null && tb !== b2) tb.dispose();
  }
}
function broadcastShapes(op, a2, b2) {
  const rank = Math.max(a2.length, b2.length);
  const out = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = a2[a2.length - rank + i] ?? 1;
    const db = b2[b2.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${fmt(a2)} and ${fmt(b2)} cannot be broadcast together (axis ${i}: ${da} vs ${db})`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}
function normAxis(op, axis, rank) {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new Error(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}
function normAxes(op, axis, rank) {
  if (axis === void 0 || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = (Array.isArray(axis) ? axis : [axis]).map((a2) => normAxis(op, a2, rank));
  if (new Set(list).size !== list.length) throw new Error(`${op}: repeated axis in [${list}]`);
  return list.sort((x, y) => x - y);
}
var init_util = __esm({
  "src/ops/util.ts"() {
    "use strict";
    init_engine();
    init_tensor();
  }
});

// src/ops/elementwise.ts
var elementwise_exports = {};
__export(elementwise_exports, {
  abs: () => abs,
  add: () => add,
  cast: () => cast,
  clip: () => clip,
  div: () => div,
  equal: () => equal,
  exp: () => exp,
  gelu: () => gelu,
  greater: () => greater,
  greaterEqual: () => greaterEqual,
  leakyRelu: () => leakyRelu,
  less: () => less,
  lessEqual: () => lessEqual,
  log: () => log,
  maximum: () => maximum,
  minimum: () => minimum,
  mul: () => mul,
  neg: () => neg,
  notEqual: () => notEqual,
  pow: () => pow,
  reciprocal: () => reciprocal,
  relu: () => relu,
  sigmoid: () => sigmoid,
  sign: () => sign,
  sqrt: () => sqrt,
  square: () => square,
  sub: () => sub,
  tanh: () => tanh,
  unaryGrad: () => unaryGrad
});
function unary(op, x, attrs2 = {}) {
  checkTensor(op, x);
  if (x.dtype !== "float32" && !INT_UNARY.has(op)) {
    throw new Error(`${op}: dtype ${x.dtype} is not supported; ${op} takes float32 (use eg.cast(x, 'float32'))`);
  }
  return engine.runKernel(op, [x], attrs2)[0];
}
function clip(x, min2, max2) {
  if (!(min2 <= max2)) throw new Error(`clip: min (${min2}) must not exceed max (${max2})`);
  return unary("clip", x, { min: min2, max: max2 });
}
function binary(op, a2, b2) {
  return withOperands(op, a2, b2, (ta, tb) => {
    if (ta.dtype === "int32" && !INT_BINARY.has(op) && !COMPARISONS.has(op)) {
      throw new Error(`${op}: dtype int32 is not supported; ${op} takes float32 (use eg.cast(x, 'float32'))`);
    }
    const shape = broadcastShapes(op, ta.shape, tb.shape);
    const pad2 = (s) => [...new Array(shape.length - s.length).fill(1), ...s];
    return engine.runKernel(op, [ta, tb], {}, [pad2(ta.shape), pad2(tb.shape)])[0];
  });
}
function unaryGrad(op, dy, v, attrs2 = {}) {
  if (dy.shape.length !== v.shape.length || dy.shape.some((d, i) => d !== v.shape[i])) {
    throw new Error(`${op}: shape mismatch ${fmt(dy.shape)} vs ${fmt(v.shape)}`);
  }
  return engine.runKernel(op, [dy, v], attrs2)[0];
}
function cast(x, dtype) {
  checkTensor("cast", x);
  if (dtype !== "float32" && dtype !== "int32") throw new Error(`cast: unsupported dtype '${String(dtype)}'`);
  if (x.dtype === dtype) return engine.view(x, x.shape);
  return engine.runKernel("cast", [x], { dtype })[0];
}
var neg, exp, log, sqrt, square, abs, sign, reciprocal, relu, sigmoid, tanh, gelu, leakyRelu, add, sub, mul, div, pow, maximum, minimum, greater, greaterEqual, less, lessEqual, equal, notEqual;
var init_elementwise2 = __esm({
  "src/ops/elementwise.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_util();
    neg = (x) => unary("neg", x);
    exp = (x) => unary("exp", x);
    log = (x) => unary("log", x);
    sqrt = (x) => unary("sqrt", x);
    square = (x) => unary("square", x);
    abs = (x) => unary("abs", x);
    sign = (x) => unary("sign", x);
    reciprocal = (x) => unary("reciprocal", x);
    relu = (x) => unary("relu", x);
    sigmoid = (x) => unary("sigmoid", x);
    tanh = (x) => unary("tanh", x);
    gelu = (x) => unary("gelu", x);
    leakyRelu = (x, alpha = 0.2) => unary("leakyRelu", x, { alpha });
    add = (a2, b2) => binary("add", a2, b2);
    sub = (a2, b2) => binary("sub", a2, b2);
    mul = (a2, b2) => binary("mul", a2, b2);
    div = (a2, b2) => binary("div", a2, b2);
    pow = (a2, b2) => binary("pow", a2, b2);
    maximum = (a2, b2) => binary("maximum", a2, b2);
    minimum = (a2, b2) => binary("minimum", a2, b2);
    greater = (a2, b2) => binary("greater", a2, b2);
    greaterEqual = (a2, b2) => binary("greaterEqual", a2, b2);
    less = (a2, b2) => binary("less", a2, b2);
    lessEqual = (a2, b2) => binary("lessEqual", a2, b2);
    equal = (a2, b2) => binary("equal", a2, b2);
    notEqual = (a2, b2) => binary("notEqual", a2, b2);
  }
});

// src/random.ts
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 1831565813 >>> 0;
    let t = s;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function nextSeed() {
  unseeded = unseeded + 2654435769 >>> 0;
  return unseeded;
}
function normalValues(n2, seed, mean2, std) {
  const r = rng(seed);
  const out = new Float32Array(n2);
  for (let i = 0; i < n2; i += 2) {
    const u = 1 - r();
    const v = r();
    const rad = Math.sqrt(-2 * Math.log(u));
    out[i] = mean2 + std * rad * Math.cos(2 * Math.PI * v);
    if (i + 1 < n2) out[i + 1] = mean2 + std * rad * Math.sin(2 * Math.PI * v);
  }
  return out;
}
var unseeded;
var init_random = __esm({
  "src/random.ts"() {
    "use strict";
    unseeded = Math.random() * 2 ** 32 >>> 0;
  }
});

// src/ops/creation.ts
function checkDtypeName(op, dtype) {
  if (dtype !== "float32" && dtype !== "int32") {
    throw new Error(`${op}: unsupported dtype '${dtype}'; expected 'float32' or 'int32'`);
  }
  return dtype;
}
function full(shape, value, dtype = "float32") {
  const sh = checkShape("full", shape);
  return engine.runKernel("fill", [], { shape: sh, dtype: checkDtypeName("full", dtype), value })[0];
}
function randn(shape, opts = {}) {
  const sh = checkShape("randn", shape);
  const v = normalValues(sizeOf(sh), opts.seed ?? nextSeed(), opts.mean ?? 0, opts.std ?? 1);
  return engine.fromValues(v, sh, "float32");
}
var zeros;
var init_creation = __esm({
  "src/ops/creation.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_random();
    init_util();
    zeros = (shape, dtype = "float32") => full(shape, 0, dtype);
  }
});

// src/ops/shape.ts
function reshape(x, shape) {
  checkTensor("reshape", x);
  const infer = shape.indexOf(-1);
  let sh = shape;
  if (infer >= 0) {
    if (shape.indexOf(-1, infer + 1) >= 0) throw new Error(`reshape: shape ${fmt(shape)} has more than one -1`);
    const rest = sizeOf(shape.filter((_, i) => i !== infer));
    if (rest === 0 || x.size % rest !== 0) throw new Error(`reshape: cannot infer -1 in shape ${fmt(shape)} for a tensor of size ${x.size}`);
    sh = shape.map((d) => d === -1 ? x.size / rest : d);
  }
  checkShape("reshape", sh);
  if (sizeOf(sh) !== x.size) {
    throw new Error(`reshape: cannot reshape shape ${fmt(x.shape)} (size ${x.size}) into shape ${fmt(sh)} (size ${sizeOf(sh)})`);
  }
  return engine.view(x, sh);
}
function flatten(x) {
  return reshape(x, [x.size]);
}
function expandDims(x, axis = 0) {
  checkTensor("expandDims", x);
  const ax = normAxis("expandDims", axis, x.rank + 1);
  const sh = [...x.shape];
  sh.splice(ax, 0, 1);
  return engine.view(x, sh);
}
function squeeze(x, axes) {
  checkTensor("squeeze", x);
  const drop = axes === void 0 ? x.shape.map((d, i) => d === 1 ? i : -1).filter((i) => i >= 0) : axes.map((a2) => normAxis("squeeze", a2, x.rank));
  for (const a2 of drop) if (x.shape[a2] !== 1) throw new Error(`squeeze: axis ${a2} of shape ${fmt(x.shape)} has size ${x.shape[a2]}, not 1`);
  return engine.view(x, x.shape.filter((_, i) => !drop.includes(i)));
}
function transpose(x, perm) {
  checkTensor("transpose", x);
  const p2 = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  if (p2.length !== x.rank || [...p2].sort((a2, b2) => a2 - b2).some((v, i) => v !== i)) {
    throw new Error(`transpose: perm [${p2}] is not a permutation of the ${x.rank} axes of shape ${fmt(x.shape)}`);
  }
  if (p2.every((v, i) => v === i)) return engine.view(x, x.shape);
  return engine.runKernel("transpose", [x], { perm: [...p2] })[0];
}
function slice(x, begin, size) {
  checkTensor("slice", x);
  const b2 = Array.isArray(begin) ? [...begin] : [begin];
  while (b2.length < x.rank) b2.push(0);
  const s0 = size === void 0 ? [] : Array.isArray(size) ? [...size] : [size];
  while (s0.length < x.rank) s0.push(-1);
  const s = s0.map((v, i) => v === -1 ? x.shape[i] - b2[i] : v);
  if (b2.length !== x.rank || s.length !== x.rank) throw new Error(`slice: begin/size must have at most ${x.rank} entries for shape ${fmt(x.shape)}`);
  for (let i = 0; i < x.rank; i++) {
    if (!Number.isInteger(b2[i]) || !Number.isInteger(s[i]) || b2[i] < 0 || s[i] < 0 || b2[i] + s[i] > x.shape[i]) {
      throw new Error(`slice: begin [${b2}] size [${s}] is out of bounds for shape ${fmt(x.shape)}`);
    }
  }
  return engine.runKernel("slice", [x], { begin: b2, size: s })[0];
}
function pad(x, paddings) {
  checkTensor("pad", x);
  if (paddings.length !== x.rank) throw new Error(`pad: ${paddings.length} paddings given for rank ${x.rank} shape ${fmt(x.shape)}`);
  for (const [lo, hi] of paddings) {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi < 0) throw new Error(`pad: paddings must be non-negative integers, got [${lo}, ${hi}]`);
  }
  return engine.runKernel("pad", [x], { before: paddings.map((p2) => p2[0]), after: paddings.map((p2) => p2[1]) })[0];
}
function gather(x, indices, axis = 0) {
  checkTensor("gather", x);
  checkTensor("gather", indices, "indices");
  checkDtype("gather", indices, ["int32"], "indices");
  const ax = normAxis("gather", axis, x.rank);
  const n2 = x.shape[ax];
  const idx = engine.hostValues(indices, "gather") ?? [];
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] < 0 || idx[i] >= n2) throw new Error(`gather: index ${idx[i]} is out of range for axis ${ax} of size ${n2} (shape ${fmt(x.shape)})`);
  }
  const outer = sizeOf(x.shape.slice(0, ax)), inner = sizeOf(x.shape.slice(ax + 1));
  const out = engine.runKernel("gather", [x, indices], {}, [[outer, n2, inner], [indices.size]])[0];
  const shape = [...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)];
  return engine.reshapeOwned(out, shape);
}
function broadcastTo(x, shape) {
  checkTensor("broadcastTo", x);
  const sh = checkShape("broadcastTo", shape);
  const out = broadcastShapes("broadcastTo", x.shape, sh);
  if (out.length !== sh.length || out.some((d, i) => d !== sh[i])) {
    throw new Error(`broadcastTo: shape ${fmt(x.shape)} cannot be broadcast to shape ${fmt(sh)}`);
  }
  return engine.tidy(() => add(x, zeros(sh, x.dtype)));
}
var init_shape = __esm({
  "src/ops/shape.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_util();
    init_elementwise2();
    init_creation();
  }
});

// src/ops/reduce.ts
var reduce_exports = {};
__export(reduce_exports, {
  argmax: () => argmax,
  argmin: () => argmin,
  max: () => max,
  mean: () => mean,
  min: () => min,
  sum: () => sum
});
function reduce(op, x, axes, keepDims) {
  const kept = x.shape.map((d, i) => axes.includes(i) ? 1 : d);
  const outShape = keepDims ? kept : x.shape.filter((_, i) => !axes.includes(i));
  let src = x;
  let first = axes[0] ?? x.rank, last = axes[axes.length - 1] ?? x.rank - 1;
  if (axes.length > 0 && last - first + 1 !== axes.length) {
    const rest = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    src = transpose(x, [...rest, ...axes]);
    first = rest.length;
    last = x.rank - 1;
  }
  const outer = sizeOf(src.shape.slice(0, first));
  const R2 = sizeOf(src.shape.slice(first, last + 1));
  const inner = sizeOf(src.shape.slice(last + 1));
  const out = engine.runKernel(op, [src], {}, [[outer, R2, inner]])[0];
  if (src !== x) src.dispose();
  return engine.reshapeOwned(out, outShape);
}
function args(op, x, axis, float) {
  checkTensor(op, x);
  if (float && x.dtype !== "float32") throw new Error(`${op}: dtype ${x.dtype} is not supported; use float32`);
  return normAxes(op, axis, x.rank);
}
function sum(x, axis, keepDims = false) {
  return reduce("sum", x, args("sum", x, axis, false), keepDims);
}
function mean(x, axis, keepDims = false) {
  const axes = args("mean", x, axis, true);
  const n2 = sizeOf(axes.map((a2) => x.shape[a2]));
  return engine.tidy(() => mul(reduce("sum", x, axes, keepDims), n2 === 0 ? NaN : 1 / n2));
}
function max(x, axis, keepDims = false) {
  return reduce("max", x, args("max", x, axis, false), keepDims);
}
function min(x, axis, keepDims = false) {
  return reduce("min", x, args("min", x, axis, false), keepDims);
}
function argReduce(op, x, axis, keepDims) {
  checkTensor(op, x);
  if (x.size === 0) throw new Error(`${op}: tensor of shape ${fmt(x.shape)} is empty`);
  if (axis === void 0 || axis === null) {
    const flat = engine.view(x, [x.size]);
    const out = reduce(op, flat, [0], false);
    flat.dispose();
    return keepDims ? engine.reshapeOwned(out, x.shape.map(() => 1)) : out;
  }
  return reduce(op, x, [normAxis(op, axis, x.rank)], keepDims);
}
var argmax, argmin;
var init_reduce2 = __esm({
  "src/ops/reduce.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_util();
    init_shape();
    init_elementwise2();
    argmax = (x, axis, keepDims = false) => argReduce("argmax", x, axis, keepDims);
    argmin = (x, axis, keepDims = false) => argReduce("argmin", x, axis, keepDims);
  }
});

// src/ops/nn.ts
function along(op, x, axis) {
  checkTensor(op, x);
  checkDtype(op, x, ["float32"]);
  if (x.rank === 0) throw new Error(`${op}: needs a tensor of rank >= 1`);
  const ax = normAxis(op, axis, x.rank);
  if (ax !== x.rank - 1) {
    return engine.tidy(() => {
      const perm = x.shape.map((_, i) => i).filter((i) => i !== ax).concat(ax);
      const inv = perm.map((_, i) => perm.indexOf(i));
      return transpose(along(op, transpose(x, perm), -1), inv);
    });
  }
  const C = x.shape[x.rank - 1];
  const out = engine.runKernel(op, [x], {}, [[sizeOf(x.shape.slice(0, -1)), C]])[0];
  return engine.reshapeOwned(out, x.shape);
}
var softmax, logSoftmax;
var init_nn = __esm({
  "src/ops/nn.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_util();
    init_shape();
    softmax = (x, axis = -1) => along("softmax", x, axis);
    logSoftmax = (x, axis = -1) => along("logSoftmax", x, axis);
  }
});

// src/ops/linalg.ts
function matmul(a2, b2, opts = {}) {
  return gemm2("matmul", a2, b2, void 0, opts);
}
function fusedMatmul(a2, b2, bias, opts = {}) {
  return gemm2("fusedMatmul", a2, b2, bias ?? void 0, opts);
}
function gemm2(op, a2, b2, bias, opts) {
  checkTensor(op, a2, "a");
  checkTensor(op, b2, "b");
  checkDtype(op, a2, ["float32"], "a");
  checkDtype(op, b2, ["float32"], "b");
  if (a2.rank < 2 || b2.rank < 2) {
    throw new Error(`${op}: operands need rank >= 2, got shapes ${fmt(a2.shape)} (rank ${a2.rank}) and ${fmt(b2.shape)} (rank ${b2.rank}); reshape vectors to [1, n] or [n, 1]`);
  }
  const transposeA = !!opts.transposeA, transposeB = !!opts.transposeB;
  const [ar, ac] = a2.shape.slice(-2), [br, bc] = b2.shape.slice(-2);
  const M = transposeA ? ac : ar, K = transposeA ? ar : ac;
  const Kb = transposeB ? bc : br, N = transposeB ? br : bc;
  if (K !== Kb) {
    throw new Error(`${op}: inner dimensions of shapes ${fmt(a2.shape)}${transposeA ? "\u1D40" : ""} and ${fmt(b2.shape)}${transposeB ? "\u1D40" : ""} differ: ${K} vs ${Kb}`);
  }
  const activation = opts.activation ?? "linear";
  if (op === "fusedMatmul" && !ACTIVATIONS.includes(activation)) {
    throw new Error(`fusedMatmul: unknown activation '${String(activation)}'; expected one of ${ACTIVATIONS.join(", ")}`);
  }
  if (bias !== void 0) {
    checkTensor(op, bias, "bias");
    checkDtype(op, bias, ["float32"], "bias");
    if (bias.rank !== 1 || bias.shape[0] !== N) {
      throw new Error(`${op}: bias must have shape [${N}] (the output's last dimension), got ${fmt(bias.shape)}`);
    }
  }
  const batchA = a2.shape.slice(0, -2), batchB = b2.shape.slice(0, -2);
  const batch = broadcastShapes(op, batchA, batchB);
  const same = (s) => s.length === batch.length && s.every((d, i) => d === batch[i]);
  if (sizeOf(batchA) !== 1 && !same(batchA) || sizeOf(batchB) !== 1 && !same(batchB)) {
    return engine.tidy(() => {
      const ea = sizeOf(batchA) === 1 || same(batchA) ? a2 : broadcastTo(a2, [...batch, ar, ac]);
      const eb = sizeOf(batchB) === 1 || same(batchB) ? b2 : broadcastTo(b2, [...batch, br, bc]);
      return gemm2(op, ea, eb, bias, opts);
    });
  }
  const Ba = sizeOf(batchA), Bb = sizeOf(batchB);
  const shapes = [[Ba, ar, ac], [Bb, br, bc]];
  const out = op === "matmul" ? engine.runKernel("matmul", [a2, b2], { transposeA, transposeB }, shapes)[0] : engine.runKernel(
    "fusedMatmul",
    bias ? [a2, b2, bias] : [a2, b2],
    { transposeA, transposeB, activation },
    bias ? [...shapes, [N]] : shapes
  )[0];
  return engine.reshapeOwned(out, [...batch, M, N]);
}
var ACTIVATIONS;
var init_linalg = __esm({
  "src/ops/linalg.ts"() {
    "use strict";
    init_engine();
    init_kernels();
    init_util();
    init_shape();
    ACTIVATIONS = ["linear", "relu", "gelu", "sigmoid", "tanh"];
  }
});

// src/platform.ts
function isNode() {
  return typeof process === "object" && process !== null && !!process.versions?.node;
}
async function nodeModule(name) {
  const spec = `node:${name}`;
  return await import(
    /* @vite-ignore */
    spec
  );
}
var init_platform = __esm({
  "src/platform.ts"() {
    "use strict";
  }
});

// src/index.ts
init_engine();

// src/ops/methods.ts
init_tensor();
init_elementwise2();
init_reduce2();
init_shape();
init_nn();
init_linalg();
var p = Tensor.prototype;
for (const name of ["add", "sub", "mul", "div", "pow", "maximum", "minimum", "greater", "greaterEqual", "less", "lessEqual", "equal", "notEqual"]) {
  p[name] = function(b2) {
    return elementwise_exports[name](this, b2);
  };
}
for (const name of ["neg", "exp", "log", "sqrt", "square", "abs", "sign", "reciprocal", "relu", "sigmoid", "tanh", "gelu"]) {
  p[name] = function() {
    return elementwise_exports[name](this);
  };
}
p.leakyRelu = function(alpha) {
  return leakyRelu(this, alpha);
};
p.clip = function(min2, max2) {
  return clip(this, min2, max2);
};
p.cast = function(dtype) {
  return cast(this, dtype);
};
p.softmax = function(axis) {
  return softmax(this, axis);
};
p.logSoftmax = function(axis) {
  return logSoftmax(this, axis);
};
for (const name of ["sum", "mean", "max", "min"]) {
  p[name] = function(axis, keepDims) {
    return reduce_exports[name](this, axis, keepDims);
  };
}
p.argmax = function(axis, keepDims) {
  return argmax(this, axis, keepDims);
};
p.argmin = function(axis, keepDims) {
  return argmin(this, axis, keepDims);
};
p.matmul = function(b2, opts) {
  return matmul(this, b2, opts);
};
p.reshape = function(shape) {
  return reshape(this, shape);
};
p.flatten = function() {
  return flatten(this);
};
p.transpose = function(perm) {
  return transpose(this, perm);
};
p.expandDims = function(axis) {
  return expandDims(this, axis);
};
p.squeeze = function(axes) {
  return squeeze(this, axes);
};
p.slice = function(begin, size) {
  return slice(this, begin, size);
};
p.gather = function(indices, axis) {
  return gather(this, indices, axis);
};

// src/autograd/gradients.ts
init_engine();
init_elementwise2();
init_reduce2();
init_shape();
init_linalg();
function unbroadcast(dy, shape) {
  const lead = dy.rank - shape.length;
  const axes = [];
  for (let i = 0; i < dy.rank; i++) if (i < lead || shape[i - lead] === 1 && dy.shape[i] !== 1) axes.push(i);
  const s = axes.length ? sum(dy, axes, true) : dy;
  return reshape(s, [...shape]);
}
var x0 = (n2) => n2.inputs[0];
var y0 = (n2) => n2.outputs[0];
var attrs = (n2) => n2.attrs;
var rules = {
  reshape: ([dy], n2) => [reshape(dy, [...x0(n2).shape])],
  neg: ([dy]) => [neg(dy)],
  exp: ([dy], n2) => [mul(dy, y0(n2))],
  log: ([dy], n2) => [div(dy, x0(n2))],
  sqrt: ([dy], n2) => [div(dy, mul(y0(n2), 2))],
  square: ([dy], n2) => [mul(dy, mul(x0(n2), 2))],
  abs: ([dy], n2) => [mul(dy, sign(x0(n2)))],
  sign: ([dy]) => [mul(dy, 0)],
  reciprocal: ([dy], n2) => [neg(mul(dy, square(y0(n2))))],
  relu: ([dy], n2) => [unaryGrad("reluGrad", dy, x0(n2))],
  leakyRelu: ([dy], n2) => [unaryGrad("leakyReluGrad", dy, x0(n2), attrs(n2))],
  sigmoid: ([dy], n2) => [unaryGrad("sigmoidGrad", dy, y0(n2))],
  tanh: ([dy], n2) => [unaryGrad("tanhGrad", dy, y0(n2))],
  gelu: ([dy], n2) => [unaryGrad("geluGrad", dy, x0(n2))],
  clip: ([dy], n2) => [unaryGrad("clipGrad", dy, x0(n2), attrs(n2))],
  add: ([dy], n2) => [unbroadcast(dy, n2.inputs[0].shape), unbroadcast(dy, n2.inputs[1].shape)],
  sub: ([dy], n2) => [unbroadcast(dy, n2.inputs[0].shape), n2.needs[1] ? unbroadcast(neg(dy), n2.inputs[1].shape) : null],
  mul: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    return [n2.needs[0] ? unbroadcast(mul(dy, b2), a2.shape) : null, n2.needs[1] ? unbroadcast(mul(dy, a2), b2.shape) : null];
  },
  div: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    return [
      n2.needs[0] ? unbroadcast(div(dy, b2), a2.shape) : null,
      n2.needs[1] ? unbroadcast(neg(mul(dy, div(y0(n2), b2))), b2.shape) : null
    ];
  },
  pow: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    const da = n2.needs[0] ? unbroadcast(mul(dy, mul(b2, pow(a2, sub(b2, 1)))), a2.shape) : null;
    const db = n2.needs[1] ? unbroadcast(mul(dy, mul(y0(n2), mul(log(maximum(a2, 1e-30)), greater(a2, 0)))), b2.shape) : null;
    return [da, db];
  },
  maximum: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    return [unbroadcast(mul(dy, greaterEqual(a2, b2)), a2.shape), unbroadcast(mul(dy, less(a2, b2)), b2.shape)];
  },
  minimum: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    return [unbroadcast(mul(dy, lessEqual(a2, b2)), a2.shape), unbroadcast(mul(dy, greater(a2, b2)), b2.shape)];
  },
  greater: () => [null, null],
  greaterEqual: () => [null, null],
  less: () => [null, null],
  lessEqual: () => [null, null],
  equal: () => [null, null],
  notEqual: () => [null, null],
  // Reductions saw x as [outer, R, inner] and made [outer, inner].
  sum: ([dy], n2) => {
    const [o, R2, i] = n2.inputShapes[0];
    return [reshape(broadcastTo(reshape(dy, [o, 1, i]), [o, R2, i]), [...x0(n2).shape])];
  },
  max: ([dy], n2) => extremumGrad(dy, n2),
  min: ([dy], n2) => extremumGrad(dy, n2),
  argmax: () => [null],
  argmin: () => [null],
  // softmax/logSoftmax ran on [rows, C]: dy and y have that shape; dx goes back to x's.
  softmax: ([dy], n2) => {
    const y = y0(n2);
    return [reshape(mul(y, sub(dy, sum(mul(dy, y), -1, true))), [...x0(n2).shape])];
  },
  logSoftmax: ([dy], n2) => [reshape(sub(dy, mul(exp(y0(n2)), sum(dy, -1, true))), [...x0(n2).shape])],
  matmul: ([dy], n2) => {
    const [a2, b2] = n2.inputs;
    const [sa, sb] = n2.inputShapes;
    const { transposeA: tA, transposeB: tB } = attrs(n2);
    const a3 = reshape(a2, [...sa]), b3 = reshape(b2, [...sb]);
    let da = null, db = null;
    if (n2.needs[0]) {
      da = tA ? matmul(b3, dy, { transposeA: tB, transposeB: true }) : matmul(dy, b3, { transposeB: !tB });
      da = reshape(sa[0] === 1 && dy.shape[0] !== 1 ? sum(da, 0, true) : da, [...a2.shape]);
    }
    if (n2.needs[1]) {
      db = tB ? matmul(dy, a3, { transposeA: true, transposeB: tA }) : matmul(a3, dy, { transposeA: !tA });
      db = reshape(sb[0] === 1 && dy.shape[0] !== 1 ? sum(db, 0, true) : db, [...b2.shape]);
    }
    return [da, db];
  },
  // y = act(z), z = op(a)·op(b) + bias: dz from y (relu, sigmoid, tanh) or from z recomputed (gelu),
  // then matmul's rule; the bias gets dz summed over every row.
  fusedMatmul: ([dy], n2) => {
    const { transposeA, transposeB, activation } = attrs(n2);
    const [sa, sb] = n2.inputShapes;
    const bias = n2.inputs[2];
    let dz = dy;
    if (activation === "relu") dz = unaryGrad("reluGrad", dy, y0(n2));
    else if (activation === "sigmoid") dz = unaryGrad("sigmoidGrad", dy, y0(n2));
    else if (activation === "tanh") dz = unaryGrad("tanhGrad", dy, y0(n2));
    else if (activation === "gelu") {
      const z = fusedMatmul(reshape(n2.inputs[0], [...sa]), reshape(n2.inputs[1], [...sb]), bias, { transposeA, transposeB });
      dz = unaryGrad("geluGrad", dy, z);
    }
    const [da, db] = rules.matmul([dz], { ...n2, attrs: { transposeA, transposeB } });
    if (!bias) return [da, db];
    return [da, db, n2.needs[2] ? sum(dz, [0, 1]) : null];
  },
  transpose: ([dy], n2) => {
    const { perm } = attrs(n2);
    return [transpose(dy, perm.map((_, i) => perm.indexOf(i)))];
  },
  slice: ([dy], n2) => {
    const { begin, size } = attrs(n2);
    return [pad(dy, begin.map((b2, i) => [b2, x0(n2).shape[i] - b2 - size[i]]))];
  },
  pad: ([dy], n2) => [slice(dy, attrs(n2).before, [...x0(n2).shape])],
  concat: ([dy], n2) => {
    const { axis } = attrs(n2);
    let at = 0;
    return n2.inputs.map((x, i) => {
      const begin = dy.shape.map((_, d) => d === axis ? at : 0);
      at += x.shape[axis];
      return n2.needs[i] ? slice(dy, begin, [...x.shape]) : null;
    });
  },
  gather: ([dy], n2) => {
    const [o, N, i] = n2.inputShapes[0];
    const M = n2.inputShapes[1][0];
    const idx = n2.inputs[1];
    const d = engine.runKernel("scatterAdd", [reshape(dy, [o, M, i]), idx], { n: N }, [[o, M, i], [M]])[0];
    return [reshape(d, [...x0(n2).shape]), null];
  },
  scatterAdd: ([dy], n2) => {
    const M = n2.inputShapes[1][0];
    return [engine.runKernel("gather", [dy, n2.inputs[1]], {}, [dy.shape, [M]])[0], null];
  },
  oneHot: () => [null],
  cast: () => [null],
  fill: () => [],
  softmaxCrossEntropy: ([dy], n2) => {
    const [z, y] = n2.inputs;
    const [rows, C] = n2.inputShapes[0];
    const z2 = reshape(z, [rows, C]), y2 = reshape(y, [rows, C]);
    const g = reshape(dy, [rows, 1]);
    const ls = engine.runKernel("logSoftmax", [z2], {})[0];
    const dz = n2.needs[0] ? reshape(mul(sub(mul(exp(ls), sum(y2, -1, true)), y2), g), [...z.shape]) : null;
    const dl = n2.needs[1] ? reshape(neg(mul(ls, g)), [...y.shape]) : null;
    return [dz, dl];
  },
  sparseSoftmaxCrossEntropy: ([dy], n2) => {
    const [z, labels] = n2.inputs;
    const C = z.shape[1];
    const p2 = engine.runKernel("softmax", [z], {})[0];
    const onehot = engine.runKernel("oneHot", [labels], { depth: C })[0];
    return [mul(sub(p2, onehot), reshape(dy, [z.shape[0], 1])), null];
  }
};
function extremumGrad(dy, n2) {
  const [o, R2, i] = n2.inputShapes[0];
  const x3 = reshape(x0(n2), [o, R2, i]);
  const y3 = reshape(y0(n2), [o, 1, i]);
  const d = mul(reshape(dy, [o, 1, i]), equal(x3, y3));
  return [reshape(d, [...x0(n2).shape])];
}
for (const [op, rule] of Object.entries(rules)) gradients.set(op, rule);

// src/index.ts
init_platform();
init_creation();
init_elementwise2();
init_reduce2();
init_shape();
init_linalg();
init_nn();
var cores = 1;
async function init2(opts = {}) {
  cores = await countCores();
  await engine.init(opts);
}
async function countCores() {
  const nav = globalThis.navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  if (isNode()) {
    const os = await nodeModule("os");
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return 1;
}

// ../../tmp/wg/sw.ts
init_gemm();

// bench/harness.ts
async function timeAsync(fn, reps, minRepMs) {
  for (let i = 0; i < 2; i++) await fn();
  let inner = 1;
  for (; ; ) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 16) break;
    inner *= 2;
  }
  const samples = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    samples.push((performance.now() - t0) / 1e3 / inner);
  }
  samples.sort((a2, b2) => a2 - b2);
  return { median: samples[samples.length >> 1], min: samples[0], max: samples[samples.length - 1], reps };
}

// ../../tmp/wg/sw.ts
process.env.VK_ICD_FILENAMES = "/usr/lib/chromium/vk_swiftshader_icd.json";
await init2({ backend: "webgpu" });
var n = Number(process.argv[2] ?? 512);
var a = randn([n, n], { seed: 1 });
var b = randn([n, n], { seed: 2 });
var cfgs = JSON.parse(process.argv[3]);
for (const c of cfgs) {
  setGemmConfig(c);
  const t = await timeAsync(async () => {
    const y = matmul(a, b);
    await y.data();
    y.dispose();
  }, 3, 200);
  console.log(JSON.stringify(c), (2 * n ** 3 / 1e9 / t.median).toFixed(3), "GFLOP/s");
}
process.exit(0);
