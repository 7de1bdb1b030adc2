/**
 * The header's search: a plain GET form to /search, so it works before any script loads and a search is a link.
 * On narrow screens it stays a small box rather than pushing the menus off the header.
 */
export function HeaderSearch({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <form method="get" action="/search" role="search" aria-label={label} className="mr-1">
      <label htmlFor="header-search" className="sr-only">
        {label}
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        placeholder={placeholder}
        className="h-8 w-28 rounded-md border border-gray-500 bg-white px-2 text-sm sm:w-44 lg:w-56"
      />
    </form>
  );
}
