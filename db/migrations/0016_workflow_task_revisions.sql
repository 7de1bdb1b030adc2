ALTER TABLE "signatures" DROP CONSTRAINT "signatures_task_fk";
--> statement-breakpoint
ALTER TABLE "workflow_tasks" ADD COLUMN "revision_id" uuid;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_task_fk" FOREIGN KEY ("organization_id","task_id") REFERENCES "public"."workflow_tasks"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_tasks" ADD CONSTRAINT "workflow_tasks_revision_fk" FOREIGN KEY ("organization_id","revision_id") REFERENCES "public"."document_revisions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signatures_task_idx" ON "signatures" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "workflow_tasks_revision_idx" ON "workflow_tasks" USING btree ("revision_id");--> statement-breakpoint
-- Signature tasks made before tasks named their revision: the revision they were signed on, else the latest revision
-- of one of the workflow's subject documents; a signature task with neither becomes a plain task.
UPDATE "workflow_tasks" SET "revision_id" = (
  SELECT s."revision_id" FROM "signatures" s WHERE s."task_id" = "workflow_tasks"."id" ORDER BY s."signed_at" DESC LIMIT 1
) WHERE "kind" = 'signature';--> statement-breakpoint
UPDATE "workflow_tasks" SET "revision_id" = (
  SELECT r."id" FROM "object_links" l
  JOIN "document_revisions" r ON r."object_id" = l."to_object_id" AND r."organization_id" = l."organization_id"
  WHERE l."from_object_id" = "workflow_tasks"."workflow_id" AND l."kind" = 'workflow_subject'
  ORDER BY r."sequence" DESC, r."id" LIMIT 1
) WHERE "kind" = 'signature' AND "revision_id" IS NULL;--> statement-breakpoint
UPDATE "workflow_tasks" SET "kind" = 'task' WHERE "kind" = 'signature' AND "revision_id" IS NULL;--> statement-breakpoint
ALTER TABLE "workflow_tasks" ADD CONSTRAINT "workflow_tasks_signature_revision" CHECK (("workflow_tasks"."kind" = 'signature') = ("workflow_tasks"."revision_id" is not null));