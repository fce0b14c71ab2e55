INSERT INTO streams (stream_id, version) VALUES (@stream, 0) ON CONFLICT (stream_id) DO NOTHING;
