-- Access control: local users, the first-start setup token, scoped wall tokens, and the
-- append-only audit log. Secrets are never stored in the clear: passwords as argon2id PHC
-- strings, tokens as SHA-256 digests (they are 256-bit random values, so a fast hash is
-- enough; only the holder of the URL knows the token).

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One row at most: the token printed on the first start while no admin exists.
CREATE TABLE setup_token (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    token_hash  text NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE wall_token (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash  text NOT NULL UNIQUE,
    -- {"clouds": [...], "accounts": [...], "regions": [...], "sites": [...]}; an empty list
    -- means "any" for that dimension.
    scope       jsonb NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

CREATE TABLE audit_log (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL,          -- user name, 'wall:<token name>', or 'anonymous'
    address  text,                   -- the client address, when known
    action   text NOT NULL,          -- e.g. login, login_failed, wall_token_created, psk_revealed
    target   text,                   -- what the action was about (user, token, connection id)
    outcome  text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    detail   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_action_at ON audit_log (action, at DESC);

-- Append-only: rows can be added, never changed or removed (TRUNCATE by an operator of the
-- database is still possible; that is outside what the application can do).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
