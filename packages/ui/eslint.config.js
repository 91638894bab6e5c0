import { defineConfig } from "eslint/config";
import { base } from "@bazaar/eslint-config/base";
import { react } from "@bazaar/eslint-config/react";

export default defineConfig(base, react);
