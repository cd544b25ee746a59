// Token strings interned to ids, with what the diff needs to know of each token.

/** Token strings interned to small integers, shared by both sides so equal tokens get equal ids. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly folds = new Map<string, number>();
  /** Per id: may a long sentence be cut after this token? Chosen by a hash of the token. */
  readonly cut: boolean[] = [];
  /** Per id: does the token end a sentence when whitespace follows it? */
  readonly stop: boolean[] = [];
  /** Per id: the id of the word in lower case (shared by "Party" and "party"), or -1. */
  readonly fold: number[] = [];

  id(token: string, word: boolean): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.cut.length;
      this.ids.set(token, id);
      this.cut.push((fnv1a(token) & 31) === 0);
      this.stop.push(STOPS.has(token));
      let fold = -1;
      if (word) {
        const lower = token.toLowerCase();
        fold = this.folds.get(lower) ?? this.folds.size;
        this.folds.set(lower, fold);
      }
      this.fold.push(fold);
    }
    return id;
  }

  get size(): number {
    return this.cut.length;
  }

  get foldSize(): number {
    return this.folds.size;
  }
}

const STOPS = new Set(['.', ';', ':', '?', '!']);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
