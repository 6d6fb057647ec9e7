-- The duty calendar now also shows the entrusted carer's yearly re-assessment, this holiday's
-- water-safety talk for near-water children, and each child's director (issue #17). The partial
-- index of the calendar's columns grows by those, so a county's calendar stays an index-only scan.
DROP INDEX "children_duty_idx";
CREATE INDEX "children_duty_idx" ON "children" ("villageCode" text_pattern_ops)
  INCLUDE ("id", "name", "lastContactOn", "lastHomeVisitOn", "createdAt", "riskLevel", "specialAttention",
           "nearWater", "waterSafetyOn", "entrustedCarer", "entrustedSince", "entrustedAssessedOn", "entrustedFollowUp", "directorUserId")
  WHERE "closedAt" IS NULL;
-- No ANALYZE (as in 20261207010000): autovacuum gathers statistics once there are rows to describe.
