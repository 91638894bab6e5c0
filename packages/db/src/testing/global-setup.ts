import { prepareTestTemplate } from "./index";

// Vitest global setup for integration tests: one migrated template for the whole run.
export default async function setup() {
  const { server } = await prepareTestTemplate();
  return async () => {
    await server.stop();
  };
}
