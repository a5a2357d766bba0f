-- cchc schema v1. Dates are ISO yyyy-mm-dd text ('' for none); text is NFC;
-- *_key columns hold the folded search key (lower case, no diacritics, đ→d),
-- computed by the program so that the stock sqlite3 tool reads everything.

CREATE TABLE campaign (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    letter_number TEXT    NOT NULL DEFAULT '',
    letter_date   TEXT    NOT NULL DEFAULT '',
    issuer        TEXT    NOT NULL,
    issuer_parent TEXT    NOT NULL DEFAULT '',
    place         TEXT    NOT NULL DEFAULT '',
    signer_title  TEXT    NOT NULL DEFAULT '',
    signer_name   TEXT    NOT NULL DEFAULT '',
    legal_basis   TEXT    NOT NULL DEFAULT '',
    deadline      TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE TABLE quota (
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    agency_group TEXT    NOT NULL CHECK (agency_group IN ('department', 'central', 'district', 'commune')),
    required     INTEGER NOT NULL CHECK (required >= 0),
    target       INTEGER NOT NULL,
    CHECK (target >= required),
    PRIMARY KEY (campaign_id, agency_group)
) WITHOUT ROWID;

CREATE TABLE agency (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL CHECK (name <> ''),
    name_key     TEXT    NOT NULL,
    short_name   TEXT    NOT NULL DEFAULT '',
    agency_group TEXT    NOT NULL CHECK (agency_group IN ('department', 'central', 'district', 'commune')),
    parent_id    INTEGER REFERENCES agency(id),
    code         TEXT,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX agency_code ON agency(code) WHERE code IS NOT NULL;
CREATE INDEX agency_parent ON agency(parent_id);
CREATE INDEX agency_name_key ON agency(name_key);

-- The agencies a campaign expects (communes included, so that theirs roll up).
CREATE TABLE campaign_agency (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    PRIMARY KEY (campaign_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX campaign_agency_agency ON campaign_agency(agency_id);

-- A letter an agency sent in a campaign.
CREATE TABLE submission (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    number      TEXT    NOT NULL DEFAULT '',
    letter_date TEXT    NOT NULL DEFAULT '',
    received_on TEXT    NOT NULL CHECK (received_on <> ''),
    note        TEXT    NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX submission_campaign ON submission(campaign_id, agency_id);
CREATE INDEX submission_received ON submission(campaign_id, received_on);

-- One model, initiative, solution or good practice in a letter.
CREATE TABLE registration (
    id              INTEGER PRIMARY KEY,
    submission_id   INTEGER NOT NULL REFERENCES submission(id),
    seq             INTEGER NOT NULL DEFAULT 0,
    title           TEXT    NOT NULL CHECK (title <> ''),
    title_key       TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('model', 'initiative', 'solution', 'good_practice')),
    area            TEXT    NOT NULL CHECK (area IN ('institutions', 'procedures', 'apparatus', 'civil_service',
                                                    'public_finance', 'digital_government', 'other')),
    lead_agency_id  INTEGER REFERENCES agency(id),
    partners        TEXT    NOT NULL DEFAULT '',
    summary         TEXT    NOT NULL DEFAULT '',
    timeline        TEXT    NOT NULL DEFAULT '',
    expected_result TEXT    NOT NULL DEFAULT '',
    note            TEXT    NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX registration_submission ON registration(submission_id);
CREATE INDEX registration_title_key ON registration(title_key);
