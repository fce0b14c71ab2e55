SELECT body, version FROM documents WHERE collection = @collection AND key = @key;
