// The demo marketplace's content: who sells what. Plain data, turned into rows by seed.ts.
import type { IconName, Palette } from "./images";

export const DEMO_PASSWORD = "bazaar123";

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: "BUYER" | "SELLER" | "ADMIN";
}

export const USERS: DemoUser[] = [
  { key: "admin", email: "admin@bazaar.test", name: "Alex Admin", role: "ADMIN" },
  { key: "buyer", email: "buyer@bazaar.test", name: "Jordan Rivera", role: "BUYER" },
  { key: "buyer2", email: "buyer2@bazaar.test", name: "Casey Morgan", role: "BUYER" },
  { key: "audio", email: "audio@bazaar.test", name: "Nora Lindqvist", role: "SELLER" },
  { key: "home", email: "home@bazaar.test", name: "Elliot Park", role: "SELLER" },
  { key: "outdoor", email: "outdoor@bazaar.test", name: "Maya Torres", role: "SELLER" },
  { key: "pending", email: "pending@bazaar.test", name: "Priya Shah", role: "SELLER" },
  // Reviewers: buyers whose reviews fill the product pages. buyer@ writes none, so tests that
  // have that buyer review a product never collide with a seeded review.
  { key: "ava", email: "ava@bazaar.test", name: "Ava Chen", role: "BUYER" },
  { key: "leo", email: "leo@bazaar.test", name: "Leo Martins", role: "BUYER" },
  { key: "sam", email: "sam@bazaar.test", name: "Sam Okafor", role: "BUYER" },
];

export interface DemoSeller {
  userKey: string;
  shopName: string;
  slug: string;
  status: "APPROVED" | "PENDING";
  description: string;
  shippingFlatCents: number;
  freeShippingOverCents: number | null;
  skuPrefix: string;
  /** The closing paragraph of each product description: the shop's own voice. */
  signOff: string;
  warehouses: Array<{ code: string; name: string; country: string }>;
}

export const SELLERS: DemoSeller[] = [
  {
    userKey: "audio",
    shopName: "Northwind Audio",
    slug: "northwind-audio",
    status: "APPROVED",
    description:
      "Headphones, speakers and desk gear chosen by people who listen for a living. Every product is tested in our Portland listening room before it is listed.",
    shippingFlatCents: 599,
    freeShippingOverCents: 5000,
    skuPrefix: "NWA",
    signOff:
      "Ships from Portland or Newark within one business day. Northwind Audio covers every product with a two-year warranty and a 30-day no-questions return.",
    warehouses: [
      { code: "PDX", name: "Portland Listening Room", country: "US" },
      { code: "EWR", name: "Newark Fulfilment Center", country: "US" },
    ],
  },
  {
    userKey: "home",
    shopName: "Oak & Ember Home",
    slug: "oak-and-ember",
    status: "APPROVED",
    description: "Cookware, ceramics and lighting for homes that get used. Small makers, honest materials, things that age well.",
    shippingFlatCents: 799,
    freeShippingOverCents: 7500,
    skuPrefix: "OEH",
    signOff: "Packed by hand in recycled materials at our Asheville workshop. If something arrives less than perfect, tell us and we will make it right.",
    warehouses: [
      { code: "AVL", name: "Asheville Workshop", country: "US" },
      { code: "CMH", name: "Columbus Distribution", country: "US" },
    ],
  },
  {
    userKey: "outdoor",
    shopName: "Summit Outfitters",
    slug: "summit-outfitters",
    status: "APPROVED",
    description: "Tents, packs and bikes for weekends that start at the trailhead. Field-tested in the Rockies by our own staff.",
    shippingFlatCents: 899,
    freeShippingOverCents: 10000,
    skuPrefix: "SUM",
    signOff:
      "Shipped from Denver or Salt Lake City. Summit Outfitters repairs what it sells: send it back after a hard season and we will patch, re-seam or service it.",
    warehouses: [
      { code: "DEN", name: "Denver Gear Room", country: "US" },
      { code: "SLC", name: "Salt Lake Depot", country: "US" },
    ],
  },
  {
    userKey: "pending",
    shopName: "Pixel Print Co",
    slug: "pixel-print",
    status: "PENDING",
    description: "Risograph art prints, notebooks and greeting cards from a two-person studio in Chicago.",
    shippingFlatCents: 399,
    freeShippingOverCents: 4000,
    skuPrefix: "PPC",
    signOff: "",
    warehouses: [],
  },
];

export interface DemoCategory {
  slug: string;
  name: string;
  parent?: string;
  /** Picture colours of the products in the category. */
  palette?: Palette;
  skuCode?: string;
  /** A paragraph every product description in the category ends its own text with. */
  note?: string;
}

export const CATEGORIES: DemoCategory[] = [
  { slug: "electronics", name: "Electronics" },
  { slug: "home", name: "Home" },
  { slug: "outdoor", name: "Outdoor" },
  {
    slug: "audio",
    name: "Audio",
    parent: "electronics",
    skuCode: "AUD",
    palette: { from: [248, 72, 52], to: [286, 62, 46] },
    note: "Every audio product is burned in for 48 hours and measured before it ships, so it sounds the way we describe it from the first song.",
  },
  {
    slug: "computers",
    name: "Computers & Accessories",
    parent: "electronics",
    skuCode: "CMP",
    palette: { from: [196, 70, 38], to: [172, 60, 40] },
    note: "Works with macOS, Windows, Linux and ChromeOS without drivers. USB-C on everything, with the right cable in the box.",
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    parent: "home",
    skuCode: "KIT",
    palette: { from: [18, 72, 48], to: [38, 84, 52] },
    note: "Food-safe finishes throughout. Care instructions are printed on the box and on the product page, and we answer cooking questions by email.",
  },
  {
    slug: "decor",
    name: "Decor",
    parent: "home",
    skuCode: "DEC",
    palette: { from: [336, 58, 46], to: [8, 64, 60] },
    note: "Made in small batches, so glazes, grain and weave vary a little from piece to piece. That is the point.",
  },
  {
    slug: "lighting",
    name: "Lighting",
    parent: "home",
    skuCode: "LGT",
    palette: { from: [32, 80, 44], to: [46, 90, 54] },
    note: "All fittings take standard E26 bulbs unless noted, are UL listed and come with a 2 m fabric cord.",
  },
  {
    slug: "camping",
    name: "Camping",
    parent: "outdoor",
    skuCode: "CAM",
    palette: { from: [142, 52, 30], to: [88, 50, 42] },
    note: "Weights are measured on our own scale with everything in the stuff sack, not the lightest configuration a catalogue can find.",
  },
  {
    slug: "cycling",
    name: "Cycling",
    parent: "outdoor",
    skuCode: "CYC",
    palette: { from: [214, 70, 42], to: [188, 76, 42] },
    note: "Our mechanics check fit and function before shipping; bikes arrive 90% assembled with the tools and a video guide for the rest.",
  },
  {
    slug: "hiking",
    name: "Hiking",
    parent: "outdoor",
    skuCode: "HIK",
    palette: { from: [26, 60, 30], to: [44, 56, 42] },
    note: "Tested on the Colorado Trail by Summit staff; sizing notes from those miles are on every product page.",
  },
];

