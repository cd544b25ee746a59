export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** First free slug among: code+reference, code+title, then numbered variants. */
export function chooseArtefactSlug(
  artefact: { code: string; reference: string; title: string },
  taken: ReadonlySet<string>,
): string {
  const candidates = [
    slugify(`${artefact.code} ${artefact.reference}`),
    slugify(`${artefact.code} ${artefact.title}`),
  ];
  for (const candidate of candidates) if (candidate && !taken.has(candidate)) return candidate;
  const base = candidates[0] || 'artefact';
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
