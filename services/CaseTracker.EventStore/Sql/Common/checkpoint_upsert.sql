INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES (@name, @commit, @prepare)
ON CONFLICT (name) DO UPDATE SET commit_pos = excluded.commit_pos, prepare_pos = excluded.prepare_pos;
