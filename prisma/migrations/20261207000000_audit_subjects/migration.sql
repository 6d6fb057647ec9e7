-- Who an export was about. An export's audit row names a region (or, in the background, the export),
-- not the hundreds of children and volunteers in the file; a breach listing (npm run audit:affected)
-- must name them all as the file held them, not as the region holds them later. One row per person
-- per export, keyed by the direct export's audit row or by the background export (whose request and
-- downloads name it in their audit rows). Ids only, never personal data; append-only like the trail.
CREATE TABLE "audit_subjects" (
    "id" BIGSERIAL NOT NULL,
    "auditId" BIGINT,
    "exportId" UUID,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    CONSTRAINT "audit_subjects_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_subjects_one_key" CHECK (("auditId" IS NULL) <> ("exportId" IS NULL)),
    CONSTRAINT "audit_subjects_type" CHECK ("subjectType" IN ('child', 'volunteer'))
);
CREATE INDEX "audit_subjects_auditId_idx" ON "audit_subjects"("auditId");
CREATE INDEX "audit_subjects_exportId_idx" ON "audit_subjects"("exportId");

CREATE TRIGGER "audit_subjects_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_subjects"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "audit_subjects_no_truncate" BEFORE TRUNCATE ON "audit_subjects"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
