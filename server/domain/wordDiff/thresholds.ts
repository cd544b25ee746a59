// Thresholds shared by the direct diff and the sentence-by-sentence one.

/** Below this share of words in common a text counts as rewritten rather than edited. */
export const REWRITTEN = 0.4;

/** Myers runs on the whole (prefix- and suffix-stripped) problem only up to this many tokens. */
export const DIRECT_TOKENS = 4000;
