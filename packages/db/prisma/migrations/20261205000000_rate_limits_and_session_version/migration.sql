-- Throttling counters (rate-limiter-flexible's Prisma store): one row per key (e.g. "sign-in:ip:1.2.3.4"),
-- shared by every process, so a limit holds across instances. Expired rows are swept by the limiter.
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- Sessions are JWTs; each carries the user's session version at sign-in. Changing the password
-- bumps it, which signs out every other session of that user on its next request.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
