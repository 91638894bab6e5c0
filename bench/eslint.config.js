import { base } from "@bazaar/eslint-config/base";

export default [...base, { ignores: ["results/**"] }];
