-- The versions of the given streams (@streams: a JSON array of stream ids) that exist: what a bulk writer must extend.
-- (0186: a stream's version is its highest stream_version, one seek each in the events' (stream_id, stream_version) index.)
SELECT stream_id, max(stream_version) AS version FROM events
WHERE stream_id IN (SELECT jsonb_array_elements_text(CAST(@streams AS jsonb)))
GROUP BY stream_id;
