-- Whether a supplement notice (补正告知) was ever sent: the dashboard lists cases still within the 7 working days
-- (条例第三十条) that have none, without reading their streams. Filled by replaying the projection (case-list.v2).
ALTER TABLE case_read_model ADD COLUMN supplement_requested boolean NOT NULL DEFAULT false;
