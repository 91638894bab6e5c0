/** Pages a guest reaches by their order's signed link: the route's params and its `?token=`. */
export interface OrderLinkProps {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}

/** The order and the link's token (null without one: then the order is the signed-in buyer's). */
export async function orderLink({ params, searchParams }: OrderLinkProps): Promise<{ orderId: string; token: string | null }> {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  // The API checks the token; anything longer than one of ours is not one.
  return { orderId, token: typeof token === "string" && token ? token.slice(0, 100) : null };
}
