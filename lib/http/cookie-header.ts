/** A cookie reader over a raw `Cookie` header: route handlers read their own request, not Next's request store. */
export function cookieHeaderReader(header: string | null): (name: string) => string | undefined {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const separator = part.indexOf("=");
    if (separator > 0) cookies.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  return (name) => cookies.get(name);
}
