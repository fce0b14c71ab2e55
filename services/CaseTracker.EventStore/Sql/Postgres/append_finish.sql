UPDATE streams SET version = @version WHERE stream_id = @stream;
