/** What the first bytes of a file say it is: a format we recognise, text, or unrecognised binary data. */
export type SniffedKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "tiff" | "zip" | "ole" | "dwg" | "text" | "binary";

/** How many leading bytes the sniffing reads. */
export const sniffLength = 4100;

const startsWith = (head: Uint8Array, signature: readonly number[], offset = 0) =>
  head.length >= offset + signature.length && signature.every((byte, index) => head[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const binarySignatures: [SniffedKind, (head: Uint8Array) => boolean][] = [
  ["pdf", (head) => startsWith(head, ascii("%PDF-"))],
  ["png", (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ["jpeg", (head) => startsWith(head, [0xff, 0xd8, 0xff])],
  ["gif", (head) => startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))],
  ["webp", (head) => startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)],
  ["tiff", (head) => startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])],
  ["zip", (head) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])],
  ["ole", (head) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ["dwg", (head) => startsWith(head, ascii("AC10")) || startsWith(head, ascii("AC1."))],
];

/** UTF-8 without NUL (a cut in the middle of a character at the end of the head is fine), or UTF-16 with its mark. */
function isText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The kind of content the first bytes show (`sniffLength` of them, or all of a smaller file). */
export function sniffKind(head: Uint8Array): SniffedKind {
  for (const [kind, matches] of binarySignatures) if (matches(head)) return kind;
  return isText(head) ? "text" : "binary";
}

/** Each extension Atelier knows: the content kinds it accepts and the content type it is stored with. */
const byExtension: Record<string, { kinds: readonly SniffedKind[]; contentType: string }> = {
  pdf: { kinds: ["pdf"], contentType: "application/pdf" },
  png: { kinds: ["png"], contentType: "image/png" },
  jpg: { kinds: ["jpeg"], contentType: "image/jpeg" },
  jpeg: { kinds: ["jpeg"], contentType: "image/jpeg" },
  gif: { kinds: ["gif"], contentType: "image/gif" },
  webp: { kinds: ["webp"], contentType: "image/webp" },
  tif: { kinds: ["tiff"], contentType: "image/tiff" },
  tiff: { kinds: ["tiff"], contentType: "image/tiff" },
  zip: { kinds: ["zip"], contentType: "application/zip" },
  docx: { kinds: ["zip"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { kinds: ["zip"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { kinds: ["zip"], contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  odt: { kinds: ["zip"], contentType: "application/vnd.oasis.opendocument.text" },
  ods: { kinds: ["zip"], contentType: "application/vnd.oasis.opendocument.spreadsheet" },
  odp: { kinds: ["zip"], contentType: "application/vnd.oasis.opendocument.presentation" },
  doc: { kinds: ["ole"], contentType: "application/msword" },
  xls: { kinds: ["ole"], contentType: "application/vnd.ms-excel" },
  ppt: { kinds: ["ole"], contentType: "application/vnd.ms-powerpoint" },
  dwg: { kinds: ["dwg"], contentType: "image/vnd.dwg" },
  // DXF is text, or binary after its own sentinel ("AutoCAD Binary DXF"); CAD exchange formats are text.
  dxf: { kinds: ["text", "binary"], contentType: "image/vnd.dxf" },
  step: { kinds: ["text"], contentType: "model/step" },
  stp: { kinds: ["text"], contentType: "model/step" },
  iges: { kinds: ["text"], contentType: "model/iges" },
  igs: { kinds: ["text"], contentType: "model/iges" },
  txt: { kinds: ["text"], contentType: "text/plain" },
  csv: { kinds: ["text"], contentType: "text/csv" },
  md: { kinds: ["text"], contentType: "text/markdown" },
  json: { kinds: ["text"], contentType: "application/json" },
  xml: { kinds: ["text"], contentType: "application/xml" },
};

/** The content type a recognised kind is stored with when the name has no extension Atelier knows. */
const contentTypeOfKind: Record<SniffedKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  tiff: "image/tiff",
  zip: "application/zip",
  ole: "application/x-ole-storage",
  dwg: "image/vnd.dwg",
  text: "text/plain",
  binary: "application/octet-stream",
};

export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * The content type a file is stored with, decided by its content and checked against its name: a known extension
 * whose content is of another kind (a `.pdf` that is a PNG, a `.csv` that is binary) is refused with what was found
 * instead. A name without a known extension claims nothing: the content decides.
 */
export function contentTypeFor(fileName: string, head: Uint8Array): { ok: true; contentType: string } | { ok: false; extension: string; detected: SniffedKind } {
  const kind = sniffKind(head);
  const extension = extensionOf(fileName);
  const expected = extension === null ? undefined : byExtension[extension];
  if (!expected) return { ok: true, contentType: contentTypeOfKind[kind] };
  if (!expected.kinds.includes(kind)) return { ok: false, extension: extension!, detected: kind };
  return { ok: true, contentType: expected.contentType };
}
