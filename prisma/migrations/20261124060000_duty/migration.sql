-- The child director's own duty: contacts and home visits (the template's visit rows), and the
-- last of each on the child's file so the duty calendar is one indexed query over children.

-- CreateEnum
CREATE TYPE "DirectorVisitKind" AS ENUM ('contact', 'home_visit');

-- AlterTable
ALTER TABLE "children" ADD COLUMN "lastContactOn" DATE,
ADD COLUMN "lastHomeVisitOn" DATE;

-- CreateTable
CREATE TABLE "director_visits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "kind" "DirectorVisitKind" NOT NULL,
    "visitedOn" DATE NOT NULL,
    "problems" TEXT,
    "measures" TEXT,
    "byUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "director_visits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "director_visits_childId_visitedOn_idx" ON "director_visits"("childId", "visitedOn");

-- AddForeignKey (RESTRICT: visits are an append-only record)
ALTER TABLE "director_visits" ADD CONSTRAINT "director_visits_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "director_visits" ADD CONSTRAINT "director_visits_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A recorded visit is evidence of work done: never rewritten ("append_only" from 20261124020000).
CREATE TRIGGER "director_visits_no_update_delete" BEFORE UPDATE OR DELETE ON "director_visits"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "director_visits_no_truncate" BEFORE TRUNCATE ON "director_visits"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
