import "server-only";

import type { CategoryOption } from "~/components/product-form";
import { api } from "~/trpc/server";

/** The category tree as select options, children indented under their parents. */
export async function categoryOptions(): Promise<CategoryOption[]> {
  type Node = Awaited<ReturnType<typeof api.catalog.categories>>[number];
  const options: CategoryOption[] = [];
  const walk = (nodes: Node[], trail: string[]) => {
    for (const node of nodes) {
      options.push({ id: node.id, label: [...trail, node.name].join(" › ") });
      walk(node.children, [...trail, node.name]);
    }
  };
  walk(await api.catalog.categories(), []);
  return options;
}
