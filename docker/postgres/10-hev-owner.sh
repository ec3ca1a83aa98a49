#!/bin/sh
# First start of the compose PostgreSQL (docker-entrypoint-initdb.d): the owner role the migrations run as, and the
# database it owns. It is not a superuser; CREATEROLE lets `npm run migrate` create the runtime role (SPEC 8).
set -eu
psql -v ON_ERROR_STOP=1 -v owner_password="$HEV_OWNER_PASSWORD" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE hev_owner LOGIN NOSUPERUSER CREATEROLE PASSWORD :'owner_password';
CREATE DATABASE hev OWNER hev_owner;
REVOKE ALL ON DATABASE hev FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hev TO hev_owner;
SQL
