CREATE TABLE "goal_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"on" date NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_target_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"from_target" double precision NOT NULL,
	"to_target" double precision NOT NULL,
	"from_deadline" date NOT NULL,
	"to_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_target_changes_reason_ck" CHECK (length(trim("goal_target_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"phase_id" uuid,
	"parent_id" uuid,
	"owner_kind" text NOT NULL,
	"owner_unit_id" uuid,
	"owner_person_id" uuid,
	"statement" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"starts_on" date NOT NULL,
	"deadline" date NOT NULL,
	"source" text NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"current" double precision,
	"last_check_in_at" timestamp with time zone,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" double precision,
	"status_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_owner_ck" CHECK (("goals"."owner_kind" = 'company' and "goals"."owner_unit_id" is null and "goals"."owner_person_id" is null)
        or ("goals"."owner_kind" = 'unit' and "goals"."owner_unit_id" is not null and "goals"."owner_person_id" is null)
        or ("goals"."owner_kind" = 'person' and "goals"."owner_person_id" is not null and "goals"."owner_unit_id" is null)),
	CONSTRAINT "goals_source_ck" CHECK ("goals"."source" in ('parent', 'strategy', 'annual_plan', 'budget', 'job_duties', 'business_process')),
	CONSTRAINT "goals_parent_source_ck" CHECK (("goals"."source" = 'parent') = ("goals"."parent_id" is not null)),
	CONSTRAINT "goals_range_ck" CHECK ("goals"."deadline" > "goals"."starts_on"),
	CONSTRAINT "goals_statement_ck" CHECK (length(trim("goals"."statement")) > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_phases_range_ck" CHECK ("plan_phases"."ends_on" >= "plan_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"review_cadence" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_range_ck" CHECK ("plans"."ends_on" >= "plans"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "goal_check_ins" ADD CONSTRAINT "goal_check_ins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_check_ins" ADD CONSTRAINT "goal_check_ins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_target_changes" ADD CONSTRAINT "goal_target_changes_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_target_changes" ADD CONSTRAINT "goal_target_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_phase_id_plan_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."plan_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_parent_id_goals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_phases" ADD CONSTRAINT "plan_phases_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_check_ins_goal_on_idx" ON "goal_check_ins" USING btree ("goal_id","on");--> statement-breakpoint
CREATE INDEX "goal_target_changes_goal_idx" ON "goal_target_changes" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "goals_plan_parent_idx" ON "goals" USING btree ("plan_id","parent_id");--> statement-breakpoint
CREATE INDEX "goals_ws_status_idx" ON "goals" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "goals_ws_person_idx" ON "goals" USING btree ("workspace_id","owner_person_id");--> statement-breakpoint
CREATE INDEX "goals_ws_unit_idx" ON "goals" USING btree ("workspace_id","owner_unit_id");--> statement-breakpoint
CREATE INDEX "goals_ws_status_on_idx" ON "goals" USING btree ("workspace_id","status_on");--> statement-breakpoint
CREATE INDEX "goals_indicator_idx" ON "goals" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_phases_plan_name_uq" ON "plan_phases" USING btree ("plan_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_ws_name_uq" ON "plans" USING btree ("workspace_id","name");