SELECT count(*) FROM events WHERE position > @prepare;
