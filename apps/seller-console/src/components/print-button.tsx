"use client";

import { Button } from "@bazaar/ui";

export function PrintButton() {
  return <Button onClick={() => window.print()}>Print</Button>;
}
