#!/usr/bin/env python3
"""Regenerates tests/fixtures/onnx/: small PyTorch models exported to ONNX, with torch's outputs.

Needs PyTorch (Debian: apt-get install python3-torch; tested with 1.13) and nothing else
(torch.onnx.export writes the protobuf itself; python3-onnx, when installed, is only used to
check the files). CI does not run this: the .onnx files and their outputs are committed.

    /usr/bin/python3 scripts/onnx-fixtures.py [OUT_DIR]

For each model NAME it writes NAME.onnx and NAME.json:
    {"model": "NAME.onnx", "opset": 17, "ops": [...], "inputs": [{name, shape, dtype}],
     "outputs": [{name, shape, dtype}], "cases": [{"inputs": {name: {shape, dtype, data}},
     "outputs": {name: {shape, dtype, data}}}]}
The metadata's shapes use strings for the dynamic axes ("batch", "seq"). Each model has two cases:
the shape it was exported with and another batch (and sequence) size, to test dynamic axes.
Floats are written with 9 significant digits (exact for float32).
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 17
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'onnx')


class Mlp(nn.Module):
    """784-128-10, ReLU: exported as Gemm, Relu, Gemm."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


class Cnn(nn.Module):
    """28x28x1 (NCHW): (conv 3x3 pad 1 - batchnorm - relu - maxpool 2) x 2, flatten, linear 10."""

    def __init__(self):
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8)
        self.c2, self.b2 = nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16)
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.b1(self.c1(x))), 2)
        x = F.max_pool2d(F.relu(self.b2(self.c2(x))), 2)
        return self.fc(torch.flatten(x, 1))


class Encoder(nn.Module):
    """nn.TransformerEncoderLayer(d_model 64, 4 heads, feed-forward 128, batch_first)."""

    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(64, 4, dim_feedforward=128, dropout=0.1, batch_first=True)

    def forward(self, x):
        return self.layer(x)


class GptBlock(nn.Module):
    """A tiny GPT: token + position embeddings, one pre-LayerNorm block (causal self-attention with
    a lower-triangular mask buffer, MLP with GELU), final LayerNorm, lm head. Tokens are int64 [B, T]."""

    def __init__(self, vocab=64, d=32, heads=4, block=16):
        super().__init__()
        self.heads = heads
        self.tok, self.pos = nn.Embedding(vocab, d), nn.Embedding(block, d)
        self.ln1, self.ln2, self.lnf = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc, self.fc_out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
        self.head = nn.Linear(d, vocab, bias=False)
        self.register_buffer('mask', torch.tril(torch.ones(block, block)).view(1, 1, block, block))

    def forward(self, idx):
        B, T = idx.shape
        pos = torch.arange(0, T, dtype=torch.long, device=idx.device)
        x = self.tok(idx) + self.pos(pos)
        h = self.ln1(x)
        q, k, v = self.qkv(h).split(h.shape[-1], dim=2)
        C = h.shape[-1]
        hs = C // self.heads
        q = q.view(B, T, self.heads, hs).transpose(1, 2)
        k = k.view(B, T, self.heads, hs).transpose(1, 2)
        v = v.view(B, T, self.heads, hs).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hs))
        att = att.masked_fill(self.mask[:, :, :T, :T] == 0, float('-inf'))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        x = x + self.proj(y)
        x = x + self.fc_out(F.gelu(self.fc(self.ln2(x))))
        return self.head(self.lnf(x))


class ResBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)
        self.c2, self.b2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout)
        self.skip = None
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.b1(self.c1(x)))
        y = self.b2(self.c2(y))
        return F.relu(y + (x if self.skip is None else self.skip(x)))


