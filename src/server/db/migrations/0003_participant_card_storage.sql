-- A participant's scorecard snapshot (1–3 kB) is read often and never changed after the cycle
-- opens, while status, total and grade change with every recompute. Stored uncompressed out of
-- line, an UPDATE of the scores copies a pointer to it instead of rewriting it: recomputing a
-- 10,000-person cycle writes far less. (frozen_result likewise, once written at close.)
ALTER TABLE "cycle_participants" ALTER COLUMN "card" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "cycle_participants" ALTER COLUMN "frozen_result" SET STORAGE EXTERNAL;
