-- 防溺水 (issue #17, shared/src/care/water-safety.ts): a director's visit may carry a water-safety
-- talk with what it covered, and the file keeps the date of the latest talk (a director's, or a
-- love parent's confirmed check-in) so the duty calendar shows this holiday's task without a join.

ALTER TABLE "director_visits" ADD COLUMN "waterSafetyContent" TEXT;
ALTER TABLE "children" ADD COLUMN "waterSafetyOn" DATE;
