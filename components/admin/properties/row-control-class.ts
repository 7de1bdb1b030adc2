/** The look of inputClass (components/ui/form-field) without its full width and top margin, for controls in a row. */
export function rowControlClass(invalid = false): string {
  return `block rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-1 ${
    invalid ? "border-red-400 focus:border-red-500 focus:ring-red-500" : "border-gray-300 focus:border-blue-500 focus:ring-blue-500"
  }`;
}
