SELECT COUNT(*) AS n FROM personal_data_erasures;
