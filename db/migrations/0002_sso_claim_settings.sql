ALTER TABLE "organizations" ADD COLUMN "sso_claims_source" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "sso_email_verified_claim" text;