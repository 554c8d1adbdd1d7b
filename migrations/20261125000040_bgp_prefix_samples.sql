-- Prefix counts of BGP sessions over time (store crate, `bgp_samples`): the looking glass's
-- prefix-count chart. A sample is written only when a session's counts differ from its
-- latest sample, so a steady session costs one row, not one per 30 s sync. Pruned by age
-- like the history, except that each session keeps its latest sample (its current value).
CREATE TABLE bgp_prefix_sample (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES cloud_account (id),
    region      text NOT NULL,
    -- Cloud id of the bgp_session resource.
    cloud_id    text NOT NULL,
    at          timestamptz NOT NULL,
    -- Prefixes the cloud advertises to the peer.
    advertised  bigint NOT NULL CHECK (advertised >= 0),
    -- Prefixes learned from the peer.
    learned     bigint NOT NULL CHECK (learned >= 0)
);

CREATE INDEX bgp_prefix_sample_session_idx ON bgp_prefix_sample (account_id, region, cloud_id, at);
CREATE INDEX bgp_prefix_sample_at_idx ON bgp_prefix_sample (at);

-- The route rows of each present BGP session, one definition for the looking glass's prefix
-- list and the sampled counts: routes learned over BGP whose next hop is what the session
-- runs over (or that thing's parent: a Huawei tunnel's connection), or held by it when the
-- cloud names no next hop; networks the cloud advertises from it (an Alibaba VBR's BGP
-- networks).
CREATE VIEW bgp_session_route AS
SELECT b.account_id, b.region, b.cloud_id AS session_id,
       CASE r.attrs ->> 'source' WHEN 'bgp_network' THEN 'advertised' ELSE 'learned' END AS direction,
       r.cloud_id AS route_id, r.attrs AS route, r.state
FROM resource_current b
LEFT JOIN resource_current o ON o.account_id = b.account_id AND o.region = b.region
  AND o.kind IN ('tunnel', 'connection', 'vbr') AND o.cloud_id = b.attrs ->> 'over_id'
JOIN resource_current r ON r.kind = 'route' AND r.account_id = b.account_id AND r.region = b.region
  AND ((r.attrs ->> 'source' = 'bgp_learned'
        AND (r.attrs ->> 'next_hop' IN (b.attrs ->> 'over_id', o.parent_id)
             OR (r.attrs ->> 'next_hop' IS NULL AND r.attrs ->> 'table_id' = b.attrs ->> 'over_id')))
    OR (r.attrs ->> 'source' = 'bgp_network'
        AND r.attrs ->> 'table_id' IN (b.attrs ->> 'over_id', o.parent_id)))
WHERE b.kind = 'bgp_session';

-- Prefix counts of each present BGP session: the larger of what the session itself reports
-- (its prefix lists, or a bare received count) and the route rows above, since each cloud
-- reports one or the other.
CREATE VIEW bgp_session_prefix_count AS
SELECT b.account_id, b.region, b.cloud_id AS session_id,
       greatest(coalesce(jsonb_array_length(b.attrs -> 'advertised'), 0),
                (SELECT count(*) FROM bgp_session_route s WHERE s.account_id = b.account_id
                   AND s.region = b.region AND s.session_id = b.cloud_id
                   AND s.direction = 'advertised'))::bigint AS advertised,
       greatest(coalesce(jsonb_array_length(b.attrs -> 'learned'), 0),
                coalesce((b.attrs ->> 'received_count')::bigint, 0),
                (SELECT count(*) FROM bgp_session_route s WHERE s.account_id = b.account_id
                   AND s.region = b.region AND s.session_id = b.cloud_id
                   AND s.direction = 'learned'))::bigint AS learned
FROM resource_current b
WHERE b.kind = 'bgp_session';
