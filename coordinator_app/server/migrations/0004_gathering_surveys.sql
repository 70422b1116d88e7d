-- 0004: the desk's revision 0011 (gathering place surveys, 通いの場調査), column for column.

CREATE TABLE survey_round (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name varchar(200) NOT NULL,
    fiscal_year integer NOT NULL,
    starts_on date,
    ends_on date,
    status varchar(40) NOT NULL,
    notes text NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_survey_round_deleted_at ON survey_round (deleted_at);
CREATE INDEX ix_survey_round_fiscal_year ON survey_round (fiscal_year);

CREATE TABLE survey_question (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    round_id uuid NOT NULL,
    position integer NOT NULL,
    prompt varchar(300) NOT NULL,
    kind varchar(40) NOT NULL,
    options text NOT NULL,
    place_field varchar(40) NOT NULL,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_survey_question_deleted_at ON survey_question (deleted_at);
CREATE INDEX ix_survey_question_round_id ON survey_question (round_id);

CREATE TABLE survey_answer (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    round_id uuid NOT NULL,
    place_id uuid NOT NULL,
    question_id uuid NOT NULL,
    question_text varchar(300) NOT NULL,
    value text NOT NULL,
    accepted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX ix_survey_answer_deleted_at ON survey_answer (deleted_at);
CREATE INDEX ix_survey_answer_place_id ON survey_answer (place_id);
CREATE INDEX ix_survey_answer_question_id ON survey_answer (question_id);
CREATE INDEX ix_survey_answer_round_id ON survey_answer (round_id);
