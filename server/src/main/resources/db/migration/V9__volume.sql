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
-- refused outright are not counted). Read by key only: is this resident already counted in the window?
CREATE TABLE volume_subjects (
    requester_unit VARCHAR(255) NOT NULL,
    location       VARCHAR(255) NOT NULL,
    v_number       VARCHAR(10)  NOT NULL,
    day_number     INTEGER      NOT NULL,
    CONSTRAINT volume_subjects_pk PRIMARY KEY (requester_unit, location, v_number)
);

-- How many of those residents were last named on each day: a location's coverage in the window is the sum of at
-- most windowDays rows, however many residents it has. Kept in step with volume_subjects in the same transaction.
CREATE TABLE volume_coverage (
    requester_unit VARCHAR(255) NOT NULL,
    location       VARCHAR(255) NOT NULL,
    day_number     INTEGER      NOT NULL,
    residents      INTEGER      NOT NULL,
    CONSTRAINT volume_coverage_pk PRIMARY KEY (requester_unit, location, day_number)
);
