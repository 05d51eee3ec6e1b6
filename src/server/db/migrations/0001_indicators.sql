CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"purpose" text NOT NULL,
	"perspective" text NOT NULL,
	"kind" text NOT NULL,
	"nature" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"formula" text,
	"terms" jsonb NOT NULL,
	"period" text NOT NULL,
	"roll_up" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source_builtin_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_status_ck" CHECK ("indicators"."status" in ('active', 'archived')),
	CONSTRAINT "indicators_purpose_ck" CHECK (length(trim("indicators"."purpose")) > 0)
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_ws_key_uq" ON "indicators" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_ws_name_uq" ON "indicators" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "indicators_ws_status_perspective_idx" ON "indicators" USING btree ("workspace_id","status","perspective");--> statement-breakpoint
CREATE INDEX "indicators_ws_builtin_idx" ON "indicators" USING btree ("workspace_id","source_builtin_key");