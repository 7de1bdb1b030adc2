-- Rules named alike (any case) before names had to be unique keep their names but the first (in list order); the
-- others get their id's first characters appended, so the index can be built and every rule stays told apart.
UPDATE "access_rules" SET "name" = "access_rules"."name" || ' (' || left("access_rules"."id"::text, 8) || ')'
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "organization_id", lower("name") ORDER BY "position", "created_at", "id") AS "rank"
	FROM "access_rules"
) AS "ranked"
WHERE "ranked"."id" = "access_rules"."id" AND "ranked"."rank" > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "access_rules_org_name_unique" ON "access_rules" USING btree ("organization_id",lower("name"));
