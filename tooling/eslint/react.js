// React rules for packages that render (packages/ui and the apps).
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";

export const react = defineConfig({
  files: ["**/*.ts", "**/*.tsx"],
  plugins: { "react-hooks": reactHooks },
  rules: {
    "react-hooks/rules-of-hooks": "error",
    "react-hooks/exhaustive-deps": "warn",
  },
});

export default react;
