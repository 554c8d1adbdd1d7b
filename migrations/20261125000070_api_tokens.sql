-- API tokens: bearer credentials for the read-only JSON API (/api/v1/). Scoped like wall
-- tokens, expiring, revocable, stored only as a SHA-256 digest (256-bit random values).
CREATE TABLE api_token (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   text NOT NULL UNIQUE,
    -- {"clouds": [...], "accounts": [...], "regions": [...], "sites": [...]}; an empty list
    -- means "any" for that dimension.
    scope        jsonb NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);
