import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-xl py-12">
      <p className="text-sm font-semibold text-blue-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-gray-900">Page not found</h1>
      <p className="mt-2 text-sm leading-6 text-gray-600">
        This page does not exist, or it is not available to you.
      </p>
      <Link
        href="/"
        className="mt-6 inline-flex h-9 items-center rounded-md bg-gray-900 px-4 text-sm font-medium text-white hover:bg-gray-700"
      >
        Go to the home page
      </Link>
    </div>
  );
}
