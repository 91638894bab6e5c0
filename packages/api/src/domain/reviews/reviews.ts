import { Prisma, type PrismaClient } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { expireStorefrontOnCommit } from "../catalog/cache-tags";
import { inTransaction } from "../transaction";

export interface CreateReviewInput {
  productId: string;
  rating: number;
  title?: string | null;
  body?: string;
}

/**
 * A buyer reviews a product they received (a verified purchase), once. The product's rating
 * aggregates change in the same transaction, by an atomic increment, so concurrent reviews of
 * one product never lose a vote.
 */
export async function createReview(db: PrismaClient, actor: Actor, input: CreateReviewInput) {
  const { userId } = requireUser(actor);
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new DomainError("BAD_REQUEST", "Give a rating from 1 to 5 stars.");
  const delivered = await db.orderItem.findFirst({
    where: { productId: input.productId, order: { buyerId: userId }, shipment: { status: "DELIVERED" } },
    orderBy: { shipment: { deliveredAt: "desc" } },
    select: { id: true },
  });
  if (!delivered) {
    const exists = await db.product.count({ where: { id: input.productId } });
    if (!exists) throw notFound("The product");
    throw new DomainError("PRECONDITION_FAILED", "You can review a product once an order of it has been delivered to you.");
  }
  try {
    return await inTransaction(db, async (tx) => {
      // The product's page lists it and its rating shows on listing cards.
      expireStorefrontOnCommit(tx, { kind: "review", productId: input.productId });
      const review = await tx.review.create({
        data: {
          productId: input.productId,
          buyerId: userId,
          orderItemId: delivered.id,
          rating: input.rating,
          title: input.title?.trim() || null,
          body: input.body?.trim() ?? "",
          verifiedPurchase: true,
        },
      });
      await tx.$executeRaw`
        UPDATE "Product"
           SET "ratingCount" = "ratingCount" + 1,
               "ratingSum" = "ratingSum" + ${input.rating},
               "ratingAvg" = ("ratingSum" + ${input.rating})::float8 / ("ratingCount" + 1)
         WHERE id = ${input.productId}`;
      return review;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", "You have already reviewed this product.");
    }
    throw error;
  }
}

/** A product's reviews, newest first, with the reviewer's display name. */
export async function listProductReviews(db: PrismaClient, input: { productId: string; cursor?: string | null; limit?: number }) {
  const limit = input.limit ?? 20;
  const rows = await db.review.findMany({
    where: { productId: input.productId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, rating: true, title: true, body: true, verifiedPurchase: true, createdAt: true, buyer: { select: { name: true } } },
  });
  return {
    items: rows.slice(0, limit).map(({ buyer, ...r }) => ({ ...r, author: buyer.name?.split(" ")[0] ?? "A buyer" })),
    nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null,
  };
}
