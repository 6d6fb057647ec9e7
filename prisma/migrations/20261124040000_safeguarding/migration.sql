-- Safeguarding: mandatory reports and their handling log, both append-only.

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('abuse_violence', 'neglect_guardianship', 'injury_accident', 'sexual_harm', 'trafficking_missing', 'psychological_crisis', 'dangerous_surroundings', 'bullying', 'other');
CREATE TYPE "ReportUrgency" AS ENUM ('immediate', 'concern');
CREATE TYPE "ReportEventType" AS ENUM ('received', 'escalated', 'acknowledged', 'assessed', 'referred', 'measure', 'note', 'closed');
CREATE TYPE "ReferralTarget" AS ENUM ('police', 'civil_affairs', 'education', 'health', 'court', 'other');

-- CreateTable
CREATE TABLE "safeguarding_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reporterUserId" UUID NOT NULL,
    "reporterRole" "Role",
    "childId" UUID,
    "childName" TEXT,
    "regionCode" VARCHAR(12) NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "urgency" "ReportUrgency" NOT NULL,
    "seen" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "safeguarding_reports_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "safeguarding_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reportId" UUID NOT NULL,
    "type" "ReportEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorRole" "Role",
    "referredTo" "ReferralTarget",
    "level" TEXT,
    "note" TEXT,
    CONSTRAINT "safeguarding_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "safeguarding_reports_regionCode_createdAt_idx" ON "safeguarding_reports"("regionCode", "createdAt");
CREATE INDEX "safeguarding_reports_reporterUserId_idx" ON "safeguarding_reports"("reporterUserId");
CREATE INDEX "safeguarding_reports_childId_idx" ON "safeguarding_reports"("childId");
CREATE INDEX "safeguarding_reports_regionCode_pattern_idx" ON "safeguarding_reports"("regionCode" text_pattern_ops);
CREATE INDEX "safeguarding_events_reportId_at_idx" ON "safeguarding_events"("reportId", "at");
CREATE INDEX "safeguarding_events_type_at_idx" ON "safeguarding_events"("type", "at");

-- AddForeignKey (RESTRICT: a SET NULL would be an UPDATE, which the append-only trigger refuses)
ALTER TABLE "safeguarding_reports" ADD CONSTRAINT "safeguarding_reports_reporterUserId_fkey" FOREIGN KEY ("reporterUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "safeguarding_reports" ADD CONSTRAINT "safeguarding_reports_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "safeguarding_events" ADD CONSTRAINT "safeguarding_events_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "safeguarding_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "safeguarding_events" ADD CONSTRAINT "safeguarding_events_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Reports are never edited or deleted, only added to (the handling log); "append_only"() is
-- defined in 20261124020000_children.
CREATE TRIGGER "safeguarding_reports_append_only" BEFORE UPDATE OR DELETE ON "safeguarding_reports"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "safeguarding_reports_no_truncate" BEFORE TRUNCATE ON "safeguarding_reports"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "safeguarding_events_append_only" BEFORE UPDATE OR DELETE ON "safeguarding_events"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "safeguarding_events_no_truncate" BEFORE TRUNCATE ON "safeguarding_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