export type StockProfile = "normal" | "low" | "out" | "exactly-five";

export interface DemoProduct {
  seller: string;
  category: string;
  name: string;
  icon: IconName;
  priceCents: number;
  blurb: string;
  features: string[];
  status?: "DRAFT";
  stock?: Exclude<StockProfile, "normal">;
  /** A fixed SKU instead of the generated one (tests look it up). */
  sku?: string;
}

const audio = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "northwind-audio", category: "audio", ...p });
const computers = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "northwind-audio", category: "computers", ...p });
const kitchen = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "oak-and-ember", category: "kitchen", ...p });
const decor = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "oak-and-ember", category: "decor", ...p });
const lighting = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "oak-and-ember", category: "lighting", ...p });
const camping = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "summit-outfitters", category: "camping", ...p });
const cycling = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "summit-outfitters", category: "cycling", ...p });
const hiking = (p: Omit<DemoProduct, "seller" | "category">): DemoProduct => ({ seller: "summit-outfitters", category: "hiking", ...p });

export const PRODUCTS: DemoProduct[] = [
  // ── Northwind Audio: audio ──
  audio({
    name: "Aria Wireless Over-Ear Headphones",
    icon: "headphones",
    priceCents: 24900,
    blurb:
      "Closed-back wireless headphones tuned for long listening sessions. The adaptive noise cancelling quiets a train carriage without the pressure-in-the-ears feeling, and gets out of the way when the music is playing quietly.",
    features: [
      "40 mm beryllium-coated drivers",
      "Up to 38 hours of playback; 10 minutes of charging gives 5 hours",
      "Multipoint Bluetooth 5.3 with AAC and LDAC",
      "Replaceable memory-foam ear pads",
    ],
  }),
  audio({
    name: "Aria Studio Open-Back Headphones",
    icon: "headphones",
    priceCents: 17900,
    blurb:
      "The wired sibling of the Aria, with an open-back design for mixing, editing and late-night album listening. A wide, natural stage and a flat, honest response that does not flatter a bad mix.",
    features: [
      "45 mm drivers, 32 ohm: easy to drive from a laptop",
      "Detachable 3 m cable with a 6.35 mm adapter",
      "Velour pads and a spring-steel headband",
      "Every part is sold separately as a spare",
    ],
  }),
  audio({
    name: "Pebble True Wireless Earbuds",
    icon: "earbuds",
    priceCents: 12900,
    blurb:
      "Small, light earbuds that disappear into the ear and stay there. A warm, detailed sound with real bass, and a case that fits the coin pocket of your jeans.",
    features: [
      "7 hours per charge, 28 hours with the case",
      "Wireless charging case with USB-C",
      "IPX4 sweat and splash resistance",
      "Three sizes of silicone tips and one of foam",
    ],
  }),
  audio({
    name: "Pebble Sport Earbuds",
    icon: "earbuds",
    priceCents: 9900,
    blurb:
      "The Pebble sound in a sport fit, with soft wings that hold through sprints and burpees. Transparency mode lets traffic in when you run on the road.",
    features: ["IP55 dust and water resistance", "Secure-fit wings in two sizes", "9 hours per charge", "Physical buttons that work with gloves"],
  }),
  audio({
    name: "Harbor Bookshelf Speakers (Pair)",
    icon: "speaker",
    priceCents: 34900,
    blurb:
      "Powered bookshelf speakers that fill a living room without a separate amplifier. Plug in a turntable, a TV or your phone and they sound bigger than their size.",
    features: [
      "2 x 50 W class-D amplification",
      "Phono, optical, USB-C and Bluetooth inputs",
      "Walnut veneer cabinets with magnetic grilles",
      "Bass and treble controls on the rear panel",
    ],
  }),
  audio({
    name: "Harbor Mini Bluetooth Speaker",
    icon: "speaker",
    priceCents: 7900,
    blurb: "A palm-sized speaker for the kitchen counter or the bathroom shelf, with a surprisingly full sound. Pair two for stereo.",
    features: ["12 hours of battery", "IP67 waterproof and dustproof", "Stereo pairing with a second Harbor Mini", "Built-in microphone for calls"],
  }),
  audio({
    name: "Lighthouse Portable Speaker",
    icon: "speaker",
    priceCents: 14900,
    blurb: "A rugged, 360-degree speaker for the garden, the beach and the campsite. Loud enough for a party, clear enough for a podcast.",
    features: [
      "20 hours of battery, doubles as a power bank",
      "Floats in water",
      "360-degree sound from two drivers and two passive radiators",
      "Carry strap that clips to a pack",
    ],
  }),
  audio({
    name: "Solstice Belt-Drive Turntable",
    icon: "turntable",
    priceCents: 39900,
    blurb:
      "A belt-drive turntable with a carbon tonearm, set up and aligned before it leaves us. Put it on a shelf, connect it and play a record within five minutes.",
    features: [
      "Pre-mounted moving-magnet cartridge",
      "Switchable built-in phono preamp",
      "33 and 45 rpm with electronic speed change",
      "Acrylic platter and isolation feet",
    ],
    stock: "low",
  }),
  audio({
    name: "Solstice Record Care Kit",
    icon: "turntable",
    priceCents: 2900,
    blurb: "Everything to keep a record collection clean and quiet: a carbon-fibre brush, a stylus brush, cleaning fluid and a microfibre cloth.",
    features: ["Alcohol-free cleaning fluid, 100 ml", "Carbon-fibre anti-static brush", "Stylus brush with a soft goat-hair tip", "Storage pouch"],
  }),
  audio({
    name: "Quill USB Condenser Microphone",
    icon: "microphone",
    priceCents: 12900,
    blurb:
      "A plug-and-play USB microphone for podcasts, streams and video calls that make you sound like you are in the room. Zero-latency monitoring from the headphone jack.",
    features: [
      "Cardioid condenser capsule, 24-bit / 96 kHz",
      "Mute button with LED ring",
      "Desk stand and shock mount included",
      "Headphone output with volume dial",
    ],
  }),
  audio({
    name: "Quill Broadcast Dynamic Microphone",
    icon: "microphone",
    priceCents: 19900,
    blurb:
      "A dynamic microphone with the warm, close broadcast sound, forgiving of untreated rooms and noisy keyboards. XLR and USB-C outputs, so it grows with your setup.",
    features: [
      "XLR and USB-C outputs",
      "Internal pop filter and shock mount",
      "Rejects room noise from the sides and rear",
      'Works with any boom arm (5/8" thread)',
    ],
  }),
  audio({
    name: "Relay Desktop DAC & Headphone Amp",
    icon: "amplifier",
    priceCents: 22900,
    blurb: "A desktop DAC and headphone amplifier with enough power for hungry planar headphones and a noise floor low enough for sensitive earbuds.",
    features: [
      "Balanced 4.4 mm and single-ended 6.35 mm outputs",
      "Decodes up to 32-bit / 384 kHz and DSD256",
      "Line output for powered speakers",
      "Aluminium case with a real volume knob",
    ],
  }),
  audio({
    name: "Relay Pocket DAC",
    icon: "amplifier",
    priceCents: 6900,
    blurb:
      "A dongle-sized DAC that turns a phone or laptop into a proper source. Plug it in between the device and your wired headphones and hear what you were missing.",
    features: ["USB-C with a Lightning adapter", "3.5 mm and 4.4 mm balanced outputs", "Draws under 100 mW from the phone", "Braided cable"],
  }),
  audio({
    name: "Meridian Stereo Integrated Amplifier",
    icon: "amplifier",
    priceCents: 54900,
    blurb:
      "A stereo integrated amplifier with the kind of quiet, unhurried power that makes passive speakers sing. Built around a toroidal transformer and discrete output stages.",
    features: [
      "2 x 80 W into 8 ohm",
      "Moving-magnet phono stage and four line inputs",
      "Headphone output on the front panel",
      "Remote control in machined aluminium",
    ],
    stock: "out",
  }),
  audio({
    name: "Driftwood Tabletop Radio",
    icon: "radio",
    priceCents: 11900,
    blurb: "A kitchen radio that is a pleasure to turn on: a real tuning dial, FM and DAB+ stations and Bluetooth when you want your own music.",
    features: [
      "FM, DAB+ and Bluetooth 5.0",
      "Alarm with gentle wake-up volume",
      "Oak cabinet with a fabric front",
      "Mains powered, with a battery backup for the clock",
    ],
  }),
  audio({
    name: "Tidal Soundbar 2.1",
    icon: "speaker",
    priceCents: 29900,
    blurb:
      "A slim soundbar with a wireless subwoofer that makes dialogue clear at low volumes and films big at high ones. One HDMI cable to the TV and it is done.",
    features: ["HDMI eARC and optical inputs", "Dialogue enhancement and night mode", "Wireless subwoofer with an 8-inch driver", "Wall bracket included"],
  }),
  audio({
    name: "Limited Edition Walnut Desk Speaker",
    icon: "speaker",
    priceCents: 12900,
    sku: "DEMO-5",
    blurb:
      "A single powered desk speaker in solid walnut, made in a run of a few hundred. A clear, room-filling sound from a cabinet the size of a hardback book.",
    features: [
      "Solid walnut cabinet, oiled by hand",
      "30 W with Bluetooth and 3.5 mm inputs",
      "Numbered brass plate on the back",
      "Only a few left: when they are gone, they are gone",
    ],
    stock: "exactly-five",
  }),
  // ── Northwind Audio: computers ──
  computers({
    name: "Ledger Mechanical Keyboard (75%)",
    icon: "keyboard",
    priceCents: 15900,
    blurb:
      "A 75% mechanical keyboard with a gasket-mounted aluminium case that sounds soft and deep rather than clacky. Hot-swappable switches so you can change your mind later.",
    features: [
      "Pre-lubed linear switches, hot-swappable",
      "Wired USB-C, Bluetooth and 2.4 GHz",
      "PBT double-shot keycaps",
      "Programmable layers with open-source firmware",
    ],
  }),
  computers({
    name: "Ledger Low-Profile Keyboard",
    icon: "keyboard",
    priceCents: 11900,
    blurb: "A slim full-size keyboard with low-profile mechanical switches: the feel of a mechanical board at the height of a laptop keyboard.",
    features: [
      "Low-profile tactile switches",
      "Connects to three devices at once",
      "Backlight with ambient-light sensor",
      "Up to 2 months per charge with the backlight off",
    ],
  }),
  computers({
    name: "Glide Wireless Mouse",
    icon: "mouse",
    priceCents: 5900,
    blurb: "A quiet, sculpted wireless mouse that fits a medium to large hand and glides on glass. Silent clicks for shared offices and late nights.",
    features: ["Silent switches on both buttons", "Free-spinning metal scroll wheel", "70 days per charge, USB-C", "Works on glass and glossy desks"],
  }),
  computers({
    name: "Glide Vertical Ergonomic Mouse",
    icon: "mouse",
    priceCents: 6900,
    blurb: "A vertical mouse that holds your hand in a handshake position, easing wrist strain across a long working day.",
    features: ["57-degree vertical angle", "Adjustable sensitivity up to 4000 DPI", "Back and forward thumb buttons", "Right-handed, medium to large hands"],
  }),
  computers({
    name: 'Vista 27" 4K Monitor',
    icon: "monitor",
    priceCents: 42900,
    blurb: "A 27-inch 4K IPS monitor calibrated at the factory, with a single USB-C cable that carries video, data and 90 W of power to your laptop.",
    features: ["3840 x 2160 IPS, 98% DCI-P3", "USB-C with 90 W power delivery", "Height, tilt and swivel stand", "Calibration report in the box"],
    stock: "low",
  }),
  computers({
    name: "Arc Aluminium Laptop Stand",
    icon: "laptop",
    priceCents: 5900,
    blurb: "A single piece of bent aluminium that lifts your laptop screen to eye level and keeps it cool. No hinges, nothing to wobble.",
    features: ["Raises the screen by 15 cm", "Fits laptops from 11 to 16 inches", "Silicone pads protect desk and laptop", "Folds flat for the bag"],
  }),
  computers({
    name: "Junction 8-in-1 USB-C Hub",
    icon: "hub",
    priceCents: 6900,
    blurb: "One USB-C port becomes eight: 4K HDMI, Ethernet, card readers and three USB ports, with power passed through to charge the laptop.",
    features: ["4K 60 Hz HDMI", "Gigabit Ethernet", "SD and microSD readers", "100 W USB-C power pass-through"],
  }),
  computers({
    name: "Beacon 4K Webcam",
    icon: "webcam",
    priceCents: 11900,
    blurb: "A 4K webcam with a large sensor that keeps you sharp in a dim room, and auto-framing that follows you when you lean back.",
    features: ["4K 30 fps or 1080p 60 fps", "Dual noise-reducing microphones", "Magnetic privacy shutter", "Monitor clip and tripod thread"],
  }),
  computers({
    name: "Felt & Cork Desk Mat",
    icon: "keyboard",
    priceCents: 3900,
    blurb: "A generous desk mat in merino wool felt on natural cork: soft under the wrists, quiet under the keyboard and grippy on the desk.",
    features: ["90 x 40 cm", "Merino wool felt top, cork base", "Stitched edges that do not fray", "Available in charcoal grey"],
  }),
  computers({
    name: "Junction Braided USB-C Cable (2 m)",
    icon: "hub",
    priceCents: 1900,
    blurb: "A 2 m braided USB-C cable that does everything: 240 W charging, 40 Gbps data and 8K video.",
    features: ["240 W power delivery", "USB4 40 Gbps", "Braided nylon jacket", "Velcro strap for tidy storage"],
    status: "DRAFT",
  }),
  // ── Oak & Ember: kitchen ──
  kitchen({
    name: 'Ember Cast Iron Skillet 10"',
    icon: "pan",
    priceCents: 5400,
    blurb: "A 10-inch cast iron skillet, pre-seasoned with flaxseed oil and machined smooth inside, so eggs slide from the first morning.",
    features: [
      "Machined smooth cooking surface",
      "Works on gas, induction, oven and campfire",
      "Helper handle for two-handed lifting",
      "Lasts longer than the kitchen it is in",
    ],
  }),
  kitchen({
    name: "Ember Enamelled Dutch Oven 5.5 qt",
    icon: "pot",
    priceCents: 18900,
    blurb:
      "An enamelled cast iron Dutch oven for braises, bread and soups. A heavy, tight-fitting lid keeps the moisture in; the cream interior shows you what is happening in the pot.",
    features: [
      "5.5 quart (5.2 litre)",
      "Oven-safe to 260 °C, lid knob included",
      "Chip-resistant enamel in deep ember red",
      "Suitable for every hob, including induction",
    ],
    stock: "low",
  }),
  kitchen({
    name: "Hearth Stoneware Mug Set of 4",
    icon: "mug",
    priceCents: 4800,
    blurb: "Four hand-thrown stoneware mugs with a speckled oatmeal glaze and a handle that takes three fingers. Each one is a little different.",
    features: ["350 ml each", "Dishwasher and microwave safe", "Lead-free glaze", "Made in North Carolina"],
  }),
  kitchen({
    name: "Ridge 8\" Chef's Knife",
    icon: "knife",
    priceCents: 12900,
    blurb: "An 8-inch chef's knife forged from Japanese VG-10 steel with a Western handle. Light, sharp out of the box, and easy to keep that way.",
    features: ["VG-10 core clad in 67 layers of Damascus steel", "15-degree edge per side", "Stabilised walnut handle", "Comes with a magnetic blade guard"],
    stock: "out",
  }),
  kitchen({
    name: "Grove End-Grain Cutting Board",
    icon: "board",
    priceCents: 8900,
    blurb: "An end-grain maple cutting board that is kind to knife edges and heavy enough to stay put. Juice groove on one side, flat on the other.",
    features: [
      "45 x 30 x 4 cm",
      "Hard maple from Appalachian forests",
      "Finished with food-safe mineral oil and beeswax",
      "Rubber feet lift it off wet counters",
    ],
  }),
  kitchen({
    name: "Kettle & Co. Gooseneck Kettle",
    icon: "kettle",
    priceCents: 7900,
    blurb: "An electric gooseneck kettle with a precise pour for filter coffee and temperature presets for green, white and black tea.",
    features: ["0.9 litre", "Hold temperature for 60 minutes", "Presets from 70 to 100 °C", "Matte black stainless steel"],
  }),
  kitchen({
    name: "Harvest Acacia Salad Bowl",
    icon: "bowl",
    priceCents: 4400,
    blurb: "A wide acacia wood bowl for salads, bread and fruit, turned from a single piece of wood with the grain showing through.",
    features: ["30 cm diameter", "Finished with food-safe oil", "Includes two acacia servers", "Hand wash and oil occasionally"],
  }),
  kitchen({
    name: "Larder Glass Storage Jars (Set of 3)",
    icon: "jar",
    priceCents: 3600,
    blurb: "Borosilicate glass jars with airtight bamboo lids for flour, coffee, pasta and everything you want to see at a glance.",
    features: ["0.8, 1.2 and 1.8 litre", "Airtight silicone seal", "Dishwasher-safe glass", "Chalk labels included"],
  }),
  kitchen({
    name: "Ember Carbon Steel Wok",
    icon: "pan",
    priceCents: 6900,
    blurb: "A 14-inch carbon steel wok, hand-hammered and light enough to toss. It seasons to a natural non-stick in a few weeks of use.",
    features: [
      "14 inch (35 cm), flat base for every hob",
      "Hand-hammered 1.6 mm carbon steel",
      "Wooden handle and helper handle",
      "Seasoning guide in the box",
    ],
  }),
  kitchen({
    name: "Hearth Pour-Over Coffee Set",
    icon: "mug",
    priceCents: 5900,
    blurb: "A ceramic pour-over dripper, a glass server and a pair of cups: everything for a slow, good cup of coffee in the morning.",
    features: ["Ceramic dripper for size 02 filters", "600 ml borosilicate server", "Two 200 ml cups", "100 filters to start"],
  }),
  kitchen({
    name: "Stoneware Pasta Bowls (Set of 4)",
    icon: "bowl",
    priceCents: 5600,
    blurb: "Wide, shallow stoneware bowls for pasta, salads and risotto, with a reactive glaze that pools blue at the rim.",
    features: ["23 cm diameter", "Dishwasher, oven and microwave safe", "Stack neatly", "Each glaze is unique"],
  }),
  // ── Oak & Ember: decor ──
  decor({
    name: "Tideline Ceramic Vase",
    icon: "vase",
    priceCents: 4900,
    blurb: "A tall ceramic vase with a matte tideline glaze, made for a few branches or a generous bunch of garden flowers.",
    features: ["28 cm tall", "Watertight inside glaze", "Felt pad underneath", "Handmade in Asheville"],
  }),
  decor({
    name: "Bud Vase Trio in Sage",
    icon: "vase",
    priceCents: 3400,
    blurb: "Three small bud vases in sage green for a windowsill, a dinner table or a desk. One stem each is all they need.",
    features: ["10, 12 and 14 cm tall", "Glazed stoneware", "Gift boxed", "Group them or spread them out"],
  }),
  decor({
    name: "Cedar & Smoke Soy Candle",
    icon: "candle",
    priceCents: 2800,
    blurb: "A soy candle that smells of cedar, woodsmoke and a hint of vanilla, poured into a reusable amber glass jar.",
    features: ["45-hour burn time", "Cotton wick, no lead or zinc", "Vegan, phthalate-free fragrance", "Jar is reusable once empty"],
  }),
  decor({
    name: "Fig Leaf Scented Candle, Large",
    icon: "candle",
    priceCents: 4200,
    blurb: "A three-wick candle scented with green fig, leaves and a little sea salt, in a hand-glazed ceramic vessel.",
    features: ["60-hour burn time", "Three cotton wicks", "Ceramic vessel makes a planter afterwards", "Poured by hand in small batches"],
    status: "DRAFT",
  }),
  decor({
    name: "Gallery Oak Picture Frame 8x10",
    icon: "frame",
    priceCents: 3200,
    blurb: "A solid oak frame with a white mat and real glass, for the photograph that deserves better than a phone screen.",
    features: ["Fits 8x10 prints, or 5x7 with the mat", "Solid white oak, oiled", "Real glass, not acrylic", "Hangs or stands"],
  }),
  decor({
    name: "Meridian Wall Clock",
    icon: "clock",
    priceCents: 6400,
    blurb: "A minimal wall clock with a silent sweep movement: no ticking, just time passing quietly.",
    features: ["30 cm diameter", "Silent sweep movement", "Ash wood face with brass hands", "Runs a year on one AA battery"],
  }),
  decor({
    name: "Terrace Ceramic Planter with Saucer",
    icon: "plant",
    priceCents: 3800,
    blurb: "A ceramic planter with a drainage hole and matching saucer, in a soft terracotta glaze that suits almost any plant.",
    features: ["18 cm diameter, fits a 15 cm nursery pot", "Drainage hole and saucer", "Frost-resistant stoneware", "Indoor or covered outdoor use"],
  }),
  decor({
    name: "Woven Wool Throw Pillow",
    icon: "pillow",
    priceCents: 4600,
    blurb: "A hand-woven wool cushion cover with a textured herringbone weave, filled with a plump feather insert.",
    features: ["50 x 50 cm", "100% wool cover, cotton back", "Hidden zip", "Feather insert included"],
  }),
  decor({
    name: "Chunky Knit Throw Blanket",
    icon: "pillow",
    priceCents: 8900,
    blurb: "A heavy, chunky-knit throw in soft merino for the end of the sofa and the coldest evenings of the year.",
    features: ["130 x 170 cm", "Merino wool, mulesing-free", "Knitted by hand", "Spot clean or dry clean"],
  }),
  // ── Oak & Ember: lighting ──
  lighting({
    name: "Arbor Ceramic Table Lamp",
    icon: "lamp",
    priceCents: 11900,
    blurb: "A table lamp with a hand-thrown ceramic base and a linen shade that casts a warm, even light across a bedside or a side table.",
    features: ["52 cm tall", "Linen drum shade", "In-line dimmer switch", "E26 bulb, up to 60 W equivalent"],
  }),
  lighting({
    name: "Loft Pendant Light in Brass",
    icon: "pendant",
    priceCents: 16900,
    blurb: "A spun-brass dome pendant for over a dining table or kitchen island. The brass darkens gently with age unless you polish it.",
    features: ["30 cm diameter", "Solid spun brass", "Adjustable 2 m fabric cord", "Ceiling canopy and fixings included"],
  }),
  lighting({
    name: "Filament Edison Bulbs (4-pack)",
    icon: "bulb",
    priceCents: 2400,
    blurb: "Warm-white LED filament bulbs with the look of an old Edison lamp and a fraction of the power use.",
    features: ["2200 K warm white", "Dimmable", "6 W LED, 40 W equivalent", "E26 base"],
  }),
  lighting({
    name: "Nook Rechargeable Table Lamp",
    icon: "lamp",
    priceCents: 7900,
    blurb: "A cordless lamp you can carry from the dinner table to the balcony. Touch the top to dim it; charge it once a week.",
    features: ["Up to 40 hours per charge", "Three brightness levels", "IP44 for outdoor use", "USB-C charging"],
  }),
  lighting({
    name: "Halo Linen Floor Lamp",
    icon: "lamp",
    priceCents: 18900,
    blurb: "A tall floor lamp with a slim oak stem and a pleated linen shade, made for reading corners.",
    features: ["155 cm tall", "Foot switch", "Pleated linen shade", "Weighted base"],
    stock: "low",
  }),
  lighting({
    name: "Hurricane Candle Lantern",
    icon: "lantern",
    priceCents: 4400,
    blurb: "A glass hurricane lantern with a brass base and handle, for pillar candles on a table outside or a mantelpiece inside.",
    features: ["32 cm tall", "Fits pillar candles up to 7.5 cm wide", "Hand-blown glass", "Brass handle for hanging"],
  }),
  lighting({
    name: "Dusk Smart Bulb Starter Kit",
    icon: "bulb",
    priceCents: 5900,
    blurb: "Two smart bulbs that warm up at sunset and dim down for bed on their own, no hub or app account needed.",
    features: ["Two E26 bulbs", "Tunable white 1800-6500 K", "Works with Matter", "Schedules run without the internet"],
    status: "DRAFT",
  }),
  // ── Summit Outfitters: camping ──
  camping({
    name: "Ridgeline 2-Person Backpacking Tent",
    icon: "tent",
    priceCents: 32900,
    blurb:
      "A freestanding two-person tent that pitches in three minutes and weighs under 1.5 kg on the trail. Two doors, two porches, no crawling over each other at night.",
    features: ["1.45 kg packed", "Two doors and two vestibules", "Fly-first pitching for wet days", "Seam-taped 20D ripstop"],
  }),
  camping({
    name: "Basecamp 4-Person Family Tent",
    icon: "tent",
    priceCents: 41900,
    blurb: "A roomy tunnel tent for families and long weekends, with standing height in the middle and a big porch for boots and chairs.",
    features: ["Sleeps four, 195 cm peak height", "Blackout bedroom", "Large porch with a sewn-in groundsheet", "Colour-coded poles"],
    stock: "out",
  }),
  camping({
    name: "Alpine 20°F Down Sleeping Bag",
    icon: "sleepingBag",
    priceCents: 27900,
    blurb: "A mummy bag filled with responsibly sourced 800-fill down, comfortable to -7 °C and light enough to forget it is in your pack.",
    features: ["Comfort -1 °C, limit -7 °C", "800-fill RDS-certified down", "Draft collar and shaped hood", "Compression stuff sack"],
    stock: "low",
  }),
  camping({
    name: "Meadow 40°F Synthetic Sleeping Bag",
    icon: "sleepingBag",
    priceCents: 11900,
    blurb: "A roomy synthetic bag for summer camping and festivals, warm even when damp and easy to wash at home.",
    features: ["Comfort 5 °C", "Synthetic insulation, machine washable", "Zips together with a second Meadow bag", "Stuff sack and storage bag"],
  }),
  camping({
    name: "Ember Lite Backpacking Stove",
    icon: "stove",
    priceCents: 5900,
    blurb: "A tiny canister stove that boils a litre in under four minutes and folds down to fit inside your mug.",
    features: ["Weighs 83 g", "Piezo ignition", "Wind-resistant burner", "Hard case"],
  }),
  camping({
    name: "Glow Rechargeable Camp Lantern",
    icon: "lantern",
    priceCents: 4900,
    blurb: "A warm, glare-free lantern for the tent or the picnic table that also charges your phone.",
    features: ["Up to 500 lumens", "Runs 100 hours on low", "USB-C in, USB-A out", "Hanging hook and folding handle"],
  }),
  camping({
    name: "Trailhead 1000-Lumen Headlamp",
    icon: "flashlight",
    priceCents: 4400,
    blurb: "A bright, comfortable headlamp with a red night mode and a battery that lasts a long weekend.",
    features: ["1000 lumens maximum", "Red light and lock mode", "IP67 waterproof", "USB-C rechargeable"],
  }),
  camping({
    name: "Drift Ultralight Hammock",
    icon: "hammock",
    priceCents: 7900,
    blurb: "A single-layer parachute nylon hammock with tree straps that sets up in two minutes between any two trees.",
    features: ["Holds up to 140 kg", "Tree-friendly straps included", "Packs to the size of a grapefruit", "Integrated stuff sack"],
  }),
  camping({
    name: "Titanium Camp Mug 450 ml",
    icon: "mug",
    priceCents: 3400,
    blurb: "A single-wall titanium mug that doubles as a cook pot, with folding handles and measuring marks inside.",
    features: ["Weighs 68 g", "Holds a 100 g gas canister", "Folding handles", "Lid with steam vent"],
  }),
  camping({
    name: "Campfire Cookset for Two",
    icon: "pot",
    priceCents: 6900,
    blurb: "A nesting cookset with a pot, a pan, two bowls and two mugs that packs into one bag.",
    features: ["Hard-anodised aluminium", "1.4 litre pot with strainer lid", "Two bowls and two insulated mugs", "Mesh carry bag"],
  }),
  // ── Summit Outfitters: cycling ──
  cycling({
    name: "Switchback Gravel Bike",
    icon: "bike",
    priceCents: 149900,
    blurb: "An aluminium gravel bike with a carbon fork, room for 45 mm tyres and the mounts for a week of bikepacking.",
    features: ["1 x 11 drivetrain", "Hydraulic disc brakes", "Clearance for 700 x 45 mm tyres", "Rack, fender and bottle mounts"],
    stock: "low",
  }),
  cycling({
    name: "Commuter City Bike, 7-Speed",
    icon: "bike",
    priceCents: 79900,
    blurb: "A practical city bike with an upright position, full fenders, a rear rack and lights that run off the hub dynamo.",
    features: ["Shimano Nexus 7-speed hub", "Dynamo lights front and rear", "Fenders, rack and kickstand", "Step-through frame available"],
  }),
  cycling({
    name: "Vector MIPS Road Helmet",
    icon: "helmet",
    priceCents: 12900,
    blurb: "A light, well-ventilated road helmet with MIPS rotational impact protection and a fit dial you can adjust with one hand.",
    features: ["MIPS liner", "18 vents", "Weighs 260 g (size M)", "Sizes S, M and L"],
  }),
  cycling({
    name: "Urban Commuter Helmet",
    icon: "helmet",
    priceCents: 8900,
    blurb: "A city helmet with a built-in rear light and a magnetic buckle, in colours that go with a work coat.",
    features: ["Integrated USB-C rear light", "Magnetic buckle", "Removable winter liner", "Sizes S to XL"],
    status: "DRAFT",
  }),
  cycling({
    name: "Hydra Insulated Bike Bottle 750 ml",
    icon: "bottle",
    priceCents: 2400,
    blurb: "An insulated squeeze bottle that keeps water cool for a long summer ride and fits every standard bottle cage.",
    features: ["750 ml", "Double-wall insulation", "High-flow valve", "BPA-free, dishwasher safe"],
  }),
  cycling({
    name: "Beam USB-C Bike Light Set",
    icon: "flashlight",
    priceCents: 4900,
    blurb: "A bright front light and a rear light with daylight flash modes, both charging from one USB-C cable.",
    features: ["800 lumen front, 100 lumen rear", "Daylight-visible flash modes", "Tool-free mounts", "IPX6 water resistant"],
  }),
  cycling({
    name: "Fortress U-Lock with Cable",
    icon: "lock",
    priceCents: 6900,
    blurb: "A hardened steel U-lock with a 1.2 m cable for the front wheel, rated for bikes left outside in the city.",
    features: ["16 mm hardened steel shackle", "1.2 m braided cable", "Frame mount", "Three keys with a registration code"],
  }),
  cycling({
    name: "Track Floor Pump with Gauge",
    icon: "pump",
    priceCents: 5400,
    blurb: "A tall floor pump with a large, readable gauge and a head that fits Presta and Schrader valves without swapping parts.",
    features: ["Up to 160 psi", "Dual-valve head", "Steel barrel, wooden handle", "Large 7 cm gauge"],
  }),
  // ── Summit Outfitters: hiking ──
  hiking({
    name: "Cirque 35 L Daypack",
    icon: "backpack",
    priceCents: 14900,
    blurb: "A 35-litre daypack with a ventilated back panel, a hip belt that actually carries weight and pockets where your hands expect them.",
    features: ["35 litres, 1.1 kg", "Ventilated trampoline back", "Hydration sleeve", "Integrated rain cover"],
  }),
  hiking({
    name: "Traverse 55 L Trekking Pack",
    icon: "backpack",
    priceCents: 24900,
    blurb: "A 55-litre pack for multi-day treks, with an adjustable back length and a frame that carries 20 kg comfortably.",
    features: ["55 + 10 litres", "Adjustable torso length", "Front U-zip access", "Sleeping bag compartment"],
    stock: "out",
  }),
  hiking({
    name: "Scree Waterproof Hiking Boots",
    icon: "boot",
    priceCents: 18900,
    blurb: "Mid-height leather hiking boots with a waterproof membrane and a grippy rubber sole, comfortable from the first walk.",
    features: ["Nubuck leather upper", "Waterproof, breathable membrane", "Vibram outsole", "Half sizes 6 to 13"],
  }),
  hiking({
    name: "Trail Runner Low Hiking Shoes",
    icon: "boot",
    priceCents: 13900,
    blurb: "Light, low hiking shoes with the cushioning of a trail runner and the grip of a boot, for fast days on good paths.",
    features: ["Weighs 310 g per shoe", "Rock plate", "Quick-lace system", "Wide fit available"],
  }),
  hiking({
    name: "Bearing Baseplate Compass",
    icon: "compass",
    priceCents: 3400,
    blurb: "A baseplate compass with a declination adjustment and a magnifier for map reading, because batteries die and phones lose signal.",
    features: ["Adjustable declination", "Global needle", "Magnifier and map scales", "Luminous markings"],
  }),
  hiking({
    name: "Carbon Trekking Poles (Pair)",
    icon: "poles",
    priceCents: 11900,
    blurb: "Three-section carbon trekking poles with cork grips and quick flick-locks, light enough to carry strapped to a pack.",
    features: ["Weighs 390 g the pair", "Adjustable 105 to 135 cm", "Cork grips with foam extensions", "Tips and baskets for summer and snow"],
  }),
  hiking({
    name: "Summit Insulated Bottle 1 L",
    icon: "bottle",
    priceCents: 3900,
    blurb: "A one-litre insulated steel bottle that keeps tea hot for 24 hours on a winter hike and water cold all summer day.",
    features: ["1 litre", "Hot 24 h, cold 48 h", "Leak-proof lid with a carry loop", "Powder-coated finish"],
  }),
  hiking({
    name: "Waterproof Map Case",
    icon: "map",
    priceCents: 2400,
    blurb: "A clear, fully waterproof map case with a neck cord, big enough for a folded map and your permits.",
    features: ["32 x 30 cm", "Roll-top waterproof closure", "Adjustable neck cord", "Floats"],
  }),
  hiking({
    name: "Summit Organic Cotton Hoodie",
    icon: "backpack",
    priceCents: 6900,
    blurb: "A heavyweight organic cotton hoodie for cold mornings at the trailhead and everything after, with a lined hood and a zip pocket.",
    features: ["400 gsm organic cotton", "Lined hood, zip chest pocket", "Pre-shrunk", "Machine washable"],
  }),
  hiking({
    name: "Ridge Softshell Jacket",
    icon: "backpack",
    priceCents: 16900,
    blurb: "A breathable, wind-resistant softshell that stretches with you on scrambles and sheds light rain.",
    features: ["4-way stretch fabric", "DWR finish", "Helmet-compatible hood", "Two hand pockets, one chest pocket"],
  }),
  hiking({
    name: "Merino Hiking Socks (2 Pairs)",
    icon: "boot",
    priceCents: 2800,
    blurb: "Cushioned merino wool socks that stay warm when wet and do not smell after three days on the trail.",
    features: ["70% merino wool", "Cushioned sole", "Reinforced heel and toe", "2 pairs"],
  }),
  decor({
    name: "Haven Three-Seat Sofa",
    icon: "pillow",
    priceCents: 129900,
    blurb: "A deep, low three-seater with a solid oak frame and feather-wrapped cushions, in a fabric for every room.",
    features: ["Solid oak frame", "Feather-wrapped foam cushions", "Removable, washable covers", "W 214 x D 96 x H 78 cm"],
  }),
];

