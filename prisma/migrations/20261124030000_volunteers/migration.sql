-- Volunteers and teams (issue #5): the rest of the sign-up, the acceptances with their versions,
-- the coordinator's vetting checks, and an append-only history of every application.

-- CreateEnum
CREATE TYPE "CriminalRecordResult" AS ENUM ('pending', 'clear', 'not_clear');
CREATE TYPE "AcceptanceDocument" AS ENUM ('privacy', 'pledge', 'criminal_record');

-- AlterTable
-- A draft is saved before everything is known, so the columns the first migration required become
-- optional; POST /api/volunteers/me/submit checks completeness instead.
ALTER TABLE "volunteers" ALTER COLUMN "realName" DROP NOT NULL,
ALTER COLUMN "gender" DROP NOT NULL,
ALTER COLUMN "kind" DROP NOT NULL,
ALTER COLUMN "serviceRegionCode" DROP NOT NULL,
ADD COLUMN "availability" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "availabilityNote" TEXT,
ADD COLUMN "contactModes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "teamJoinedAt" TIMESTAMPTZ(3),
ADD COLUMN "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN "statusChangedAt" TIMESTAMPTZ(3),
ADD COLUMN "identityVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "identityVerifiedOn" DATE,
ADD COLUMN "criminalRecordResult" "CriminalRecordResult",
ADD COLUMN "criminalRecordCheckedOn" DATE,
ADD COLUMN "trainingCompletedOn" DATE,
ADD COLUMN "trainingCourse" TEXT,
ADD COLUMN "interviewNote" TEXT;

-- CreateTable
CREATE TABLE "volunteer_acceptances" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "volunteerId" UUID NOT NULL,
    "document" "AcceptanceDocument" NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "volunteer_acceptances_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "volunteer_events" (
    "id" BIGSERIAL NOT NULL,
    "volunteerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorUserId" UUID,
    "actorRole" "Role",
    "type" TEXT NOT NULL,
    "fromStatus" "VolunteerStatus",
    "toStatus" "VolunteerStatus",
    "reason" TEXT,
    "checks" JSONB,
    CONSTRAINT "volunteer_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "volunteer_acceptances_volunteerId_document_version_key" ON "volunteer_acceptances"("volunteerId", "document", "version");
CREATE INDEX "volunteer_events_volunteerId_at_idx" ON "volunteer_events"("volunteerId", "at");

-- AddForeignKey
ALTER TABLE "volunteer_acceptances" ADD CONSTRAINT "volunteer_acceptances_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_events" ADD CONSTRAINT "volunteer_events_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The application's history is kept whole (a volunteer's withdrawal or a coordinator's decision
-- must stay provable), like the audit trail: the application cannot rewrite it.
CREATE TRIGGER "volunteer_events_no_update_delete" BEFORE UPDATE OR DELETE ON "volunteer_events"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "volunteer_events_no_truncate" BEFORE TRUNCATE ON "volunteer_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
