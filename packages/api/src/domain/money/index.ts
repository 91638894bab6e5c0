export { allocateByWeight, applyBasisPoints, applyRatio } from "./allocate";
export { formatMoney } from "./format";
