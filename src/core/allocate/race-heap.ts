/**
 * A max-heap of races keyed by one member's values, ties to the lower race index. The picking
 * sequence only ever needs each member's best remaining race, a few hundred times per member, so
 * building a heap (O(N)) and popping beats sorting every member's N races.
 */
export class RaceHeap {
  private readonly heap: Int32Array;
  private size: number;

  constructor(
    races: readonly number[],
    private readonly value: Float64Array,
    private readonly n: number,
    private readonly member: number,
  ) {
    this.heap = Int32Array.from(races);
    this.size = races.length;
    for (let at = (this.size >> 1) - 1; at >= 0; at -= 1) this.siftDown(at);
  }

  /** The best race, without removing it; -1 when empty. */
  peek(): number {
    return this.size > 0 ? (this.heap[0] ?? -1) : -1;
  }

  pop(): void {
    if (this.size === 0) return;
    this.size -= 1;
    this.heap[0] = this.heap[this.size] ?? -1;
    this.siftDown(0);
  }

  private before(a: number, b: number): boolean {
    const va = this.value[a * this.n + this.member] ?? 0;
    const vb = this.value[b * this.n + this.member] ?? 0;
    return va > vb || (va === vb && a < b);
  }

  private siftDown(start: number): void {
    const { heap } = this;
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.before(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      if (!this.before(heap[child] ?? 0, heap[at] ?? 0)) return;
      const swap = heap[at] ?? 0;
      heap[at] = heap[child] ?? 0;
      heap[child] = swap;
      at = child;
    }
  }
}
