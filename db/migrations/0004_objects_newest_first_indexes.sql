DROP INDEX "objects_live_type_created_idx";--> statement-breakpoint
DROP INDEX "objects_live_created_idx";--> statement-breakpoint
DROP INDEX "objects_live_org_scope_idx";--> statement-breakpoint
CREATE INDEX "objects_live_type_created_idx" ON "objects" USING btree ("organization_id","type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "objects"."trashed_at" is null;--> statement-breakpoint
CREATE INDEX "objects_live_created_idx" ON "objects" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "objects"."trashed_at" is null;--> statement-breakpoint
CREATE INDEX "objects_live_org_scope_idx" ON "objects" USING btree ("organization_id","type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "objects"."trashed_at" is null and "objects"."scope_kind" = 'organization';