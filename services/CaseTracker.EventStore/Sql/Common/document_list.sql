SELECT key, body, version FROM documents WHERE collection = @collection ORDER BY key;
