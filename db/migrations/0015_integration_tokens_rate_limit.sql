CREATE TABLE "integration_rate_windows" (
	"organization_id" uuid NOT NULL,
	"token_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "integration_rate_windows_token_id_window_start_pk" PRIMARY KEY("token_id","window_start")
);--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD COLUMN "rate_limit_per_minute" integer;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD COLUMN "rotated_from_id" uuid;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_org_id_unique" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "integration_rate_windows" ADD CONSTRAINT "integration_rate_windows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_rate_windows" ADD CONSTRAINT "integration_rate_windows_token_fk" FOREIGN KEY ("organization_id","token_id") REFERENCES "public"."integration_tokens"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_rate_windows_start_idx" ON "integration_rate_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "integration_log_integration_time_idx" ON "integration_log" USING btree ("organization_id","integration_id","occurred_at");--> statement-breakpoint
CREATE INDEX "integration_log_time_idx" ON "integration_log" USING btree ("occurred_at");--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_rate_limit_positive" CHECK ("integration_tokens"."rate_limit_per_minute" is null or "integration_tokens"."rate_limit_per_minute" > 0);
