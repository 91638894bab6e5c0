import { describe, expect, it } from "vitest";
import { ICONS, productImageSvg, wrapText, type IconName } from "./images";

const input = {
  name: "Ridge 8\" Chef's Knife & <Board>",
  shopName: "Oak & Ember Home",
  icon: "knife" as IconName,
  palette: { from: [18, 72, 48] as [number, number, number], to: [38, 84, 52] as [number, number, number] },
  hueShift: 0,
  variant: 0 as const,
};

describe("productImageSvg", () => {
  it("escapes the product and shop names", () => {
    const svg = productImageSvg(input);
    expect(svg).toContain("Ridge 8&quot; Chef&apos;s Knife &amp;");
    expect(svg).toContain("OAK &amp; EMBER HOME");
    expect(svg).not.toMatch(/<Board>|& /);
  });

  it("draws every icon in every variant as a standalone SVG", () => {
    for (const icon of Object.keys(ICONS) as IconName[]) {
      for (const variant of [0, 1, 2] as const) {
        const svg = productImageSvg({ ...input, icon, variant });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it("is the same for the same input", () => {
    expect(productImageSvg(input)).toBe(productImageSvg({ ...input }));
  });
});

describe("wrapText", () => {
  it("breaks on words and cuts with an ellipsis past the last line", () => {
    expect(wrapText("Aria Wireless Over-Ear Headphones", 24, 2)).toEqual(["Aria Wireless Over-Ear", "Headphones"]);
    expect(wrapText("one two three four five six seven", 9, 2)).toEqual(["one two", "three…"]);
  });
});