class ResNet(nn.Module):
    """The bench's larger CNN, 32x32x3 (CIFAR-sized): a stem conv and 3 residual stages (16, 32, 64
    channels, one basic block each, strides 1, 2, 2), global average pool, linear 10."""

    def __init__(self):
        super().__init__()
        self.stem, self.bn = nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16)
        self.s1, self.s2, self.s3 = ResBlock(16, 16, 1), ResBlock(16, 32, 2), ResBlock(32, 64, 2)
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.bn(self.stem(x)))
        x = self.s3(self.s2(self.s1(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def settle_batchnorm(model, make_input, steps=8):
    """Gives the batch-norm layers running statistics and affine parameters that are not the
    identity (a few forward passes in training mode, random gamma/beta), then switches to eval."""
    g = torch.Generator().manual_seed(7)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.copy_(0.5 + torch.rand(m.weight.shape, generator=g))
                m.bias.copy_(0.2 * torch.randn(m.bias.shape, generator=g))
    model.train()
    with torch.no_grad():
        for _ in range(steps):
            model(make_input())
    model.eval()


def perturb_layernorm(model, seed):
    """Random LayerNorm gamma/beta: the defaults (ones, zeros) are equal across layers, and the
    exporter then keeps one initializer and aliases the others with Identity nodes, so fine-tuning
    the import would tie layers that torch trains apart (and the affine part would go untested)."""
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            with torch.no_grad():
                m.weight.copy_(1 + 0.1 * torch.randn(m.weight.shape, generator=g))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=g))


def tensor_json(t):
    t = t.detach().contiguous()
    if t.dtype in (torch.int64, torch.int32):
        data = [int(v) for v in t.flatten().tolist()]
        dtype = 'int64' if t.dtype == torch.int64 else 'int32'
    else:
        data = [float(f'{v:.9g}') for v in t.float().flatten().tolist()]
        dtype = 'float32'
    return {'shape': list(t.shape), 'dtype': dtype, 'data': data}


def export(name, model, example, other, input_names, output_names, dynamic_axes):
    """Exports `model` with `example` inputs; records torch's outputs for `example` and `other`."""
    model.eval()
    path = os.path.join(OUT, f'{name}.onnx')
    torch.onnx.export(model, example, path, input_names=input_names, output_names=output_names,
                      dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True,
                      # keep BatchNormalization nodes (EVAL would fold them into the convolutions)
                      training=torch.onnx.TrainingMode.PRESERVE)
    cases = []
    for args in (example, other):
        with torch.no_grad():
            out = model(*args)
        outs = out if isinstance(out, tuple) else (out,)
        cases.append({
            'inputs': {n: tensor_json(t) for n, t in zip(input_names, args)},
            'outputs': {n: tensor_json(t) for n, t in zip(output_names, outs)},
        })

    def meta(names, tensors):
        res = []
        for n, t in zip(names, tensors):
            dyn = dynamic_axes.get(n, {})
            shape = [dyn[i] if i in dyn else d for i, d in enumerate(t.shape)]
            res.append({'name': n, 'shape': shape, 'dtype': tensor_json(t)['dtype']})
        return res

    with torch.no_grad():
        out = model(*example)
    outs = out if isinstance(out, tuple) else (out,)
    ops = []
    try:
        import onnx
        m = onnx.load(path)
        onnx.checker.check_model(m)
        ops = sorted({n.op_type for n in m.graph.node})
    except ImportError:
        pass
    doc = {'model': f'{name}.onnx', 'opset': OPSET, 'torch': torch.__version__, 'ops': ops,
           'inputs': meta(input_names, example), 'outputs': meta(output_names, outs), 'cases': cases}
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump(doc, f, separators=(',', ':'))
    print(f'{name}: {os.path.getsize(path)} bytes onnx, ops {", ".join(ops)}')


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1)
    rand = lambda *s: torch.rand(*s, generator=g)
    randn = lambda *s: torch.randn(*s, generator=g)

    export('mlp', Mlp(), (rand(4, 784),), (rand(3, 784),), ['x'], ['logits'], {'x': {0: 'batch'}, 'logits': {0: 'batch'}})

    cnn = Cnn()
    settle_batchnorm(cnn, lambda: rand(16, 1, 28, 28))
    export('cnn', cnn, (rand(2, 1, 28, 28),), (rand(3, 1, 28, 28),), ['x'], ['logits'],
           {'x': {0: 'batch'}, 'logits': {0: 'batch'}})

    torch.manual_seed(2)
    encoder = Encoder()
    perturb_layernorm(encoder, 5)
    export('encoder', encoder, (randn(2, 10, 64),), (randn(3, 7, 64),), ['x'], ['y'],
           {'x': {0: 'batch', 1: 'seq'}, 'y': {0: 'batch', 1: 'seq'}})

    torch.manual_seed(3)
    tok = lambda b, t: torch.randint(0, 64, (b, t), generator=g)
    gpt = GptBlock()
    perturb_layernorm(gpt, 6)
    export('gpt', gpt, (tok(2, 12),), (tok(1, 5),), ['tokens'], ['logits'],
           {'tokens': {0: 'batch', 1: 'seq'}, 'logits': {0: 'batch', 1: 'seq'}})

    torch.manual_seed(4)
    resnet = ResNet()
    settle_batchnorm(resnet, lambda: rand(16, 3, 32, 32))
    export('resnet', resnet, (rand(2, 3, 32, 32),), (rand(1, 3, 32, 32),), ['x'], ['logits'],
           {'x': {0: 'batch'}, 'logits': {0: 'batch'}})


if __name__ == '__main__':
    main()
