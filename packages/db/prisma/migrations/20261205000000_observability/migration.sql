-- Observability: each process's figures per minute (requests, latencies, business counters),
-- read by the admin console's System health page and the alert rules; and the alerts raised.

CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'RESOLVED');

CREATE TABLE "MetricSample" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSample_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MetricSample_source_instance_minute_key" ON "MetricSample"("source", "instance", "minute");
CREATE INDEX "MetricSample_minute_idx" ON "MetricSample"("minute");

CREATE TABLE "SystemAlert" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    -- The rule while the alert is open, NULL once resolved: at most one open alert per rule.
    "openRule" TEXT,
    "message" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "peakValue" DOUBLE PRECISION NOT NULL,
    "lastValue" DOUBLE PRECISION NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "lastCheckedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "SystemAlert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SystemAlert_open_rule_check" CHECK (("status" = 'OPEN') = ("openRule" IS NOT NULL) AND ("openRule" IS NULL OR "openRule" = "rule"))
);

CREATE UNIQUE INDEX "SystemAlert_openRule_key" ON "SystemAlert"("openRule");
CREATE INDEX "SystemAlert_openedAt_idx" ON "SystemAlert"("openedAt" DESC);
