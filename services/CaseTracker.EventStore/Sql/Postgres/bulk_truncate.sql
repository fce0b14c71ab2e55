-- A rebuild's reset in bulk (ProjectionRunner.Bulk.cs): the read models' tables emptied in one statement instead of
-- deleted row by row (dead rows and their index entries that the reloaded keys would then meet); transactional, and
-- only tables that no foreign key references. {tables}: the projections' tables (IProjection.Tables).
TRUNCATE {tables};
