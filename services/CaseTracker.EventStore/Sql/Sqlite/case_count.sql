-- How many cases the case list's filters select (case_filter.sql), for the total of every page.
SELECT COUNT(*) AS total
{filter};
