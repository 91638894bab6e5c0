/**
 * A picture filling its box (the box sets the size, so nothing moves as it loads), as a plain
 * <img>. next/image would render the same tag here (pictures are served as they are:
 * images.unoptimized, see next.config.ts) but ships its client code (~3 KB gzip) to every page
 * that shows one, the stored public pages included. `priority` is for the picture likely to be
 * the page's largest paint: fetched first, never lazily.
 */
export function FillImage({ src, alt, priority = false }: { src: string; alt: string; priority?: boolean }) {
  return (
    <img
      src={src}
      alt={alt}
      decoding="async"
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      className="absolute inset-0 size-full object-cover"
    />
  );
}
