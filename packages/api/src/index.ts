import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createContextInner, loadActor, createCallerFactory, type Context } from "./trpc";
export { DomainError, isDomainError, httpStatusOf } from "./errors";
export type { Actor } from "./actor";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
