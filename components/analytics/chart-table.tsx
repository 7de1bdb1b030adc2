import type { ReactNode } from "react";

export interface ChartTableProps {
  caption: string;
  headings: string[];
  rows: ReactNode[][];
  /** Only for screen readers: the chart shows the same to sighted readers. */
  visuallyHidden?: boolean;
}

/** A chart's text alternative: its data as a table, the first column naming each row. */
export function ChartTable({ caption, headings, rows, visuallyHidden = false }: ChartTableProps) {
  const table = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
        <tr>
          {headings.map((heading, index) => (
            <th key={index} scope="col" className={`px-3 py-2 font-medium ${index > 0 ? "text-right" : ""}`}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {rows.map((cells, rowIndex) => (
          <tr key={rowIndex}>
            {cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="px-3 py-1.5 font-normal text-gray-900">
                  {cell}
                </th>
              ) : (
                <td key={index} className="px-3 py-1.5 text-right tabular-nums text-gray-700">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (visuallyHidden) return <div className="sr-only">{table}</div>;
  return (
    <div role="group" aria-label={caption} tabIndex={0} className="relative mt-4 max-w-full overflow-x-auto rounded-md border border-gray-200">
      {table}
    </div>
  );
}
