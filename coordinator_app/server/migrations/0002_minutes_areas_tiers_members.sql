-- 0002: the desk's revisions 0006 (minutes fields, action items completed in
-- a meeting) and 0007 (area statistics, founding dates, council tier labels,
-- meetings in an area, project members), column for column.

ALTER TABLE meeting ADD COLUMN recorder varchar(200) NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN absentees text NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN approved_by varchar(200) NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN approved_on date;
ALTER TABLE meeting ADD COLUMN area_id uuid;
CREATE INDEX ix_meeting_area_id ON meeting (area_id);

ALTER TABLE action_item ADD COLUMN completed_on date;
ALTER TABLE action_item ADD COLUMN completed_meeting_id uuid;

ALTER TABLE area ADD COLUMN population integer;
ALTER TABLE area ADD COLUMN households integer;
ALTER TABLE area ADD COLUMN aging_rate double precision;
ALTER TABLE area ADD COLUMN stats_as_of date;

ALTER TABLE organisation ADD COLUMN established_on date;

ALTER TABLE council ADD COLUMN tier_label varchar(40) NOT NULL DEFAULT '';

CREATE TABLE project_coordinator (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    project_id uuid NOT NULL,
    coordinator_id uuid NOT NULL,
    role varchar(100) NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_project_coordinator_coordinator_id ON project_coordinator (coordinator_id);
CREATE INDEX ix_project_coordinator_deleted_at ON project_coordinator (deleted_at);
CREATE INDEX ix_project_coordinator_project_id ON project_coordinator (project_id);

CREATE TABLE project_contact (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    project_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    role varchar(100) NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_project_contact_contact_id ON project_contact (contact_id);
CREATE INDEX ix_project_contact_deleted_at ON project_contact (deleted_at);
CREATE INDEX ix_project_contact_project_id ON project_contact (project_id);
