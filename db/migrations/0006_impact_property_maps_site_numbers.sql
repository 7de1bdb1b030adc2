CREATE TABLE "property_maps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "property_maps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"type" "object_type" NOT NULL,
	"properties" jsonb NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "number" integer;--> statement-breakpoint
ALTER TABLE "objects" ADD COLUMN "scope_site_numbers" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "objects" ADD COLUMN "property_map_id" integer;--> statement-breakpoint
ALTER TABLE "property_maps" ADD CONSTRAINT "property_maps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "property_maps_identity_unique" ON "property_maps" USING btree ("organization_id","type","fingerprint");--> statement-breakpoint
-- Sites are numbered 1, 2, 3… per organisation, in creation order, by the database. The organisation's row is
-- locked while a number is taken, so that two sites created at once cannot take the same one; a number never changes.
CREATE FUNCTION atelier_number_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.number := OLD.number;
    RETURN NEW;
  END IF;
  PERFORM 1 FROM organizations WHERE id = NEW.organization_id FOR UPDATE;
  SELECT coalesce(max(number), 0) + 1 INTO NEW.number FROM sites WHERE organization_id = NEW.organization_id;
  RETURN NEW;
END;
$$;--> statement-breakpoint
UPDATE sites s SET number = n.number
FROM (SELECT id, (row_number() OVER (PARTITION BY organization_id ORDER BY created_at, id))::int AS number FROM sites) n
WHERE n.id = s.id;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_number_set" CHECK ("sites"."number" is not null);--> statement-breakpoint
CREATE UNIQUE INDEX "sites_org_number_unique" ON "sites" USING btree ("organization_id","number");--> statement-breakpoint
CREATE TRIGGER sites_number_insert BEFORE INSERT ON sites FOR EACH ROW EXECUTE FUNCTION atelier_number_site();--> statement-breakpoint
CREATE TRIGGER sites_number_kept BEFORE UPDATE OF number ON sites FOR EACH ROW EXECUTE FUNCTION atelier_number_site();--> statement-breakpoint
-- objects.scope_site_numbers: the numbers of the object's scope sites, sorted, refreshed with scope_site_ids (0005).
CREATE OR REPLACE FUNCTION atelier_refresh_scope_site_ids(changed uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE objects o SET scope_site_ids = fresh.ids, scope_site_numbers = fresh.numbers
  FROM (
    SELECT t.id,
      coalesce(array_agg(s.site_id ORDER BY s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}'::uuid[]) AS ids,
      coalesce(array_agg(site.number ORDER BY site.number) FILTER (WHERE s.site_id IS NOT NULL), '{}'::integer[]) AS numbers
    FROM (SELECT DISTINCT id FROM unnest(changed) AS c(id)) t
    LEFT JOIN object_scope_sites s ON s.object_id = t.id
    LEFT JOIN sites site ON site.id = s.site_id
    GROUP BY t.id
  ) fresh
  WHERE o.id = fresh.id AND (o.scope_site_ids IS DISTINCT FROM fresh.ids OR o.scope_site_numbers IS DISTINCT FROM fresh.numbers)
$$;--> statement-breakpoint
-- The key a property map is looked up by (property_maps.fingerprint): one definition for the trigger, the backfill
-- below and the benchmark's seed.
CREATE FUNCTION atelier_properties_fingerprint(props jsonb) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(props::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- objects.property_map_id names the object's (type, properties) in property_maps, set by the database before every
-- write that could change it, whoever writes (services, seeds, fixtures). A map is looked up by its fingerprint and
-- its properties both, so that two maps never share an id even if two texts shared a hash.
CREATE FUNCTION atelier_property_map_id(org uuid, kind object_type, props jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  print text := atelier_properties_fingerprint(props);
  found integer;
BEGIN
  SELECT id INTO found FROM property_maps WHERE organization_id = org AND type = kind AND fingerprint = print AND properties = props;
  IF found IS NULL THEN
    INSERT INTO property_maps (organization_id, type, properties, fingerprint) VALUES (org, kind, props, print)
    ON CONFLICT (organization_id, type, fingerprint) DO NOTHING RETURNING id INTO found;
  END IF;
  IF found IS NULL THEN
    -- Another transaction inserted the same map since this statement began (READ COMMITTED sees it now; a stricter
    -- isolation level has already failed with a serialization error).
    SELECT id INTO found FROM property_maps WHERE organization_id = org AND type = kind AND fingerprint = print AND properties = props;
  END IF;
  IF found IS NULL THEN
    RAISE EXCEPTION 'no property map for this object (fingerprint % taken by other properties)', print;
  END IF;
  RETURN found;
END;
$$;--> statement-breakpoint
CREATE FUNCTION atelier_set_property_map_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.property_map_id := atelier_property_map_id(NEW.organization_id, NEW.type, NEW.properties);
  RETURN NEW;
END;
$$;--> statement-breakpoint
INSERT INTO property_maps (organization_id, type, properties, fingerprint)
SELECT DISTINCT ON (organization_id, type, print) organization_id, type, properties, print
FROM (SELECT organization_id, type, properties, atelier_properties_fingerprint(properties) AS print FROM objects) o;--> statement-breakpoint
UPDATE objects o SET property_map_id = m.id,
  scope_site_numbers = coalesce((SELECT array_agg(s.number ORDER BY s.number) FROM sites s WHERE s.id = ANY (o.scope_site_ids)), '{}')
FROM property_maps m
WHERE m.organization_id = o.organization_id AND m.type = o.type
  AND m.fingerprint = atelier_properties_fingerprint(o.properties);--> statement-breakpoint
ALTER TABLE "objects" ADD CONSTRAINT "objects_property_map_set" CHECK ("objects"."property_map_id" is not null);--> statement-breakpoint
CREATE INDEX "objects_live_impact_idx" ON "objects" USING btree ("organization_id","property_map_id","scope_kind","owner_id","scope_site_numbers") WHERE "objects"."trashed_at" is null;--> statement-breakpoint
CREATE TRIGGER objects_property_map_insert BEFORE INSERT ON objects
  FOR EACH ROW EXECUTE FUNCTION atelier_set_property_map_id();--> statement-breakpoint
CREATE TRIGGER objects_property_map_update BEFORE UPDATE OF organization_id, type, properties, property_map_id ON objects
  FOR EACH ROW WHEN (NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.type IS DISTINCT FROM OLD.type
    OR NEW.properties IS DISTINCT FROM OLD.properties OR NEW.property_map_id IS DISTINCT FROM OLD.property_map_id)
  EXECUTE FUNCTION atelier_set_property_map_id();
