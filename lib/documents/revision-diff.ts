import type { RevisionSnapshot } from "@/db/schema";
import type { FileView } from "./revision-view";

export interface FilesDiff {
  added: FileView[];
  removed: FileView[];
  /** Same name, other content (by SHA-256). */
  changed: { fileName: string; before: FileView; after: FileView }[];
  unchanged: number;
}

export interface PropertiesDiff {
  /** False when one side has no record of its properties (a revision validated before snapshots were kept). */
  recorded: boolean;
  title: { before: string; after: string } | null;
  changes: { propertyId: string; before: unknown; after: unknown }[];
}

export interface RevisionDiff {
  files: FilesDiff;
  properties: PropertiesDiff;
}

/** Files are matched by name: a drawing re-issued under its name is "changed", under another "removed" and "added". */
export function diffFiles(before: FileView[], after: FileView[]): FilesDiff {
  const earlier = new Map(before.map((file) => [file.fileName, file]));
  const later = new Map(after.map((file) => [file.fileName, file]));
  const diff: FilesDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const file of after) {
    const previous = earlier.get(file.fileName);
    if (!previous) diff.added.push(file);
    else if (previous.sha256 !== file.sha256) diff.changed.push({ fileName: file.fileName, before: previous, after: file });
    else diff.unchanged += 1;
  }
  for (const file of before) if (!later.has(file.fileName)) diff.removed.push(file);
  return diff;
}

const canonical = (value: unknown) => JSON.stringify(value ?? null);

/** Property values compared as stored (JSON): a missing value and null are the same "no value". */
export function diffSnapshots(before: RevisionSnapshot | null, after: RevisionSnapshot | null): PropertiesDiff {
  if (!before || !after) return { recorded: false, title: null, changes: [] };
  const ids = [...new Set([...Object.keys(before.properties), ...Object.keys(after.properties)])].sort();
  return {
    recorded: true,
    title: before.title === after.title ? null : { before: before.title, after: after.title },
    changes: ids
      .filter((id) => canonical(before.properties[id]) !== canonical(after.properties[id]))
      .map((propertyId) => ({ propertyId, before: before.properties[propertyId] ?? null, after: after.properties[propertyId] ?? null })),
  };
}

/** Two revisions compared: their files, and the document as each recorded it (title and properties). */
export function diffRevisions(
  before: { files: FileView[]; state: RevisionSnapshot | null },
  after: { files: FileView[]; state: RevisionSnapshot | null },
): RevisionDiff {
  return { files: diffFiles(before.files, after.files), properties: diffSnapshots(before.state, after.state) };
}
