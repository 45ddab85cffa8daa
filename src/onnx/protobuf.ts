// A small, bounds-checked protobuf reader: just what ONNX's messages need (varints, fixed32/64,
// length-delimited fields, packed repeated scalars). Our own, not a library: this reader is about
// 1.1 KB gzipped (2.6 KB minified; model.ts, the messages, 2.6 KB gzipped), where a protobuf runtime
// (protobufjs, google-protobuf) plus code generated from onnx.proto would add a dependency and many
// times that. Every read checks the end of its message first, so a truncated or malformed file
// throws a clear error (naming the message and the offset) and never reads out of bounds.

/** A malformed or truncated ONNX file. */
export class OnnxFormatError extends Error {
  constructor(message: string) {
    super(`loadOnnx: ${message}`);
    this.name = 'OnnxFormatError';
  }
}

/** Wire types. */
export const VARINT = 0, I64 = 1, LEN = 2, I32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A cursor over one message: bytes [pos, end) of `buf`. */
export class Reader {
  pos: number;
  constructor(readonly buf: Uint8Array, start: number, readonly end: number, readonly what: string) {
    if (start < 0 || end > buf.length || start > end) throw new OnnxFormatError(`${what}: bounds [${start}, ${end}) outside the ${buf.length}-byte buffer`);
    this.pos = start;
  }

  static of(buf: Uint8Array, what: string): Reader { return new Reader(buf, 0, buf.length, what); }

  get done(): boolean { return this.pos >= this.end; }

  fail(msg: string): never { throw new OnnxFormatError(`${this.what}: ${msg} at byte ${this.pos}`); }

  /** A varint as a number: exact up to 2^53; int64 negatives (ten-byte two's complement) come out negative. */
  varint(): number {
    let lo = 0, hi = 0, shift = 0, b = 0;
    const { buf, end } = this;
    // low 28 bits
    for (; shift < 28; shift += 7) {
      if (this.pos >= end) this.fail('truncated varint');
      b = buf[this.pos++];
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) return lo >>> 0;
    }
    // byte 5 carries bits 28..34
    if (this.pos >= end) this.fail('truncated varint');
    b = buf[this.pos++];
    lo = (lo | ((b & 0x0f) << 28)) >>> 0;
    hi = (b & 0x70) >> 4;
    if (b >= 0x80) {
      for (shift = 3; ; shift += 7) {
        if (shift > 31) this.fail('varint longer than 10 bytes');
        if (this.pos >= end) this.fail('truncated varint');
        b = buf[this.pos++];
        if (shift < 32) hi |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
    }
    hi >>>= 0;
    return hi >= 0x80000000 ? (hi - 0x100000000) * 4294967296 + lo : hi * 4294967296 + lo;
  }

  /** A length, checked to fit in the message. */
  length(): number {
    const n = this.varint();
    if (n < 0 || n > this.end - this.pos) this.fail(`length ${n} runs past the end of the message (${this.end - this.pos} bytes left)`);
    return n;
  }

  /** A length-delimited field's bytes as a sub-reader. */
  sub(what: string): Reader {
    const n = this.length();
    const r = new Reader(this.buf, this.pos, this.pos + n, `${this.what} > ${what}`);
    this.pos += n;
    return r;
  }

  bytes(): Uint8Array {
    const n = this.length();
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  string(): string { return utf8.decode(this.bytes()); }

  private need(n: number): void { if (this.end - this.pos < n) this.fail(`truncated: needs ${n} bytes, ${this.end - this.pos} left`); }

  float(): number {
    this.need(4);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  double(): number {
    this.need(8);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  /** A field's key: [field number, wire type]; field 0 or a bad wire type is refused. */
  key(): [number, number] {
    const k = this.varint();
    const field = Math.floor(k / 8), wire = k & 7;
    if (field === 0) this.fail('field number 0');
    if (wire !== VARINT && wire !== I64 && wire !== LEN && wire !== I32) this.fail(`field ${field} has unsupported wire type ${wire}`);
    return [field, wire];
  }

  skip(wire: number): void {
    if (wire === VARINT) this.varint();
    else if (wire === I64) { this.need(8); this.pos += 8; }
    else if (wire === I32) { this.need(4); this.pos += 4; }
    else { const n = this.length(); this.pos += n; }
  }

  /** Appends a repeated varint field's value(s): packed (LEN) or one (VARINT). */
  varints(wire: number, out: number[]): void {
    if (wire === VARINT) { out.push(this.varint()); return; }
    this.expect(wire, LEN);
    const r = this.sub('packed');
    while (!r.done) out.push(r.varint());
    this.pos = r.end;
  }

  /** Appends a repeated float field's value(s): packed (LEN) or one (I32). */
  floats(wire: number, out: number[]): void {
    if (wire === I32) { out.push(this.float()); return; }
    this.expect(wire, LEN);
    const r = this.sub('packed floats');
    if ((r.end - r.pos) % 4) r.fail('packed floats of a length not a multiple of 4');
    while (!r.done) out.push(r.float());
  }

  doubles(wire: number, out: number[]): void {
    if (wire === I64) { out.push(this.double()); return; }
    this.expect(wire, LEN);
    const r = this.sub('packed doubles');
    if ((r.end - r.pos) % 8) r.fail('packed doubles of a length not a multiple of 8');
    while (!r.done) out.push(r.double());
  }

  expect(wire: number, want: number): void {
    if (wire !== want) this.fail(`wire type ${wire} where ${want} was expected`);
  }
}
