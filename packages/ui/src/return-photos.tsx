/** The photos a buyer attached to a return, as thumbnails linking to the full picture (seller and admin consoles). */
export function ReturnPhotos({ photos, returnNumber }: { photos: string[]; returnNumber: number }) {
  if (photos.length === 0) return null;
  return (
    <ul aria-label={`Photos of return #${returnNumber}`} className="flex flex-wrap gap-2">
      {photos.map((url, i) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noreferrer" className="block rounded focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none">
            <img
              src={url}
              alt={`Photo ${i + 1} of ${photos.length} from the buyer`}
              width={80}
              height={80}
              className="size-20 rounded object-cover ring-1 ring-slate-200"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
