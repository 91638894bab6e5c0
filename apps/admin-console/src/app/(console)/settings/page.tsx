import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@bazaar/ui";
import { DefaultsForm, TaxTable } from "~/components/settings-forms";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { settings, taxRates } = await api.admin.settings.get();
  return (
    <>
      <PageHeader title="Settings" description="Platform defaults and the tax table. Every change is written to the audit log." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Defaults" />
          <CardBody>
            <DefaultsForm settings={settings} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Tax table" description="The rate charged by the buyer's shipping country." />
          <CardBody>
            <TaxTable
              rates={taxRates.map((r) => ({
                country: r.country,
                rateBps: r.rateBps,
              }))}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
