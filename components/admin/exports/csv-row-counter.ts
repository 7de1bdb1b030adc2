/**
 * Counts the records of a CSV as its chunks arrive: a line break ends a record only outside a quoted field (a doubled
 * quote toggles the state twice, so it needs no case of its own). The header is the first record.
 */
export function csvRowCounter() {
  const decoder = new TextDecoder();
  let quoted = false;
  let records = 0;
  return {
    add(chunk: Uint8Array): number {
      const text = decoder.decode(chunk, { stream: true });
      for (let i = 0; i < text.length; i++) {
        const character = text.charCodeAt(i);
        if (character === 34) quoted = !quoted;
        else if (character === 10 && !quoted) records++;
      }
      return Math.max(0, records - 1);
    },
  };
}
