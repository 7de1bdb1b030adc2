/** A fixed-size set of small integers, 32 to a word: the impact computation's sets of vectors, instances and sites. */
export type Bitset = Uint32Array;

export function bitset(size: number): Bitset {
  return new Uint32Array(Math.max(1, Math.ceil(size / 32)));
}

export function setBit(bits: Bitset, index: number): void {
  bits[index >>> 5]! |= 1 << (index & 31);
}

export function hasBit(bits: Bitset, index: number): boolean {
  return (bits[index >>> 5]! & (1 << (index & 31))) !== 0;
}

/** target ∪= source */
export function addAll(target: Bitset, source: Bitset): void {
  for (let word = 0; word < target.length; word++) target[word]! |= source[word]!;
}

/** target ∖= source */
export function removeAll(target: Bitset, source: Bitset): void {
  for (let word = 0; word < target.length; word++) target[word]! &= ~source[word]!;
}

export function intersects(a: Bitset, b: Bitset): boolean {
  for (let word = 0; word < a.length; word++) if ((a[word]! & b[word]!) !== 0) return true;
  return false;
}

export function isEmpty(bits: Bitset): boolean {
  for (let word = 0; word < bits.length; word++) if (bits[word] !== 0) return false;
  return true;
}

/** How many bits of one word are set. */
export function popCount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The members, in increasing order. */
export function* members(bits: Bitset): Generator<number> {
  for (let word = 0; word < bits.length; word++) {
    let value = bits[word]!;
    while (value !== 0) {
      const low = value & -value;
      yield word * 32 + 31 - Math.clz32(low);
      value ^= low;
    }
  }
}
