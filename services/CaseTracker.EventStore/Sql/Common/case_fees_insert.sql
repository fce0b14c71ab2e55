INSERT INTO case_fees (case_id, agency, notice_on, method, quantity, amount_fen, paid_on, paid_fen, waived_on)
VALUES (@case_id, @agency, @notice_on, @method, @quantity, @amount_fen, @paid_on, @paid_fen, @waived_on);
