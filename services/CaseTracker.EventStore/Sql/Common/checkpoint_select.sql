SELECT commit_pos, prepare_pos FROM checkpoints WHERE name = @name;
