INSERT INTO case_appeals (case_id, appeal_id, kind, filed_on, after_reconsideration, concluded_on, result)
VALUES (@case_id, @appeal_id, @kind, @filed_on, @after_reconsideration, @concluded_on, @result);
