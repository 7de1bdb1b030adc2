/**
 * Which arrow should hold the focus after a row moved by one: the one pressed, unless the row reached the end it
 * moved towards — that arrow is then disabled, and the focus goes to the other one.
 */
export function arrowAfterMove(from: number, by: -1 | 1, length: number): "up" | "down" {
  const to = from + by;
  if (by === -1) return to === 0 ? "down" : "up";
  return to === length - 1 ? "up" : "down";
}
