CREATE TABLE "object_visits" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"visited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "object_visits_pk" PRIMARY KEY("user_id","object_id")
);
--> statement-breakpoint
ALTER TABLE "object_visits" ADD CONSTRAINT "object_visits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_visits" ADD CONSTRAINT "object_visits_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_visits" ADD CONSTRAINT "object_visits_object_fk" FOREIGN KEY ("organization_id","object_id") REFERENCES "public"."objects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "object_visits_user_time_idx" ON "object_visits" USING btree ("user_id","visited_at");--> statement-breakpoint
CREATE INDEX "activity_events_org_time_idx" ON "activity_events" USING btree ("organization_id","occurred_at" DESC NULLS LAST);