-- The throttle's PostgreSQL store is now rate-limiter-flexible's RateLimiterPostgres, which runs
-- one prepared upsert per use on the app's pg pool (RateLimiterPrisma ran two Prisma queries, each
-- compiled on every call). It keeps the window's end as epoch milliseconds. The counts are
-- windows of minutes, so starting them afresh loses nothing worth a conversion.
DROP TABLE "RateLimit";

CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
