-- Children's files (一人一档): every field of the Guangxi ledger template, guardians with encrypted
-- phones, risk level, near-water and special-attention flags, pairing priority, guardian consent;
-- the edit history, transfers between villages and the yearly records handed over to the township.

-- CreateEnum
CREATE TYPE "ChildDifficultyKind" AS ENUM ('poverty', 'disability', 'guardianship');
CREATE TYPE "SingleParentFamily" AS ENUM ('no', 'mother', 'father');
CREATE TYPE "SchoolStage" AS ENUM ('not_in_school', 'preschool', 'primary', 'junior', 'senior', 'vocational');
CREATE TYPE "HealthStatus" AS ENUM ('healthy', 'fair', 'serious_illness', 'chronic_illness', 'disability', 'other');
CREATE TYPE "ParentStatus" AS ENUM ('at_home', 'away', 'incapable', 'deceased', 'missing');
CREATE TYPE "GuardianRelation" AS ENUM ('father', 'mother', 'grandfather', 'grandmother', 'relative', 'other');
CREATE TYPE "EntrustedCarer" AS ENUM ('grandparents', 'relatives_friends', 'none');
CREATE TYPE "EntrustedReason" AS ENUM ('both_away', 'one_away_other_incapable', 'both_incapable');
CREATE TYPE "CareQuality" AS ENUM ('good', 'fair', 'poor');
CREATE TYPE "ChildRiskLevel" AS ENUM ('low', 'medium', 'high', 'critical');
CREATE TYPE "SpecialAttention" AS ENUM ('parent_disability', 'child_disability', 'psych_behaviour', 'single_parent');
CREATE TYPE "PriorityReason" AS ENUM ('ill_or_disabled_poor', 'orphan', 'de_facto_unsupported', 'relocation_settlement');
CREATE TYPE "ConsentMethod" AS ENUM ('written', 'thumbprint', 'verbal_recorded');
CREATE TYPE "ChildCloseReason" AS ENUM ('aged_out', 'no_longer_eligible', 'moved_out', 'deceased', 'other');
CREATE TYPE "ChildTransferStatus" AS ENUM ('pending', 'accepted', 'declined', 'cancelled');
CREATE TYPE "ChildHistoryKind" AS ENUM ('created', 'updated', 'transferred', 'closed', 'year_completed', 'year_archived');

-- AlterTable
ALTER TABLE "children"
ADD COLUMN "difficultyKinds" "ChildDifficultyKind"[] DEFAULT ARRAY[]::"ChildDifficultyKind"[],
ADD COLUMN "singleParentFamily" "SingleParentFamily" NOT NULL DEFAULT 'no',
ADD COLUMN "schoolStage" "SchoolStage",
ADD COLUMN "schoolGrade" SMALLINT,
ADD COLUMN "schoolName" TEXT,
ADD COLUMN "boarding" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "guardianship" TEXT,
ADD COLUMN "healthStatus" "HealthStatus" NOT NULL DEFAULT 'healthy',
ADD COLUMN "healthDetail" TEXT,
ADD COLUMN "disabilityGrade" SMALLINT,
ADD COLUMN "psychBehaviour" TEXT,
ADD COLUMN "assistance" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "educationAid" TEXT,
ADD COLUMN "medicalAid" TEXT,
ADD COLUMN "otherAid" TEXT,
ADD COLUMN "fatherStatus" "ParentStatus",
ADD COLUMN "fatherAwaySince" DATE,
ADD COLUMN "motherStatus" "ParentStatus",
ADD COLUMN "motherAwaySince" DATE,
ADD COLUMN "incomePerCapita" INTEGER,
ADD COLUMN "familySubsidies" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "socialSupport" TEXT,
ADD COLUMN "entrustedCarer" "EntrustedCarer",
ADD COLUMN "entrustedReason" "EntrustedReason",
ADD COLUMN "entrustedCareQuality" "CareQuality",
ADD COLUMN "careGiven" TEXT,
ADD COLUMN "otherNotes" TEXT,
ADD COLUMN "filedByName" TEXT,
ADD COLUMN "filedAt" DATE,
ADD COLUMN "riskLevel" "ChildRiskLevel",
ADD COLUMN "riskAssessedAt" DATE,
ADD COLUMN "riskAssessor" TEXT,
ADD COLUMN "nearWater" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "specialAttention" "SpecialAttention"[] DEFAULT ARRAY[]::"SpecialAttention"[],
ADD COLUMN "priorityReasons" "PriorityReason"[] DEFAULT ARRAY[]::"PriorityReason"[],
ADD COLUMN "serviceTips" TEXT,
ADD COLUMN "directorWorkPhone" TEXT,
ADD COLUMN "consentGivenBy" TEXT,
ADD COLUMN "consentRelation" "GuardianRelation",
ADD COLUMN "consentDate" DATE,
ADD COLUMN "consentMethod" "ConsentMethod",
ADD COLUMN "nameGrams" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "facets" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "closedAt" TIMESTAMPTZ(3),
ADD COLUMN "closedReason" "ChildCloseReason",
ADD COLUMN "closedNote" TEXT,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "createdById" UUID;

