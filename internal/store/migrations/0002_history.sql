-- cchc schema v2: the history of every change, from which undo and the
-- trash are made.
--
-- Store.write opens one history row (open = 1) at the start of each write
-- transaction and closes it before commit; the triggers below copy every
-- row inserted, updated or deleted in the book tables into history_item
-- (old and new values as JSON) under the open history row. So no write of
-- the program can skip the history, and a crash leaves neither half: it
-- is all in the one transaction. Writes made outside cchc (no open row)
-- are not recorded. A later migration that adds a column must recreate
-- these triggers to record it.

CREATE TABLE history (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT    NOT NULL,              -- RFC 3339, UTC
    who       TEXT    NOT NULL,              -- $CCHC_USER or the OS user
    op        TEXT    NOT NULL DEFAULT '',   -- 'import', 'undo', 'restore'; '' = worked out from the items
    open      INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
    undone_by INTEGER REFERENCES history(id)
);
CREATE INDEX history_open ON history(open) WHERE open = 1;

CREATE TABLE history_item (
    id          INTEGER PRIMARY KEY,
    history_id  INTEGER NOT NULL REFERENCES history(id),
    tbl         TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    row_id      INTEGER,           -- the row's id (tables with one)
    agency_id   INTEGER,           -- the agency concerned, for filtering
    old         TEXT,              -- JSON of the row before (update, delete)
    new         TEXT,              -- JSON of the row after (insert, update)
    restored_by INTEGER REFERENCES history(id) -- a deleted row taken back out of the trash
);
CREATE INDEX history_item_history ON history_item(history_id);
CREATE INDEX history_item_agency ON history_item(agency_id);
CREATE INDEX history_item_trash ON history_item(tbl, action) WHERE action = 'delete' AND restored_by IS NULL;

