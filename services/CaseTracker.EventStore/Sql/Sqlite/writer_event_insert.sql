-- The append writer (SqliteWriter): one event row. No row changed = the event id is stored already; otherwise the new
-- position is the connection's last inserted rowid (no RETURNING: nothing to buffer and read back).
INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor,
                    correlation_id, causation_id, subject_id, payload, metadata)
VALUES (@event_id, @stream, @version, @type, @schema_version, @business_date, @recorded_at, @actor,
        @correlation_id, @causation_id, @subject_id, @payload, @metadata)
ON CONFLICT (event_id) DO NOTHING;
