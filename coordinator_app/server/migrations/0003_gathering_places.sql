-- 0003: the desk's revision 0009 (gathering places, 通いの場), column for column.

CREATE TABLE gathering_place (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    kana varchar(200) NOT NULL,
    sort_kana varchar(200) NOT NULL,
    kind varchar(50) NOT NULL,
    area_id uuid,
    address varchar(300) NOT NULL,
    meeting_place varchar(300) NOT NULL,
    schedule_text varchar(500) NOT NULL,
    schedule_rules text NOT NULL,
    schedule_label varchar(500) NOT NULL,
    weekday_mask integer NOT NULL,
    fee varchar(100) NOT NULL,
    capacity integer,
    usual_attendance integer,
    eligibility varchar(300) NOT NULL,
    barrier_free boolean NOT NULL,
    transport boolean NOT NULL,
    organisation_id uuid,
    contact_name varchar(200) NOT NULL,
    contact_phone varchar(40) NOT NULL,
    contact_printable boolean NOT NULL,
    website varchar(500) NOT NULL,
    photo char(64) REFERENCES blob (sha256),
    status varchar(40) NOT NULL,
    started_on date,
    status_since date,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_gathering_place_area_id ON gathering_place (area_id);
CREATE INDEX ix_gathering_place_deleted_at ON gathering_place (deleted_at);
CREATE INDEX ix_gathering_place_kind ON gathering_place (kind);
CREATE INDEX ix_gathering_place_organisation_id ON gathering_place (organisation_id);
CREATE INDEX ix_gathering_place_sort_kana ON gathering_place (sort_kana);
CREATE INDEX ix_gathering_place_status ON gathering_place (status);
