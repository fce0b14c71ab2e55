-- A single-stream append in one statement (the function of migration 0145_append_one, redefined by 0185 and 0186): sent
-- outside an explicit transaction it is committed by the server before it answers, so the plain case costs one round trip. Returns this
-- transaction's id and the last event's position; anything but the plain case raises (CT001, or 23505 for an event id
-- already stored) and writes nothing, and the caller takes the general protocol (SqlEventStore.AppendAsync).
SELECT commit_tx, last_pos
FROM append_one(@stream, @from, @subjects, @keys, @at, CAST(@claims AS jsonb), @event_ids, @types, @schema_versions,
                @business_dates, @actors, @correlation_ids, @causation_ids, @subject_ids, @payloads, @metadata);