/** Options a demo product comes in (a third of the catalogue), and what each combination is like. */
export interface DemoVariants {
  options: { name: string; values: string[] }[];
  /** Cents added to the product's price for a value ("XL": 500). */
  upcharge?: Record<string, number>;
  /** Combinations the seller does not offer ("S / Blue"). */
  skip?: string[];
  /** Combinations with nothing left. */
  soldOut?: string[];
}

const colours = (...values: string[]) => ({ name: "Colour", values });
const sizes = (...values: string[]) => ({ name: "Size", values });

export const VARIANTS: Record<string, DemoVariants> = {
  "Aria Wireless Over-Ear Headphones": { options: [colours("Black", "Sand")], soldOut: ["Sand"] },
  "Pebble True Wireless Earbuds": { options: [colours("Charcoal", "Ivory", "Sage")] },
  "Pebble Sport Earbuds": { options: [colours("Black", "Volt")], soldOut: ["Volt"] },
  "Harbor Mini Bluetooth Speaker": { options: [colours("Slate", "Coral", "Ocean")] },
  "Lighthouse Portable Speaker": { options: [colours("Black", "Red")] },
  "Ledger Mechanical Keyboard (75%)": {
    options: [
      { name: "Switches", values: ["Linear", "Tactile", "Clicky"] },
      { name: "Layout", values: ["US", "UK"] },
    ],
    skip: ["Clicky / UK"],
  },
  "Ledger Low-Profile Keyboard": { options: [colours("Graphite", "Silver")] },
  "Glide Wireless Mouse": { options: [colours("Black", "White", "Blue")] },
  "Felt & Cork Desk Mat": { options: [sizes("Medium", "Large", "XL")], upcharge: { Large: 1000, XL: 2000 } },
  "Hearth Stoneware Mug Set of 4": { options: [{ name: "Glaze", values: ["Speckled White", "Moss", "Ink"] }] },
  "Grove End-Grain Cutting Board": { options: [sizes("Medium", "Large")], upcharge: { Large: 2500 } },
  "Kettle & Co. Gooseneck Kettle": { options: [{ name: "Finish", values: ["Matte Black", "Brushed Steel", "Copper"] }], upcharge: { Copper: 1500 } },
  "Stoneware Pasta Bowls (Set of 4)": { options: [{ name: "Glaze", values: ["Oat", "Slate"] }] },
  "Tideline Ceramic Vase": { options: [sizes("Small", "Large"), colours("Sea Glass", "Sand")], upcharge: { Large: 1600 }, soldOut: ["Large / Sand"] },
  "Woven Wool Throw Pillow": { options: [colours("Rust", "Ochre", "Indigo"), sizes("18 in", "22 in")], upcharge: { "22 in": 800 } },
  "Chunky Knit Throw Blanket": { options: [colours("Cream", "Charcoal", "Blush")] },
  "Haven Three-Seat Sofa": {
    options: [{ name: "Fabric", values: ["Oat Linen", "Cream Boucle", "Forest Velvet"] }],
    upcharge: { "Cream Boucle": 20000, "Forest Velvet": 30000 },
  },
  "Arbor Ceramic Table Lamp": { options: [colours("Chalk", "Terracotta")] },
  "Nook Rechargeable Table Lamp": { options: [colours("Sand", "Charcoal", "Olive")] },
  "Ridgeline 2-Person Backpacking Tent": { options: [colours("Sage", "Rust")] },
  "Meadow 40°F Synthetic Sleeping Bag": { options: [{ name: "Length", values: ["Regular", "Long"] }], upcharge: { Long: 2000 } },
  "Drift Ultralight Hammock": { options: [colours("Forest", "Sky", "Sunset")] },
  "Trailhead 1000-Lumen Headlamp": { options: [colours("Black", "Orange")] },
  "Commuter City Bike, 7-Speed": { options: [{ name: "Frame size", values: ["S", "M", "L"] }, colours("Navy", "Cream")], soldOut: ["S / Cream"] },
  "Vector MIPS Road Helmet": {
    options: [sizes("S", "M", "L"), colours("Matte Black", "White", "Blue")],
    skip: ["S / Blue"],
    soldOut: ["L / Blue"],
  },
  "Hydra Insulated Bike Bottle 750 ml": { options: [colours("Black", "Teal", "Orange")] },
  "Cirque 35 L Daypack": { options: [colours("Black", "Olive", "Blue"), { name: "Torso", values: ["Short", "Regular"] }] },
  "Scree Waterproof Hiking Boots": {
    options: [sizes("US 7", "US 8", "US 9", "US 10", "US 11", "US 12"), colours("Brown", "Black")],
    soldOut: ["US 7 / Brown", "US 12 / Black"],
  },
  "Trail Runner Low Hiking Shoes": { options: [sizes("US 6", "US 7", "US 8", "US 9", "US 10", "US 11", "US 12", "US 13")], soldOut: ["US 13"] },
  "Summit Insulated Bottle 1 L": { options: [colours("Glacier", "Ember", "Pine")] },
  "Summit Organic Cotton Hoodie": {
    options: [sizes("S", "M", "L", "XL"), colours("Blue", "Black", "Heather Grey")],
    upcharge: { XL: 500 },
    soldOut: ["XL / Blue"],
  },
  "Ridge Softshell Jacket": { options: [sizes("XS", "S", "M", "L", "XL"), colours("Blue", "Black", "Ember")], soldOut: ["XS / Ember", "M / Black"] },
  "Merino Hiking Socks (2 Pairs)": { options: [sizes("S", "M", "L"), colours("Grey", "Blue")] },
};

