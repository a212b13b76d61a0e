-- Issue 8 §3: on PostgreSQL the people's logins do not own the tables. The role that runs
-- init/migrate/restore owns them; every login that uses BizDesk day to day is a member of the
-- NOLOGIN group role bizdesk_app, which may read and change the business tables but may only
-- read and append to the audit trail (no UPDATE, DELETE or TRUNCATE): even a login that runs its
-- own SQL cannot rewrite history. The migrator calls this function after every upgrade, so tables
-- added by later migrations get the same privileges. It returns false when bizdesk_app does not
-- exist and the migrating role may not create roles (the migrator logs how to set it up).
CREATE OR REPLACE FUNCTION bizdesk_grant_application_role() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    may_create_roles boolean;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bizdesk_app') THEN
        SELECT rolsuper OR rolcreaterole INTO may_create_roles FROM pg_roles WHERE rolname = current_user;
        IF NOT coalesce(may_create_roles, false) THEN
            RETURN false;
        END IF;
        BEGIN
            CREATE ROLE bizdesk_app NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database on the same server created it at the same moment
        END;
    END IF;
    BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO bizdesk_app', current_schema());
    EXCEPTION WHEN insufficient_privilege THEN
        NULL; -- the schema belongs to someone else; PUBLIC has USAGE on it unless a DBA revoked it
    END;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO bizdesk_app', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO bizdesk_app', current_schema());
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM bizdesk_app;
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON bizdesk_schema FROM bizdesk_app;
    REVOKE ALL ON audit_log FROM PUBLIC;
    RETURN true;
END;
$$;
