-- Check-ins (issue #8): what a love parent records after each contact with the paired child, the
-- village director's one-time decision on it, the idempotency keys that make an offline phone's
-- retries safe, the record of reminders already sent, and who chose to appear on the honour board.

-- CreateEnum
CREATE TYPE "CheckinStatus" AS ENUM ('pending', 'confirmed', 'disputed');
CREATE TYPE "SecCheckResult" AS ENUM ('pass', 'review', 'unchecked', 'not_applicable');
CREATE TYPE "IdempotencyStatus" AS ENUM ('in_progress', 'completed');

-- CreateTable
CREATE TABLE "checkins" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "pairingId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" SMALLINT NOT NULL,
    "contactMode" TEXT NOT NULL,
    "serviceTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" TEXT NOT NULL,
    "childMood" TEXT,
    "problemsFound" TEXT,
    "measuresSuggested" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "worried" BOOLEAN NOT NULL DEFAULT false,
    "secCheck" "SecCheckResult" NOT NULL,
    "secCheckLabel" INTEGER,
    "status" "CheckinStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionNote" TEXT,
    "points" DOUBLE PRECISION,
    CONSTRAINT "checkins_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "idempotency_keys" (
    "userId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "requestHash" CHAR(64) NOT NULL,
    "status" "IdempotencyStatus" NOT NULL DEFAULT 'in_progress',
    "claimToken" UUID NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "responseStatus" SMALLINT,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("userId", "key")
);

CREATE TABLE "reminders_sent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "dueKey" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "reminders_sent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "honour_opt_ins" (
    "volunteerId" UUID NOT NULL,
    "showFullName" BOOLEAN NOT NULL DEFAULT false,
    "optedInAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "honour_opt_ins_pkey" PRIMARY KEY ("volunteerId")
);

-- CreateIndex
CREATE INDEX "checkins_pairingId_startedAt_idx" ON "checkins"("pairingId", "startedAt");
CREATE INDEX "checkins_volunteerId_startedAt_idx" ON "checkins"("volunteerId", "startedAt");
CREATE INDEX "checkins_status_createdAt_idx" ON "checkins"("status", "createdAt");
CREATE INDEX "checkins_status_decidedAt_idx" ON "checkins"("status", "decidedAt");
CREATE INDEX "idempotency_keys_createdAt_idx" ON "idempotency_keys"("createdAt");
CREATE UNIQUE INDEX "reminders_sent_kind_subjectId_dueKey_key" ON "reminders_sent"("kind", "subjectId", "dueKey");

-- AddForeignKey (RESTRICT: a check-in is evidence of work done and outlives nothing it points at)
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "pairings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "honour_opt_ins" ADD CONSTRAINT "honour_opt_ins_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A check-in is never deleted, and only its decision is ever written — once, from pending to
-- confirmed or disputed. Concurrent decisions are settled by a conditional UPDATE in the service;
-- this trigger is the last word against anything else rewriting a visit record.
CREATE FUNCTION "checkins_decide_once"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decision CONSTANT TEXT[] := ARRAY['status', 'decidedAt', 'decidedById', 'decisionNote', 'points'];
BEGIN
  IF OLD."status" <> 'pending' OR NEW."status" = 'pending' OR (to_jsonb(NEW) - decision) IS DISTINCT FROM (to_jsonb(OLD) - decision) THEN
    RAISE EXCEPTION 'checkins: only a pending check-in''s decision may be written, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "checkins_decide_once" BEFORE UPDATE ON "checkins"
  FOR EACH ROW EXECUTE FUNCTION "checkins_decide_once"();
CREATE TRIGGER "checkins_no_delete" BEFORE DELETE ON "checkins"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "checkins_no_truncate" BEFORE TRUNCATE ON "checkins"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

-- A reminder sent is a fact: never rewritten ("append_only" from 20261124020000).
CREATE TRIGGER "reminders_sent_no_update_delete" BEFORE UPDATE OR DELETE ON "reminders_sent"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "reminders_sent_no_truncate" BEFORE TRUNCATE ON "reminders_sent"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
