import { prepareTestTemplate } from "./index";

// Vitest global setup for integration tests: one migrated template for the whole run. Both
// integration projects (vitest.config.ts) name this file, and Vitest runs each project's global
// setup in its main process: they share one server, stopped after the last project's files.
const shared = globalThis as { bazaarTestTemplate?: ReturnType<typeof prepareTestTemplate>; bazaarTestTemplateUsers?: number };

export default async function setup() {
  shared.bazaarTestTemplateUsers = (shared.bazaarTestTemplateUsers ?? 0) + 1;
  const { server } = await (shared.bazaarTestTemplate ??= prepareTestTemplate());
  return async () => {
    shared.bazaarTestTemplateUsers = (shared.bazaarTestTemplateUsers ?? 1) - 1;
    if (shared.bazaarTestTemplateUsers === 0) await server.stop();
  };
}
