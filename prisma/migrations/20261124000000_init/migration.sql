-- Initial schema: regions, people and their roles, sessions, teams, volunteers, children.
-- Written in the shape `prisma migrate diff` produces so the two stay comparable.

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('province', 'city', 'county', 'township', 'village');
CREATE TYPE "Role" AS ENUM ('volunteer', 'group_leader', 'coordinator', 'child_director', 'supervisor', 'civil_affairs', 'admin');
CREATE TYPE "Gender" AS ENUM ('male', 'female');
CREATE TYPE "TeamType" AS ENUM ('youth_league', 'womens_federation', 'social_organisation', 'workplace');
CREATE TYPE "VolunteerKind" AS ENUM ('love_mother', 'youth', 'proxy_parent', 'workplace', 'social_organisation', 'individual');
CREATE TYPE "VolunteerStatus" AS ENUM ('draft', 'submitted', 'info_requested', 'approved', 'rejected', 'suspended', 'withdrawn');
CREATE TYPE "HukouType" AS ENUM ('rural', 'urban');
CREATE TYPE "ChildCategory" AS ENUM ('left_behind', 'in_difficulty');

-- CreateTable
CREATE TABLE "regions" (
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" VARCHAR(12),
    CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "displayName" TEXT NOT NULL,
    "openid" TEXT,
    "unionid" TEXT,
    "username" TEXT,
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "role_assignments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "regionCode" VARCHAR(12) NOT NULL,
    "teamId" UUID,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" CHAR(64) NOT NULL,
    "userId" UUID NOT NULL,
    "activeRoleId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "teams" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "type" "TeamType" NOT NULL,
    "parentOrganisation" TEXT,
    "serviceRegionCode" VARCHAR(12) NOT NULL,
    "joinCode" VARCHAR(8) NOT NULL,
    "leaderUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "volunteers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "realName" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "kind" "VolunteerKind" NOT NULL,
    "status" "VolunteerStatus" NOT NULL DEFAULT 'draft',
    "phoneEnc" TEXT,
    "idNumberEnc" TEXT,
    "idNumberIndex" CHAR(64),
    "idNumberLast4" CHAR(4),
    "workUnit" TEXT,
    "serviceRegionCode" VARCHAR(12) NOT NULL,
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "capacity" SMALLINT NOT NULL DEFAULT 1,
    "teamId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "volunteers_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "children" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "villageCode" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT '汉族',
    "birthDate" DATE NOT NULL,
    "idNumberEnc" TEXT,
    "idNumberIndex" CHAR(64),
    "idNumberLast4" CHAR(4),
    "addressEnc" TEXT,
    "hukouType" "HukouType" NOT NULL DEFAULT 'rural',
    "categories" "ChildCategory"[],
    "interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "children_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regions_parentCode_idx" ON "regions"("parentCode");
-- text_pattern_ops lets `code LIKE '4501%'` (region containment) use the index.
CREATE INDEX "regions_code_pattern_idx" ON "regions"("code" text_pattern_ops);
CREATE UNIQUE INDEX "users_openid_key" ON "users"("openid");
CREATE UNIQUE INDEX "users_unionid_key" ON "users"("unionid");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE UNIQUE INDEX "role_assignments_userId_role_regionCode_key" ON "role_assignments"("userId", "role", "regionCode");
CREATE INDEX "role_assignments_regionCode_idx" ON "role_assignments"("regionCode");
CREATE UNIQUE INDEX "sessions_tokenHash_key" ON "sessions"("tokenHash");
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");
CREATE UNIQUE INDEX "teams_joinCode_key" ON "teams"("joinCode");
CREATE INDEX "teams_serviceRegionCode_idx" ON "teams"("serviceRegionCode");
CREATE UNIQUE INDEX "volunteers_userId_key" ON "volunteers"("userId");
CREATE UNIQUE INDEX "volunteers_idNumberIndex_key" ON "volunteers"("idNumberIndex");
CREATE INDEX "volunteers_serviceRegionCode_status_idx" ON "volunteers"("serviceRegionCode", "status");
CREATE INDEX "volunteers_teamId_idx" ON "volunteers"("teamId");
CREATE UNIQUE INDEX "children_idNumberIndex_key" ON "children"("idNumberIndex");
CREATE INDEX "children_villageCode_idx" ON "children"("villageCode");

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_activeRoleId_fkey" FOREIGN KEY ("activeRoleId") REFERENCES "role_assignments"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "teams" ADD CONSTRAINT "teams_leaderUserId_fkey" FOREIGN KEY ("leaderUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
