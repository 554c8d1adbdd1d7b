-- Named topology layouts: the pinned node positions a user saved under a name. `owner` is the
-- user id of the session that saved it, or NULL for a layout shared by everyone (also what is
-- stored while the server has no users). No foreign key to the users table: layouts outlive a
-- user account, and the users table is managed on its own schedule.
CREATE TABLE topology_layout (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    owner      uuid,
    -- {"<drawn node id>": [x, y], ...} in layout units.
    pins       jsonb NOT NULL CHECK (jsonb_typeof(pins) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One layout per name and owner; shared layouts (owner NULL) are unique among themselves too.
CREATE UNIQUE INDEX topology_layout_name_idx ON topology_layout (owner, name) NULLS NOT DISTINCT;
