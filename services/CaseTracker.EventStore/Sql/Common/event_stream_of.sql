SELECT stream_id FROM events WHERE event_id = @event_id;
