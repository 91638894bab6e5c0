export { logger, createLogger, setLogger, REDACT_PATHS } from "./logger";
export { metrics, watchOutbox, readOutbox } from "./metrics";
export { observeRoute, type RequestScope } from "./http";
export { flushRollups, startRollupFlusher } from "./rollup";
export { checkReadiness, metricsText } from "./endpoints";
export { startWorkerListener } from "./worker-listener";
