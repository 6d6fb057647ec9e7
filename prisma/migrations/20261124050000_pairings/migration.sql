-- The pairing ledger (结对台账, issue #7). `pairing_events` is the ledger itself: append-only, one
-- row per decision (who, when, what, why). `pairings` is its projection — the current state of each
-- pairing, written in the same transaction as the event that changes it — so lists, scopes and the
-- "one live pairing per child" rule are plain indexed reads (shared foldPairingEvents replays a
-- ledger; a test checks the projection against it).

-- CreateEnum
CREATE TYPE "PairingState" AS ENUM ('proposed', 'acknowledged', 'active', 'paused', 'ended', 'declined');
CREATE TYPE "PairingEndReason" AS ENUM ('volunteer_withdrew', 'volunteer_moved', 'volunteer_suspended', 'child_aged_out', 'child_moved', 'family_declined', 'safeguarding_concern', 'inactivity', 'programme_ended', 'other');
CREATE TYPE "PairingEventType" AS ENUM ('proposed', 'acknowledged', 'approved', 'declined', 'paused', 'resumed', 'ended');

-- CreateTable
CREATE TABLE "pairings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "villageCode" VARCHAR(12) NOT NULL,
    "state" "PairingState" NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "proposedById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "startDate" DATE,
    "pausedAt" TIMESTAMPTZ(3),
    "pauseReason" TEXT,
    "expectedResumeDate" DATE,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" "PairingEndReason",
    "endNote" TEXT,
    "declinedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    "stateChangedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastConfirmedContactAt" TIMESTAMPTZ(3),
    CONSTRAINT "pairings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "pairing_events" (
    "id" BIGSERIAL NOT NULL,
    "pairingId" UUID NOT NULL,
    "type" "PairingEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorUserId" UUID,
    "actorRole" "Role",
    "fromState" "PairingState",
    "toState" "PairingState" NOT NULL,
    "reason" TEXT,
    "endReason" "PairingEndReason",
    "startDate" DATE,
    "expectedResumeDate" DATE,
    CONSTRAINT "pairing_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pairings_childId_idx" ON "pairings"("childId");
CREATE INDEX "pairings_volunteerId_state_idx" ON "pairings"("volunteerId", "state");
CREATE INDEX "pairings_villageCode_stateChangedAt_idx" ON "pairings"("villageCode", "stateChangedAt");
CREATE INDEX "pairings_stateChangedAt_idx" ON "pairings"("stateChangedAt");
CREATE INDEX "pairing_events_pairingId_at_idx" ON "pairing_events"("pairingId", "at");
-- Region containment (`villageCode LIKE '450225%'`) with the state beside it, and what staleness
-- needs: a county's counts per state and of stale pairings are one index-only scan (ledger-sql.ts).
CREATE INDEX "pairings_villageCode_pattern_idx" ON "pairings"("villageCode" text_pattern_ops, "state") INCLUDE ("lastConfirmedContactAt", "startDate");
-- A child has at most one live pairing. Proposed and acknowledged count, not only active: two
-- proposals would ask one family twice and could both be approved; paused counts because it is
-- meant to resume. Ended and declined pairings stay in the ledger and free the child.
CREATE UNIQUE INDEX "pairings_childId_live_key" ON "pairings"("childId") WHERE "state" IN ('proposed', 'acknowledged', 'active', 'paused');

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pairing_events" ADD CONSTRAINT "pairing_events_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "pairings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is kept whole, like the audit trail: the generic function from the safeguarding
-- migration refuses UPDATE, DELETE and TRUNCATE.
CREATE TRIGGER "pairing_events_append_only" BEFORE UPDATE OR DELETE ON "pairing_events"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "pairing_events_no_truncate" BEFORE TRUNCATE ON "pairing_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

-- A live pairing follows its child to a new village (an accepted transfer), so the new village's
-- director and region see it; ended and declined pairings stay where they happened.
CREATE FUNCTION "pairings_follow_child"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "pairings" SET "villageCode" = NEW."villageCode"
   WHERE "childId" = NEW."id" AND "state" IN ('proposed', 'acknowledged', 'active', 'paused');
  RETURN NULL;
END
$$;
CREATE TRIGGER "children_pairings_follow" AFTER UPDATE OF "villageCode" ON "children"
  FOR EACH ROW WHEN (OLD."villageCode" IS DISTINCT FROM NEW."villageCode") EXECUTE FUNCTION "pairings_follow_child"();
