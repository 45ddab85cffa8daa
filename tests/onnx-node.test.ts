// ONNX's own backend node tests (Debian's libonnx-testdata: each test a model.onnx and
// test_data_set_*/{input,output}_*.pb TensorProtos): every test whose ops edgegrad runs must match
// ONNX's outputs within the tolerance of ONNX's backend test runner (rtol 1e-3, atol 1e-7,
// onnx/backend/test/runner). A test is skipped, with the reason in its name, when its model uses an
// op edgegrad does not run, a dtype it does not hold (double, strings, complex, 64-bit values beyond
// int32, ...), or when loadOnnx/run refuse an attribute or form with a "not supported" error.
// Without the package the file skips locally and fails under CI (.ci/run installs it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { decodeModel, decodeTensorProto, type HostTensor } from '../src/onnx/model.js';
import { OPS } from '../src/onnx/ops.js';
import { attrsOf, dtypeOf } from '../src/onnx/graph.js';
import { MAX_OPSET, MIN_OPSET, toGraphConfig } from '../src/onnx/load.js';
import { HOST_FOLD, foldOnHost } from '../src/onnx/fold.js';

const ROOT = process.env.ONNX_TESTDATA ?? '/usr/share/libonnx-testdata/data/node';
const RTOL = 1e-3, ATOL = 1e-7;
const present = existsSync(ROOT);

/** Element types edgegrad holds exactly: float, float16 (widened), int8/16/32/64 and uint8/16/32 (as int32 when in range), bool. */
const HELD = new Set([1, 2, 3, 4, 5, 6, 7, 9, 10, 12]);

interface Entry { name: string; skip: string | null }

function survey(): Entry[] {
  return readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'model.onnx'))).sort().map((name) => {
    let skip: string | null = null;
    try {
      const m = decodeModel(readFileSync(join(ROOT, name, 'model.onnx')));
      const opset = m.opsets.get('') ?? 0;
      const ops = [...new Set(m.graph.nodes.map((n) => (n.domain ? `${n.domain}.${n.opType}` : n.opType)))];
      const missing = ops.filter((o) => !Object.prototype.hasOwnProperty.call(OPS, o));
      const types = [...m.graph.inputs, ...m.graph.outputs].map((v) => v.elemType).filter((t) => !HELD.has(t));
      if (missing.length) skip = `op ${missing.join(', ')} not supported`;
      else if (opset < MIN_OPSET || opset > MAX_OPSET) skip = `opset ${opset} outside ${MIN_OPSET}-${MAX_OPSET}`;
      else if (types.length) skip = `dtype ${[...new Set(types)].map((t) => ({ 11: 'double', 8: 'string', 13: 'uint64', 16: 'bfloat16', 0: 'non-tensor (sequence/optional)' } as Record<number, string>)[t] ?? `type ${t}`).join(', ')} not held`;
    } catch (e) {
      skip = `model not readable: ${(e as Error).message}`;
    }
    return { name, skip };
  });
}

const entries = present ? survey() : [];

function inRange(h: HostTensor): boolean {
  if (dtypeOf(h.type) === 'float32') return true;
  for (let i = 0; i < h.data.length; i++) if (h.data[i] > 2147483647 || h.data[i] < -2147483648) return false;
  return true;
}

function toTensor(h: HostTensor) {
  const dt = dtypeOf(h.type);
  return eg.tensor(dt === 'float32' ? Float32Array.from(h.data) : Int32Array.from(h.data), [...h.shape], dt);
}

