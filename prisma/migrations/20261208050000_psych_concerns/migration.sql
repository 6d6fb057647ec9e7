-- Psychological and behavioural concerns (issue #17, shared/src/care/concerns.ts): recorded by a
-- director or the paired love parent, handled by the director (guardians told, referral, outcome,
-- closed). Not safeguarding reports — those stay for harm. Both tables are append-only.

CREATE TYPE "ConcernEventType" AS ENUM ('guardian_told', 'referred', 'outcome', 'note', 'closed');

CREATE TABLE "psych_concerns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "signs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "noticedOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedRole" "Role" NOT NULL,
    "attentionRaised" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "psych_concerns_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "psych_concerns_childId_createdAt_idx" ON "psych_concerns"("childId", "createdAt");
ALTER TABLE "psych_concerns" ADD CONSTRAINT "psych_concerns_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "psych_concerns" ADD CONSTRAINT "psych_concerns_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "psych_concern_events" (
    "id" BIGSERIAL NOT NULL,
    "concernId" UUID NOT NULL,
    "type" "ConcernEventType" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "referredTo" TEXT,
    "note" TEXT NOT NULL,
    "byUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "psych_concern_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "psych_concern_events_concernId_createdAt_idx" ON "psych_concern_events"("concernId", "createdAt");
ALTER TABLE "psych_concern_events" ADD CONSTRAINT "psych_concern_events_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "psych_concerns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "psych_concern_events" ADD CONSTRAINT "psych_concern_events_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "psych_concerns_no_update_delete" BEFORE UPDATE OR DELETE ON "psych_concerns"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "psych_concerns_no_truncate" BEFORE TRUNCATE ON "psych_concerns"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "psych_concern_events_no_update_delete" BEFORE UPDATE OR DELETE ON "psych_concern_events"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "psych_concern_events_no_truncate" BEFORE TRUNCATE ON "psych_concern_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
