-- The PostgreSQL test fixtures, loaded by scripts/pg/with_test_server.sh from the
-- repository root: the churn notebook's data and a table of edge cases (weights,
-- groups, missing scores, tied scores, a one-class segment).
CREATE TABLE churn (
  customer_id integer, segment text, tenure_months integer, monthly_revenue double precision,
  churned integer, p_churn_current double precision, p_churn_candidate double precision);
\copy churn FROM 'notebooks/data/churn.csv' WITH (FORMAT csv, HEADER true)

CREATE TABLE edge (
  id integer, segment text, label integer, score double precision, score_gaps double precision,
  weight double precision, amount numeric(10, 2), label_bool boolean);
\copy edge FROM 'Tests/EvalPostgresTests/Fixtures/edge.csv' WITH (FORMAT csv, HEADER true)

-- A name that needs quoting, and a table a notebook must not be able to change.
CREATE TABLE "odd ""name""" ("select" integer, "a b" text);
INSERT INTO "odd ""name""" VALUES (1, 'x'), (2, 'y');
CREATE TABLE guarded (id integer);
INSERT INTO guarded VALUES (1);
CREATE SEQUENCE guarded_seq;

-- A role that signs in with a password (pg_hba asks it for one).
CREATE ROLE evalbook_pw LOGIN PASSWORD 's3cret-Pa55';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO evalbook_pw;
ANALYZE;