CREATE TRIGGER history_campaign_insert AFTER INSERT ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'insert', NEW.id, NULL,
        NULL,
        json_object('id', NEW.id, 'year', NEW.year, 'title', NEW.title, 'letter_number', NEW.letter_number, 'letter_date', NEW.letter_date, 'issuer', NEW.issuer, 'issuer_parent', NEW.issuer_parent, 'place', NEW.place, 'signer_title', NEW.signer_title, 'signer_name', NEW.signer_name, 'legal_basis', NEW.legal_basis, 'deadline', NEW.deadline, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_update AFTER UPDATE ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'update', NEW.id, NULL,
        json_object('id', OLD.id, 'year', OLD.year, 'title', OLD.title, 'letter_number', OLD.letter_number, 'letter_date', OLD.letter_date, 'issuer', OLD.issuer, 'issuer_parent', OLD.issuer_parent, 'place', OLD.place, 'signer_title', OLD.signer_title, 'signer_name', OLD.signer_name, 'legal_basis', OLD.legal_basis, 'deadline', OLD.deadline, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        json_object('id', NEW.id, 'year', NEW.year, 'title', NEW.title, 'letter_number', NEW.letter_number, 'letter_date', NEW.letter_date, 'issuer', NEW.issuer, 'issuer_parent', NEW.issuer_parent, 'place', NEW.place, 'signer_title', NEW.signer_title, 'signer_name', NEW.signer_name, 'legal_basis', NEW.legal_basis, 'deadline', NEW.deadline, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_delete AFTER DELETE ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'delete', OLD.id, NULL,
        json_object('id', OLD.id, 'year', OLD.year, 'title', OLD.title, 'letter_number', OLD.letter_number, 'letter_date', OLD.letter_date, 'issuer', OLD.issuer, 'issuer_parent', OLD.issuer_parent, 'place', OLD.place, 'signer_title', OLD.signer_title, 'signer_name', OLD.signer_name, 'legal_basis', OLD.legal_basis, 'deadline', OLD.deadline, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        NULL
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_quota_insert AFTER INSERT ON quota BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'quota', 'insert', NULL, NULL,
        NULL,
        json_object('campaign_id', NEW.campaign_id, 'agency_group', NEW.agency_group, 'required', NEW.required, 'target', NEW.target)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_quota_update AFTER UPDATE ON quota BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'quota', 'update', NULL, NULL,
        json_object('campaign_id', OLD.campaign_id, 'agency_group', OLD.agency_group, 'required', OLD.required, 'target', OLD.target),
        json_object('campaign_id', NEW.campaign_id, 'agency_group', NEW.agency_group, 'required', NEW.required, 'target', NEW.target)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_quota_delete AFTER DELETE ON quota BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'quota', 'delete', NULL, NULL,
        json_object('campaign_id', OLD.campaign_id, 'agency_group', OLD.agency_group, 'required', OLD.required, 'target', OLD.target),
        NULL
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_agency_insert AFTER INSERT ON agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'agency', 'insert', NEW.id, NEW.id,
        NULL,
        json_object('id', NEW.id, 'name', NEW.name, 'name_key', NEW.name_key, 'short_name', NEW.short_name, 'agency_group', NEW.agency_group, 'parent_id', NEW.parent_id, 'code', NEW.code, 'active', NEW.active, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_agency_update AFTER UPDATE ON agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'agency', 'update', NEW.id, NEW.id,
        json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'short_name', OLD.short_name, 'agency_group', OLD.agency_group, 'parent_id', OLD.parent_id, 'code', OLD.code, 'active', OLD.active, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        json_object('id', NEW.id, 'name', NEW.name, 'name_key', NEW.name_key, 'short_name', NEW.short_name, 'agency_group', NEW.agency_group, 'parent_id', NEW.parent_id, 'code', NEW.code, 'active', NEW.active, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_agency_delete AFTER DELETE ON agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'agency', 'delete', OLD.id, OLD.id,
        json_object('id', OLD.id, 'name', OLD.name, 'name_key', OLD.name_key, 'short_name', OLD.short_name, 'agency_group', OLD.agency_group, 'parent_id', OLD.parent_id, 'code', OLD.code, 'active', OLD.active, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        NULL
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_agency_insert AFTER INSERT ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'insert', NULL, NEW.agency_id,
        NULL,
        json_object('campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_agency_update AFTER UPDATE ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'update', NULL, NEW.agency_id,
        json_object('campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id),
        json_object('campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_agency_delete AFTER DELETE ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'delete', NULL, OLD.agency_id,
        json_object('campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id),
        NULL
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_submission_insert AFTER INSERT ON submission BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'submission', 'insert', NEW.id, NEW.agency_id,
        NULL,
        json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id, 'number', NEW.number, 'letter_date', NEW.letter_date, 'received_on', NEW.received_on, 'note', NEW.note, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_submission_update AFTER UPDATE ON submission BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'submission', 'update', NEW.id, NEW.agency_id,
        json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id, 'number', OLD.number, 'letter_date', OLD.letter_date, 'received_on', OLD.received_on, 'note', OLD.note, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id, 'number', NEW.number, 'letter_date', NEW.letter_date, 'received_on', NEW.received_on, 'note', NEW.note, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_submission_delete AFTER DELETE ON submission BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'submission', 'delete', OLD.id, OLD.agency_id,
        json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id, 'number', OLD.number, 'letter_date', OLD.letter_date, 'received_on', OLD.received_on, 'note', OLD.note, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        NULL
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_registration_insert AFTER INSERT ON registration BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'registration', 'insert', NEW.id, (SELECT agency_id FROM submission WHERE id = NEW.submission_id),
        NULL,
        json_object('id', NEW.id, 'submission_id', NEW.submission_id, 'seq', NEW.seq, 'title', NEW.title, 'title_key', NEW.title_key, 'kind', NEW.kind, 'area', NEW.area, 'lead_agency_id', NEW.lead_agency_id, 'partners', NEW.partners, 'summary', NEW.summary, 'timeline', NEW.timeline, 'expected_result', NEW.expected_result, 'note', NEW.note, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_registration_update AFTER UPDATE ON registration BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'registration', 'update', NEW.id, (SELECT agency_id FROM submission WHERE id = NEW.submission_id),
        json_object('id', OLD.id, 'submission_id', OLD.submission_id, 'seq', OLD.seq, 'title', OLD.title, 'title_key', OLD.title_key, 'kind', OLD.kind, 'area', OLD.area, 'lead_agency_id', OLD.lead_agency_id, 'partners', OLD.partners, 'summary', OLD.summary, 'timeline', OLD.timeline, 'expected_result', OLD.expected_result, 'note', OLD.note, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        json_object('id', NEW.id, 'submission_id', NEW.submission_id, 'seq', NEW.seq, 'title', NEW.title, 'title_key', NEW.title_key, 'kind', NEW.kind, 'area', NEW.area, 'lead_agency_id', NEW.lead_agency_id, 'partners', NEW.partners, 'summary', NEW.summary, 'timeline', NEW.timeline, 'expected_result', NEW.expected_result, 'note', NEW.note, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_registration_delete AFTER DELETE ON registration BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'registration', 'delete', OLD.id, (SELECT agency_id FROM submission WHERE id = OLD.submission_id),
        json_object('id', OLD.id, 'submission_id', OLD.submission_id, 'seq', OLD.seq, 'title', OLD.title, 'title_key', OLD.title_key, 'kind', OLD.kind, 'area', OLD.area, 'lead_agency_id', OLD.lead_agency_id, 'partners', OLD.partners, 'summary', OLD.summary, 'timeline', OLD.timeline, 'expected_result', OLD.expected_result, 'note', OLD.note, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        NULL
    FROM history h WHERE h.open = 1;
END;

