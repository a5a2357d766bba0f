-- cchc schema v8: the files kept with letters and registrations (the
-- signed PDF, the Word list an import read, a decision…).
--
-- file_blob holds each content once, named by its SHA-256 (hex): the same
-- file attached twice, or to two letters, is stored once. Its rows are
-- never changed nor deleted by cchc, so it is not under history: undoing
-- an attachment takes the link away and leaves the content, which an undo
-- of the undo links again.
--
-- attachment links a content to a letter (submission_id) or to one
-- registration (registration_id), exactly one of them. Like progress,
-- neither is a foreign key: a letter or registration put back from the
-- trash gets its files back with it. The links are under history (undo,
-- the trash).

CREATE TABLE file_blob (
    sha256  TEXT    NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
    size    INTEGER NOT NULL CHECK (size >= 0),
    content BLOB    NOT NULL
); -- a rowid table: WITHOUT ROWID is for small rows, and a file spans many pages

CREATE TABLE attachment (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT    NOT NULL REFERENCES file_blob(sha256),
    name            TEXT    NOT NULL CHECK (name <> ''),
    submission_id   INTEGER,
    registration_id INTEGER,
    created_at      TEXT    NOT NULL,
    CHECK ((submission_id IS NULL) <> (registration_id IS NULL))
);
CREATE INDEX attachment_submission ON attachment(submission_id);
CREATE INDEX attachment_registration ON attachment(registration_id);
CREATE INDEX attachment_sha256 ON attachment(sha256);

CREATE TRIGGER history_attachment_insert AFTER INSERT ON attachment BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'attachment', 'insert', NEW.id,
        coalesce((SELECT agency_id FROM submission WHERE id = NEW.submission_id),
            (SELECT s.agency_id FROM registration g JOIN submission s ON s.id = g.submission_id WHERE g.id = NEW.registration_id)),
        NULL,
        json_object('id', NEW.id, 'sha256', NEW.sha256, 'name', NEW.name, 'submission_id', NEW.submission_id, 'registration_id', NEW.registration_id, 'created_at', NEW.created_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_attachment_update AFTER UPDATE ON attachment BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'attachment', 'update', NEW.id,
        coalesce((SELECT agency_id FROM submission WHERE id = NEW.submission_id),
            (SELECT s.agency_id FROM registration g JOIN submission s ON s.id = g.submission_id WHERE g.id = NEW.registration_id)),
        json_object('id', OLD.id, 'sha256', OLD.sha256, 'name', OLD.name, 'submission_id', OLD.submission_id, 'registration_id', OLD.registration_id, 'created_at', OLD.created_at),
        json_object('id', NEW.id, 'sha256', NEW.sha256, 'name', NEW.name, 'submission_id', NEW.submission_id, 'registration_id', NEW.registration_id, 'created_at', NEW.created_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_attachment_delete AFTER DELETE ON attachment BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'attachment', 'delete', OLD.id,
        coalesce((SELECT agency_id FROM submission WHERE id = OLD.submission_id),
            (SELECT s.agency_id FROM registration g JOIN submission s ON s.id = g.submission_id WHERE g.id = OLD.registration_id)),
        json_object('id', OLD.id, 'sha256', OLD.sha256, 'name', OLD.name, 'submission_id', OLD.submission_id, 'registration_id', OLD.registration_id, 'created_at', OLD.created_at),
        NULL
    FROM history h WHERE h.open = 1;
END;
