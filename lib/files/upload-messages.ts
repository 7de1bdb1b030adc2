/** Catalogue keys of the upload refusals (lib/i18n/messages/<locale>/documents.json), shared by storage and route. */
export const tooLargeMessage = "documents.uploads.tooLarge";

export const uploadMessages = {
  noFile: "documents.uploads.noFile",
  empty: "documents.uploads.empty",
  mismatch: "documents.uploads.mismatch",
  tooManyFiles: "documents.uploads.tooManyFiles",
  badFileName: "documents.uploads.badFileName",
  cutOff: "documents.uploads.cutOff",
  malformed: "documents.uploads.malformed",
} as const;
