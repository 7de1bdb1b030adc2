/** Catalogue keys of the upload refusals (lib/i18n/messages/<locale>/documents.json), shared by storage and route. */
export const tooLargeMessage = "documents.uploads.tooLarge";
