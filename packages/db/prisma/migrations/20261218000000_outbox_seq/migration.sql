-- The relay delivers events in the order they were written. Two events written in the same
-- millisecond had equal "availableAt" and "createdAt", and the tie went to their random ids, so a
-- debounced run could keep an older event than the last one published. A sequence breaks the tie.
ALTER TABLE "OutboxEvent" ADD COLUMN "seq" BIGSERIAL NOT NULL;
