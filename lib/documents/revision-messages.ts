/** Messages the revision and file services share (catalogue keys in documents.json). */
export const revisionNotFoundMessage = "documents.errors.revisionNotFound";
export const revisionNotDraftMessage = "documents.errors.revisionNotDraft";
export const staleRevisionMessage = "documents.errors.staleRevision";
export const draftExistsMessage = "documents.errors.draftExists";
export const fileNotFoundMessage = "documents.errors.fileNotFound";
export const notADocumentMessage = "documents.errors.notADocument";
