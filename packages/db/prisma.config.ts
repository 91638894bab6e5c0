import { defineConfig } from "prisma/config";
import { migrateAdapter } from "./prisma/migrate-adapter";

// The 6.x CLI reads env("DATABASE_URL") even to generate the client; generation never connects.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/unused";
process.env.CHECKPOINT_DISABLE ??= "1";

// The WASM schema engine behind a driver adapter: the CLI downloads no engine binary,
// so migrations work the same on a machine with no route to Prisma's servers.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => migrateAdapter(process.env.DATABASE_URL!),
});
