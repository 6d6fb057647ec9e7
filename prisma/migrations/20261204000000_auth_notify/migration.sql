-- Signed-in requests resolve their session from a cache in each API process (modules/auth/
-- session-cache.ts). These triggers tell every process, through LISTEN/NOTIFY on `qstx_auth`, when
-- a cached session may have changed: a session revoked or switched to another role, a user
-- disabled or renamed, a role granted, changed or removed. Triggers rather than calls in the code,
-- so an operator's UPDATE in psql takes effect as surely as a logout does. Notifications are sent
-- at commit and only then; a rolled-back change says nothing.

CREATE FUNCTION "qstx_notify_auth"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('qstx_auth', 's:' || COALESCE(NEW."id", OLD."id")::text);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('qstx_auth', 'u:' || COALESCE(NEW."id", OLD."id")::text);
  ELSE
    PERFORM pg_notify('qstx_auth', 'u:' || COALESCE(NEW."userId", OLD."userId")::text);
    IF TG_OP = 'UPDATE' AND NEW."userId" IS DISTINCT FROM OLD."userId" THEN
      PERFORM pg_notify('qstx_auth', 'u:' || OLD."userId"::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- Not on every UPDATE of a session: the batched lastSeenAt writes would flush every cache.
CREATE TRIGGER "sessions_notify_auth"
  AFTER UPDATE ON "sessions"
  FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."activeRoleId" IS DISTINCT FROM NEW."activeRoleId" OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt")
  EXECUTE FUNCTION "qstx_notify_auth"();

CREATE TRIGGER "sessions_deleted_notify_auth"
  AFTER DELETE ON "sessions"
  FOR EACH ROW
  EXECUTE FUNCTION "qstx_notify_auth"();

CREATE TRIGGER "users_notify_auth"
  AFTER UPDATE ON "users"
  FOR EACH ROW
  WHEN (OLD."disabledAt" IS DISTINCT FROM NEW."disabledAt" OR OLD."displayName" IS DISTINCT FROM NEW."displayName")
  EXECUTE FUNCTION "qstx_notify_auth"();

CREATE TRIGGER "users_deleted_notify_auth"
  AFTER DELETE ON "users"
  FOR EACH ROW
  EXECUTE FUNCTION "qstx_notify_auth"();

CREATE TRIGGER "role_assignments_notify_auth"
  AFTER INSERT OR UPDATE OR DELETE ON "role_assignments"
  FOR EACH ROW
  EXECUTE FUNCTION "qstx_notify_auth"();
