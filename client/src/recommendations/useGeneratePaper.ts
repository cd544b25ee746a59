import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { generatePaper } from './recommendationsApi';

/** Generates a paper from the readiness of this moment and opens it. */
export function useGeneratePaper() {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function generate() {
    setBusy(true);
    setError(null);
    try {
      const paper = await generatePaper();
      navigate(`/recommendations/${encodeURIComponent(paper.id)}`);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return { generate, busy, error };
}
