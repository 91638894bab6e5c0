import type { PrismaClient, SellerStatus } from "@bazaar/db";
import type { Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";

export interface OnboardingStep {
  id: "applied" | "approved" | "payouts" | "warehouse" | "product" | "stock" | "published";
  label: string;
  done: boolean;
}

export interface OnboardingStatus {
  shop: {
    shopName: string;
    slug: string;
    contactEmail: string;
    status: SellerStatus;
    statusReason: string | null;
    appliedAt: Date;
    approvedAt: Date | null;
  };
  /** The payable ledger account (what Bazaar owes the shop) exists from approval on. */
  payableAccount: boolean;
  stripe: {
    /** Whether this deployment pays sellers through Stripe Connect (STRIPE_SECRET_KEY is set). */
    configured: boolean;
    accountId: string | null;
  };
  steps: OnboardingStep[];
}

/**
 * Where a seller stands between applying and selling. Open to a seller in any approval state
 * (the pending status page shows it), so it takes the seller id from the actor, not from a
 * procedure that insists on approval.
 */
export async function getOnboardingStatus(db: PrismaClient, actor: Actor, options: { stripeConfigured: boolean }): Promise<OnboardingStatus> {
  if (!actor.sellerId) throw new DomainError("FORBIDDEN", "This needs a seller account.");
  const seller = await db.seller.findUnique({
    where: { id: actor.sellerId },
    select: {
      shopName: true,
      slug: true,
      contactEmail: true,
      status: true,
      statusReason: true,
      createdAt: true,
      approvedAt: true,
      stripeAccountId: true,
      _count: { select: { warehouses: true, products: true } },
    },
  });
  if (!seller) throw notFound("Your shop");
  const [payable, stocked, published] = await Promise.all([
    db.ledgerAccount.count({ where: { sellerId: actor.sellerId, kind: "SELLER_PAYABLE" } }),
    db.stockLevel.count({ where: { product: { sellerId: actor.sellerId }, onHand: { gt: 0 } } }),
    db.product.count({ where: { sellerId: actor.sellerId, status: "ACTIVE" } }),
  ]);
  const approved = seller.status === "APPROVED";
  const steps: OnboardingStep[] = [
    { id: "applied", label: "Apply with your shop's name, address and contact", done: true },
    { id: "approved", label: "Approval by the Bazaar team", done: approved },
    ...(options.stripeConfigured ? [{ id: "payouts" as const, label: "Connect a Stripe account for payouts", done: Boolean(seller.stripeAccountId) }] : []),
    { id: "warehouse", label: "Add a warehouse", done: seller._count.warehouses > 0 },
    { id: "product", label: "Create your first product", done: seller._count.products > 0 },
    { id: "stock", label: "Put stock on hand", done: stocked > 0 },
    { id: "published", label: "Publish a product", done: published > 0 },
  ];
  return {
    shop: {
      shopName: seller.shopName,
      slug: seller.slug,
      contactEmail: seller.contactEmail,
      status: seller.status,
      statusReason: seller.statusReason,
      appliedAt: seller.createdAt,
      approvedAt: seller.approvedAt,
    },
    payableAccount: payable > 0,
    stripe: { configured: options.stripeConfigured, accountId: seller.stripeAccountId },
    steps,
  };
}
