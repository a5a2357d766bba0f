-- cchc schema v7: the reminder letter's foot as settings of the campaign.
-- signer_authority is the line above the signer's title when a deputy
-- signs ("KT. GIÁM ĐỐC"); copies_to is the "Nơi nhận", one recipient a
-- line ('' for the list the request letter carries, built from the
-- issuer). History triggers are recreated to record the new columns, so
-- that undo puts them back.

ALTER TABLE campaign ADD COLUMN signer_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN copies_to TEXT NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS history_campaign_insert;
DROP TRIGGER IF EXISTS history_campaign_update;
DROP TRIGGER IF EXISTS history_campaign_delete;

CREATE TRIGGER history_campaign_insert AFTER INSERT ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'insert', NEW.id, NULL,
        NULL,
        json_object('id', NEW.id, 'year', NEW.year, 'title', NEW.title, 'letter_number', NEW.letter_number, 'letter_date', NEW.letter_date, 'issuer', NEW.issuer, 'issuer_parent', NEW.issuer_parent, 'place', NEW.place, 'signer_title', NEW.signer_title, 'signer_name', NEW.signer_name, 'signer_authority', NEW.signer_authority, 'copies_to', NEW.copies_to, 'legal_basis', NEW.legal_basis, 'deadline', NEW.deadline, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_update AFTER UPDATE ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'update', NEW.id, NULL,
        json_object('id', OLD.id, 'year', OLD.year, 'title', OLD.title, 'letter_number', OLD.letter_number, 'letter_date', OLD.letter_date, 'issuer', OLD.issuer, 'issuer_parent', OLD.issuer_parent, 'place', OLD.place, 'signer_title', OLD.signer_title, 'signer_name', OLD.signer_name, 'signer_authority', OLD.signer_authority, 'copies_to', OLD.copies_to, 'legal_basis', OLD.legal_basis, 'deadline', OLD.deadline, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        json_object('id', NEW.id, 'year', NEW.year, 'title', NEW.title, 'letter_number', NEW.letter_number, 'letter_date', NEW.letter_date, 'issuer', NEW.issuer, 'issuer_parent', NEW.issuer_parent, 'place', NEW.place, 'signer_title', NEW.signer_title, 'signer_name', NEW.signer_name, 'signer_authority', NEW.signer_authority, 'copies_to', NEW.copies_to, 'legal_basis', NEW.legal_basis, 'deadline', NEW.deadline, 'version', NEW.version, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_delete AFTER DELETE ON campaign BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign', 'delete', OLD.id, NULL,
        json_object('id', OLD.id, 'year', OLD.year, 'title', OLD.title, 'letter_number', OLD.letter_number, 'letter_date', OLD.letter_date, 'issuer', OLD.issuer, 'issuer_parent', OLD.issuer_parent, 'place', OLD.place, 'signer_title', OLD.signer_title, 'signer_name', OLD.signer_name, 'signer_authority', OLD.signer_authority, 'copies_to', OLD.copies_to, 'legal_basis', OLD.legal_basis, 'deadline', OLD.deadline, 'version', OLD.version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
        NULL
    FROM history h WHERE h.open = 1;
END;
