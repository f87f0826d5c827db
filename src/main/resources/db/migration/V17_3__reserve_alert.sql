-- A per-currency threshold (issue 22): the dashboard lists currencies whose reserve is below it. 0: no alert.
ALTER TABLE currencies ADD COLUMN reserve_alert NUMERIC(38,18) NOT NULL DEFAULT 0;
