-- Raised whenever a user's password changes or the user is disabled: a console session remembers the epoch it was
-- signed in under and ends once the row says otherwise (SessionEpochCheck).
alter table app_user add column session_epoch bigint not null default 0;
