/** A revision's label from its sequence: 0 → A, 25 → Z, 26 → AA, 27 → AB… (spreadsheet columns). */
export function revisionLabel(sequence: number): string {
  let label = "";
  for (let rest = sequence + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  }
  return label;
}

/** The sequence a label names, or null for text that is no label. */
export function revisionSequence(label: string): number | null {
  if (!/^[A-Z]{1,4}$/.test(label)) return null;
  let value = 0;
  for (const letter of label) value = value * 26 + (letter.charCodeAt(0) - 64);
  return value - 1;
}
