-- cchc schema v5: a tally of the registrations in each letter, so that
-- judging a campaign reads one small row per letter from one index instead
-- of counting 200,000 registrations (national scale) each time.
--
-- letter_tally is derived: the triggers below keep it in step with
-- submission and registration on every write, whoever makes it (cchc,
-- undo, the sqlite3 tool). It has no history triggers of its own (it is
-- not part of the book; undoing a change to a letter or a registration
-- moves the tally through these same triggers), and `cchc check` compares
-- it with the registrations.

CREATE TABLE letter_tally (
    submission_id INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL,
    agency_id     INTEGER NOT NULL,
    received_on   TEXT    NOT NULL,
    registrations INTEGER NOT NULL DEFAULT 0
);
-- covering: the judgement reads only this index
CREATE INDEX letter_tally_campaign ON letter_tally(campaign_id, agency_id, received_on, registrations);

INSERT INTO letter_tally (submission_id, campaign_id, agency_id, received_on, registrations)
SELECT s.id, s.campaign_id, s.agency_id, s.received_on,
    (SELECT count(*) FROM registration r WHERE r.submission_id = s.id)
FROM submission s;

CREATE TRIGGER tally_submission_insert AFTER INSERT ON submission BEGIN
    INSERT INTO letter_tally (submission_id, campaign_id, agency_id, received_on, registrations)
    VALUES (NEW.id, NEW.campaign_id, NEW.agency_id, NEW.received_on,
        (SELECT count(*) FROM registration WHERE submission_id = NEW.id));
END;

CREATE TRIGGER tally_submission_update AFTER UPDATE OF id, campaign_id, agency_id, received_on ON submission BEGIN
    UPDATE letter_tally SET submission_id = NEW.id, campaign_id = NEW.campaign_id,
        agency_id = NEW.agency_id, received_on = NEW.received_on
    WHERE submission_id = OLD.id;
END;

CREATE TRIGGER tally_submission_delete AFTER DELETE ON submission BEGIN
    DELETE FROM letter_tally WHERE submission_id = OLD.id;
END;

CREATE TRIGGER tally_registration_insert AFTER INSERT ON registration BEGIN
    UPDATE letter_tally SET registrations = registrations + 1 WHERE submission_id = NEW.submission_id;
END;

CREATE TRIGGER tally_registration_move AFTER UPDATE OF submission_id ON registration
WHEN OLD.submission_id IS NOT NEW.submission_id BEGIN
    UPDATE letter_tally SET registrations = registrations - 1 WHERE submission_id = OLD.submission_id;
    UPDATE letter_tally SET registrations = registrations + 1 WHERE submission_id = NEW.submission_id;
END;

CREATE TRIGGER tally_registration_delete AFTER DELETE ON registration BEGIN
    UPDATE letter_tally SET registrations = registrations - 1 WHERE submission_id = OLD.submission_id;
END;
