-- cchc schema v6: units that succeed others. Since 2025 departments are
-- merged (Sở TN&MT and Sở NN&PTNT into Sở Nông nghiệp và Môi trường) and
-- communes stand directly under the province (agency.parent_id NULL for a
-- commune: it is judged on its own when its group has a quota).
--
-- A succession row says that, in one campaign, successor_id follows on
-- from predecessor_id: the predecessor is no longer followed there, its
-- letters of that campaign count for the successor, and the successor is
-- named with its predecessors. `cchc campaign new --from` copies the rows
-- of the successors it copies. A predecessor has one successor per
-- campaign. History triggers as in 0002.

CREATE TABLE succession (
    campaign_id    INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    predecessor_id INTEGER NOT NULL REFERENCES agency(id),
    successor_id   INTEGER NOT NULL REFERENCES agency(id),
    CHECK (predecessor_id <> successor_id),
    PRIMARY KEY (campaign_id, predecessor_id)
) WITHOUT ROWID;
CREATE INDEX succession_successor ON succession(campaign_id, successor_id);

CREATE TRIGGER history_succession_insert AFTER INSERT ON succession BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'succession', 'insert', NULL, NEW.successor_id,
        NULL,
        json_object('campaign_id', NEW.campaign_id, 'predecessor_id', NEW.predecessor_id, 'successor_id', NEW.successor_id)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_succession_update AFTER UPDATE ON succession BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'succession', 'update', NULL, NEW.successor_id,
        json_object('campaign_id', OLD.campaign_id, 'predecessor_id', OLD.predecessor_id, 'successor_id', OLD.successor_id),
        json_object('campaign_id', NEW.campaign_id, 'predecessor_id', NEW.predecessor_id, 'successor_id', NEW.successor_id)
    FROM history h WHERE h.open = 1;
END;

CREATE TRIGGER history_succession_delete AFTER DELETE ON succession BEGIN
    INSERT INTO history_item (history_id, tbl, action, row_id, agency_id, old, new)
    SELECT h.id, 'succession', 'delete', NULL, OLD.successor_id,
        json_object('campaign_id', OLD.campaign_id, 'predecessor_id', OLD.predecessor_id, 'successor_id', OLD.successor_id),
        NULL
    FROM history h WHERE h.open = 1;
END;
