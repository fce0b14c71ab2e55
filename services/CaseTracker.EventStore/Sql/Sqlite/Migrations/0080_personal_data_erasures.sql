-- 删除个人信息: one row per case whose applicant's personal data was erased (case.personal-data-erased), for the
-- administrators' report and the "（个人信息已删除）" marks; fed by ErasureProjection. The agency and the 编号 come from
-- case_read_model. No personal data here: the subject id is the destroyed key's id.
CREATE TABLE personal_data_erasures (
    case_id    BLOB PRIMARY KEY,
    subject_id BLOB,
    erased_on  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    erased_by  TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX personal_data_erasures_on ON personal_data_erasures (erased_on);
