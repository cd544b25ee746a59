// Cell text compared the way people type it: spacing squashed and, for keys, case ignored.

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
export const key = (text: string) => squash(text).toLowerCase();
