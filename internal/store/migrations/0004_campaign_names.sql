-- cchc schema v4: each campaign keeps the names it showed. campaign_agency
-- gets the agency's name, short name and active flag as that campaign
-- knows them; NULL means "as the agency is now". Renaming or deactivating
-- an agency in one campaign first writes the old values into the other
-- campaigns that still followed the agency (Store.UpdateAgency), so past
-- campaigns' reports never change. History triggers are recreated to
-- record the new columns.

ALTER TABLE campaign_agency ADD COLUMN name TEXT;
ALTER TABLE campaign_agency ADD COLUMN short_name TEXT;
ALTER TABLE campaign_agency ADD COLUMN active INTEGER CHECK (active IN (0, 1));

DROP TRIGGER history_campaign_agency_insert;
DROP TRIGGER history_campaign_agency_update;
DROP TRIGGER history_campaign_agency_delete;

CREATE TRIGGER history_campaign_agency_insert AFTER INSERT ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'insert', NULL, NEW.agency_id,
        NULL,
        json_object('campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id, 'name', NEW.name, 'short_name', NEW.short_name, 'active', NEW.active)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_agency_update AFTER UPDATE ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'update', NULL, NEW.agency_id,
        json_object('campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id, 'name', OLD.name, 'short_name', OLD.short_name, 'active', OLD.active),
        json_object('campaign_id', NEW.campaign_id, 'agency_id', NEW.agency_id, 'name', NEW.name, 'short_name', NEW.short_name, 'active', NEW.active)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_campaign_agency_delete AFTER DELETE ON campaign_agency BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'campaign_agency', 'delete', NULL, OLD.agency_id,
        json_object('campaign_id', OLD.campaign_id, 'agency_id', OLD.agency_id, 'name', OLD.name, 'short_name', OLD.short_name, 'active', OLD.active),
        NULL
    FROM history h WHERE h.open = 1;
END;
