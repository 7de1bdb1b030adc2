ALTER TABLE "objects" ADD COLUMN "scope_site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- objects.scope_site_ids is a sorted copy of the object's rows in object_scope_sites, kept by the database: every
-- statement that changes that table refreshes the objects it touched, whoever writes (services, seeds, fixtures).
CREATE FUNCTION atelier_refresh_scope_site_ids(changed uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE objects o SET scope_site_ids = fresh.ids
  FROM (
    SELECT t.id, coalesce(array_agg(s.site_id ORDER BY s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}'::uuid[]) AS ids
    FROM (SELECT DISTINCT id FROM unnest(changed) AS c(id)) t
    LEFT JOIN object_scope_sites s ON s.object_id = t.id
    GROUP BY t.id
  ) fresh
  WHERE o.id = fresh.id AND o.scope_site_ids IS DISTINCT FROM fresh.ids
$$;--> statement-breakpoint
CREATE FUNCTION atelier_sync_scope_site_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM atelier_refresh_scope_site_ids(array(SELECT object_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM atelier_refresh_scope_site_ids(array(SELECT object_id FROM old_rows));
  ELSE
    PERFORM atelier_refresh_scope_site_ids(array(SELECT object_id FROM new_rows UNION SELECT object_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER object_scope_sites_sync_insert AFTER INSERT ON object_scope_sites
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atelier_sync_scope_site_ids();--> statement-breakpoint
CREATE TRIGGER object_scope_sites_sync_update AFTER UPDATE ON object_scope_sites
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atelier_sync_scope_site_ids();--> statement-breakpoint
CREATE TRIGGER object_scope_sites_sync_delete AFTER DELETE ON object_scope_sites
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atelier_sync_scope_site_ids();--> statement-breakpoint
UPDATE objects o SET scope_site_ids = s.ids
FROM (SELECT object_id, array_agg(site_id ORDER BY site_id) AS ids FROM object_scope_sites GROUP BY object_id) s
WHERE s.object_id = o.id;--> statement-breakpoint
CREATE INDEX "objects_scope_sites_gin" ON "objects" USING gin ("scope_site_ids");
