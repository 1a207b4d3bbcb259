-- The resident register read by the ResidentDirectory port: one row per resident, one column per
-- catalogue field (rules/baseline/catalogue/fields.yaml), all as text in the catalogue's value formats.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL; identifiers are unquoted on purpose
-- (H2 folds them to upper case, PostgreSQL to lower case; queries use them unquoted too).
-- VARCHAR, not TEXT: on H2, TEXT is a CLOB.
CREATE TABLE residents (
    v_number           VARCHAR(10)   NOT NULL,
    name               VARCHAR(200),
    date_of_birth      VARCHAR(10),
    sex                VARCHAR(1),
    nationality        VARCHAR(100),
    current_location   VARCHAR(100),
    room               VARCHAR(20),
    phone              VARCHAR(30),
    arrival_date       VARCHAR(10),
    departure_status   VARCHAR(20),
    departure_date     VARCHAR(10),
    family_composition VARCHAR(1000),
    reporting_duty     VARCHAR(10),
    health             VARCHAR(1000),
    ethnicity          VARCHAR(100),
    religion           VARCHAR(100),
    sexual_orientation VARCHAR(50),
    incident_reports   VARCHAR(4000),
    photo              VARCHAR(200),
    fingerprints       VARCHAR(200),
    CONSTRAINT residents_pk PRIMARY KEY (v_number)
);
