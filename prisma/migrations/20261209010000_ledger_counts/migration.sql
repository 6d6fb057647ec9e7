-- Issue #15: the ledger and the suggestions stop counting pairings on every request. Counting a
-- county's 20,000 pairings took 9 of the ledger's 10 ms; aggregating its live pairings per
-- volunteer took 6 of the suggestions' 15.
--
-- 1. pairing_counts: pairings per state in each village, township and county. The ledger's counts
--    per state read one region's rows (a city or province sums its counties').
-- 2. pairing_due_days: active pairings per region and per China calendar day from which contact
--    is counted (the last confirmed contact, else the start date). The stale count is the sum of
--    the days up to the cutoff — some hundreds of rows, not every active pairing.
-- 3. volunteers."livePairings": a volunteer's live pairings (proposed, acknowledged, active,
--    paused). Suggestions rank the approved volunteers with room (a partial index holds exactly
--    those) without aggregating the county's pairings first.
-- All three are kept by one trigger in the pairing's own transaction. It changes the rows of one
-- pairing in a fixed order (by key), so two transactions that move pairings in opposite
-- directions (one paused, one resumed) cannot deadlock on them.
CREATE TABLE "pairing_counts" (
  "regionCode" VARCHAR(12) NOT NULL,
  "state" "PairingState" NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "pairing_counts_pkey" PRIMARY KEY ("regionCode", "state")
);
CREATE TABLE "pairing_due_days" (
  "regionCode" VARCHAR(12) NOT NULL,
  "day" DATE NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "pairing_due_days_pkey" PRIMARY KEY ("regionCode", "day")
);
-- A city's or province's counties: `regionCode LIKE '45%'` (the rows of counties end in six zeros).
CREATE INDEX "pairing_counts_regionCode_pattern_idx" ON "pairing_counts" ("regionCode" text_pattern_ops) INCLUDE ("state", "n");
CREATE INDEX "pairing_due_days_regionCode_pattern_idx" ON "pairing_due_days" ("regionCode" text_pattern_ops, "day") INCLUDE ("n");

ALTER TABLE "volunteers" ADD COLUMN "livePairings" SMALLINT NOT NULL DEFAULT 0;

-- The village, its township and its county.
CREATE FUNCTION "pairing_regions"("village" TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY["village", rpad(left("village", 9), 12, '0'), rpad(left("village", 6), 12, '0')]
$$;
-- The China calendar day from which an active pairing's contact is counted.
CREATE FUNCTION "pairing_due_day"("lastContactAt" TIMESTAMPTZ, "startDate" DATE) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(("lastContactAt" AT TIME ZONE 'Asia/Shanghai')::date, "startDate")
$$;

CREATE FUNCTION "pairings_keep_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "pairing_counts" ("regionCode", "state", "n")
  SELECT r, s, sum(d)::int FROM (
    SELECT unnest("pairing_regions"(OLD."villageCode")) AS r, OLD."state" AS s, -1 AS d WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT unnest("pairing_regions"(NEW."villageCode")), NEW."state", 1 WHERE TG_OP <> 'DELETE'
  ) x GROUP BY r, s HAVING sum(d) <> 0 ORDER BY r, s
  ON CONFLICT ("regionCode", "state") DO UPDATE SET "n" = "pairing_counts"."n" + EXCLUDED."n";

  INSERT INTO "pairing_due_days" ("regionCode", "day", "n")
  SELECT r, day, sum(d)::int FROM (
    SELECT unnest("pairing_regions"(OLD."villageCode")) AS r, "pairing_due_day"(OLD."lastConfirmedContactAt", OLD."startDate") AS day, -1 AS d
     WHERE TG_OP <> 'INSERT' AND OLD."state" = 'active'
    UNION ALL
    SELECT unnest("pairing_regions"(NEW."villageCode")), "pairing_due_day"(NEW."lastConfirmedContactAt", NEW."startDate"), 1
     WHERE TG_OP <> 'DELETE' AND NEW."state" = 'active'
  ) x WHERE day IS NOT NULL GROUP BY r, day HAVING sum(d) <> 0 ORDER BY r, day
  ON CONFLICT ("regionCode", "day") DO UPDATE SET "n" = "pairing_due_days"."n" + EXCLUDED."n";

  UPDATE "volunteers" v SET "livePairings" = v."livePairings" + x.d
    FROM (SELECT id, sum(d)::int AS d FROM (
            SELECT OLD."volunteerId" AS id, -1 AS d WHERE TG_OP <> 'INSERT' AND OLD."state" IN ('proposed', 'acknowledged', 'active', 'paused')
            UNION ALL
            SELECT NEW."volunteerId", 1 WHERE TG_OP <> 'DELETE' AND NEW."state" IN ('proposed', 'acknowledged', 'active', 'paused')
          ) y GROUP BY id HAVING sum(d) <> 0) x
   WHERE v."id" = x.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "pairings_counts_insert_delete" AFTER INSERT OR DELETE ON "pairings"
  FOR EACH ROW EXECUTE FUNCTION "pairings_keep_counts"();
CREATE TRIGGER "pairings_counts_update" AFTER UPDATE OF "state", "villageCode", "volunteerId", "lastConfirmedContactAt", "startDate" ON "pairings"
  FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."villageCode" IS DISTINCT FROM NEW."villageCode"
                     OR OLD."volunteerId" IS DISTINCT FROM NEW."volunteerId"
                     OR OLD."lastConfirmedContactAt" IS DISTINCT FROM NEW."lastConfirmedContactAt" OR OLD."startDate" IS DISTINCT FROM NEW."startDate")
  EXECUTE FUNCTION "pairings_keep_counts"();

-- The three counted afresh from the pairings: here for what is there already, and again after
-- anything that loads pairings with triggers off (a restore with --disable-triggers, the bench's
-- province: test/bench/fixtures/province.ts).
CREATE FUNCTION "pairing_counts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "pairing_counts";
  INSERT INTO "pairing_counts" ("regionCode", "state", "n")
    SELECT r, "state", count(*)::int FROM "pairings", unnest("pairing_regions"("villageCode")) AS r GROUP BY 1, 2;
  DELETE FROM "pairing_due_days";
  INSERT INTO "pairing_due_days" ("regionCode", "day", "n")
    SELECT r, "pairing_due_day"("lastConfirmedContactAt", "startDate") AS day, count(*)::int
      FROM "pairings", unnest("pairing_regions"("villageCode")) AS r
     WHERE "state" = 'active' AND "pairing_due_day"("lastConfirmedContactAt", "startDate") IS NOT NULL GROUP BY 1, 2;
  UPDATE "volunteers" v SET "livePairings" = l.n
    FROM (SELECT v2."id", count(p."id")::int AS n FROM "volunteers" v2
            LEFT JOIN "pairings" p ON p."volunteerId" = v2."id" AND p."state" IN ('proposed', 'acknowledged', 'active', 'paused')
           GROUP BY v2."id") l
   WHERE v."id" = l."id" AND v."livePairings" IS DISTINCT FROM l.n;
$$;
SELECT "pairing_counts_rebuild"();

-- Approved volunteers with room, by where they serve: the candidates of a suggestion.
CREATE INDEX "volunteers_with_room_idx" ON "volunteers" ("serviceRegionCode")
  WHERE "status" = 'approved' AND "livePairings" < "capacity";

-- Statistics for the new tables and index now (ANALYZE samples, so this is quick at any size).
ANALYZE "pairing_counts";
ANALYZE "pairing_due_days";
ANALYZE "volunteers";
