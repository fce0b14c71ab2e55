-- Section 六 of the year-end report (国办函〔2020〕109号): each case's fee notice, its amount and what was paid, in fen
-- (1/100 元, exact). Filled by the case-fees.v1 projection; statistics only, nothing personal.
CREATE TABLE case_fees (
    case_id      BLOB PRIMARY KEY,
    agency       TEXT    NOT NULL,
    notice_on    TEXT    NOT NULL,
    method       TEXT    NOT NULL,
    quantity     INTEGER,
    amount_fen   BIGINT  NOT NULL,
    paid_on      TEXT,
    paid_fen     BIGINT,
    waived_on    TEXT
);

CREATE INDEX case_fees_notice ON case_fees (notice_on);
CREATE INDEX case_fees_paid ON case_fees (paid_on);
