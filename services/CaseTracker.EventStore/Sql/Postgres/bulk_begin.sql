-- A bulk load (ProjectionRunner.Bulk.cs): memory for building the dropped indexes again (a GIN index over every case's
-- bigrams in one sort); SET LOCAL ends with the transaction.
SET LOCAL maintenance_work_mem = '256MB';
