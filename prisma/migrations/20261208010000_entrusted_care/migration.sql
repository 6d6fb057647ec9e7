-- 委托照护 (issue #17, shared/src/care/entrusted.ts): the arrangement beside the template's three
-- entrusted-care columns, the director's latest assessment and the follow-up it opened, and the
-- append-only log of assessments and steps. A change of carer is its own kind of history entry.

CREATE TYPE "ParentContactFrequency" AS ENUM ('weekly', 'monthly', 'quarterly', 'rarely');
CREATE TYPE "CarerCapacity" AS ENUM ('capable', 'lacks_capacity', 'neglects');
CREATE TYPE "EntrustedFollowUp" AS ENUM ('notify_parents', 'resolve');
CREATE TYPE "EntrustedCareEventType" AS ENUM ('assessed', 'parents_notified', 'carer_supported', 'carer_changed');

-- Not used in this transaction (PostgreSQL allows adding, not using, an enum value inside one).
ALTER TYPE "ChildHistoryKind" ADD VALUE 'carer_changed';

ALTER TABLE "children" ADD COLUMN "entrustedCarerName" TEXT,
ADD COLUMN "entrustedSince" DATE,
ADD COLUMN "entrustedAgreementOn" DATE,
ADD COLUMN "parentContactFrequency" "ParentContactFrequency",
ADD COLUMN "parentContactModes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "entrustedAssessedOn" DATE,
ADD COLUMN "entrustedFollowUp" "EntrustedFollowUp";

-- A sequence for ids: the log reads in the order it was written, even within one instant.
CREATE TABLE "entrusted_care_events" (
    "id" BIGSERIAL NOT NULL,
    "childId" UUID NOT NULL,
    "type" "EntrustedCareEventType" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "capacity" "CarerCapacity",
    "quality" "CareQuality",
    "note" TEXT,
    "visitId" UUID,
    "fromCarer" JSONB,
    "toCarer" JSONB,
    "byUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "entrusted_care_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "entrusted_care_events_childId_createdAt_idx" ON "entrusted_care_events"("childId", "createdAt");
-- The annual report counts the year's steps across a county.
CREATE INDEX "entrusted_care_events_occurredOn_idx" ON "entrusted_care_events"("occurredOn");

ALTER TABLE "entrusted_care_events" ADD CONSTRAINT "entrusted_care_events_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entrusted_care_events" ADD CONSTRAINT "entrusted_care_events_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "director_visits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entrusted_care_events" ADD CONSTRAINT "entrusted_care_events_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "entrusted_care_events_no_update_delete" BEFORE UPDATE OR DELETE ON "entrusted_care_events"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "entrusted_care_events_no_truncate" BEFORE TRUNCATE ON "entrusted_care_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

-- Files that already name a grandparent as the entrusted carer: the name is usually the
-- grandparent guardian's; left empty here (a director confirms it), nothing is guessed.
