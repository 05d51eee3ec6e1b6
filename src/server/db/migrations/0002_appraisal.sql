CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"indicator_key" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"corrections" jsonb,
	"resolution" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appraisal_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"trial" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"forced_distribution" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_cycles_state_ck" CHECK ("appraisal_cycles"."state" in ('draft', 'open', 'calibrating', 'closed')),
	CONSTRAINT "appraisal_cycles_period_ck" CHECK ("appraisal_cycles"."period_kind" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE TABLE "cycle_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid,
	"template_id" uuid,
	"template_name" text NOT NULL,
	"card" jsonb NOT NULL,
	"not_applicable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'incomplete' NOT NULL,
	"subtotal" double precision,
	"total" double precision,
	"grade" text,
	"adjusted_total" double precision,
	"adjustment_reason" text,
	"adjusted_by" uuid,
	"adjusted_at" timestamp with time zone,
	"final_grade" text,
	"frozen_result" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_term_values" (
	"participant_id" uuid NOT NULL,
	"term" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_term_values_pk" PRIMARY KEY("participant_id","term")
);
--> statement-breakpoint
CREATE TABLE "manual_ratings" (
	"participant_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"self_rating" double precision,
	"self_comment" text,
	"self_at" timestamp with time zone,
	"manager_rating" double precision,
	"manager_comment" text,
	"manager_by" uuid,
	"manager_at" timestamp with time zone,
	CONSTRAINT "manual_ratings_pk" PRIMARY KEY("participant_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "period_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"period_label" text NOT NULL,
	"value" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_targets_positive_ck" CHECK ("period_targets"."value" > 0)
);
--> statement-breakpoint
CREATE TABLE "scorecard_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period" text NOT NULL,
	"card" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_templates_period_ck" CHECK ("scorecard_templates"."period" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE TABLE "template_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"period" text NOT NULL,
	"position_id" uuid,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_assignments_one_owner_ck" CHECK (("template_assignments"."position_id" is null) <> ("template_assignments"."person_id" is null))
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_participant_id_cycle_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cycle_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_cycles" ADD CONSTRAINT "appraisal_cycles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_cycle_id_appraisal_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."appraisal_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participants" ADD CONSTRAINT "cycle_participants_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_term_values" ADD CONSTRAINT "cycle_term_values_participant_id_cycle_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cycle_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_term_values" ADD CONSTRAINT "cycle_term_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_ratings" ADD CONSTRAINT "manual_ratings_participant_id_cycle_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cycle_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_ratings" ADD CONSTRAINT "manual_ratings_manager_by_users_id_fk" FOREIGN KEY ("manager_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_targets" ADD CONSTRAINT "period_targets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_targets" ADD CONSTRAINT "period_targets_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_targets" ADD CONSTRAINT "period_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assignments" ADD CONSTRAINT "template_assignments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assignments" ADD CONSTRAINT "template_assignments_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assignments" ADD CONSTRAINT "template_assignments_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assignments" ADD CONSTRAINT "template_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_participant_idx" ON "appeals" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "appeals_ws_status_idx" ON "appeals" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_cycles_ws_name_uq" ON "appraisal_cycles" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "appraisal_cycles_ws_period_idx" ON "appraisal_cycles" USING btree ("workspace_id","period_label");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_participants_cycle_person_uq" ON "cycle_participants" USING btree ("cycle_id","person_id");--> statement-breakpoint
CREATE INDEX "cycle_participants_cycle_unit_idx" ON "cycle_participants" USING btree ("cycle_id","unit_id");--> statement-breakpoint
CREATE INDEX "cycle_participants_person_idx" ON "cycle_participants" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "period_targets_uq" ON "period_targets" USING btree ("template_id","owner_kind","owner_id","indicator_key","period_label");--> statement-breakpoint
CREATE INDEX "period_targets_owner_idx" ON "period_targets" USING btree ("workspace_id","owner_kind","owner_id","period_label");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_templates_ws_name_uq" ON "scorecard_templates" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "template_assignments_position_period_uq" ON "template_assignments" USING btree ("workspace_id","position_id","period") WHERE "template_assignments"."position_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "template_assignments_person_period_uq" ON "template_assignments" USING btree ("workspace_id","person_id","period") WHERE "template_assignments"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "template_assignments_template_idx" ON "template_assignments" USING btree ("template_id");