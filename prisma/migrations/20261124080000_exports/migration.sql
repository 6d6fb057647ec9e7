-- Ledgers, exports, annual reports and dashboards (issue #10): background exports with their
-- sealed file pieces, and the once-a-year reminder before each province's reporting deadline.

-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('child_ledger', 'pairing_ledger', 'annual_report');
CREATE TYPE "ExportFormat" AS ENUM ('xlsx', 'pdf');
CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'expired');

-- CreateTable
CREATE TABLE "exports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "actorRegionCode" VARCHAR(12) NOT NULL,
    "regionCode" VARCHAR(12) NOT NULL,
    "kind" "ExportKind" NOT NULL,
    "format" "ExportFormat" NOT NULL,
    "params" JSONB NOT NULL,
    "fieldsRevealed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT,
    "byteSize" INTEGER,
    "tokenHash" CHAR(64),
    "tokenEnc" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "exports_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "export_chunks" (
    "exportId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "export_chunks_pkey" PRIMARY KEY ("exportId", "seq")
);

CREATE TABLE "report_reminders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provinceCode" VARCHAR(2) NOT NULL,
    "year" SMALLINT NOT NULL,
    "deadline" DATE NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "recipients" INTEGER NOT NULL,
    CONSTRAINT "report_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "exports_tokenHash_key" ON "exports"("tokenHash");
CREATE INDEX "exports_userId_createdAt_idx" ON "exports"("userId", "createdAt");
CREATE INDEX "exports_status_expiresAt_idx" ON "exports"("status", "expiresAt");
CREATE UNIQUE INDEX "report_reminders_provinceCode_year_key" ON "report_reminders"("provinceCode", "year");

-- AddForeignKey
ALTER TABLE "exports" ADD CONSTRAINT "exports_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "export_chunks" ADD CONSTRAINT "export_chunks_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "exports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A reminder sent is a fact: never rewritten ("append_only" from 20261124020000).
CREATE TRIGGER "report_reminders_no_update_delete" BEFORE UPDATE OR DELETE ON "report_reminders"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "report_reminders_no_truncate" BEFORE TRUNCATE ON "report_reminders"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
