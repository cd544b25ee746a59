import { useMemo } from 'react';
import { useApi } from '../useApi';
import { listGlossary } from './glossaryApi';
import { buildTermMatcher, type TermMatcher } from './termMatcher';

/**
 * The defined terms to mark in clause text, fetched once per page. Without them (still loading, or
 * the glossary could not be read) the text is shown unmarked.
 */
export function useGlossaryTerms(): TermMatcher | null {
  const glossary = useApi((signal) => listGlossary({}, signal), []);
  return useMemo(() => (glossary.data ? buildTermMatcher(glossary.data) : null), [glossary.data]);
}
