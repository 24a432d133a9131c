// Reading and writing the binary format's pieces, shared by the build's module edits
// (scripts/retptr-abi.mjs, start-export.mjs, no-imports.mjs, panic-abort.mjs, panic-data.mjs,
// preinit.mjs): unsigned LEB128 numbers, names, `i32.const` constant expressions, the data
// segments, and the steps' command line.

/**
 * A build step's command line: its arguments, named in `usage` (`'GLUE.js MODULE_bg.wasm'`),
 * or the usage printed and exit 2 when one is missing; and `fail(why)`, which prints
 * `SCRIPT: why` (then `hint`, if given) and exits 1.
 */
export function command(script, usage, hint = '') {
  const argv = process.argv.slice(2);
  const wanted = usage.split(' ').length;
  if (argv.slice(0, wanted).filter(Boolean).length < wanted) {
    console.error(`usage: ${script} ${usage}`);
    process.exit(2);
  }
  const fail = (why) => {
    console.error(`${script}: ${why}${hint}`);
    process.exit(1);
  };
  return { argv, fail };
}

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

  /** A constant expression `i32.const N end`: N (signed LEB128), or `null` when it is another. */
  i32Const() {
    if (this.b[this.p++] !== 0x41) return null;
    let n = 0;
    let shift = 0;
    let x;
    do {
      x = this.b[this.p++];
      n |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    if (shift < 32 && x & 0x40) n |= -1 << shift;
    return this.b[this.p++] === 0x0b ? n : null;
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

/**
 * The data segments of a module, each `{ offset, length, at }`: where it lies in memory and
 * where its bytes are in `bytes`. Calls `fail(why)` for a segment that is not active in
 * memory 0 at an `i32.const` offset (the only kind wasm-bindgen and wasm-opt write here).
 */
export function dataSegments(bytes, fail) {
  const out = [];
  const r = new Reader(bytes);
  while (r.p < bytes.length) {
    const id = bytes[r.p++];
    const end = r.uleb() + r.p;
    if (id === 11) {
      for (let n = r.uleb(); n > 0; n--) {
        if (r.uleb() !== 0) fail('a data segment that is not active in memory 0');
        const offset = r.i32Const();
        if (offset === null) fail('a data segment whose offset is not one i32.const');
        const length = r.uleb();
        out.push({ offset, length, at: r.p });
        r.p += length;
      }
    }
    r.p = end;
  }
  return out;
}
