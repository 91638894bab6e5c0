export { publish } from "./publish";
export { eventSchemas, type EventName, type EventPayload } from "./catalog";