-- CreateTable
CREATE TABLE "child_guardians" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "ordinal" SMALLINT NOT NULL DEFAULT 0,
    "relation" "GuardianRelation" NOT NULL,
    "name" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "healthy" BOOLEAN NOT NULL DEFAULT true,
    "healthDetail" TEXT,
    "occupation" TEXT,
    CONSTRAINT "child_guardians_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "child_history" (
    "id" BIGSERIAL NOT NULL,
    "childId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ChildHistoryKind" NOT NULL,
    "actorUserId" UUID,
    "actorName" TEXT,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "fromVillageCode" VARCHAR(12),
    "toVillageCode" VARCHAR(12),
    "year" SMALLINT,
    "note" TEXT,
    CONSTRAINT "child_history_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "child_transfers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "fromVillageCode" VARCHAR(12) NOT NULL,
    "toVillageCode" VARCHAR(12) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ChildTransferStatus" NOT NULL DEFAULT 'pending',
    "requestedById" UUID NOT NULL,
    "requestedByName" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    CONSTRAINT "child_transfers_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "child_year_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "childId" UUID NOT NULL,
    "year" SMALLINT NOT NULL,
    "villageCode" VARCHAR(12) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" UUID,
    "archivedAt" TIMESTAMPTZ(3),
    "archivedById" UUID,
    CONSTRAINT "child_year_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "children_nameGrams_idx" ON "children" USING GIN ("nameGrams");
CREATE INDEX "children_facets_idx" ON "children" USING GIN ("facets");
CREATE INDEX "children_name_id_idx" ON "children"("name", "id");
CREATE INDEX "children_birthDate_idx" ON "children"("birthDate");
CREATE INDEX "child_guardians_childId_idx" ON "child_guardians"("childId");
CREATE INDEX "child_history_childId_at_idx" ON "child_history"("childId", "at");
CREATE INDEX "child_transfers_childId_status_idx" ON "child_transfers"("childId", "status");
CREATE INDEX "child_transfers_fromVillageCode_status_idx" ON "child_transfers"("fromVillageCode", "status");
CREATE INDEX "child_transfers_toVillageCode_status_idx" ON "child_transfers"("toVillageCode", "status");
CREATE UNIQUE INDEX "child_year_records_childId_year_key" ON "child_year_records"("childId", "year");
CREATE INDEX "child_year_records_villageCode_year_idx" ON "child_year_records"("villageCode", "year");
-- Region scoping is a prefix match on the village code (see the init migration's regions index).
CREATE INDEX "children_villageCode_pattern_idx" ON "children"("villageCode" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "child_guardians" ADD CONSTRAINT "child_guardians_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "child_history" ADD CONSTRAINT "child_history_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "child_transfers" ADD CONSTRAINT "child_transfers_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "child_year_records" ADD CONSTRAINT "child_year_records_childId_fkey" FOREIGN KEY ("childId") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Two columns the database derives from the others, kept by one trigger whoever writes (the API,
-- the demo seed, bulk loads), so that every filter of the desk list is an index lookup:
--   nameGrams — each character and character pair of the name. pg_trgm finds no trigrams in
--     Chinese text under the C locale the embedded server uses (and 2-character names are too short
--     for trigrams anyway); a GIN index over the grams answers "names containing 小明" for a query
--     of any length, and the query rechecks with LIKE.
--   facets — one tag per filterable fact ('cat:left_behind', 'risk:high', 'sa:any', 'near_water',
--     'consent:missing', …). Any combination of desk filters is one GIN containment test, which
--     stays fast across a county of 50,000 files where a scan of the wide rows would not.
CREATE FUNCTION "child_name_grams"(n TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT g), ARRAY[]::TEXT[]) FROM (
    SELECT substr(n, i, 1) AS g FROM generate_series(1, char_length(n)) AS i
    UNION SELECT substr(n, i, 2) FROM generate_series(1, char_length(n) - 1) AS i
  ) AS grams
