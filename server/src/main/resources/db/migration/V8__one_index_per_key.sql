-- Doelbinding persistence schema, version 8: one index per key on the decision path.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL (see V1).
--
-- H2 gives a foreign key an index of its own unless an index on its columns exists when the key is declared.
-- V1 declared fk_decisions_request inside CREATE TABLE, before ix_decisions_request, so H2 kept two identical
-- indexes on decisions(request_row_id), and every decision wrote both. Declared again now, the key uses
-- ix_decisions_request. PostgreSQL never indexes a foreign key by itself: nothing changes there.
ALTER TABLE decisions DROP CONSTRAINT fk_decisions_request;
ALTER TABLE decisions ADD CONSTRAINT fk_decisions_request FOREIGN KEY (request_row_id) REFERENCES requests (id);

-- A disclosure record's request is the request of its decision: fk_disclosure_records_decision and the
-- decision's own fk_decisions_request already guarantee it exists. The record's second key to the request
-- guaranteed nothing more, and on H2 it cost an index written with every decision; nothing reads records by it.
ALTER TABLE disclosure_records DROP CONSTRAINT fk_disclosure_records_request;
