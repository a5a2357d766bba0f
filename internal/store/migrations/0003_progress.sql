-- cchc schema v3: the progress of each registered model during the year
-- (Đã đăng ký → Đang triển khai → Đã hoàn thành → Đề xuất nhân rộng /
-- Được công nhận, or Dừng thực hiện), one row per change with its day and
-- note. A model with no row is at 'registered'. History triggers as in
-- 0002 record every change. registration_id is deliberately not a foreign
-- key: a deleted registration's progress stays, so that restoring it from
-- the trash (same id) brings its progress back.

CREATE TABLE progress (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL,
    stage           TEXT    NOT NULL CHECK (stage IN ('registered', 'in_progress', 'completed', 'proposed', 'recognised', 'stopped')),
    on_date         TEXT    NOT NULL CHECK (on_date <> ''),
    note            TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
);
CREATE INDEX progress_registration ON progress(registration_id, on_date, id);

CREATE TRIGGER history_progress_insert AFTER INSERT ON progress BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'progress', 'insert', NEW.id,
        (SELECT s.agency_id FROM registration r JOIN submission s ON s.id = r.submission_id WHERE r.id = NEW.registration_id),
        NULL,
        json_object('id', NEW.id, 'registration_id', NEW.registration_id, 'stage', NEW.stage, 'on_date', NEW.on_date, 'note', NEW.note, 'created_at', NEW.created_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_progress_update AFTER UPDATE ON progress BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'progress', 'update', NEW.id,
        (SELECT s.agency_id FROM registration r JOIN submission s ON s.id = r.submission_id WHERE r.id = NEW.registration_id),
        json_object('id', OLD.id, 'registration_id', OLD.registration_id, 'stage', OLD.stage, 'on_date', OLD.on_date, 'note', OLD.note, 'created_at', OLD.created_at),
        json_object('id', NEW.id, 'registration_id', NEW.registration_id, 'stage', NEW.stage, 'on_date', NEW.on_date, 'note', NEW.note, 'created_at', NEW.created_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_progress_delete AFTER DELETE ON progress BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'progress', 'delete', OLD.id,
        (SELECT s.agency_id FROM registration r JOIN submission s ON s.id = r.submission_id WHERE r.id = OLD.registration_id),
        json_object('id', OLD.id, 'registration_id', OLD.registration_id, 'stage', OLD.stage, 'on_date', OLD.on_date, 'note', OLD.note, 'created_at', OLD.created_at),
        NULL
    FROM history h WHERE h.open = 1;
END;
