UPDATE documents SET body = @body, version = version + 1, updated_at = @at, updated_by = @by
WHERE collection = @collection AND key = @key AND (@version < 0 OR version = @version);
