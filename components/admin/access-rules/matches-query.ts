/** Text compared without case or accents, so "mont" finds "Montréal" and "equipe" finds "Équipe". */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase();
}

/** Whether a label holds what was typed (every word of it, anywhere). */
export function matchesQuery(label: string, query: string): boolean {
  const haystack = folded(label);
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
