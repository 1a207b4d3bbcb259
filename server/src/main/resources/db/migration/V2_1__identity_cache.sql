-- Hand out identity values in blocks of 1000 instead of H2's default 32.
-- On H2 every exhausted block is written to the schema metadata, which makes every session re-parse its
-- cached statements; with one row per released field in `disclosures`, that happened every few decisions
-- and cost about a tenth of a decision's CPU. A crash loses the rest of a block: ids may have gaps (they
-- never carry meaning; the audit chain's seq is assigned separately and has none).
ALTER TABLE requests ALTER COLUMN id SET CACHE 1000;
ALTER TABLE disclosures ALTER COLUMN id SET CACHE 1000;