/** Compares like numpy.testing.assert_allclose(rtol, atol, equal_nan). */
function mismatch(got: ArrayLike<number>, want: ArrayLike<number>): string | null {
  if (got.length !== want.length) return `${got.length} values, expected ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    const g = got[i], w = want[i];
    if (Number.isNaN(w) ? Number.isNaN(g) : g === w || Math.abs(g - w) <= ATOL + RTOL * Math.abs(w)) continue;
    return `value ${i}: got ${g}, expected ${w}`;
  }
  return null;
}

/** Errors that mean "edgegrad refuses this form" (a skip with the reason), not a wrong answer. */
const REFUSAL = /not supported|is not supported|only .* supported/;
/**
 * The tests known to be skipped (tests/onnx-node-skips.txt). A test refused at run time must be
 * listed there: a supported form that starts being refused fails instead of turning into a skip.
 */
const LISTED = new Set(readFileSync(new URL('./onnx-node-skips.txt', import.meta.url), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split(' ')[0]));
const skipListed = (ctx: { skip(note: string): void }, name: string, why: string): void => {
  expect(LISTED.has(name), `${name} is skipped (${why}) but not listed in tests/onnx-node-skips.txt`).toBe(true);
  ctx.skip(why);
};

describe.skipIf(!present && !process.env.CI)(`ONNX backend node tests${present ? '' : ` (skipped: ${ROOT} is missing; install Debian's libonnx-testdata)`}`, () => {
  beforeAll(async () => { await eg.init('wasm'); });

  it('has the test data (libonnx-testdata)', () => {
    expect(present, `${ROOT} is missing: install Debian's libonnx-testdata`).toBe(true);
    expect(entries.length).toBeGreaterThan(500);
  });

  const run = entries.filter((e) => !e.skip);
  const skipped = entries.filter((e) => e.skip);
  for (const e of skipped) it.skip(`${e.name} (skipped: ${e.skip})`, () => {});

  for (const e of run) {
    it(e.name, async (ctx) => {
      const dir = join(ROOT, e.name);
      let model;
      try {
        model = await eg.loadOnnx(join(dir, 'model.onnx'));
      } catch (err) {
        if (REFUSAL.test((err as Error).message)) { skipListed(ctx, e.name, `refused at load: ${(err as Error).message}`); return; }
        throw err;
      }
      const inputs = model.graph.spec.inputs;
      for (const set of readdirSync(dir).filter((d) => d.startsWith('test_data_set_')).sort()) {
        const feeds: Record<string, ReturnType<typeof eg.tensor>> = {};
        const hs = inputs.map((_, i) => decodeTensorProto(readFileSync(join(dir, set, `input_${i}.pb`))).value!);
        if (!hs.every(inRange)) { skipListed(ctx, e.name, 'an input holds 64-bit values beyond int32'); return; }
        inputs.forEach((s, i) => { feeds[s.name] = toTensor(hs[i]); });
        let outs: Record<string, ReturnType<typeof eg.tensor>>;
        try {
          outs = model.run(feeds);
        } catch (err) {
          if (REFUSAL.test((err as Error).message)) { skipListed(ctx, e.name, `refused: ${(err as Error).message}`); return; }
          throw err;
        } finally {
          eg.dispose(Object.values(feeds));
        }
        model.graph.spec.outputs.forEach((s, k) => {
          const want = decodeTensorProto(readFileSync(join(dir, set, `output_${k}.pb`))).value!;
          const got = outs[s.name];
          expect([...got.shape], `${set} output '${s.name}' shape`).toEqual([...want.shape]);
          const bad = mismatch(got.dataSync(), want.data);
          expect(bad, `${set} output '${s.name}'`).toBeNull();
        });
        eg.dispose(Object.values(outs));
      }
      model.dispose();
    });
  }
});

// The host folding of shape arithmetic (fold.ts) runs the same ops on host constants: checked on the
// same node tests, with the inputs given as constants (single-node models of a folded op).
describe.skipIf(!present && !process.env.CI)('ONNX node tests folded on the host', () => {
  const single = entries.filter((e) => !e.skip).filter((e) => {
    const m = decodeModel(readFileSync(join(ROOT, e.name, 'model.onnx')));
    return m.graph.nodes.length === 1 && m.graph.nodes[0].opType in HOST_FOLD && m.graph.outputs.length === 1;
  });
  it('covers every folded op', () => {
    const ops = new Set(single.map((e) => decodeModel(readFileSync(join(ROOT, e.name, 'model.onnx'))).graph.nodes[0].opType));
    expect([...ops].sort()).toEqual(Object.keys(HOST_FOLD).sort());
  });
  for (const e of single) {
    it(e.name, () => {
      const dir = join(ROOT, e.name);
      const m = decodeModel(readFileSync(join(dir, 'model.onnx')));
      const { config } = toGraphConfig(m);
      const node = config.nodes[0];
      const byName = new Map(config.constants.map((k) => [k.name, { type: k.type, shape: k.shape, data: Float64Array.from(k.data) } as HostTensor]));
      for (const set of readdirSync(dir).filter((d) => d.startsWith('test_data_set_'))) {
        config.inputs.forEach((s, i) => byName.set(s.name, decodeTensorProto(readFileSync(join(dir, set, `input_${i}.pb`))).value!));
        const ins = node.inputs.map((n) => (n ? byName.get(n) : undefined));
        const got = foldOnHost(node.op, ins, attrsOf(node.attrs), { opset: config.opset, training: false, fast: true, where: e.name, outputs: 1 });
        expect(got, 'folded').toBeDefined();
        const want = decodeTensorProto(readFileSync(join(dir, set, 'output_0.pb'))).value!;
        expect([...got!.shape]).toEqual([...want.shape]);
        expect(mismatch(got!.data, want.data)).toBeNull();
      }
    });
  }
});
