-- Directors (issue #17, shared/src/care/staffing.ts): which director keeps each child in a village
-- with several, and the training record (培训档案) county civil affairs keeps for every director.

ALTER TABLE "children" ADD COLUMN "directorUserId" UUID;
ALTER TABLE "children" ADD CONSTRAINT "children_directorUserId_fkey" FOREIGN KEY ("directorUserId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "director_trainings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "regionCode" VARCHAR(12) NOT NULL,
    "trainedOn" DATE NOT NULL,
    "course" TEXT NOT NULL,
    "organiser" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "director_trainings_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "director_trainings_userId_trainedOn_idx" ON "director_trainings"("userId", "trainedOn");

ALTER TABLE "director_trainings" ADD CONSTRAINT "director_trainings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "director_trainings" ADD CONSTRAINT "director_trainings_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A training record is evidence of the year's full coverage: never rewritten.
CREATE TRIGGER "director_trainings_no_update_delete" BEFORE UPDATE OR DELETE ON "director_trainings"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "director_trainings_no_truncate" BEFORE TRUNCATE ON "director_trainings"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
