// Shared lint for every Bazaar package: typed typescript-eslint rules that catch bugs
// (floating promises, unsafe any, type-only imports), no stylistic rules (prettier formats).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** Files no package lints: generated code, build output, dependencies. */
export const ignores = [
  "**/node_modules/**",
  "**/.next/**",
  "**/.next-*/**",
  "**/dist/**",
  "**/generated/**",
  "**/test-results/**",
  "**/playwright-report/**",
  "**/next-env.d.ts",
  "**/*.tsbuildinfo",
];

/**
 * Domain code is called from routers, webhooks, jobs, seeds and tests alike, so it may not
 * depend on the transport (tRPC) or the UI framework (Next.js, React).
 */
export const domainBoundary = {
  files: ["**/src/domain/**/*.ts", "**/src/domain/**/*.tsx"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@trpc/*"], message: "Domain code may not depend on tRPC: throw DomainError and let the router map it." },
          { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Domain code may not depend on Next.js." },
          { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "Domain code may not depend on React." },
        ],
      },
    ],
  },
};

export const base = defineConfig(
  { ignores },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Template literals with numbers are how we build messages and keys.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // Prisma's `{ where: ... }` objects and zod's inferred types keep `any` out already; this one is noise.
      "@typescript-eslint/no-redundant-type-constituents": "off",
      // Flags `String(formData.get("x") ?? "")`, where our own forms never send a File: noise here.
      "@typescript-eslint/no-base-to-string": "off",
      // `async` functions without await are common in route handlers and tRPC resolvers.
      "@typescript-eslint/require-await": "off",
      "no-restricted-syntax": ["error", { selector: "DebuggerStatement", message: "Remove debugger statements." }],
    },
  },
  {
    // Plain JS config files (eslint.config.js, postcss.config.mjs) are not in any tsconfig.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  domainBoundary,
);

export default base;
