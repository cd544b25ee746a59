/** "1 comment", "2 comments"; `many` for nouns that do not just take an "s". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
