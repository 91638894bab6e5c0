import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { appUrl, type AppName } from "../support";

// Calls an app's tRPC endpoint over HTTP with the cookies of a signed-in browser context
// (`page.request`), as the app's own pages do. Inputs and outputs are superjson's { json } shape.

export interface TrpcReply {
  status: number;
  body: string;
  /** The procedure's result (its superjson `json` part), or undefined for an error. */
  data: unknown;
  /** The error's code ("NOT_FOUND"...) and message, or undefined on success. */
  error?: { code: string; message: string };
}

async function reply(response: APIResponse): Promise<TrpcReply> {
  const body = await response.text();
  const parsed = JSON.parse(body) as { result?: { data?: { json?: unknown } }; error?: { json?: { message: string; data?: { code: string } } } };
  const error = parsed.error?.json;
  return {
    status: response.status(),
    body,
    data: parsed.result?.data?.json,
    error: error ? { code: error.data?.code ?? "", message: error.message } : undefined,
  };
}

export async function trpcQuery(request: APIRequestContext, app: AppName, path: string, input?: unknown): Promise<TrpcReply> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return reply(await request.get(appUrl(app, `/api/trpc/${path}${query}`)));
}

export async function trpcMutation(request: APIRequestContext, app: AppName, path: string, input?: unknown): Promise<TrpcReply> {
  return reply(await request.post(appUrl(app, `/api/trpc/${path}`), { data: input === undefined ? {} : { json: input } }));
}

/** The result of a call that must succeed. */
export async function ok<T>(call: Promise<TrpcReply>): Promise<T> {
  const result = await call;
  expect(result.error, `tRPC call failed: ${result.body}`).toBeUndefined();
  return result.data as T;
}
