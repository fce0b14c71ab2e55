-- Who holds the given keys of a scope (@keys: a JSON array of claim keys): the claims a bulk writer would be refused.
SELECT key, stream_id FROM unique_claims WHERE scope = @scope AND key IN (SELECT value FROM json_each(@keys));
