-- How often the set of resources of each (account, region, kind) changed: bumped in the same
-- transaction as a snapshot that adds or removes a resource, not when it only changes states
-- or attributes. A hot sync commits every 30 s and almost never changes the set, so what
-- depends on membership alone (the connections page's totals for cloud / account / region
-- filters, its region list) stays cached through it.
ALTER TABLE sync_generation ADD COLUMN membership bigint NOT NULL DEFAULT 0;
