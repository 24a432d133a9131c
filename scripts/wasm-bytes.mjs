// Reading and writing the binary format's pieces, shared by the build's module edits
// (scripts/retptr-abi.mjs, scripts/start-export.mjs): unsigned LEB128 numbers and names.

/** A cursor over a module's bytes; `p` is the next byte (8: after the magic and version). */
export class Reader {
  constructor(bytes, p = 8) {
    this.b = bytes;
    this.p = p;
  }

  /** An unsigned LEB128 number. */
  uleb() {
    let r = 0;
    let shift = 0;
    let x;
    do {
      x = this.b[this.p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  }

  /** A name: its length, then UTF-8. */
  name() {
    const n = this.uleb();
    const s = this.b.subarray(this.p, this.p + n).toString();
    this.p += n;
    return s;
  }
}

/** `n` as unsigned LEB128 bytes. */
export const leb = (n) => {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return Buffer.from(out);
};
