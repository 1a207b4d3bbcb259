-- Doelbinding persistence schema, version 9: the requester's history for the volume rules (legal catalogue R8).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL (see V1).
--
-- What the history was when a request was decided is stored with it, so that a replay decides on the same facts.
-- Requests stored before version 9 have none (NULL): they are replayed as first requests.
ALTER TABLE requests ADD COLUMN earlier_requests INTEGER;
ALTER TABLE requests ADD COLUMN location_coverage INTEGER;

-- Requests per requesting unit and day (UTC epoch day). A window's count is the sum of at most windowDays rows,
-- whatever the number of requests.
CREATE TABLE volume_requests (
    requester_unit VARCHAR(255) NOT NULL,
    day_number     INTEGER      NOT NULL,
    requests       INTEGER      NOT NULL,
    CONSTRAINT volume_requests_pk PRIMARY KEY (requester_unit, day_number)
);

-- The residents a unit's requests named, per reception location, with the last day they were named (requests
-- refused outright are not counted). A location's coverage is read from at most its number of residents rows.
CREATE TABLE volume_subjects (
    requester_unit VARCHAR(255) NOT NULL,
    location       VARCHAR(255) NOT NULL,
    v_number       VARCHAR(10)  NOT NULL,
    day_number     INTEGER      NOT NULL,
    CONSTRAINT volume_subjects_pk PRIMARY KEY (requester_unit, location, v_number)
);
