// A buyer's (or a guest's) photo for a return request, mounted by the storefront at
// /api/returns/photos: the ticket comes from `returns.photoUpload`, which checked that the caller
// may ask to return items of the order; photos only (JPEG, PNG, WebP), 5 MB at most each.
import { orderOfReturnPhotoOwner, returnPhotoPrefix } from "../media/keys";
import { RETURN_PHOTO_TYPES } from "../validators/orders";
import { imageUploadRoute } from "./media";

export const POST = imageUploadRoute({
  prefixOf: (ownerId) => {
    const orderId = orderOfReturnPhotoOwner(ownerId);
    return orderId ? returnPhotoPrefix(orderId) : null;
  },
  accept: RETURN_PHOTO_TYPES,
  acceptMessage: "Attach photos as JPEG, PNG or WebP images.",
});
