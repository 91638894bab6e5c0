import type { Metadata } from "next";
import { Card, CardBody, CardHeader, formatMoney, PageHeader } from "@bazaar/ui";
import { Stat } from "@bazaar/ui/stat-card";
import { ExpirePromoButton, PromoForm } from "~/components/promo-form";
import { StatusBadge } from "~/components/status-badge";
import { orNotFound } from "~/lib/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Promo code" };

export default async function PromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [promo, shops] = await Promise.all([orNotFound(api.admin.promotions.get({ promoId: id })), api.admin.sellers.list({ status: "APPROVED", limit: 100 })]);

  return (
    <>
      <PageHeader
        back={{ href: "/promotions", label: "Promotions" }}
        title={promo.code}
        description={<StatusBadge status={promo.state} />}
        actions={promo.state !== "EXPIRED" ? <ExpirePromoButton promoId={promo.id} code={promo.code} /> : null}
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-2">
        <Stat
          label="Uses"
          value={`${promo.usageCount}${promo.usageLimit !== null ? ` / ${promo.usageLimit}` : ""}`}
          detail="Counted when an order is placed with it"
        />
        <Stat label="Discount given" value={formatMoney(promo.discountGivenCents, promo.currency)} detail={`Across ${promo.redemptions} orders`} />
      </dl>
      <Card>
        <CardHeader title="Edit" />
        <CardBody>
          <PromoForm promo={promo} shops={shops.items.map((s) => ({ id: s.id, shopName: s.shopName }))} />
        </CardBody>
      </Card>
    </>
  );
}
