// Zod schemas shared by procedures and the apps' forms (one definition of what is valid).
export * from "./cart";
export * from "./address";
export * from "./checkout";
export * from "./orders";
export * from "./payments";
export * from "./fulfillment";
export * from "./ledger";
export * from "./reviews";
export * from "./inventory";
export * from "./catalog";
export * from "./seller";
