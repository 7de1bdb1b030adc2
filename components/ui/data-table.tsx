import Link from "next/link";
import type { ReactNode } from "react";

export interface DataTableColumn {
  label: ReactNode;
  /** Width classes of the column (`w-1/4`, `w-40`…). */
  className?: string;
  /** A label for screen readers only (an actions column). */
  hidden?: boolean;
}

interface DataTableProps {
  /** Column headers; `false` leaves a column out (a conditional one). */
  columns: (DataTableColumn | string | false)[];
  /** Names the table for screen readers. */
  caption?: string;
  /** The rows (`<tr>`). */
  children: ReactNode;
}

/**
 * A bordered white table of rows: the lists of the admin and account pages. On a narrow screen it scrolls sideways
 * inside its own box, never the page (the box is positioned, so a screen-reader-only header stays inside it too); a named table's box takes the focus (a group named by the caption), so the
 * keyboard can scroll it even when no cell holds a link.
 */
export function DataTable({ columns, caption, children }: DataTableProps) {
  const scrollable = caption ? { role: "group", "aria-label": caption, tabIndex: 0 } : {};
  return (
    <div {...scrollable} className="relative max-w-full overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
          <tr>
            {columns.map((column, index) => {
              if (column === false) return null;
              const { label, className, hidden } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={index} scope="col" className={`px-4 py-2 font-medium ${className ?? ""}`.trim()}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A row's first cell: the record's name, linking to its page, and anything shown beside it (a badge). A long name
 * without spaces wraps anywhere rather than widening the table.
 */
export function RecordLinkCell({ href, name, children }: { href: string; name: ReactNode; children?: ReactNode }) {
  return (
    <td className="min-w-40 px-4 py-2 [overflow-wrap:anywhere]">
      <Link href={href} className="font-medium text-blue-700 hover:underline">
        {name}
      </Link>
      {children}
    </td>
  );
}
