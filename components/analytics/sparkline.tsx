/** A small line of values, drawn without script; hidden from screen readers (the cell says the values in words). */
export function Sparkline({ values }: { values: number[] }) {
  const width = 96;
  const height = 24;
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(height - 2 - (max === 0 ? 0 : (value / max) * (height - 4))).toFixed(1)}`);
  return (
    <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} className="h-6 w-24 text-blue-600">
      <polyline points={points.join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
