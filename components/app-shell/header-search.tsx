/**
 * The header's search: a plain GET form to /search, so it works before any script loads and a search is a link.
 * Below the small breakpoint there is no room beside the menus: the collapsed main menu links to the search page instead.
 */
export function HeaderSearch({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <form method="get" action="/search" role="search" aria-label={label} className="mr-1 hidden sm:block">
      <label htmlFor="header-search" className="sr-only">
        {label}
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        placeholder={placeholder}
        className="h-8 w-44 rounded-md border border-gray-500 bg-white px-2 text-sm lg:w-56 xl:w-40 2xl:w-56"
      />
    </form>
  );
}