export interface DemoReview {
  product: string;
  reviewer: "buyer2" | "ava" | "leo" | "sam";
  rating: number;
  title: string;
  body: string;
}

export const REVIEWS: DemoReview[] = [
  {
    product: "Aria Wireless Over-Ear Headphones",
    reviewer: "ava",
    rating: 5,
    title: "Quiet commute at last",
    body: "I ride a loud train every day. These cut the rumble without making my ears feel blocked, and the battery lasts the whole week.",
  },
  {
    product: "Aria Wireless Over-Ear Headphones",
    reviewer: "leo",
    rating: 4,
    title: "Great sound, snug fit",
    body: "Excellent detail and bass. A little tight for my big head in the first week, fine after that.",
  },
  {
    product: "Aria Wireless Over-Ear Headphones",
    reviewer: "buyer2",
    rating: 5,
    title: "Worth every cent",
    body: "Switching between laptop and phone just works. The pads are very comfortable for long calls.",
  },
  {
    product: "Pebble True Wireless Earbuds",
    reviewer: "sam",
    rating: 4,
    title: "Tiny and good",
    body: "Sound is warmer than I expected from something this small. Case picks up fingerprints.",
  },
  {
    product: "Pebble True Wireless Earbuds",
    reviewer: "ava",
    rating: 3,
    title: "Good, not great for calls",
    body: "Music is lovely but people say I sound far away on calls when it is windy.",
  },
  {
    product: "Harbor Bookshelf Speakers (Pair)",
    reviewer: "leo",
    rating: 5,
    title: "Plugged my turntable straight in",
    body: "The built-in phono input saved me buying a separate preamp. They fill our living room easily.",
  },
  {
    product: "Solstice Belt-Drive Turntable",
    reviewer: "sam",
    rating: 5,
    title: "Set up in five minutes",
    body: "It really arrived aligned. Records sound clean and quiet, and the speed change button is a nice touch.",
  },
  {
    product: "Quill USB Condenser Microphone",
    reviewer: "buyer2",
    rating: 4,
    title: "Podcast-ready",
    body: "Clear and easy. Picks up a bit of keyboard noise, so I moved it to a boom arm.",
  },
  {
    product: "Ledger Mechanical Keyboard (75%)",
    reviewer: "leo",
    rating: 5,
    title: "The thock is real",
    body: "Deep, quiet sound and the keycaps feel great. Bluetooth switching between three machines is seamless.",
  },
  {
    product: "Ledger Mechanical Keyboard (75%)",
    reviewer: "ava",
    rating: 4,
    title: "Lovely board, heavy",
    body: "Types beautifully. Heavier than I expected, so it stays on my desk rather than in my bag.",
  },
  {
    product: "Glide Wireless Mouse",
    reviewer: "sam",
    rating: 4,
    title: "Silent clicks are great",
    body: "My partner no longer hears me working late. Scroll wheel is addictive.",
  },
  {
    product: "Junction 8-in-1 USB-C Hub",
    reviewer: "buyer2",
    rating: 2,
    title: "Gets warm",
    body: "Works, but it runs hot when charging my laptop and driving a 4K screen together.",
  },
  {
    product: 'Ember Cast Iron Skillet 10"',
    reviewer: "ava",
    rating: 5,
    title: "Eggs slide right off",
    body: "The smooth surface makes a real difference. Heavy, as it should be.",
  },
  {
    product: 'Ember Cast Iron Skillet 10"',
    reviewer: "sam",
    rating: 5,
    title: "Best pan I own",
    body: "Goes from hob to oven to table. Seasoning has only improved after a month.",
  },
  {
    product: "Hearth Stoneware Mug Set of 4",
    reviewer: "leo",
    rating: 4,
    title: "Beautiful glaze",
    body: "Each mug is slightly different, which I love. Slightly smaller than I expected.",
  },
  {
    product: "Grove End-Grain Cutting Board",
    reviewer: "buyer2",
    rating: 5,
    title: "Solid and beautiful",
    body: "Does not slide at all, and my knives stay sharp longer. Oil it once a month.",
  },
  {
    product: "Kettle & Co. Gooseneck Kettle",
    reviewer: "ava",
    rating: 4,
    title: "Precise pour",
    body: "Great for pour-over. The hold-temperature feature is handy on slow mornings.",
  },
  {
    product: "Tideline Ceramic Vase",
    reviewer: "sam",
    rating: 5,
    title: "Even prettier in person",
    body: "The glaze has so much depth. It looks great empty too.",
  },
  {
    product: "Cedar & Smoke Soy Candle",
    reviewer: "leo",
    rating: 5,
    title: "Smells like a cabin",
    body: "Not overpowering, burns evenly, and I reuse the jar for pens.",
  },
  {
    product: "Arbor Ceramic Table Lamp",
    reviewer: "ava",
    rating: 4,
    title: "Warm, cosy light",
    body: "Lovely on my bedside table. The dimmer is on the cord, which is easy to reach.",
  },
  {
    product: "Ridgeline 2-Person Backpacking Tent",
    reviewer: "sam",
    rating: 5,
    title: "Pitched it in the rain",
    body: "Fly-first pitching kept the inner dry during a downpour. Two doors are a relationship saver.",
  },
  {
    product: "Ridgeline 2-Person Backpacking Tent",
    reviewer: "leo",
    rating: 4,
    title: "Light and roomy",
    body: "Easily fits two sleeping pads. Stakes are a bit flimsy for rocky ground.",
  },
  {
    product: "Glow Rechargeable Camp Lantern",
    reviewer: "buyer2",
    rating: 5,
    title: "Perfect tent light",
    body: "Warm light, no glare, and charged my phone on the last night.",
  },
  {
    product: "Switchback Gravel Bike",
    reviewer: "ava",
    rating: 5,
    title: "Rides everything",
    body: "Commuting on weekdays, gravel on weekends. Assembly took twenty minutes with the video.",
  },
  {
    product: "Vector MIPS Road Helmet",
    reviewer: "sam",
    rating: 4,
    title: "Cool and comfortable",
    body: "Great ventilation on hot climbs. The fit dial works with one hand while riding.",
  },
  {
    product: "Cirque 35 L Daypack",
    reviewer: "leo",
    rating: 5,
    title: "Carries like a bigger pack",
    body: "The hip belt takes real weight and my back stays dry. Rain cover came in handy.",
  },
  {
    product: "Scree Waterproof Hiking Boots",
    reviewer: "ava",
    rating: 4,
    title: "Dry feet through bogs",
    body: "Took a few walks to soften but now they are my favourite boots.",
  },
  {
    product: "Carbon Trekking Poles (Pair)",
    reviewer: "buyer2",
    rating: 5,
    title: "Knees say thank you",
    body: "Light, quick to adjust, and the cork grips do not get sweaty.",
  },
];

export const TAX_RATES: Array<{ country: string; rateBps: number }> = [
  { country: "US", rateBps: 800 },
  { country: "GB", rateBps: 2000 },
  { country: "DE", rateBps: 1900 },
  { country: "FR", rateBps: 2000 },
  { country: "CA", rateBps: 1300 },
];

export const PLATFORM_SETTINGS: Array<{ key: string; value: number }> = [
  { key: "commission.defaultBps", value: 1000 },
  { key: "stock.lowThresholdDefault", value: 5 },
];
