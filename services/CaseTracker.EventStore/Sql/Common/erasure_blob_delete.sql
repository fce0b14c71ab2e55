DELETE FROM document_blobs WHERE sha256 = @sha256;
