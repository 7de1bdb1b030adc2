/**
 * The look of inputClass (components/ui/form-field) without its full width and top margin, for controls in a row:
 * a border dark enough (3:1) to show where the control is, red when invalid; focus keeps the app's outline.
 */
export function rowControlClass(invalid = false): string {
  return `block rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${invalid ? "border-red-600 focus:border-red-700" : "border-gray-500 focus:border-blue-600"}`;
}
