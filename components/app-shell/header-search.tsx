import Link from "next/link";

/**
 * The header's search: a plain GET form to /search, so it works before any script loads and a search is a link.
 * Below the small breakpoint there is no room beside the menus: a magnifier links to the search page instead.
 */
export function HeaderSearch({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <>
      <form method="get" action="/search" role="search" aria-label={label} className="mr-1 hidden sm:block">
        <label htmlFor="header-search" className="sr-only">
          {label}
        </label>
        <input
          id="header-search"
          name="q"
          type="search"
          placeholder={placeholder}
          className="h-8 w-44 rounded-md border border-gray-500 bg-white px-2 text-sm lg:w-56"
        />
      </form>
      <Link href="/search" aria-label={label} className="flex h-10 w-10 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 sm:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4 4" />
        </svg>
      </Link>
    </>
  );
}
