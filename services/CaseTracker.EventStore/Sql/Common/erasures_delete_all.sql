DELETE FROM personal_data_erasures;
