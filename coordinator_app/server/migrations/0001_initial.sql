-- 0001: the first server schema of a municipality.
-- Runs with search_path set to the municipality's schema (server/schema.py).
-- The domain tables follow domain/models.py column for column, plus
-- row_version (the change-log sequence of the row's last change); binary
-- columns hold the SHA-256 of bytes stored once in blob.
-- tests/server/test_schema.py fails when the domain tables drift from this.

CREATE TABLE blob (
    sha256 char(64) PRIMARY KEY,
    size bigint NOT NULL,
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE area (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    kind varchar(40) NOT NULL,
    parent_id uuid,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_area_deleted_at ON area (deleted_at);
CREATE INDEX ix_area_parent_id ON area (parent_id);
CREATE INDEX ix_area_sort_kana ON area (sort_kana);

CREATE TABLE organisation (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    kind varchar(40) NOT NULL,
    operation varchar(40),
    address varchar(300) NOT NULL,
    phone varchar(40) NOT NULL,
    email varchar(254) NOT NULL,
    website varchar(500) NOT NULL,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_organisation_deleted_at ON organisation (deleted_at);
CREATE INDEX ix_organisation_kind ON organisation (kind);
CREATE INDEX ix_organisation_kind_sort_kana ON organisation (kind, sort_kana);
CREATE INDEX ix_organisation_sort_kana ON organisation (sort_kana);

CREATE TABLE organisation_area (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    organisation_id uuid NOT NULL,
    area_id uuid NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_organisation_area_area_id ON organisation_area (area_id);
CREATE INDEX ix_organisation_area_deleted_at ON organisation_area (deleted_at);
CREATE INDEX ix_organisation_area_organisation_id ON organisation_area (organisation_id);

CREATE TABLE contact (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    organisation_id uuid NOT NULL,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    role varchar(200) NOT NULL,
    phone varchar(40) NOT NULL,
    email varchar(254) NOT NULL,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_contact_deleted_at ON contact (deleted_at);
CREATE INDEX ix_contact_organisation_id ON contact (organisation_id);
CREATE INDEX ix_contact_sort_kana ON contact (sort_kana);

CREATE TABLE coordinator (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    photo char(64) REFERENCES blob (sha256),
    phone varchar(40) NOT NULL,
    email varchar(254) NOT NULL,
    office_hours varchar(300) NOT NULL,
    message text NOT NULL,
    consult_topics text NOT NULL,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_coordinator_deleted_at ON coordinator (deleted_at);
CREATE INDEX ix_coordinator_sort_kana ON coordinator (sort_kana);

CREATE TABLE assignment (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    coordinator_id uuid NOT NULL,
    tier integer NOT NULL,
    tier_label varchar(40) NOT NULL,
    area_id uuid NOT NULL,
    organisation_id uuid,
    concurrent boolean NOT NULL,
    start_date date NOT NULL,
    end_date date,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_assignment_area_id ON assignment (area_id);
CREATE INDEX ix_assignment_coordinator_id ON assignment (coordinator_id);
CREATE INDEX ix_assignment_deleted_at ON assignment (deleted_at);

CREATE TABLE council (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    tier integer NOT NULL,
    area_id uuid,
    purpose text NOT NULL,
    status varchar(40) NOT NULL,
    established_on date,
    usual_venue varchar(300) NOT NULL,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_council_area_id ON council (area_id);
CREATE INDEX ix_council_deleted_at ON council (deleted_at);
CREATE INDEX ix_council_sort_kana ON council (sort_kana);

CREATE TABLE council_membership (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    council_id uuid NOT NULL,
    organisation_id uuid,
    contact_id uuid,
    role varchar(100) NOT NULL,
    start_date date,
    end_date date,
    row_version bigint NOT NULL DEFAULT 0,
    CONSTRAINT ck_council_membership_one_member CHECK ((organisation_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX ix_council_membership_contact_id ON council_membership (contact_id);
CREATE INDEX ix_council_membership_council_id ON council_membership (council_id);
CREATE INDEX ix_council_membership_deleted_at ON council_membership (deleted_at);
CREATE INDEX ix_council_membership_organisation_id ON council_membership (organisation_id);

CREATE TABLE project (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    title varchar(300) NOT NULL,
    program varchar(40) NOT NULL,
    area_id uuid,
    lead_coordinator_id uuid,
    goal text NOT NULL,
    status varchar(40) NOT NULL,
    progress integer NOT NULL,
    start_date date,
    end_date date,
    outcome text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_project_area_id ON project (area_id);
CREATE INDEX ix_project_deleted_at ON project (deleted_at);
CREATE INDEX ix_project_lead_coordinator_id ON project (lead_coordinator_id);
CREATE INDEX ix_project_status ON project (status);

CREATE TABLE project_organisation (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    project_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_project_organisation_deleted_at ON project_organisation (deleted_at);
CREATE INDEX ix_project_organisation_organisation_id ON project_organisation (organisation_id);
CREATE INDEX ix_project_organisation_project_id ON project_organisation (project_id);

CREATE TABLE progress_entry (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    project_id uuid NOT NULL,
    entry_date date NOT NULL,
    text text NOT NULL,
    author varchar(200) NOT NULL,
    author_profile_id uuid,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_progress_entry_deleted_at ON progress_entry (deleted_at);
CREATE INDEX ix_progress_entry_entry_date ON progress_entry (entry_date);
CREATE INDEX ix_progress_entry_project_date ON progress_entry (project_id, entry_date);
CREATE INDEX ix_progress_entry_project_id ON progress_entry (project_id);

CREATE TABLE meeting (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    kind varchar(40) NOT NULL,
    title varchar(300) NOT NULL,
    held_on date NOT NULL,
    start_time time,
    end_time time,
    venue varchar(300) NOT NULL,
    mode varchar(40) NOT NULL,
    capacity_on_site integer,
    capacity_online integer,
    council_id uuid,
    project_id uuid,
    participants_on_site integer,
    participants_online integer,
    agenda text NOT NULL,
    minutes text NOT NULL,
    decisions text NOT NULL,
    series_id uuid,
    session_number integer,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_council_id ON meeting (council_id);
CREATE INDEX ix_meeting_deleted_at ON meeting (deleted_at);
CREATE INDEX ix_meeting_held_on ON meeting (held_on);
CREATE INDEX ix_meeting_kind ON meeting (kind);
CREATE INDEX ix_meeting_kind_held_on ON meeting (kind, held_on);
CREATE INDEX ix_meeting_project_id ON meeting (project_id);
CREATE INDEX ix_meeting_series_id ON meeting (series_id);
CREATE INDEX ix_meeting_title_held_on ON meeting (title, held_on);
CREATE INDEX ix_meeting_venue_held_on ON meeting (venue, held_on);

CREATE TABLE meeting_coordinator (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    meeting_id uuid NOT NULL,
    coordinator_id uuid NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_coordinator_coordinator_id ON meeting_coordinator (coordinator_id);
CREATE INDEX ix_meeting_coordinator_deleted_at ON meeting_coordinator (deleted_at);
CREATE INDEX ix_meeting_coordinator_meeting_id ON meeting_coordinator (meeting_id);

CREATE TABLE meeting_organisation (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    meeting_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_organisation_deleted_at ON meeting_organisation (deleted_at);
CREATE INDEX ix_meeting_organisation_meeting_id ON meeting_organisation (meeting_id);
CREATE INDEX ix_meeting_organisation_organisation_id ON meeting_organisation (organisation_id);

CREATE TABLE action_item (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    meeting_id uuid NOT NULL,
    text text NOT NULL,
    owner_coordinator_id uuid,
    owner_contact_id uuid,
    due_date date,
    done boolean NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_action_item_deleted_at ON action_item (deleted_at);
CREATE INDEX ix_action_item_due_date ON action_item (due_date);
CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id);

CREATE TABLE attachment (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    progress_entry_id uuid,
    meeting_id uuid,
    project_id uuid,
    filename varchar(255) NOT NULL,
    media_type varchar(100) NOT NULL,
    size integer NOT NULL,
    content char(64) REFERENCES blob (sha256) NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_attachment_deleted_at ON attachment (deleted_at);
CREATE INDEX ix_attachment_meeting_id ON attachment (meeting_id);
CREATE INDEX ix_attachment_progress_entry_id ON attachment (progress_entry_id);
CREATE INDEX ix_attachment_project_id ON attachment (project_id);

CREATE TABLE setting (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    key varchar(100) NOT NULL UNIQUE,
    text_value text NOT NULL,
    blob_value char(64) REFERENCES blob (sha256),
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_setting_deleted_at ON setting (deleted_at);

CREATE TABLE meeting_series (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    title varchar(300) NOT NULL,
    kind varchar(40) NOT NULL,
    council_id uuid,
    project_id uuid,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_series_deleted_at ON meeting_series (deleted_at);

CREATE TABLE meeting_contact (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    meeting_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_contact_contact_id ON meeting_contact (contact_id);
CREATE INDEX ix_meeting_contact_deleted_at ON meeting_contact (deleted_at);
CREATE INDEX ix_meeting_contact_meeting_id ON meeting_contact (meeting_id);

CREATE TABLE user_profile (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    role varchar(40) NOT NULL,
    title varchar(100) NOT NULL,
    coordinator_id uuid,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_user_profile_deleted_at ON user_profile (deleted_at);
CREATE INDEX ix_user_profile_sort_kana ON user_profile (sort_kana);

CREATE TABLE review (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    progress_entry_id uuid NOT NULL,
    reviewer_profile_id uuid NOT NULL,
    comment text NOT NULL,
    reviewed_at timestamptz NOT NULL,
    entry_updated_at timestamptz NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_review_deleted_at ON review (deleted_at);
CREATE INDEX ix_review_entry_updated ON review (progress_entry_id, entry_updated_at);
CREATE INDEX ix_review_progress_entry_id ON review (progress_entry_id);
CREATE INDEX ix_review_reviewer_profile_id ON review (reviewer_profile_id);

ALTER TABLE area ADD FOREIGN KEY (parent_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE organisation_area ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE organisation_area ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE contact ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE assignment ADD FOREIGN KEY (coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE assignment ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE assignment ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE council ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE council_membership ADD FOREIGN KEY (council_id)
    REFERENCES council (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE council_membership ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE council_membership ADD FOREIGN KEY (contact_id)
    REFERENCES contact (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE project ADD FOREIGN KEY (area_id)
    REFERENCES area (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE project ADD FOREIGN KEY (lead_coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE project_organisation ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE project_organisation ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE progress_entry ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE progress_entry ADD FOREIGN KEY (author_profile_id)
    REFERENCES user_profile (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting ADD FOREIGN KEY (council_id)
    REFERENCES council (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting ADD FOREIGN KEY (series_id)
    REFERENCES meeting_series (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_coordinator ADD FOREIGN KEY (meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_coordinator ADD FOREIGN KEY (coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_organisation ADD FOREIGN KEY (meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_organisation ADD FOREIGN KEY (organisation_id)
    REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE action_item ADD FOREIGN KEY (meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE action_item ADD FOREIGN KEY (owner_coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE action_item ADD FOREIGN KEY (owner_contact_id)
    REFERENCES contact (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE attachment ADD FOREIGN KEY (progress_entry_id)
    REFERENCES progress_entry (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE attachment ADD FOREIGN KEY (meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE attachment ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_series ADD FOREIGN KEY (council_id)
    REFERENCES council (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_series ADD FOREIGN KEY (project_id)
    REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_contact ADD FOREIGN KEY (meeting_id)
    REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_contact ADD FOREIGN KEY (contact_id)
    REFERENCES contact (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE user_profile ADD FOREIGN KEY (coordinator_id)
    REFERENCES coordinator (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE review ADD FOREIGN KEY (progress_entry_id)
    REFERENCES progress_entry (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE review ADD FOREIGN KEY (reviewer_profile_id)
    REFERENCES user_profile (id) DEFERRABLE INITIALLY DEFERRED;

-- Server-only tables.

CREATE TABLE counter (
    name varchar(20) PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO counter (name, value) VALUES ('seq', 0), ('tx', 0);

CREATE TABLE user_account (
    id uuid PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE,
    role varchar(20) NOT NULL CHECK (role IN ('coordinator', 'supervisor', 'admin')),
    password_hash text NOT NULL,
    profile_id uuid NOT NULL REFERENCES user_profile (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until timestamptz
);

CREATE TABLE device (
    id uuid PRIMARY KEY,
    name varchar(200) NOT NULL,
    registered_by uuid NOT NULL REFERENCES user_account (id),
    registered_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,
    last_user_id uuid REFERENCES user_account (id),
    revoked_at timestamptz
);

CREATE TABLE access_token (
    token_hash char(64) PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES user_account (id),
    device_id uuid NOT NULL REFERENCES device (id),
    issued_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX ix_access_token_device ON access_token (device_id);

-- Idempotency: a push transaction is applied once per (device, incarnation, tx).
CREATE TABLE applied_tx (
    server_tx bigint PRIMARY KEY,
    device_id uuid NOT NULL REFERENCES device (id),
    incarnation uuid NOT NULL,
    client_tx bigint NOT NULL,
    user_id uuid NOT NULL REFERENCES user_account (id),
    applied_at timestamptz NOT NULL DEFAULT now(),
    result jsonb NOT NULL,
    UNIQUE (device_id, incarnation, client_tx)
);

-- The history and the pull feed: one row per field change, append-only.
CREATE TABLE change_log (
    seq bigint PRIMARY KEY,
    server_tx bigint NOT NULL,
    table_name varchar(63) NOT NULL,
    row_id uuid NOT NULL,
    op varchar(10) NOT NULL CHECK (op IN ('insert', 'update')),
    field varchar(63) NOT NULL,
    old_value jsonb,
    new_value jsonb,
    actor_id uuid REFERENCES user_account (id) DEFERRABLE INITIALLY DEFERRED,
    actor_name varchar(100) NOT NULL,
    device_id uuid REFERENCES device (id),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_change_log_row ON change_log (table_name, row_id, seq);
CREATE INDEX ix_change_log_tx ON change_log (server_tx);

CREATE FUNCTION change_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'change_log is append-only';
END;
$$;
CREATE TRIGGER change_log_no_update BEFORE UPDATE OR DELETE ON change_log
    FOR EACH ROW EXECUTE FUNCTION change_log_is_append_only();
CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_is_append_only();

-- A pushed value the server did not take: kept until a person decides.
CREATE TABLE conflict (
    id uuid PRIMARY KEY,
    server_tx bigint NOT NULL,
    table_name varchar(63) NOT NULL,
    row_id uuid NOT NULL,
    kind varchar(20) NOT NULL CHECK (kind IN ('field', 'deleted_row', 'rule')),
    field varchar(63),
    base_value jsonb,
    pushed_value jsonb,
    current_value jsonb,
    user_id uuid NOT NULL REFERENCES user_account (id),
    device_id uuid NOT NULL REFERENCES device (id),
    client_tx bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by uuid REFERENCES user_account (id)
);
CREATE INDEX ix_conflict_row ON conflict (table_name, row_id);
CREATE INDEX ix_conflict_open ON conflict (created_at) WHERE resolved_at IS NULL;