$$;
CREATE FUNCTION "children_derived_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."name" IS DISTINCT FROM OLD."name" THEN
    NEW."nameGrams" := "child_name_grams"(NEW."name");
  END IF;
  NEW."facets" := ARRAY(
      SELECT 'cat:' || v::text FROM unnest(NEW."categories") AS v
      UNION ALL SELECT 'kind:' || v::text FROM unnest(NEW."difficultyKinds") AS v
      UNION ALL SELECT 'sa:' || v::text FROM unnest(NEW."specialAttention") AS v
      UNION ALL SELECT 'prio:' || v::text FROM unnest(NEW."priorityReasons") AS v
    )
    || CASE WHEN NEW."riskLevel" IS NULL THEN ARRAY['risk:none'] ELSE ARRAY['risk:' || NEW."riskLevel"::text] END
    || CASE WHEN cardinality(NEW."specialAttention") > 0 THEN ARRAY['sa:any'] ELSE ARRAY[]::TEXT[] END
    || CASE WHEN cardinality(NEW."priorityReasons") > 0 THEN ARRAY['prio:any'] ELSE ARRAY[]::TEXT[] END
    || CASE WHEN NEW."nearWater" THEN ARRAY['near_water'] ELSE ARRAY['not_near_water'] END
    || CASE WHEN NEW."consentGivenBy" IS NOT NULL AND NEW."consentDate" IS NOT NULL THEN ARRAY['consent:on_file'] ELSE ARRAY['consent:missing'] END;
  RETURN NEW;
END
$$;
CREATE TRIGGER "children_derived_columns" BEFORE INSERT OR UPDATE ON "children"
  FOR EACH ROW EXECUTE FUNCTION "children_derived_columns"();
UPDATE "children" SET "name" = "name";

-- The one trigger function behind every append-only table from here on (histories, ledgers,
-- reports). The application connects as the tables' owner, so grants alone would not stop it.
CREATE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- A file's history is append-only, like the audit trail: what was changed stays changed.
CREATE TRIGGER "child_history_no_update_delete" BEFORE UPDATE OR DELETE ON "child_history"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "child_history_no_truncate" BEFORE TRUNCATE ON "child_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();

-- A year handed over to the township is read-only. The one exception is key rotation, which
-- re-encrypts the snapshot's sealed fields without changing what they say; it announces itself
-- with SET LOCAL qstx.key_rotation = 'on' and may touch nothing but the snapshot.
CREATE FUNCTION "child_year_records_archived_read_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."archivedAt" IS NULL THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('qstx.key_rotation', true) = 'on'
     AND (to_jsonb(NEW) - 'snapshot') = (to_jsonb(OLD) - 'snapshot') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'child_year_records: the year % was handed over and is read-only', OLD."year" USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "child_year_records_archived" BEFORE UPDATE OR DELETE ON "child_year_records"
  FOR EACH ROW EXECUTE FUNCTION "child_year_records_archived_read_only"();
