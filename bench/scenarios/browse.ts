// Browsing: what every visitor does most. The listing and product pages as HTML (served from
// the storefront's cache when it has one), and the product-list and product tRPC queries as a
// client would fetch them (plain GETs that no cache answers), each hammered by autocannon for a
// fixed time.
import { autocannonGet, type CpuReader, type LoadFigures } from "../lib/load";
import { trpcQueryPath } from "../lib/http";

export interface BrowseTargets {
  listingPath: string;
  productPath: string;
  /** The input the listing page asks catalog.list for. */
  listInput: Record<string, unknown>;
  /** The product page's product, as an API client asks catalog.product for it. */
  productInput: Record<string, unknown>;
}

export interface BrowseFigures {
  listing: LoadFigures;
  product: LoadFigures;
  listQuery: LoadFigures;
  productQuery: LoadFigures;
}

export async function runBrowse(
  storefrontUrl: string,
  targets: BrowseTargets,
  options: { connections: number; durationS: number; warmupS: number; cpu?: CpuReader },
): Promise<BrowseFigures> {
  const measure = async (path: string) => {
    const url = storefrontUrl + path;
    // Whatever the timings, a page that does not answer 200 is broken.
    const probe = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (probe.status !== 200) throw new Error(`GET ${path} answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    // A short warm-up fills caches and JIT; its figures are thrown away.
    await autocannonGet(url, { connections: Math.min(8, options.connections), durationS: options.warmupS });
    return autocannonGet(url, { connections: options.connections, durationS: options.durationS, cpu: options.cpu });
  };
  return {
    listing: await measure(targets.listingPath),
    product: await measure(targets.productPath),
    listQuery: await measure(trpcQueryPath("catalog.list", targets.listInput)),
    productQuery: await measure(trpcQueryPath("catalog.product", targets.productInput)),
  };
}
