-- 0005: the foreign keys of the desk's revisions 0006, 0007, 0009 and 0011 that
-- 0002, 0003 and 0004 left out (tests/server/test_schema.py now compares the server with
-- the desk's own chain run on PostgreSQL, foreign keys included).
-- Deferred like the others: a pushed transaction may hold its rows in any
-- order. NOT VALID: rows already on a server are not re-checked (a server
-- must not refuse to start over old data); every new or changed row is.

ALTER TABLE action_item ADD FOREIGN KEY (completed_meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE meeting ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE project_contact ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE project_contact ADD FOREIGN KEY (contact_id)
    REFERENCES contact (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE project_coordinator ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE project_coordinator ADD FOREIGN KEY (coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE gathering_place ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE gathering_place ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE survey_question ADD FOREIGN KEY (round_id)
    REFERENCES survey_round (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE survey_answer ADD FOREIGN KEY (round_id)
    REFERENCES survey_round (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE survey_answer ADD FOREIGN KEY (question_id)
    REFERENCES survey_question (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE survey_answer ADD FOREIGN KEY (place_id)
    REFERENCES gathering_place (id) DEFERRABLE INITIALLY DEFERRED NOT VALID;
