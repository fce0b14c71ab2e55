-- The versions of the given streams (@streams: a JSON array of stream ids) that exist: what a bulk writer must extend.
SELECT stream_id, version FROM streams WHERE version > 0 AND stream_id IN (SELECT jsonb_array_elements_text(CAST(@streams AS jsonb)));
