import { Badge, EmptyState, formatMoney, PageHeader, Table, TBody, Td, Th, THead, type BadgeTone } from "@bazaar/ui";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

const statusTone: Record<string, BadgeTone> = { ACTIVE: "success", DRAFT: "neutral", ARCHIVED: "warning" };

export default async function ProductsPage() {
  // The layout shows the refusal; this keeps the page from querying for someone it refused.
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const products = await api.catalog.mine();
  return (
    <>
      <PageHeader title={access.seller.shopName} description="Your products, most recently changed first." />
      {products.length === 0 ? (
        <EmptyState title="No products yet" description="Products you add appear here, as drafts until you publish them." />
      ) : (
        <Table caption="Your products">
          <THead>
            <tr>
              <Th>Product</Th>
              <Th>SKU</Th>
              <Th>Status</Th>
              <Th className="text-right">Price</Th>
              <Th className="text-right">Available</Th>
            </tr>
          </THead>
          <TBody>
            {products.map((product) => {
              const available = product.stockLevels.reduce((sum, s) => sum + s.onHand - s.reserved - s.allocated, 0);
              return (
                <tr key={product.id}>
                  <Td className="font-medium">{product.name}</Td>
                  <Td className="font-mono text-xs text-slate-600">{product.sku}</Td>
                  <Td>
                    <Badge tone={product.unlistedAt ? "danger" : (statusTone[product.status] ?? "neutral")}>
                      {product.unlistedAt ? "Unlisted by Bazaar" : product.status.toLowerCase()}
                    </Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{formatMoney(product.priceCents, product.currency)}</Td>
                  <Td className="text-right tabular-nums">{available}</Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </>
  );
}
