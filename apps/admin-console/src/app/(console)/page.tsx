import { Card, CardBody, PageHeader } from "@bazaar/ui";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

export default async function OverviewPage() {
  // The layout shows the refusal; this keeps the page from querying for someone it refused.
  if ((await getAdminAccess()).kind !== "admin") return null;
  const counts = await api.admin.userCounts();
  const tiles = [
    { label: "Buyers", value: counts.byRole.BUYER },
    { label: "Sellers", value: counts.byRole.SELLER },
    { label: "Administrators", value: counts.byRole.ADMIN },
    { label: "Shops awaiting approval", value: counts.pendingSellers },
    { label: "Suspended accounts", value: counts.suspended },
  ];
  return (
    <>
      <PageHeader title="Overview" description={`${counts.total} accounts on Bazaar.`} />
      <section aria-labelledby="user-counts">
        <h2 id="user-counts" className="sr-only">
          Users by role
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5" data-testid="user-counts">
          {tiles.map((tile) => (
            <Card key={tile.label}>
              <CardBody>
                <dt className="text-sm text-slate-600">{tile.label}</dt>
                <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{tile.value}</dd>
              </CardBody>
            </Card>
          ))}
        </dl>
      </section>
    </>
  );
}
