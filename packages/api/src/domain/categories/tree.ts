// Pure helpers for the category tree: building it from flat rows and refusing cycles.

export interface CategoryRow {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  position: number;
  productCount: number;
}

export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
  /** Products in this category and every category below it. */
  totalProductCount: number;
  depth: number;
}

const byPosition = (a: CategoryRow, b: CategoryRow) => a.position - b.position || a.name.localeCompare(b.name);

/** Nests flat rows under their parents, siblings by position then name. Orphans become roots. */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [], totalProductCount: 0, depth: 0 }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const finish = (list: CategoryNode[], depth: number): number => {
    list.sort(byPosition);
    let sum = 0;
    for (const node of list) {
      node.depth = depth;
      node.totalProductCount = node.productCount + finish(node.children, depth + 1);
      sum += node.totalProductCount;
    }
    return sum;
  };
  finish(roots, 0);
  return roots;
}

/** Depth-first order, for a select list or an indented table. */
export function flattenCategoryTree(tree: readonly CategoryNode[]): CategoryNode[] {
  return tree.flatMap((node) => [node, ...flattenCategoryTree(node.children)]);
}

/**
 * Whether putting `categoryId` under `newParentId` would make a cycle: the new parent is the
 * category itself or one of its descendants. `parentOf` gives each category's current parent.
 */
export function wouldCreateCycle(categoryId: string, newParentId: string | null, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let at = newParentId; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === categoryId) return true;
    // A cycle already in the data (which this check exists to prevent) must not loop forever.
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}
