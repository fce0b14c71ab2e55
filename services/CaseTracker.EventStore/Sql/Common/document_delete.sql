DELETE FROM documents WHERE collection = @collection AND key = @key;
