/**
 * Text input may carry tab, line feed and carriage return but no other C0 control character, DEL
 * or C1 control: PostgreSQL refuses NUL in text outright, and the rest are invisible in every view
 * and usually a sign of a mis-decoded file.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** `text` without its forbidden control characters, and how many there were. */
export function stripControlCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const stripped = text.replace(FORBIDDEN_ALL, () => {
    removed += 1;
    return '';
  });
  return { text: stripped, removed };
}

/** The first forbidden control character in `text` as "U+0000" and its index, or null. */
export function findControlCharacter(text: string): { codePoint: string; index: number } | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { codePoint: `U+${code}`, index: match.index };
}

/** The path (e.g. `body.comments.2.text`) of the first string in `value` with a forbidden control character. */
export function findControlCharacterIn(
  value: unknown,
  path: string,
): { path: string; codePoint: string } | null {
  if (typeof value === 'string') {
    const found = findControlCharacter(value);
    return found ? { path, codePoint: found.codePoint } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacterIn(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inKey = findControlCharacter(key);
      // The key is named with its control characters escaped, so the message shows where it is.
      if (inKey)
        return { path: `${path}.${JSON.stringify(key).slice(1, -1)}`, codePoint: inKey.codePoint };
      const found = findControlCharacterIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
