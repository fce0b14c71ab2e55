-- Row lock: appends to one stream queue here; appends to different streams run side by side.
SELECT version FROM streams WHERE stream_id = @stream FOR UPDATE;
