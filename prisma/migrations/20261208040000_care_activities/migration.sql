-- Care activities (issue #17, shared/src/care/activities.ts): 安全知识进村, holiday activities and
-- 儿童之家 activities of a village; the children reached (a count, and files when named); the
-- volunteers who served, whose hours wait for the village director like check-ins; photos.

CREATE TYPE "ActivityKind" AS ENUM ('safety_knowledge', 'holiday', 'children_home', 'other');

CREATE TABLE "activities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "villageCode" VARCHAR(12) NOT NULL,
    "heldOn" DATE NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "organiser" TEXT NOT NULL,
    "content" TEXT,
    "childrenReached" INTEGER NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedRole" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "activities_villageCode_heldOn_idx" ON "activities"("villageCode", "heldOn");
-- Region containment (`villageCode LIKE '450225%'`) for lists and counts.
CREATE INDEX "activities_villageCode_pattern_idx" ON "activities"("villageCode" text_pattern_ops, "heldOn");
ALTER TABLE "activities" ADD CONSTRAINT "activities_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "activity_children" (
    "activityId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    CONSTRAINT "activity_children_pkey" PRIMARY KEY ("activityId", "childId")
);
CREATE INDEX "activity_children_childId_idx" ON "activity_children"("childId");
ALTER TABLE "activity_children" ADD CONSTRAINT "activity_children_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "activities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activity_children" ADD CONSTRAINT "activity_children_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "activity_services" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "activityId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "minutes" SMALLINT NOT NULL,
    "status" "CheckinStatus" NOT NULL DEFAULT 'pending',
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionNote" TEXT,
    "points" DOUBLE PRECISION,
    CONSTRAINT "activity_services_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "activity_services_activityId_volunteerId_key" ON "activity_services"("activityId", "volunteerId");
CREATE INDEX "activity_services_volunteerId_status_idx" ON "activity_services"("volunteerId", "status");
ALTER TABLE "activity_services" ADD CONSTRAINT "activity_services_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "activities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activity_services" ADD CONSTRAINT "activity_services_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Like a check-in: the service is never deleted, and only the decision is ever written after the
-- insert, once (pending → confirmed | disputed).
CREATE FUNCTION "activity_services_decide_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'activity_services rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."status" <> 'pending'
     OR (NEW."id", NEW."activityId", NEW."volunteerId", NEW."minutes") IS DISTINCT FROM (OLD."id", OLD."activityId", OLD."volunteerId", OLD."minutes") THEN
    RAISE EXCEPTION 'an activity service changes only by its one decision' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "activity_services_decide_once" BEFORE UPDATE OR DELETE ON "activity_services"
  FOR EACH ROW EXECUTE FUNCTION "activity_services_decide_once"();
CREATE TRIGGER "activity_services_no_truncate" BEFORE TRUNCATE ON "activity_services"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

CREATE TABLE "activity_photos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "activityId" UUID NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "activity_photos_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "activity_photos_activityId_idx" ON "activity_photos"("activityId");
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "activities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Activities and the children linked to them are a record of work done.
CREATE TRIGGER "activities_no_update_delete" BEFORE UPDATE OR DELETE ON "activities"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "activities_no_truncate" BEFORE TRUNCATE ON "activities"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "activity_children_no_update_delete" BEFORE UPDATE OR DELETE ON "activity_children"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
