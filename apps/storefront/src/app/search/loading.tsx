import { ListingSkeleton } from "~/components/listing/listing-skeleton";

export default ListingSkeleton;
