import { Badge } from "@bazaar/ui";
import { humanize, toneOf } from "~/lib/format";

export function StatusBadge({
  status,
  label,
}: {
  status: string;
  label?: string;
}) {
  return <Badge tone={toneOf(status)}>{label ?? humanize(status)}</Badge>;
}
