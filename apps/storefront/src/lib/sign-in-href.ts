/** Signing in brings the visitor back to the page they were on (the cart, a product), not home. */
export function signInHref(pathname: string | null): string {
  if (!pathname || pathname === "/" || pathname.startsWith("/sign-in") || pathname.startsWith("/sign-up")) return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(pathname)}`;
}
