SELECT scope, key, stream_id, holder_stream_id FROM unique_claim_duplicates ORDER BY scope, key, stream_id;
