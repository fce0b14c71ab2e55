SELECT key, stream_id FROM unique_claims WHERE scope = @scope;
