CREATE TABLE "goal_period_targets" (
	"goal_id" uuid NOT NULL,
	"period" text NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "goal_period_targets_pk" PRIMARY KEY("goal_id","period")
);
--> statement-breakpoint
ALTER TABLE "goal_target_changes" ADD COLUMN "period" text;--> statement-breakpoint
ALTER TABLE "goal_target_changes" ADD COLUMN "from_recurrence" text;--> statement-breakpoint
ALTER TABLE "goal_target_changes" ADD COLUMN "to_recurrence" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "goal_period_targets" ADD CONSTRAINT "goal_period_targets_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_recurrence_ck" CHECK ("goals"."recurrence" is null or "goals"."recurrence" in ('week', 'month', 'quarter'));