// Zod schemas shared by procedures and the apps' forms (one definition of what is valid).
export * from "./cart";
