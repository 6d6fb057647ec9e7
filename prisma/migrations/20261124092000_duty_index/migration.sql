-- The duty calendar of a county reads every open file's last visits and flags (issue #8: 50,000
-- children, p95 ≤ 200 ms). This partial index holds exactly those columns, so the calendar is an
-- index-only scan of a few megabytes instead of a sequential scan of the wide, encrypted rows.
CREATE INDEX "children_duty_idx" ON "children" ("villageCode" text_pattern_ops)
  INCLUDE ("id", "name", "lastContactOn", "lastHomeVisitOn", "createdAt", "riskLevel", "specialAttention")
  WHERE "closedAt" IS NULL;
