ALTER TABLE "document_revisions" ADD COLUMN "snapshot" jsonb;--> statement-breakpoint
-- Validated revisions are immutable (SPEC §5, §9), whoever writes: a draft may change freely; a validated revision
-- only becomes obsolete (status and obsoleted_at, with updated_at and version), and an obsolete one never changes.
CREATE FUNCTION atelier_guard_document_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'validated' AND NEW.status = 'obsolete' AND NEW.obsoleted_at IS NOT NULL
    AND NEW.id = OLD.id AND NEW.organization_id = OLD.organization_id AND NEW.object_id = OLD.object_id
    AND NEW.label = OLD.label AND NEW.sequence = OLD.sequence AND NEW.note IS NOT DISTINCT FROM OLD.note
    AND NEW.snapshot IS NOT DISTINCT FROM OLD.snapshot AND NEW.created_by_id = OLD.created_by_id
    AND NEW.validated_by_id IS NOT DISTINCT FROM OLD.validated_by_id
    AND NEW.validated_at IS NOT DISTINCT FROM OLD.validated_at AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'revision % of document % is %: validated revisions are immutable', OLD.label, OLD.object_id, OLD.status
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER document_revisions_immutable BEFORE UPDATE ON document_revisions
  FOR EACH ROW EXECUTE FUNCTION atelier_guard_document_revision();--> statement-breakpoint
-- A validated or obsolete revision's files are part of it: none added, changed or removed. (When the revision itself
-- is deleted — its document or organisation purged — it is gone before its files, and they follow it.)
CREATE FUNCTION atelier_guard_document_file() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  revision_status revision_status;
BEGIN
  SELECT status INTO revision_status FROM document_revisions
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.revision_id ELSE NEW.revision_id END);
  IF TG_OP = 'UPDATE' AND OLD.revision_id <> NEW.revision_id THEN
    RAISE EXCEPTION 'a file cannot move to another revision' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF revision_status IS NOT NULL AND revision_status <> 'draft' THEN
    RAISE EXCEPTION 'the files of a % revision cannot change', revision_status USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;--> statement-breakpoint
CREATE TRIGGER document_files_follow_revision BEFORE INSERT OR UPDATE OR DELETE ON document_files
  FOR EACH ROW EXECUTE FUNCTION atelier_guard_document_file();
