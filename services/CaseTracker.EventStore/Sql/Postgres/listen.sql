LISTEN casetracker_events;
