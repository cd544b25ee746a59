/** Aligned token pairs (old index, new index), strictly increasing on both sides. */
export class Matches {
  readonly old: number[] = [];
  readonly new: number[] = [];
  push(i: number, j: number): void {
    this.old.push(i);
    this.new.push(j);
  }
}
