-- The admin's users table lists users newest first and searches their email or name
-- (searchUsers in manage-users.ts). With neither index, at 1,000,000 users every search and the
-- unfiltered first page read and sorted the whole table: 390 to 460 ms a call. The trigram indexes
-- find a text's users (a BitmapOr of the two), and the planner walks the newest-first index instead
-- when a text is common (bench/README.md, "Figures, session 25").
CREATE INDEX "User_createdAt_id_idx" ON "User" ("createdAt" DESC, "id" DESC);
CREATE INDEX "User_email_trgm_idx" ON "User" USING GIN ("email" gin_trgm_ops);
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);
