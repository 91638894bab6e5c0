// Product pictures drawn by the seed: a gradient, a line icon of the kind of product and its
// name, as SVG. Made locally, so the demo needs no network and no binary assets in git.

// Icons are drawn in a 200 x 200 box with `currentColor`; strokes come from the enclosing group.
const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
const path = (d: string, fill = 0) => `<path d="${d}"${fill ? ` fill="currentColor" fill-opacity="${fill}"` : ""}/>`;
const circle = (cx: number, cy: number, r: number, fill = 0) =>
  `<circle cx="${cx}" cy="${cy}" r="${r}"${fill ? ` fill="currentColor" fill-opacity="${fill}"` : ""}/>`;
const rect = (x: number, y: number, w: number, h: number, rx = 0, fill = 0) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}"${rx ? ` rx="${rx}"` : ""}${fill ? ` fill="currentColor" fill-opacity="${fill}"` : ""}/>`;

const keyboardKeys = () => {
  const keys: string[] = [];
  for (const y of [76, 96]) for (let x = 32; x <= 158; x += 18) keys.push(rect(x, y, 10, 9, 2, 1));
  return keys.join("");
};

export const ICONS = {
  headphones: [path("M40 112 V98 a60 60 0 0 1 120 0 V112"), rect(26, 104, 32, 58, 12, 0.3), rect(142, 104, 32, 58, 12, 0.3)].join(""),
  earbuds: [circle(66, 78, 24, 0.3), line(76, 100, 84, 156), circle(134, 78, 24, 0.3), line(124, 100, 116, 156)].join(""),
  speaker: [rect(55, 24, 90, 152, 16, 0.15), circle(100, 68, 16), circle(100, 126, 32, 0.25), circle(100, 126, 8, 1)].join(""),
  turntable: [rect(22, 40, 156, 122, 12), circle(88, 101, 46, 0.25), circle(88, 101, 16), circle(88, 101, 4, 1), path("M158 56 V112 L124 134")].join(""),
  microphone: [rect(74, 22, 52, 88, 26, 0.3), path("M54 92 a46 46 0 0 0 92 0"), line(100, 138, 100, 168), line(74, 170, 126, 170)].join(""),
  amplifier: [rect(18, 62, 164, 76, 12, 0.15), circle(56, 100, 20), line(56, 100, 56, 86), rect(88, 88, 40, 24, 4, 0.45), circle(152, 100, 10)].join(""),
  radio: [
    line(62, 72, 142, 30),
    rect(28, 72, 144, 92, 14, 0.15),
    circle(74, 118, 24, 0.3),
    line(122, 102, 150, 102),
    line(122, 118, 150, 118),
    line(122, 134, 150, 134),
  ].join(""),
  keyboard: [rect(14, 60, 172, 82, 12, 0.12), keyboardKeys(), rect(58, 116, 84, 10, 3, 1)].join(""),
  mouse: [rect(64, 36, 72, 128, 36, 0.2), line(100, 44, 100, 82), line(66, 84, 134, 84)].join(""),
  laptop: [rect(40, 44, 120, 82, 8, 0.2), path("M18 140 H182 L170 158 H30 Z", 0.3)].join(""),
  monitor: [rect(22, 32, 156, 98, 10, 0.2), line(100, 130, 100, 156), line(68, 160, 132, 160)].join(""),
  hub: [
    path("M40 100 H12"),
    rect(40, 74, 124, 52, 16, 0.15),
    rect(58, 94, 14, 10, 2, 1),
    rect(82, 94, 14, 10, 2, 1),
    rect(106, 94, 14, 10, 2, 1),
    rect(130, 94, 18, 10, 2, 1),
  ].join(""),
  webcam: [circle(100, 84, 46, 0.15), circle(100, 84, 20, 0.3), circle(100, 84, 6, 1), line(100, 130, 100, 152), line(66, 158, 134, 158)].join(""),
  mug: [
    path("M48 62 H132 V140 a22 22 0 0 1 -22 22 H70 a22 22 0 0 1 -22 -22 Z", 0.25),
    path("M132 82 h14 a18 18 0 0 1 0 36 h-14"),
    path("M72 46 q9 -12 0 -24"),
    path("M100 46 q9 -12 0 -24"),
  ].join(""),
  pan: [circle(78, 100, 56, 0.15), circle(78, 100, 40, 0.25), line(136, 100, 188, 100)].join(""),
  knife: [path("M22 128 L138 72 Q162 64 152 92 L58 134 Z", 0.3), line(152, 86, 186, 70)].join(""),
  kettle: [path("M48 156 L60 84 Q100 62 140 84 L152 156 Z", 0.25), path("M70 78 Q100 32 130 78"), path("M58 104 L28 80"), line(40, 158, 160, 158)].join(""),
  pot: [path("M30 80 Q100 44 170 80"), circle(100, 56, 7, 1), rect(36, 84, 128, 70, 18, 0.25), line(18, 104, 36, 104), line(164, 104, 182, 104)].join(""),
  board: [rect(44, 36, 112, 146, 20, 0.2), circle(100, 58, 8), path("M66 100 Q100 90 134 100"), path("M66 132 Q100 122 134 132")].join(""),
  bowl: [path("M28 92 H172 a72 58 0 0 1 -144 0 Z", 0.25), line(76, 160, 124, 160), path("M70 80 q12 -30 30 -36"), path("M118 78 q4 -24 20 -30")].join(""),
  jar: [rect(52, 42, 96, 24, 6, 0.5), rect(56, 66, 88, 104, 16, 0.15), rect(76, 102, 48, 32, 4, 0.35)].join(""),
  vase: [
    path("M80 40 H120 V62 Q162 92 142 150 Q136 168 100 168 Q64 168 58 150 Q38 92 80 62 Z", 0.25),
    path("M100 40 V14"),
    path("M100 38 Q82 18 70 24"),
    path("M100 38 Q118 16 132 22"),
  ].join(""),
  candle: [path("M100 28 Q120 56 100 72 Q80 56 100 28 Z", 0.8), line(100, 72, 100, 82), rect(68, 84, 64, 88, 10, 0.25)].join(""),
  frame: [rect(34, 28, 132, 144, 6), rect(54, 48, 92, 104, 0, 0.15), path("M54 152 L86 112 L106 132 L122 116 L146 146"), circle(122, 76, 10, 0.6)].join(""),
  clock: [
    circle(100, 100, 72, 0.15),
    line(100, 100, 100, 58),
    line(100, 100, 132, 116),
    circle(100, 100, 6, 1),
    line(100, 36, 100, 44),
    line(164, 100, 156, 100),
    line(100, 164, 100, 156),
    line(36, 100, 44, 100),
  ].join(""),
  plant: [
    path("M100 120 Q58 92 68 48 Q100 78 100 120", 0.3),
    path("M100 120 Q142 92 132 48 Q100 78 100 120", 0.3),
    line(100, 120, 100, 58),
    path("M62 122 H138 L126 172 H74 Z", 0.35),
  ].join(""),
  pillow: [path("M34 52 Q100 68 166 52 Q156 100 166 148 Q100 132 34 148 Q44 100 34 52 Z", 0.25), path("M62 100 H138", 0), circle(100, 100, 6, 1)].join(""),
  lamp: [path("M64 38 H136 L158 102 H42 Z", 0.3), line(100, 102, 100, 160), line(64, 166, 136, 166)].join(""),
  pendant: [line(100, 8, 100, 54), path("M56 112 Q56 54 100 54 Q144 54 144 112 Z", 0.3), path("M84 112 a16 16 0 0 0 32 0")].join(""),
  bulb: [
    path("M100 28 a46 46 0 0 1 28 82 V136 H72 V110 a46 46 0 0 1 28 -82 Z", 0.25),
    line(78, 150, 122, 150),
    line(86, 164, 114, 164),
    path("M88 110 V92 L100 100 L112 92 V110"),
  ].join(""),
  lantern: [
    path("M84 36 a16 16 0 0 1 32 0"),
    rect(70, 38, 60, 16, 4, 0.5),
    rect(64, 54, 72, 92, 12, 0.1),
    circle(100, 100, 20, 0.45),
    rect(60, 146, 80, 16, 5, 0.5),
  ].join(""),
  tent: [path("M18 160 L100 38 L182 160 Z", 0.2), path("M78 160 L100 104 L122 160", 0.35), line(8, 162, 192, 162)].join(""),
  sleepingBag: [rect(58, 22, 84, 156, 42, 0.2), circle(100, 58, 20, 0.3), line(62, 100, 138, 100), line(60, 130, 140, 130), line(64, 158, 136, 158)].join(""),
  stove: [
    rect(52, 56, 96, 52, 10, 0.25),
    line(148, 68, 176, 68),
    path("M78 124 q8 -10 0 -18"),
    path("M100 124 q8 -10 0 -18"),
    path("M122 124 q8 -10 0 -18"),
    line(56, 128, 144, 128),
    line(70, 128, 54, 168),
    line(130, 128, 146, 168),
  ].join(""),
  flashlight: [
    rect(24, 84, 104, 32, 10, 0.25),
    path("M128 72 H158 V128 H128 Z", 0.35),
    line(168, 84, 192, 68),
    line(170, 100, 194, 100),
    line(168, 116, 192, 132),
  ].join(""),
  hammock: [line(24, 36, 24, 172), line(176, 36, 176, 172), path("M24 64 Q100 176 176 64", 0.25), path("M24 64 Q100 140 176 64")].join(""),
  bike: [
    circle(48, 128, 34),
    circle(152, 128, 34),
    path("M48 128 L94 128 L84 74 Z"),
    path("M84 74 L136 78 L94 128"),
    line(136, 78, 152, 128),
    path("M136 78 L132 60 H148"),
    line(72, 70, 96, 70),
    circle(94, 128, 6, 1),
  ].join(""),
  helmet: [
    path("M24 132 Q24 44 100 44 Q176 44 176 132 Z", 0.25),
    line(18, 134, 186, 134),
    line(70, 64, 84, 100),
    line(100, 56, 100, 100),
    line(130, 64, 116, 100),
  ].join(""),
  bottle: [rect(80, 24, 40, 24, 6, 0.5), rect(68, 48, 64, 124, 18, 0.2), line(68, 90, 132, 90), line(68, 130, 132, 130)].join(""),
  lock: [path("M62 96 V62 a38 38 0 0 1 76 0 V96"), rect(44, 96, 112, 72, 12, 0.25), circle(100, 124, 9, 1), line(100, 132, 100, 148)].join(""),
  pump: [line(68, 36, 132, 36), rect(86, 44, 28, 116, 8, 0.25), line(62, 166, 138, 166), path("M114 142 Q162 152 160 104")].join(""),
  backpack: [path("M84 44 a16 16 0 0 1 32 0"), rect(48, 44, 104, 128, 26, 0.15), path("M48 82 Q100 104 152 82"), rect(68, 112, 64, 46, 10, 0.3)].join(""),
  boot: [
    path("M58 28 H110 V98 Q166 104 172 140 V160 H58 Z", 0.25),
    line(50, 168, 180, 168),
    line(74, 48, 104, 48),
    line(74, 66, 104, 66),
    line(74, 84, 104, 84),
  ].join(""),
  compass: [
    circle(100, 100, 72, 0.12),
    circle(100, 100, 58),
    path("M100 46 L114 100 L100 154 L86 100 Z", 0.35),
    path("M100 46 L114 100 L86 100 Z", 0.9),
    circle(100, 100, 5, 1),
  ].join(""),
  poles: [line(62, 30, 118, 176), line(138, 30, 82, 176), line(60, 26, 70, 52), line(140, 26, 130, 52), line(104, 140, 124, 132), line(96, 140, 76, 132)].join(
    "",
  ),
  map: [
    path("M22 50 L74 34 L126 50 L178 34 V150 L126 166 L74 150 L22 166 Z", 0.15),
    line(74, 34, 74, 150),
    line(126, 50, 126, 166),
    path("M42 132 Q78 88 104 110 T160 66"),
    circle(160, 66, 6, 1),
  ].join(""),
} as const;

