-- Every list of children and pairings is read by someone bound to one county or less (shared
-- ROLE_REGION_LEVELS: nobody above a county lists them). Their search structures were
-- province-wide: the GIN posting list of 'cat:left_behind' or of the surname 黄 held every match in
-- the database, so a county's search read 20 times more entries once its province was loaded
-- (issue #15: a county's reads within 1.5× when the province around it is 20× larger). Now:
--   nameGrams and facets carry the county in each token ('450225:黄', '450225:cat:left_behind'),
--     so a county's lookup reads that county's entries only (server/src/modules/children/search.ts
--     builds the same tokens);
--   children (county, name, id) answers a county's list in name order by walking that county alone;
--   pairings (county, stateChangedAt, id) does the same for the ledger, newest change first.
CREATE FUNCTION "child_search_grams"(n TEXT, county TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT county || ':' || g FROM unnest("child_name_grams"(n)) AS g)
$$;

CREATE OR REPLACE FUNCTION "children_derived_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  county TEXT := left(NEW."villageCode", 6);
BEGIN
  IF TG_OP = 'INSERT' OR NEW."name" IS DISTINCT FROM OLD."name" OR county IS DISTINCT FROM left(OLD."villageCode", 6) THEN
    NEW."nameGrams" := "child_search_grams"(NEW."name", county);
  END IF;
  NEW."facets" := ARRAY(SELECT county || ':' || t FROM unnest(
    ARRAY(
      SELECT 'cat:' || v::text FROM unnest(NEW."categories") AS v
      UNION ALL SELECT 'kind:' || v::text FROM unnest(NEW."difficultyKinds") AS v
      UNION ALL SELECT 'sa:' || v::text FROM unnest(NEW."specialAttention") AS v
      UNION ALL SELECT 'prio:' || v::text FROM unnest(NEW."priorityReasons") AS v
    )
    || CASE WHEN NEW."riskLevel" IS NULL THEN ARRAY['risk:none'] ELSE ARRAY['risk:' || NEW."riskLevel"::text] END
    || CASE WHEN cardinality(NEW."specialAttention") > 0 THEN ARRAY['sa:any'] ELSE ARRAY[]::TEXT[] END
    || CASE WHEN cardinality(NEW."priorityReasons") > 0 THEN ARRAY['prio:any'] ELSE ARRAY[]::TEXT[] END
    || CASE WHEN NEW."nearWater" THEN ARRAY['near_water'] ELSE ARRAY['not_near_water'] END
    || CASE WHEN NEW."consentGivenBy" IS NOT NULL AND NEW."consentDate" IS NOT NULL THEN ARRAY['consent:on_file'] ELSE ARRAY['consent:missing'] END
  ) AS t);
  RETURN NEW;
END
$$;

-- Re-derive every file's tokens (facets follow from the trigger on any update).
UPDATE "children" SET "nameGrams" = "child_search_grams"("name", left("villageCode", 6));

CREATE INDEX "children_county_name_idx" ON "children" (left("villageCode", 6), "name", "id");
CREATE INDEX "pairings_county_changed_idx" ON "pairings" (left("villageCode", 6), "stateChangedAt", "id");

-- No ANALYZE here: on a new installation the tables are empty, and statistics saying so would
-- mislead the planner until autovacuum came round; on a large one, rewriting every file's tokens
-- passes autovacuum's threshold, and it analyzes them (and the new expression indexes) shortly.
