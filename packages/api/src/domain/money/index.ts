export { allocateByWeight, applyBasisPoints, applyRatio } from "./allocate";
export { formatMoney } from "./format";
export { PLATFORM_CURRENCY } from "./currency";
