// Next.js apps: the base rules, React hooks and Next's own core-web-vitals rules.
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig } from "eslint/config";
import { base } from "./base.js";
import { react } from "./react.js";

export const nextjs = defineConfig(base, react, {
  files: ["**/*.ts", "**/*.tsx"],
  plugins: { "@next/next": nextPlugin },
  rules: {
    ...nextPlugin.configs.recommended.rules,
    ...nextPlugin.configs["core-web-vitals"].rules,
    // Product images come from our own /media route or UploadThing with known sizes; next/image's
    // optimiser would need sharp at runtime for little gain here.
    "@next/next/no-img-element": "off",
  },
});

export default nextjs;
