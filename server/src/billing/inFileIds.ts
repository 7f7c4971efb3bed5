/**
 * Record ids as the database orders them (carrier_record_id is COLLATE "C": UTF-8 bytes), kept as
 * bytes: the byte path reads ids straight from the file without making a string per row, and the
 * text path's string ids are compared by their UTF-8 bytes, so both paths and the database agree
 * on one order. (Making a string per id and keeping it in a set was a fifth of the byte path's time.)
 */

/** a[as, ae) compared with b[bs, be) in byte order: < 0, 0 or > 0. A loop: ids are short and share long prefixes. */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let i = 0; i < n; i++) {
    const d = a[as + i]! - b[bs + i]!;
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

const utf8 = (id: string) => Buffer.from(id, 'utf8');

/**
 * The carrier record ids met so far in one file, to skip a record repeated inside it. Carriers
 * number records in ascending order, so an id above the highest so far is new without a lookup and
 * is appended to a sorted arena of bytes; only an id out of order is looked for (binary search in
 * the arena, then a set of the out-of-order ones).
 */
export class InFileIds {
  private arena = Buffer.allocUnsafe(1 << 16);
  /** start of the i-th id in the arena; ends[i] its end */
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private n = 0;
  private used = 0;
  private readonly others = new Set<string>();

  /** Adds the id (a string, compared by its UTF-8 bytes); false when the file already had it. */
  add(id: string): boolean {
    const b = utf8(id);
    return this.addBytes(b, 0, b.length);
  }

  /** Adds the id b[s, e); false when the file already had it. */
  addBytes(b: Uint8Array, s: number, e: number): boolean {
    const n = this.n;
    const arena = this.arena;
    if (n === 0 || compareBytes(b, s, e, arena, this.starts[n - 1]!, this.ends[n - 1]!) > 0) {
      this.append(b, s, e);
      return true;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(arena, this.starts[mid]!, this.ends[mid]!, b, s, e);
      if (c === 0) return false;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    const key = Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('latin1');
    const before = this.others.size;
    return this.others.add(key).size !== before;
  }

  get size(): number {
    return this.n + this.others.size;
  }

  private append(b: Uint8Array, s: number, e: number): void {
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + len));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    if (this.n === this.starts.length) {
      const s2 = new Int32Array(this.n * 2);
      s2.set(this.starts);
      this.starts = s2;
      const e2 = new Int32Array(this.n * 2);
      e2.set(this.ends);
      this.ends = e2;
    }
    const a = this.arena;
    let at = this.used;
    this.starts[this.n] = at;
    for (let i = s; i < e; i++) a[at++] = b[i]!;
    this.ends[this.n++] = at;
    this.used = at;
  }
}

/** The lowest and highest id of a month's rows, in byte order, kept as bytes until asked for as text. */
export class IdRange {
  private min: Buffer = Buffer.alloc(0);
  private max: Buffer = Buffer.alloc(0);
  private empty = true;

  add(id: string): void {
    const b = utf8(id);
    this.addBytes(b, 0, b.length);
  }

  addBytes(b: Uint8Array, s: number, e: number): void {
    if (this.empty) {
      this.min = Buffer.from(b.subarray(s, e));
      this.max = Buffer.from(this.min);
      this.empty = false;
      return;
    }
    if (compareBytes(b, s, e, this.max, 0, this.max.length) > 0) this.max = copyInto(this.max, b, s, e);
    else if (compareBytes(b, s, e, this.min, 0, this.min.length) < 0) this.min = copyInto(this.min, b, s, e);
  }

  get minId(): string {
    return this.min.toString('utf8');
  }

  get maxId(): string {
    return this.max.toString('utf8');
  }
}

/** b[s, e) in `into` when it fits (ascending ids keep their length: no allocation per row), else in a new buffer. */
function copyInto(into: Buffer, b: Uint8Array, s: number, e: number): Buffer {
  const out = into.length === e - s ? into : Buffer.allocUnsafe(e - s);
  for (let i = s; i < e; i++) out[i - s] = b[i]!;
  return out;
}