export type IconName = keyof typeof ICONS;

/** A palette as two HSL stops; each product turns the hue a little so a grid is not uniform. */
export interface Palette {
  from: [number, number, number];
  to: [number, number, number];
}

const hsl = ([h, s, l]: [number, number, number]) => `hsl(${((h % 360) + 360) % 360} ${s}% ${l}%)`;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Breaks a name into at most `maxLines` lines of about `width` characters, ending with "…" if it had to cut. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]?.slice(0, width - 1).trimEnd()}…`;
  return kept;
}

export interface ProductImageInput {
  name: string;
  shopName: string;
  icon: IconName;
  palette: Palette;
  /** Degrees added to both hues. */
  hueShift: number;
  /** 0: the main picture; 1: a close-up; 2: a light "studio" shot. */
  variant: 0 | 1 | 2;
}

export const VARIANT_ALT = ["front view", "close-up", "studio shot"] as const;

const FONT = "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif";

export function productImageSvg(input: ProductImageInput): string {
  const shift = (c: [number, number, number]): [number, number, number] => [c[0] + input.hueShift, c[1], c[2]];
  const from = shift(input.palette.from);
  const to = shift(input.palette.to);
  const light = input.variant === 2;
  const background = light
    ? [hsl([from[0], 35, 95]), hsl([to[0], 40, 86])]
    : input.variant === 1
      ? [hsl([to[0], to[1], Math.max(to[2] - 12, 18)]), hsl(from)]
      : [hsl(from), hsl(to)];
  const ink = light ? hsl([from[0], Math.min(from[1], 60), 26]) : "#ffffff";
  const iconTransform = input.variant === 1 ? "translate(330 40) scale(2.3)" : "translate(210 96) scale(1.9)";
  const fontSize = input.name.length > 44 ? 38 : 46;
  const lines = wrapText(input.name, fontSize === 46 ? 24 : 30, 2);
  const firstBaseline = 740 - (lines.length - 1) * (fontSize + 8);
  const text = lines
    .map((l, i) => `<text x="56" y="${firstBaseline + i * (fontSize + 8)}" font-size="${fontSize}" font-weight="700">${escapeXml(l)}</text>`)
    .join("");
  const label = escapeXml(input.shopName.toUpperCase());
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img" aria-label="${escapeXml(input.name)}">`,
    `<defs>`,
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${background[0]}"/><stop offset="1" stop-color="${background[1]}"/></linearGradient>`,
    `<radialGradient id="glow" cx="0.3" cy="0.22" r="0.85"><stop offset="0" stop-color="#fff" stop-opacity="${light ? 0.7 : 0.32}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${light ? 0 : 0.28}"/></linearGradient>`,
    `</defs>`,
    `<rect width="800" height="800" fill="url(#bg)"/>`,
    `<rect width="800" height="800" fill="url(#glow)"/>`,
    `<circle cx="690" cy="120" r="190" fill="#fff" fill-opacity="${light ? 0.5 : 0.07}"/>`,
    `<circle cx="90" cy="640" r="240" fill="${light ? "#fff" : "#000"}" fill-opacity="${light ? 0.35 : 0.06}"/>`,
    input.variant === 1 ? "" : `<circle cx="400" cy="286" r="235" fill="#fff" fill-opacity="${light ? 0.55 : 0.1}"/>`,
    `<g transform="${iconTransform}" color="${ink}" stroke="currentColor" fill="none" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">${ICONS[input.icon]}</g>`,
    `<rect width="800" height="800" fill="url(#fade)"/>`,
    `<g font-family="${FONT}" fill="${ink}">`,
    `<text x="56" y="84" font-size="22" font-weight="600" letter-spacing="4" fill-opacity="0.8">${label}</text>`,
    text,
    `</g>`,
    `</svg>`,
  ].join("\n");
}
