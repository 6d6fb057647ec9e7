-- Identity: desk sign-in lockout, invitations, and the append-only audit trail.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "failedLogins" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN "lockedUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "codeHash" CHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "regionCode" VARCHAR(12) NOT NULL,
    "note" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "redeemedAt" TIMESTAMPTZ(3),
    "redeemedById" UUID,
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorRole" "Role",
    "regionCode" VARCHAR(12),
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "fieldsRevealed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "result" TEXT NOT NULL,
    "requestId" TEXT,
    "ip" TEXT,
    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_codeHash_key" ON "invitations"("codeHash");
CREATE INDEX "invitations_regionCode_idx" ON "invitations"("regionCode");
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");
CREATE INDEX "audit_logs_actorUserId_at_idx" ON "audit_logs"("actorUserId", "at");
CREATE INDEX "audit_logs_action_at_idx" ON "audit_logs"("action", "at");
CREATE INDEX "audit_logs_targetType_targetId_idx" ON "audit_logs"("targetType", "targetId");
-- Region scoping of the audit view is a prefix match on the region code.
CREATE INDEX "audit_logs_regionCode_pattern_idx" ON "audit_logs"("regionCode" text_pattern_ops);
CREATE INDEX "invitations_regionCode_pattern_idx" ON "invitations"("regionCode" text_pattern_ops);
CREATE INDEX "role_assignments_regionCode_pattern_idx" ON "role_assignments"("regionCode" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_redeemedById_fkey" FOREIGN KEY ("redeemedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit trail is append-only (Cybersecurity Law art. 21: logs kept ≥ 6 months, untampered).
-- The application connects as the table's owner, so grants alone would not stop it: a trigger does.
CREATE FUNCTION "audit_logs_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_logs_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();
CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_append_only"();
