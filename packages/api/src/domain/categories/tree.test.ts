import { describe, expect, it } from "vitest";
import { buildCategoryTree, flattenCategoryTree, wouldCreateCycle, type CategoryRow } from "./tree";

const row = (id: string, parentId: string | null, position = 0, productCount = 0): CategoryRow => ({
  id,
  name: id.toUpperCase(),
  slug: id,
  parentId,
  position,
  productCount,
});

describe("buildCategoryTree", () => {
  it("nests children, orders siblings by position and sums products down the tree", () => {
    const tree = buildCategoryTree([row("b", null, 2), row("a", null, 1, 1), row("a2", "a", 1, 3), row("a1", "a", 0, 2), row("a1x", "a1", 0, 5)]);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree[0]?.children.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(tree[0]?.totalProductCount).toBe(11);
    expect(tree[0]?.children[0]?.totalProductCount).toBe(7);
    expect(flattenCategoryTree(tree).map((n) => `${n.id}:${n.depth}`)).toEqual(["a:0", "a1:1", "a1x:2", "a2:1", "b:0"]);
  });
});

describe("wouldCreateCycle", () => {
  const parents = new Map<string, string | null>([
    ["root", null],
    ["child", "root"],
    ["grandchild", "child"],
    ["other", null],
  ]);

  it("refuses a category under itself or under any of its descendants", () => {
    expect(wouldCreateCycle("root", "root", parents)).toBe(true);
    expect(wouldCreateCycle("root", "child", parents)).toBe(true);
    expect(wouldCreateCycle("root", "grandchild", parents)).toBe(true);
    expect(wouldCreateCycle("child", "grandchild", parents)).toBe(true);
  });

  it("allows moves to the top, to a sibling branch or up the tree", () => {
    expect(wouldCreateCycle("grandchild", null, parents)).toBe(false);
    expect(wouldCreateCycle("child", "other", parents)).toBe(false);
    expect(wouldCreateCycle("grandchild", "root", parents)).toBe(false);
  });

  it("stops on a cycle already in the data", () => {
    const broken = new Map<string, string | null>([
      ["x", "y"],
      ["y", "x"],
    ]);
    expect(wouldCreateCycle("z", "x", broken)).toBe(true);
  });
});
