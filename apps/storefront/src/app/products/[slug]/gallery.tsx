"use client";

import { useState } from "react";
import { FillImage } from "~/components/fill-image";
import { cn } from "@bazaar/ui";

export interface GalleryImage {
  id: string;
  url: string;
  alt: string;
}

/** The product's pictures: one large in a square box (no layout shift), thumbnails to switch. */
export function Gallery({ images, name }: { images: GalleryImage[]; name: string }) {
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  return (
    <div className="space-y-3">
      <div className="relative aspect-square overflow-hidden rounded-xl bg-slate-100 ring-1 ring-slate-200">
        {current ? (
          <FillImage src={current.url} alt={current.alt || name} priority />
        ) : (
          <p className="flex h-full items-center justify-center text-sm text-slate-500">No picture yet</p>
        )}
      </div>
      {images.length > 1 ? (
        <ul className="flex gap-2" aria-label="Pictures">
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={`Show picture ${i + 1} of ${images.length}`}
                aria-pressed={i === index}
                className={cn(
                  "relative block size-16 overflow-hidden rounded-md bg-slate-100 ring-2 sm:size-20",
                  i === index ? "ring-brand-600" : "ring-transparent hover:ring-slate-300",
                )}
              >
                <FillImage src={image.url} alt="" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
