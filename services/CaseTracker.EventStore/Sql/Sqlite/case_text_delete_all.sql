DELETE FROM case_text;
DELETE FROM case_assignees;
