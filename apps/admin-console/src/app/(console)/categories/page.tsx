import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@bazaar/ui";
import { CategoryEditor, type CategoryRow } from "~/components/category-editor";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Categories" };

type Node = Awaited<ReturnType<typeof api.admin.categories.tree>>[number];

/** Depth-first rows, each knowing its whole subtree (the move dialog must not offer those as parents). */
function rowsOf(nodes: Node[]): CategoryRow[] {
  return nodes.flatMap((node) => {
    const below = rowsOf(node.children);
    return [
      {
        id: node.id,
        name: node.name,
        slug: node.slug,
        parentId: node.parentId,
        depth: node.depth,
        productCount: node.productCount,
        totalProductCount: node.totalProductCount,
        childCount: node.children.length,
        subtreeIds: [node.id, ...below.map((r) => r.id)],
      },
      ...below,
    ];
  });
}

export default async function CategoriesPage() {
  const rows = rowsOf(await api.admin.categories.tree());
  return (
    <>
      <PageHeader title="Categories" description="The storefront's category tree. Product counts include drafts and unlisted products." />
      <CategoryEditor rows={rows} />
      {rows.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No categories yet" description="Add the first one above." />
        </div>
      ) : null}
    </>
  );
}
