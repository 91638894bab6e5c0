export { ListingSkeleton as default } from "~/components/listing/listing-skeleton";
