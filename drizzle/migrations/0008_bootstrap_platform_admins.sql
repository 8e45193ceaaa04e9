-- Installations from before platform admins existed: their project admins may manage pools and teams.
INSERT INTO "platform_admins" ("user_id") SELECT DISTINCT "user_id" FROM "memberships" WHERE "role" = 'admin' ON CONFLICT DO NOTHING;
